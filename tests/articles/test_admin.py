"""Who sees which admin page; changelist query counts that do not grow with rows."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import (
    Annotation,
    AnnotationReply,
    Article,
    AuditEntry,
    Correction,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
    PublicArticle,
    Revision,
    Section,
    SourceDocument,
)
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS
from articles.services.audit import audit_record
from articles.services.workflow import article_publish
from tests.articles.workflow_helpers import article_in
from tests.factories import (
    AnnotationFactory,
    ArticleFactory,
    EntityAliasFactory,
    SectionFactory,
    SourceDocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    SourceDocument,
    Section,
    Article,
    Revision,
    Correction,
    Entity,
    EntityAlias,
    Mention,
    IgnoredName,
    Annotation,
    AnnotationReply,
    AuditEntry,
]
EDITOR_PAGES = [
    reverse("admin:index"),
    reverse("admin:articles_sourcedocument_import"),
] + [
    reverse(f"admin:articles_{model._meta.model_name}_changelist")
    for model in ALL_MODELS
]


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_editor_gets_every_desk_page(editor_client, url):
    assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_anonymous_is_sent_to_login(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_reviewer_cannot_import(reviewer_client):
    assert (
        reviewer_client.get(reverse("admin:articles_sourcedocument_import")).status_code
        == 403
    )
    response = reviewer_client.post(
        reverse("admin:articles_sourcedocument_import"), {"text": "Sneaky copy"}
    )
    assert response.status_code == 403
    assert not SourceDocument.objects.exists()


def test_reviewer_sees_the_article_list_but_no_import_link(reviewer_client):
    response = reviewer_client.get(reverse("admin:articles_sourcedocument_changelist"))
    assert response.status_code == 200
    assert (
        reverse("admin:articles_sourcedocument_import") not in response.content.decode()
    )


def test_editor_sees_the_import_link(editor_client):
    response = editor_client.get(reverse("admin:articles_sourcedocument_changelist"))
    assert reverse("admin:articles_sourcedocument_import") in response.content.decode()


def test_staff_without_a_role_sees_nothing_of_the_desk():
    client = Client()
    client.force_login(UserFactory(username="nobody"))
    url = reverse("admin:articles_article_changelist")
    assert client.get(url).status_code == 403


def test_nobody_can_edit_a_source_document_or_the_audit_log(editor_client, superuser):
    document = SourceDocumentFactory()
    entry = audit_record(actor=None, action="import", obj=document)
    boss = Client()
    boss.force_login(superuser)
    for client in (editor_client, boss):
        response = client.post(
            reverse("admin:articles_sourcedocument_change", args=[document.pk]),
            {"filename": "renamed.txt"},
        )
        assert response.status_code == 403
        response = client.post(
            reverse("admin:articles_auditentry_delete", args=[entry.pk]),
            {"post": "yes"},
        )
        assert response.status_code == 403
    document.refresh_from_db()
    assert document.filename != "renamed.txt"
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def _make_rows(model, n: int) -> None:
    makers = {
        SourceDocument: lambda: SourceDocumentFactory(),
        Article: lambda: ArticleFactory(
            source=SourceDocumentFactory(), first_line=1, last_line=2
        ),
        Revision: lambda: ArticleFactory(),
        EntityAlias: lambda: EntityAliasFactory(),
        Entity: lambda: EntityAliasFactory(),
        Annotation: lambda: AnnotationFactory(),
        AuditEntry: lambda: audit_record(
            actor=UserFactory(), action="import", obj=SourceDocumentFactory()
        ),
        PublicArticle: lambda: article_publish(
            article=article_in(ArticleStatus.APPROVED), by=UserFactory(role=EDITORS)
        ),
    }
    for _ in range(n):
        makers[model]()


@pytest.mark.parametrize(
    "model",
    [
        SourceDocument,
        Article,
        Revision,
        Entity,
        EntityAlias,
        Annotation,
        AuditEntry,
        PublicArticle,
    ],
)
def test_changelist_query_count_does_not_grow_with_rows(
    model, superuser, django_assert_num_queries
):
    client = Client()
    client.force_login(superuser)
    url = reverse(f"admin:articles_{model._meta.model_name}_changelist")
    _make_rows(model, 3)
    client.get(url)  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _make_rows(model, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["cl"].result_count == model.objects.count()


@pytest.mark.parametrize("name", ["publicarticle", "publicversion"])
def test_public_representation_is_read_only_for_admins(superuser, editor_client, name):
    client = Client()
    client.force_login(superuser)
    assert client.get(reverse(f"admin:articles_{name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:articles_{name}_add")).status_code == 403
    assert (
        editor_client.get(reverse(f"admin:articles_{name}_changelist")).status_code
        == 403
    )


def test_deleting_a_section_that_files_articles_is_refused_without_listing_them(
    superuser,
):
    section = SectionFactory(name="Politics")
    empty = SectionFactory(name="Weather")
    for n in range(3):
        ArticleFactory(section=section, headline=f"Filed story {n}")
    client = Client()
    client.force_login(superuser)

    refused = client.get(reverse("admin:articles_section_delete", args=[section.pk]))
    page = refused.content.decode()
    assert "Articles filed in it: move them to another section." in page
    assert "Filed story" not in page  # one probe, not the list of every article
    client.post(
        reverse("admin:articles_section_delete", args=[section.pk]), {"post": "yes"}
    )
    assert Section.objects.filter(pk=section.pk).exists()

    client.post(
        reverse("admin:articles_section_delete", args=[empty.pk]), {"post": "yes"}
    )
    assert not Section.objects.filter(pk=empty.pk).exists()

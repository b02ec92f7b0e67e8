"""Moving an article to another section, the one article field the admin form edits:
through the service, audited with the real actor, the public copy following."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import AuditEntry, PublicArticle
from articles.models.stories import ArticleStatus
from articles.services.publishing import public_article_refresh
from articles.services.sections import SectionError, article_section_change
from tests.articles.workflow_helpers import article_in
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def _form(article, section) -> dict:
    return {
        "section": section.pk,
        "revisions-TOTAL_FORMS": 1,
        "revisions-INITIAL_FORMS": 1,
        "revisions-0-id": article.current_revision_id,
        "revisions-0-article": article.pk,
    }


def test_the_admin_form_moves_a_live_article_and_its_public_copy(editor):
    article = article_in(ArticleStatus.PUBLISHED)
    public_article_refresh(article=article)
    sport = SectionFactory(name="Sport", slug="sport")
    client = Client()
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        _form(article, sport),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.section == sport
    assert PublicArticle.objects.get(article=article).section == sport
    [entry] = AuditEntry.objects.filter(action="article_section_change")
    assert entry.actor == editor
    assert entry.note.endswith("→ Sport")


def test_moving_needs_permission_to_change_articles(reviewer):
    article = article_in(ArticleStatus.DRAFT)
    with pytest.raises(SectionError, match="permission to move articles"):
        article_section_change(article=article, section=SectionFactory(), by=reviewer)
    assert not AuditEntry.objects.filter(action="article_section_change").exists()


def test_moving_to_the_same_section_writes_nothing(editor):
    article = article_in(ArticleStatus.DRAFT)
    version = article.version
    article_section_change(article=article, section=article.section, by=editor)
    article.refresh_from_db()
    assert article.version == version
    assert not AuditEntry.objects.filter(action="article_section_change").exists()

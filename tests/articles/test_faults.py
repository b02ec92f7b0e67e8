"""A database error in the middle of a write leaves nothing half-done: the split, a
transition, a correction and a merge each roll back whole. The person sees the desk's
error page (JSON under /api/, see tests/api/test_bad_input.py), and the next request
works.

The fault is injected by making an inner step raise DatabaseError, as a dropped
connection or a failed statement would; the database itself is real.
"""

import pytest
from django.apps import apps
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from articles.models import Article, Entity, EntityAlias, Mention
from articles.models.stories import ArticleStatus
from articles.services import entities, revisions, splitting, workflow
from articles.services.entities import entity_merge
from articles.services.imports import source_document_import
from articles.services.revisions import article_edit
from articles.services.splitting import StoryPlan, source_document_split
from articles.services.workflow import article_publish
from articles.text.splitting import StoryChoice
from tests.articles.workflow_helpers import article_in
from tests.factories import EntityAliasFactory, EntityFactory, UserFactory

pytestmark = pytest.mark.django_db


def _state() -> dict:
    """Every row of the app, by model: what a rolled-back write must leave as it was."""
    return {
        model.__name__: sorted(model.objects.values_list(flat=False))
        for model in apps.get_app_config("articles").get_models()
    }


def _fail_on_call(monkeypatch, module, name: str, *, call: int = 1) -> None:
    """Make `module.name` raise DatabaseError on its `call`-th call."""
    real = getattr(module, name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            raise DatabaseError("server closed the connection unexpectedly")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, failing)


COPY = (
    "Harbour reopens after storm\n"
    "The harbour reopened on Monday after a week of repairs.\n"
    "\n"
    "Council approves the school budget\n"
    "The city council approved next year's school budget on Tuesday.\n"
)
PLANS = [
    StoryPlan(StoryChoice(1, 2, "Harbour reopens after storm", headline_line=1), None),
    StoryPlan(StoryChoice(4, 5, "Council approves the budget", headline_line=4), None),
]


@pytest.fixture
def document(editor):
    return source_document_import(
        data=COPY.encode(), filename="w.txt", by=editor
    ).document


def test_a_split_that_fails_on_its_second_story_writes_no_story(
    document, editor, monkeypatch
):
    before = _state()
    _fail_on_call(monkeypatch, splitting, "revision_link_entities", call=2)
    with pytest.raises(DatabaseError):
        source_document_split(document=document, stories=PLANS, by=editor)
    assert _state() == before


def test_a_split_that_fails_again_keeps_the_first_split(document, editor, monkeypatch):
    first = source_document_split(document=document, stories=PLANS, by=editor)
    before = _state()
    _fail_on_call(monkeypatch, splitting, "audit_record")
    with pytest.raises(DatabaseError):
        source_document_split(document=document, stories=PLANS, by=editor)
    assert _state() == before
    assert set(Article.objects.values_list("pk", flat=True)) == {a.pk for a in first}


def test_a_publication_that_fails_while_rendering_stays_approved(monkeypatch):
    article = article_in(ArticleStatus.APPROVED)
    before = _state()
    _fail_on_call(monkeypatch, workflow, "public_article_refresh")
    with pytest.raises(DatabaseError):
        article_publish(article=article, by=UserFactory(role="Editors"))
    assert _state() == before
    article.refresh_from_db()
    assert (article.status, article.published_revision) == (
        ArticleStatus.APPROVED,
        None,
    )


def test_a_correction_that_fails_while_linking_saves_neither_text_nor_note(
    monkeypatch, editor2
):
    article = article_in(ArticleStatus.PUBLISHED)
    before = _state()
    _fail_on_call(monkeypatch, revisions, "revision_link_entities")
    with pytest.raises(DatabaseError):
        article_edit(
            article=article,
            by=editor2,
            base_revision_id=article.current_revision_id,
            headline=article.headline,
            body="A corrected first paragraph.\n\nA second paragraph.",
            correction="The date was wrong.",
        )
    assert _state() == before


def test_a_merge_that_fails_at_the_end_keeps_both_entities(monkeypatch, editor):
    survivor = EntityFactory(name="Harbour Authority")
    other = EntityFactory(name="Port Authority", description="The port's operator.")
    EntityAliasFactory(entity=other, text="the port")
    article = article_in(ArticleStatus.PUBLISHED)
    Mention.objects.create(
        revision=article.current_revision, entity=other, start=0, end=7, text="A first"
    )
    before = _state()
    _fail_on_call(monkeypatch, entities, "_relink_on_commit")
    with pytest.raises(DatabaseError):
        entity_merge(survivor=survivor, other=other, by=editor)
    assert _state() == before
    assert Entity.objects.filter(pk=other.pk).exists()
    assert EntityAlias.objects.get(text="the port").entity_id == other.pk


# --- what the person sees ---------------------------------------------------------


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_the_split_page_shows_the_error_page_and_works_next_time(
    document, editor, monkeypatch
):
    client = _client(editor)
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    form = {
        "start": ["1", "4"],
        "headline-1": "Harbour reopens after storm",
        "headline-4": "Council approves the budget",
        "create": "Create",
    }
    before = _state()
    _fail_on_call(monkeypatch, splitting, "revision_link_entities", call=2)
    response = client.post(url, form)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page
    assert "nothing of it was saved" in page
    assert "server closed the connection" not in page  # no internals shown
    assert "<script" not in page and "style=" not in page
    assert _state() == before

    monkeypatch.undo()
    assert client.get(url).status_code == 200
    assert client.post(url, form).status_code == 302
    assert Article.objects.filter(source=document).count() == 2


def test_a_workflow_button_shows_the_error_page_and_works_next_time(
    monkeypatch, editor2
):
    article = article_in(ArticleStatus.APPROVED)
    client = _client(editor2)
    url = reverse("admin:articles_article_transition", args=[article.pk, "publish"])
    before = _state()
    _fail_on_call(monkeypatch, workflow, "public_article_refresh")
    response = client.post(url)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert _state() == before

    monkeypatch.undo()
    assert client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED

"""The candidates page reads per-name totals kept as articles are linked, edited,
retracted and as names are decided; they always equal a recount of the articles."""

import pytest

from articles.models import CandidateName, CandidateTotal
from articles.models.stories import ArticleStatus
from articles.selectors.entities import entity_candidates
from articles.services.candidates import candidate_totals_rebuild
from articles.services.entities import (
    candidate_confirm_new,
    candidate_ignore,
    entity_create,
    revision_link_entities,
)
from articles.services.revisions import article_edit
from articles.services.workflow import article_publish, article_retract
from tests.articles.workflow_helpers import article_in
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _page() -> dict[str, tuple[int, int, str | None]]:
    return {
        row.text: (row.count, row.article_count, row.kind_hint)
        for row in entity_candidates()
    }


def _as_recounted() -> dict[str, tuple[int, int, str | None]]:
    """The page as it would be if the totals were summed again from the articles."""
    kept = _page()
    candidate_totals_rebuild()
    recounted = _page()
    assert kept == recounted
    return recounted


def _edit(article, body: str, by) -> None:
    article_edit(
        article=article,
        by=by,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=body,
    )


def _live(body: str, by):
    article = article_in(ArticleStatus.APPROVED, body=body)
    revision_link_entities(revision=article.current_revision)
    return article_publish(article=article, by=by)


def test_linking_articles_adds_to_a_names_totals(editor):
    ArticleFactory(linked=True, body="The Zorblax Agency said so. The Zorblax Agency.")
    ArticleFactory(linked=True, body="Envoy Tom West met the Zorblax Agency.")

    page = _as_recounted()

    assert page["Zorblax Agency"] == (3, 2, "organisation")
    assert page["Tom West"] == (1, 1, "person")
    assert CandidateTotal.objects.count() == 2


def test_an_edit_moves_the_totals_by_what_changed(editor):
    kept = ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    edited = ArticleFactory(linked=True, body="The Zorblax Agency and Quux Council.")

    _edit(edited, "Only the Quux Council spoke. The Quux Council left.", editor)

    page = _as_recounted()
    assert page["Zorblax Agency"] == (1, 1, "organisation")
    assert page["Quux Council"] == (2, 1, "organisation")
    _edit(kept, "Nobody spoke.", editor)
    assert "Zorblax Agency" not in _as_recounted()
    assert not CandidateTotal.objects.filter(normalized="zorblax agency").exists()


def test_a_retracted_articles_names_are_no_longer_proposed(editor):
    article = _live("The Zorblax Agency denied it.", editor)
    ArticleFactory(linked=True, body="The Quux Council met.")
    assert "Zorblax Agency" in _page()

    article_retract(article=article, by=editor, reason="Withdrawn for a test.")

    assert set(_as_recounted()) == {"Quux Council"}
    assert not CandidateName.objects.filter(article=article).exists()


def test_confirmed_and_ignored_names_leave_the_page_at_once(editor, on_commit):
    for _ in range(2):
        ArticleFactory(linked=True, body="The Zorblax Agency met the Quux Council.")
    ArticleFactory(linked=True, body="Envoy Tom West resigned.")

    with on_commit():
        candidate_confirm_new(text="Zorblax Agency", kind="organisation", by=editor)
    candidate_ignore(text="Tom West", by=editor)

    assert _as_recounted() == {"Quux Council": (2, 2, "organisation")}


def test_a_relink_after_a_registry_change_keeps_the_totals(editor, on_commit):
    ArticleFactory(linked=True, body="The Zorblax Agency met the Quux Council.")
    ArticleFactory(linked=True, body="The Quux Council met.")
    retracted = _live("The Blorp Group met the Quux Council.", editor)
    article_retract(article=retracted, by=editor, reason="Withdrawn for a test.")

    with on_commit():
        entity_create(name="Quux Council", kind="organisation", by=editor)

    assert _as_recounted() == {"Zorblax Agency": (1, 1, "organisation")}


def test_the_page_is_ordered_by_count_then_articles_and_limited(editor):
    ArticleFactory(linked=True, body="Quux Council. Quux Council. Quux Council.")
    first, second, third = (
        ArticleFactory(linked=True, body=f"The Zorblax Agency met group {n}.")
        for n in range(3)
    )
    ArticleFactory(linked=True, body="The Blorp Group spoke.")

    rows = entity_candidates(limit=2)

    assert [(r.text, r.count, r.article_count) for r in rows] == [
        ("Zorblax Agency", 3, 3),
        ("Quux Council", 3, 1),
    ]
    # Three snippets: from the first articles, one each here; all three from one.
    assert [c.article_id for c in rows[0].contexts] == [
        first.pk,
        second.pk,
        third.pk,
    ]
    assert [c.headline for c in rows[0].contexts] == [
        first.headline,
        second.headline,
        third.headline,
    ]
    assert len(rows[1].contexts) == 3

"""The candidates page reads per-name totals kept as articles are linked, edited,
retracted and as names are decided; they always equal a recount of the articles."""

import pytest
from django.urls import reverse

from articles.models import Article, CandidateName, CandidateTotal
from articles.models.stories import ArticleStatus
from articles.selectors.entities import entity_candidates
from articles.services.candidates import candidate_totals_rebuild
from articles.services.deletion import articles_delete
from articles.services.entities import (
    alias_delete,
    candidate_confirm_alias,
    candidate_confirm_new,
    candidate_ignore,
    candidates_rebuild,
    entity_create,
    entity_delete,
    revision_link_entities,
)
from articles.services.imports import source_document_import
from articles.services.revisions import article_edit
from articles.services.splitting import StoryPlan, source_document_split
from articles.services.workflow import article_publish, article_retract
from articles.text.splitting import StoryChoice
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


def test_a_deleted_entitys_name_is_proposed_again_in_every_article(editor, on_commit):
    with on_commit():
        entity = entity_create(name="Zorblax Agency", kind="organisation", by=editor)
    ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    ArticleFactory(linked=True, body="The Zorblax Agency met the Quux Council.")
    assert set(_page()) == {"Quux Council"}

    with on_commit():
        entity_delete(entity=entity, by=editor)

    assert _as_recounted()["Zorblax Agency"] == (2, 2, "organisation")


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


# --- every way an article goes, and a recount of the whole archive -------------

COPY = (
    "Zorblax Agency opens an office\n"  # 1
    "\n"
    "The Zorblax Agency opened an office beside the Quux Council.\n"  # 3
    "\n"
    "Envoy Tom West resigns\n"  # 5
    "Envoy Tom West resigned from the Quux Council on Friday.\n"  # 6
)


def _split(document, editor, *, first_last: int = 3):
    choices = [
        StoryChoice(
            first_line=1,
            last_line=first_last,
            headline="Zorblax Agency opens an office",
            headline_line=1,
        ),
        StoryChoice(
            first_line=5,
            last_line=6,
            headline="Envoy Tom West resigns",
            headline_line=5,
        ),
    ]
    return source_document_split(
        document=document,
        stories=[StoryPlan(choice, None) for choice in choices],
        by=editor,
    )


def _document(editor):
    return source_document_import(
        data=COPY.encode(), filename="wire.txt", by=editor
    ).document


def _stored() -> tuple[set[tuple], set[tuple]]:
    totals = CandidateTotal.objects.values_list(
        "normalized", "total", "articles", "people", "organisations", "events"
    )
    names = CandidateName.objects.values_list(
        "article_id", "revision_id", "normalized", "count"
    )
    return set(totals), set(names)


def _assert_as_recounted_from_the_articles() -> None:
    """The stored names and totals are those a rebuild from every article makes."""
    kept = _stored()
    candidates_rebuild()
    assert _stored() == kept


def test_splitting_again_takes_the_replaced_drafts_off_the_totals(editor):
    document = _document(editor)
    _split(document, editor)
    assert _page()["Quux Council"] == (2, 2, "organisation")

    _split(document, editor, first_last=4)  # replaces both drafts

    assert Article.objects.count() == 2
    assert _as_recounted()["Quux Council"] == (2, 2, "organisation")
    _assert_as_recounted_from_the_articles()


def test_the_admin_deletes_no_article_even_for_a_superuser(superuser, client):
    article = ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    client.force_login(superuser)
    changelist = client.get(reverse("admin:articles_article_changelist"))
    actions = dict(changelist.context["action_form"].fields["action"].choices)

    assert "delete_selected" not in actions
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
    assert _page()["Zorblax Agency"] == (1, 1, "organisation")


def test_a_published_article_is_never_deleted(editor):
    article = _live("The Zorblax Agency denied it.", editor)
    with pytest.raises(ValueError):
        articles_delete(article_ids=[article.pk])
    assert _page()["Zorblax Agency"] == (1, 1, "organisation")


def test_the_totals_equal_a_recount_after_every_kind_of_change(
    editor, editor2, on_commit
):
    document = _document(editor)
    _split(document, editor)
    _split(document, editor, first_last=4)
    first = Article.objects.order_by("first_line").first()
    _edit(first, "The Zorblax Agency and the Blorp Group met Tom West.", editor)
    _live("The Blorp Group met the Quux Council.", editor2)
    retracted = _live("The Zorblax Agency met the Quux Council.", editor2)
    article_retract(article=retracted, by=editor, reason="Withdrawn for a test.")
    _assert_as_recounted_from_the_articles()

    with on_commit():
        blorp = candidate_confirm_new(
            text="Blorp Group", kind="organisation", by=editor
        )
        agency = entity_create(name="Agency", kind="organisation", by=editor)
    with on_commit():
        alias = candidate_confirm_alias(text="Zorblax Agency", entity=agency, by=editor)
    candidate_ignore(text="Tom West", by=editor)
    _assert_as_recounted_from_the_articles()
    assert set(_page()) == {"Quux Council"}
    with on_commit():  # both names are proposed again
        entity_delete(entity=blorp, by=editor)
        alias_delete(alias=alias, by=editor)
    _assert_as_recounted_from_the_articles()
    assert set(_page()) == {"Quux Council", "Blorp Group", "Zorblax Agency"}

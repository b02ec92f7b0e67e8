"""The consistency checks run where the work is: after a split and on every saved
revision; a cross-story finding names the other article and is on both articles."""

import pytest
from django.urls import reverse

from articles.models import Annotation, Article
from articles.services.imports import source_document_import
from articles.services.revisions import article_edit
from articles.services.splitting import StoryPlan, source_document_split
from articles.text.splitting import StoryChoice

pytestmark = pytest.mark.django_db

IMPOSED = "Britain imposed sanctions on Volna Shipping in March, officials said."
LIFTED = "Britain lifted the sanctions on Volna Shipping in April, officials said."
QUIET = "Port traffic recovered in April as the weather improved, officials said."


def _split(editor, first_body: str, second_body: str) -> tuple[Article, Article]:
    copy = (
        f"Shipper under sanctions\n\n{first_body}\n\n"
        f"Port traffic recovers\n\n{second_body}\n"
    )
    document = source_document_import(
        data=copy.encode(), filename="wire.txt", by=editor
    ).document
    plans = [
        StoryPlan(StoryChoice(1, 3, "Shipper under sanctions", 1), None),
        StoryPlan(StoryChoice(5, 7, "Port traffic recovers", 5), None),
    ]
    first, second = source_document_split(document=document, stories=plans, by=editor)
    return first, second


def _conflicts(article: Article) -> list[Annotation]:
    return list(article.annotations.filter(origin="relation-conflict"))


def test_a_split_annotates_a_cross_story_conflict_on_both_articles(editor):
    first, second = _split(editor, IMPOSED, LIFTED)

    [on_first] = _conflicts(first)
    [on_second] = _conflicts(second)
    assert on_first.exact.startswith("Britain imposed sanctions on Volna Shipping")
    assert "“Port traffic recovers” (paragraph 1)" in on_first.comment
    assert "“Shipper under sanctions” (paragraph 1)" in on_second.comment
    assert "of this source" not in on_first.comment
    assert on_first.related == [
        {"article": second.pk, "headline": "Port traffic recovers", "quote": LIFTED}
    ]


def test_the_finding_links_to_the_passage_in_the_other_article(editor, reviewer_client):
    first, second = _split(editor, IMPOSED, LIFTED)

    [on_first] = _conflicts(first)
    [link] = on_first.related_passages
    assert link["headline"] == "Port traffic recovers"
    assert link["url"].startswith(
        reverse("articles:review", args=[second.pk]) + "#:~:text=Britain%20lifted"
    )
    html = reviewer_client.get(reverse("articles:review", args=[first.pk])).content
    assert f'href="{link["url"]}"'.encode() in html
    assert "the passage in “Port traffic recovers”".encode() in html


def test_a_saved_revision_is_checked_and_the_other_article_gets_the_conflict(editor):
    first, second = _split(editor, IMPOSED, QUIET)
    assert not _conflicts(first) and not _conflicts(second)

    revision = article_edit(
        article=second,
        by=editor,
        base_revision_id=second.current_revision_id,
        headline="Port traffic recovers",
        body=LIFTED,
    )

    [on_second] = _conflicts(second)
    assert on_second.revision == revision
    assert "“Shipper under sanctions”" in on_second.comment
    [on_first] = _conflicts(first)
    assert on_first.revision == first.current_revision
    assert "“Port traffic recovers”" in on_first.comment


def test_a_saved_revision_with_a_repeated_paragraph_is_flagged_at_once(editor):
    first, _ = _split(editor, IMPOSED, QUIET)

    article_edit(
        article=first,
        by=editor,
        base_revision_id=first.current_revision_id,
        headline="Shipper under sanctions",
        body=f"{IMPOSED}\n\n{IMPOSED}",
    )

    assert first.annotations.filter(origin="duplicate-paragraph").count() == 1


def test_the_checks_stay_within_the_source(editor):
    elsewhere, _ = _split(editor, IMPOSED, QUIET)
    other_copy = f"Sanctions lifted\n\n{LIFTED}\n"
    document = source_document_import(
        data=other_copy.encode(), filename="other.txt", by=editor
    ).document
    [lifted] = source_document_split(
        document=document,
        stories=[StoryPlan(StoryChoice(1, 3, "Sanctions lifted", 1), None)],
        by=editor,
    )

    assert not _conflicts(lifted) and not _conflicts(elsewhere)


def test_a_finding_dismissed_before_is_not_raised_again_by_a_later_save(editor):
    from articles.services.review import annotation_dismiss

    first, _ = _split(editor, IMPOSED, LIFTED)
    [on_first] = _conflicts(first)
    annotation_dismiss(annotation=on_first, by=editor, reason="Both are true in turn")

    article_edit(
        article=first,
        by=editor,
        base_revision_id=first.current_revision_id,
        headline="Shipper under sanctions",
        body=f"{IMPOSED}\n\nThe company denied wrongdoing.",
    )

    assert len(_conflicts(first)) == 1


@pytest.mark.parametrize(
    ("check", "first_body", "second_body"),
    [
        (
            "figures",
            "The lottery fund granted £250,000 to the rowing club, officials said.",
            "Members said the lottery fund granted £520,000 to the rowing club.",
        ),
        (
            "title-consistency",
            "Head coach Dani Lusk said the crew had trained all winter.",
            "Assistant coach Dani Lusk said the crew had trained all winter.",
        ),
    ],
)
def test_a_cross_story_figure_or_title_conflict_is_on_both_articles(
    editor, check, first_body, second_body
):
    first, second = _split(editor, first_body, second_body)

    [on_first] = first.annotations.filter(origin=check)
    [on_second] = second.annotations.filter(origin=check)
    assert on_first.severity == on_second.severity == "blocking"
    assert "“Port traffic recovers” (paragraph 1)" in on_first.comment
    assert "“Shipper under sanctions” (paragraph 1)" in on_second.comment
    assert "line" not in on_first.comment and "line" not in on_second.comment
    assert on_first.related == [
        {
            "article": second.pk,
            "headline": "Port traffic recovers",
            "quote": second_body,
        }
    ]
    assert on_second.related == [
        {
            "article": first.pk,
            "headline": "Shipper under sanctions",
            "quote": first_body,
        }
    ]

"""The conflict and diff pages: both sides told apart, paragraphs kept."""

import pytest
from django.urls import reverse

from articles.services.revisions import article_edit
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor):
    return ArticleFactory(
        body="The harbour reopened on Monday.\n\nBoats returned at dawn.",
        body__author=editor,
    )


def test_the_conflict_page_names_the_revision_started_from_and_tells_the_sides_apart(
    article, editor, editor2, editor_client
):
    base = article.current_revision
    article_edit(
        article=article,
        by=editor2,
        base_revision_id=base.pk,
        headline=article.headline,
        body="The harbour reopened on Tuesday.\n\nBoats returned at dawn.",
    )

    response = editor_client.post(
        reverse("articles:edit", args=[article.pk]),
        {
            "base_revision_id": base.pk,
            "headline": article.headline,
            "body": "The harbour reopened on Wednesday.\n\nBoats returned at dawn.",
            "message": "",
        },
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert (
        f"You started from revision {base.number}; {editor2.username} saved "
        f"revision {base.number + 1} while you were editing"
    ) in html
    assert "<li><del>Theirs</del> only in revision 2 (saved)</li>" in html
    assert "<li><ins>Yours</ins> only in your text (not saved)</li>" in html
    box = html[html.index('class="desk-diff desk-diff-conflict"') :]
    assert (
        "<p>The harbour reopened on <del>Tuesday</del><ins>Wednesday</ins>.</p>" in box
    )
    assert "<p>Boats returned at dawn.</p>" in box
    assert "articles/diff.css" in html


def test_the_diff_page_shows_paragraphs_as_paragraphs_with_a_legend(
    article, editor, editor_client
):
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body="The harbour reopened on Monday.\n\nBoats returned at dawn.\n\nNew text.",
    )

    html = editor_client.get(reverse("articles:diff", args=[article.pk])).content
    html = html.decode()

    assert (
        "<p>The harbour reopened on Monday.</p><p>Boats returned at dawn.</p>" in html
    )
    assert "<p><ins>New text.</ins></p>" in html
    assert "<li><ins>Added</ins> in revision 2</li>" in html


def test_line_breaks_sent_by_a_browser_are_stored_as_newlines(article, editor_client):
    response = editor_client.post(
        reverse("articles:edit", args=[article.pk]),
        {
            "base_revision_id": article.current_revision_id,
            "headline": article.headline,
            "body": "The harbour reopened on Monday.\r\n\r\nBoats returned at noon.",
            "message": "",
        },
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_revision.body == (
        "The harbour reopened on Monday.\n\nBoats returned at noon."
    )

"""What the reviewer quoted is kept apart from where the annotation sits now."""

import pytest
from django.urls import reverse

from articles.models import AnnotationPlacement
from articles.roles import EDITORS
from articles.services.review import annotation_apply_suggestion
from articles.services.revisions import article_edit, article_revert
from tests.articles.workflow_helpers import annotate_phrase
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Unemployment rose to 4 percent in March, the ministry said.\n\n"
    "A year earlier it stood at 5 percent, and 5 percent was the forecast."
)


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def test_a_new_annotation_records_what_was_quoted(article):
    annotation = annotate_phrase(article, "4 percent")
    assert annotation.quoted_exact == "4 percent"
    assert annotation.quoted_prefix == "Unemployment rose to "
    assert annotation.quoted_suffix.startswith(" in March")
    assert annotation.created_on_revision_id == article.current_revision_id


def test_applying_a_suggestion_keeps_the_quote_and_the_suggestion(article):
    annotation = annotate_phrase(article, "4 percent", suggestion="3.5 percent")
    editor = UserFactory(role=EDITORS)
    revision = annotation_apply_suggestion(
        annotation=annotation, by=editor, base_revision_id=article.current_revision_id
    )
    annotation.refresh_from_db()
    assert "rose to 3.5 percent in March" in revision.body
    assert annotation.quoted_exact == "4 percent"
    assert annotation.suggestion == "3.5 percent"
    assert annotation.status == "resolved"
    # its current placement is the replacement, not another "5 percent"
    assert (annotation.start, annotation.end) == (21, 32)
    assert annotation.exact == "3.5 percent"
    assert annotation.anchor_state == "changed"


def test_each_new_placement_is_a_history_row(article):
    annotation = annotate_phrase(article, "5 percent")
    editor = UserFactory(role=EDITORS)
    rev2 = article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.current_revision.headline,
        body="Breaking.\n\n" + BODY,
    )
    annotation.refresh_from_db()
    placements = list(AnnotationPlacement.objects.filter(annotation=annotation))
    assert [(p.revision_id, p.state, p.exact) for p in placements] == [
        (rev2.pk, "anchored", "5 percent")
    ]
    assert placements[0].start == annotation.start == BODY.index("5 percent") + 11
    assert annotation.quoted_exact == "5 percent"


def _edit(article, by, body):
    article.refresh_from_db()
    return article_edit(
        article=article,
        by=by,
        base_revision_id=article.current_revision_id,
        headline=article.current_revision.headline,
        body=body,
    )


def test_edits_by_two_people_in_turn_are_mapped_step_by_step(article, editor, editor2):
    annotation = annotate_phrase(article, "4 percent")
    _edit(article, editor, "Breaking.\n\n" + BODY)
    _edit(article, editor2, "Breaking.\n\n" + BODY.replace("rose to 4", "rose to 4.2"))
    annotation.refresh_from_db()
    article.refresh_from_db()
    body = article.current_revision.body
    assert annotation.anchor_state == "changed"
    assert body[annotation.start : annotation.end] == "4.2 percent"
    assert annotation.quoted_exact == "4 percent"
    states = list(annotation.placements.values_list("state", "exact"))
    assert states == [("anchored", "4 percent"), ("changed", "4.2 percent")]


def test_a_changed_annotation_stays_changed_until_its_words_read_as_quoted(
    article, editor
):
    annotation = annotate_phrase(article, "4 percent")
    _edit(article, editor, BODY.replace("rose to 4", "rose to 4.2"))
    _edit(article, editor, "Breaking.\n\n" + BODY.replace("rose to 4", "rose to 4.2"))
    annotation.refresh_from_db()
    assert annotation.anchor_state == "changed"  # shifted, still not what was quoted
    _edit(article, editor, BODY)
    annotation.refresh_from_db()
    assert annotation.anchor_state == "anchored"
    assert annotation.exact == "4 percent"


def test_a_revert_brings_an_orphaned_annotation_back(article, editor):
    annotation = annotate_phrase(article, "the ministry said")
    first = article.current_revision
    _edit(article, editor, BODY.replace(", the ministry said.", "."))
    annotation.refresh_from_db()
    assert annotation.anchor_state == "orphaned"
    assert annotation.revision_id == first.pk  # keeps where it was last seen
    article.refresh_from_db()
    article_revert(
        article=article,
        by=editor,
        to_revision=first,
        base_revision_id=article.current_revision_id,
    )
    annotation.refresh_from_db()
    article.refresh_from_db()
    body = article.current_revision.body
    assert annotation.anchor_state == "anchored"
    assert body[annotation.start : annotation.end] == "the ministry said"
    assert annotation.revision_id == article.current_revision_id
    assert list(annotation.placements.values_list("state", flat=True)) == [
        "orphaned",
        "anchored",
    ]


def test_a_deleted_sentence_never_passes_its_annotation_to_a_look_alike(
    article, editor
):
    annotation = annotate_phrase(article, "5 percent")  # the first of two
    _edit(
        article, editor, BODY.replace("A year earlier it stood at 5 percent, and ", "")
    )
    annotation.refresh_from_db()
    assert annotation.anchor_state == "orphaned"


def test_the_review_page_says_plainly_what_happened_to_the_words(
    article, editor, reviewer_client
):
    changed = annotate_phrase(article, "4 percent")
    gone = annotate_phrase(article, "the ministry said")
    _edit(
        article,
        editor,
        BODY.replace("rose to 4", "rose to 4.2").replace(", the ministry said", ""),
    )
    page = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    html = page.content.decode()
    card = html[html.index(f'id="annotation-{changed.pk}"') :]
    assert "The annotated words were edited" in card
    assert "<del>4 percent</del> → <ins>4.2 percent</ins>" in card
    orphan = html[html.index(f'id="annotation-{gone.pk}"') :]
    assert "no longer in the text (last seen in revision 1)" in orphan

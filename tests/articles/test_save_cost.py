"""A save holds the article's lock while it carries the open annotations onto the new
text: it does so in a fixed number of statements, however many annotations there are
(two statements per annotation made every save on a busy article slower, and every
reviewer and editor waiting for that article waited longer)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Annotation, AnnotationPlacement
from articles.models.review import AnchorState
from articles.roles import EDITORS, REVIEWERS
from articles.services.revisions import article_edit
from tests.articles.workflow_helpers import annotate_phrase
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "The harbour authority said the new quay would open in March.\n\n"
    "Ferry operators welcomed the plan and expect more passengers next year."
)
PHRASES = ("new quay", "Ferry operators", "more passengers")


def _annotated_article(notes: int):
    article = ArticleFactory(body=BODY)
    reviewer = UserFactory(role=REVIEWERS)
    for n in range(notes):
        annotate_phrase(
            article,
            PHRASES[n % len(PHRASES)],
            by=reviewer,
            kind="needs_source",
            severity="advisory",
            comment=f"Note {n}",
        )
    return article


def _save(article, editor):
    return article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=f"Updated on Monday. {BODY}",
    )


def test_a_save_costs_the_same_with_twice_the_open_annotations(
    django_assert_num_queries,
):
    editor = UserFactory(role=EDITORS)
    few, many = _annotated_article(5), _annotated_article(10)
    _save(_annotated_article(1), editor)  # the caches one save fills (permissions)

    with CaptureQueriesContext(connection) as with_few:
        _save(few, editor)
    with django_assert_num_queries(len(with_few)):
        revision = _save(many, editor)

    notes = Annotation.objects.filter(article=many)
    assert notes.count() == 10
    for note in notes:
        moved = revision.body[note.start : note.end]
        assert (note.revision_id, note.anchor_state, moved) == (
            revision.pk,
            AnchorState.ANCHORED,  # the same words, further on
            note.quoted_exact,
        )
    history = AnnotationPlacement.objects.filter(
        annotation__article=many, revision=revision
    )
    assert history.count() == 10
    assert {(p.start, p.end, p.exact) for p in history} == {
        (n.start, n.end, n.exact) for n in notes
    }


def test_an_orphan_is_left_as_it_is_while_the_others_move():
    editor = UserFactory(role=EDITORS)
    article = _annotated_article(3)
    cut = article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=BODY.replace("the new quay", "it"),
    )
    orphan = Annotation.objects.get(article=article, quoted_exact="new quay")
    assert orphan.anchor_state == AnchorState.ORPHANED

    article.refresh_from_db()
    later = article_edit(
        article=article,
        by=editor,
        base_revision_id=cut.pk,
        headline=article.headline,
        body=f"{cut.body} More later.",
    )

    unchanged = Annotation.objects.get(pk=orphan.pk)
    assert (unchanged.revision_id, unchanged.anchor_state, unchanged.updated_at) == (
        orphan.revision_id,
        AnchorState.ORPHANED,
        orphan.updated_at,
    )
    others = Annotation.objects.filter(article=article).exclude(pk=orphan.pk)
    assert {(n.revision_id, n.anchor_state) for n in others} == {
        (later.pk, AnchorState.ANCHORED)
    }
    assert set(
        AnnotationPlacement.objects.filter(revision=later).values_list(
            "annotation_id", flat=True
        )
    ) == {n.pk for n in others}

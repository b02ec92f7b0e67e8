"""What the reviewer quoted is kept apart from where the annotation sits now."""

import pytest

from articles.models import AnnotationPlacement
from articles.roles import EDITORS, REVIEWERS
from articles.services.review import annotation_apply_suggestion, annotation_create
from articles.services.revisions import article_edit
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Unemployment rose to 4 percent in March, the ministry said.\n\n"
    "A year earlier it stood at 5 percent, and 5 percent was the forecast."
)


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def _annotate(article, exact, suggestion=None):
    reviewer = UserFactory(role=REVIEWERS)
    start = article.current_revision.body.index(exact)
    return annotation_create(
        article=article,
        by=reviewer,
        revision_id=article.current_revision_id,
        start=start,
        end=start + len(exact),
        exact=exact,
        kind="factual_error",
        severity="blocking",
        suggestion=suggestion,
    )


def test_a_new_annotation_records_what_was_quoted(article):
    annotation = _annotate(article, "4 percent")
    assert annotation.quoted_exact == "4 percent"
    assert annotation.quoted_prefix == "Unemployment rose to "
    assert annotation.quoted_suffix.startswith(" in March")
    assert annotation.created_on_revision_id == article.current_revision_id


def test_applying_a_suggestion_keeps_the_quote_and_the_suggestion(article):
    annotation = _annotate(article, "4 percent", suggestion="3.5 percent")
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
    annotation = _annotate(article, "5 percent")
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

"""Articles put straight into a workflow state, and annotated, for the tests."""

from django.utils import timezone

from articles.models import Annotation, Article
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services.review import annotation_create
from tests.factories import ArticleFactory, UserFactory


def article_in(status: str, *, author=None, **fields) -> Article:
    """An article in `status` with what that status implies (pins, dates, reason).

    Its revision 1 is written by `author` (by default an editor of its own), so that
    the four-eyes rule does not get in the way of the other users.
    """
    author = author or UserFactory(role=EDITORS)
    article = ArticleFactory(body__author=author, **fields)
    revision = article.current_revision
    values: dict = {"status": status}
    if status in (ArticleStatus.APPROVED, ArticleStatus.PUBLISHED):
        values["approved_revision"] = revision
    if status in (ArticleStatus.PUBLISHED, ArticleStatus.RETRACTED):
        values["published_revision"] = revision
        values["published_at"] = timezone.now()
    if status == ArticleStatus.RETRACTED:
        values["retracted_at"] = timezone.now()
        values["retraction_reason"] = "Withdrawn in a test."
    Article.objects.filter(pk=article.pk).update(**values)
    article.refresh_from_db()
    return article


def annotate_phrase(
    article: Article,
    exact: str,
    *,
    by=None,
    kind: str = "factual_error",
    severity: str = "blocking",
    **fields,
) -> Annotation:
    """An annotation on the first `exact` in the article's current text, made through
    the service by `by` (by default a reviewer of its own)."""
    start = article.current_revision.body.index(exact)
    return annotation_create(
        article=article,
        by=by or UserFactory(role=REVIEWERS),
        revision_id=article.current_revision_id,
        start=start,
        end=start + len(exact),
        exact=exact,
        kind=kind,
        severity=severity,
        **fields,
    )

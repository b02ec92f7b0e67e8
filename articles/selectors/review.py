"""Reads behind the review page: an article's annotations and highlighted text."""

from django.db.models import Prefetch, QuerySet

from articles.models import Annotation, AnnotationReply, Article, Mention, Revision
from articles.models.review import AnchorState, AnnotationStatus
from articles.text.highlight import Run, Span, highlight_runs


def article_annotations(*, article: Article) -> QuerySet[Annotation]:
    """All of the article's annotations, open first, with authors and replies loaded."""
    replies = AnnotationReply.objects.select_related("author").order_by(
        "created_at", "pk"
    )
    return (
        Annotation.objects.filter(article=article)
        .select_related(
            "author",
            "resolved_by",
            "resolved_in_revision",
            "created_on_revision",
            "revision",
        )
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("status", "start", "pk")
    )


def revision_mentions(*, revision: Revision) -> list[Mention]:
    return list(revision.mentions.select_related("entity").order_by("start"))


def review_runs(
    *, revision: Revision, annotations: list[Annotation], mentions: list[Mention]
) -> tuple[Run, ...]:
    """The revision's body cut into runs, each knowing its annotations and mentions."""
    spans = [
        Span(a.start, a.end, f"a{a.pk}")
        for a in annotations
        if a.status == AnnotationStatus.OPEN
        and a.revision_id == revision.pk
        and a.anchor_state != AnchorState.ORPHANED
    ]
    spans += [Span(m.start, m.end, f"m{m.entity_id}") for m in mentions]
    return highlight_runs(revision.body, spans)

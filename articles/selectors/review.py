"""Reads behind the review page: an article's annotations and highlighted text."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class PlacementNote:
    """What the card says about where an open annotation's words went."""

    state: str  # changed | moved | orphaned
    message: str
    quoted: str  # what the reviewer selected
    now: str  # what the span covers now; empty when orphaned


def placement_note(annotation: Annotation) -> PlacementNote | None:
    """The note for an open annotation whose words changed, moved or are gone; None
    when it sits on the words it was made on (or it is closed)."""
    if annotation.status != AnnotationStatus.OPEN:
        return None
    state = annotation.anchor_state
    quoted = annotation.quoted_exact
    if state == AnchorState.CHANGED:
        message = "The annotated words were edited; it now covers the new wording."
        return PlacementNote(state, message, quoted, annotation.exact)
    if state == AnchorState.MOVED:
        message = "The annotated words were moved to another place in the text."
        return PlacementNote(state, message, quoted, annotation.exact)
    if state == AnchorState.ORPHANED:
        message = (
            "The annotated words are no longer in the text (last seen in revision "
            f"{annotation.revision.number}): select the passage it belongs to and "
            "re-attach it."
        )
        return PlacementNote(state, message, quoted, "")
    return None

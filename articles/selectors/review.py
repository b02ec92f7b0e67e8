"""Reads behind the review page: an article's annotations and highlighted text."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from articles.models import (
    Annotation,
    AnnotationReply,
    Article,
    Assignment,
    AuditEntry,
    Mention,
    Recommendation,
    Revision,
    ScheduledAction,
)
from articles.models.distribution import ScheduledKind, ScheduledState
from articles.models.review import AnchorState, AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.services.workflow import TRANSITIONS, Offer, workflow_offers
from articles.text.highlight import Run, Span, highlight_runs

User = AbstractBaseUser | AnonymousUser


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


SUBHEADING = "## "


def review_body_html(
    *, runs: tuple[Run, ...], annotations: list[Annotation], entities: dict
) -> SafeString:
    """The body as the review page shows it: highlights and mentions as <mark>s, and
    sub-heading lines as headings. Its text content is exactly the revision's body (the
    "## " marker is kept, hidden by CSS), so offsets counted in the page are the
    server's."""
    by_key = {f"a{a.pk}": a for a in annotations}
    lines: list[list[tuple[str, tuple[str, ...]]]] = [[]]
    for run in runs:
        for i, part in enumerate(run.text.split("\n")):
            if i:
                lines[-1].append(("\n", ()))
                lines.append([])
            if part:
                lines[-1].append((part, run.keys))
    html = []
    for line in lines:
        heading = bool(line) and line[0][0].startswith(SUBHEADING)
        if heading:
            text, keys = line[0]
            line = [(text[len(SUBHEADING) :], keys), *line[1:]]
            html.append(
                '<span class="review-subheading" role="heading" aria-level="2">'
                f'<span class="subheading-marker">{SUBHEADING}</span>'
            )
        for text, keys in line:
            if heading and text == "\n":
                html.append("</span>")
                heading = False
            html.append(_mark(text, keys, by_key, entities) if keys else _text(text))
        if heading:
            html.append("</span>")
    return mark_safe("".join(html))  # every piece is escaped above


def _text(text: str) -> str:
    """Escaped, with carriage returns as character references: an HTML parser turns a
    literal CR LF into LF, which would shift every offset after it by one."""
    return escape(text).replace("\r", "&#13;")


def _mark(text: str, keys: tuple[str, ...], by_key: dict, entities: dict) -> str:
    notes = [by_key[k] for k in keys if k in by_key]
    named = [entities[int(k[1:])] for k in keys if k.startswith("m")]
    classes = []
    if notes:
        classes.append("has-annotation")
        classes += [f"sev-{a.severity}" for a in notes]
    if named:
        classes.append("has-entity")
    title = "\n".join(
        [f"{a.get_kind_display()}: {a.comment[:80]}" for a in notes]
        + [f"{e.name} ({e.get_kind_display()})" for e in named]
    )
    return format_html(
        '<mark class="{}" data-keys="{}" title="{}">{}</mark>',
        " ".join(dict.fromkeys(classes)),
        " ".join(keys),
        title,
        mark_safe(_text(text)),  # escaped by _text
    )


@dataclass(frozen=True)
class ReviewWorkflow:
    """The workflow panel of the review page, for one user."""

    offers: list[Offer]
    last_note: AuditEntry | None
    last_step: str  # the label of the step the last note was left on
    assignment: Assignment | None
    recommendations: list[Recommendation]
    can_claim: bool
    can_release: bool
    can_assign: bool
    scheduled: ScheduledAction | None  # the waiting publication or retraction
    can_schedule: bool  # the user may schedule the approved article's publication
    can_schedule_retraction: bool  # the user may schedule the live article's retraction


def review_workflow(
    *, article: Article, user: User, open_blocking: list[Annotation]
) -> ReviewWorkflow:
    """What the user may do with the article now, its reviewer, the recommendations
    of its current revision and the last note anyone left on a workflow step."""
    recommendations = list(
        Recommendation.objects.filter(revision_id=article.current_revision_id)
        .select_related("reviewer")
        .order_by("created_at", "pk")
    )
    scheduled = (
        ScheduledAction.objects.filter(article=article, state=ScheduledState.WAITING)
        .select_related("scheduled_by")
        .first()
    )
    offers = workflow_offers(
        article=article,
        user=user,
        open_blocking=len(open_blocking),
        own_open_blocking=sum(1 for a in open_blocking if a.author_id == user.pk),
        recommended=any(r.reviewer_id == user.pk for r in recommendations),
        scheduled_publication=scheduled.run_at
        if scheduled is not None and scheduled.action == ScheduledKind.PUBLISH
        else None,
    )
    last_note = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id=str(article.pk),
            action__in=list(TRANSITIONS),
        )
        .exclude(note="")
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    try:
        assignment = article.assignment
    except Assignment.DoesNotExist:
        assignment = None
    in_review = article.status == ArticleStatus.IN_REVIEW
    reviewer = user.has_perm("articles.review_article")
    mine = assignment is not None and assignment.reviewer_id == user.pk
    editor = user.has_perm("articles.approve_article")
    return ReviewWorkflow(
        offers=offers,
        last_note=last_note,
        last_step=TRANSITIONS[last_note.action].label if last_note else "",
        assignment=assignment,
        recommendations=recommendations,
        can_claim=in_review and reviewer and assignment is None,
        can_release=in_review and assignment is not None and (mine or editor),
        can_assign=in_review and editor,
        scheduled=scheduled,
        can_schedule=scheduled is None
        and article.status == ArticleStatus.APPROVED
        and user.has_perm("articles.publish_article"),
        can_schedule_retraction=scheduled is None
        and article.is_live
        and user.has_perm("articles.retract_article"),
    )


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

"""An article's history, oldest first: revisions, transitions, annotations."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from articles.models import Annotation, Article, AuditEntry, Revision
from articles.models.review import HUMAN_ORIGIN
from articles.models.stories import ArticleStatus

# What the timeline says for each audited action (anything else shows its name).
ACTION_TEXT = {
    "submit": "submitted it for review",
    "recommend_approval": "recommended approval",
    "request_changes": "requested changes",
    "approve": "approved",
    "publish": "published",
    "retract": "retracted it",
    "resolve": "resolved an annotation",
    "dismiss": "dismissed an annotation",
    "reopen": "reopened an annotation",
    "reattach": "re-attached an annotation",
    "claim": "claimed it for review",
    "assign": "assigned it",
    "unassign": "put it back among the unclaimed",
}


@dataclass(frozen=True)
class TimelineEvent:
    """One line of the timeline; all text is plain (templates escape it)."""

    at: datetime.datetime
    kind: str  # "revision", "transition" or "annotation"
    action: str  # the audit action, or "revision" / "annotate"
    actor: str  # a username, the automated check's name, or "system"
    text: str  # what happened, after the actor's name
    detail: str = ""  # a note, comment or reason
    revision_number: int | None = None
    from_state: str = ""  # status labels, for transitions
    to_state: str = ""


def article_timeline(*, article: Article) -> list[TimelineEvent]:
    """The article's timeline, oldest first, in three queries whatever its length.

    Revisions and annotations come from their rows (automated checks annotate without
    an audit entry), everything else from the audit log; an "edit" entry is shown
    as its revision.
    """
    revisions = list(
        Revision.objects.filter(article=article).select_related("author").defer("body")
    )
    annotations = list(
        Annotation.objects.filter(article=article).select_related(
            "author", "resolved_in_revision"
        )
    )
    article_type = ContentType.objects.get_for_model(Article)
    annotation_type = ContentType.objects.get_for_model(Annotation)
    entries = list(
        AuditEntry.objects.filter(
            Q(content_type=article_type, object_id=str(article.pk))
            | Q(content_type=annotation_type, data__article=article.pk)
        )
        .exclude(action="annotate")
        .select_related("actor")
    )
    # An edit that moved the status (approved back to draft) shows on its revision.
    status_changes = {
        e.revision_number: (e.from_state, e.to_state)
        for e in entries
        if e.action == "edit" and e.from_state != e.to_state
    }
    events = [_revision_event(r, status_changes.get(r.number)) for r in revisions]
    events += [_annotation_opened(a) for a in annotations]
    by_id = {str(a.pk): a for a in annotations}
    events += [
        _audit_event(e, by_id.get(e.object_id)) for e in entries if e.action != "edit"
    ]
    order = {"revision": 0, "annotation": 1, "transition": 2}
    events.sort(key=lambda e: (e.at, order[e.kind]))
    return events


def _label(status: str) -> str:
    try:
        return ArticleStatus(status).label
    except ValueError:
        return status


def _username(user) -> str:
    return user.get_username() if user is not None else "system"


def _revision_event(
    revision: Revision, status_change: tuple[str, str] | None
) -> TimelineEvent:
    before, after = status_change or ("", "")
    return TimelineEvent(
        at=revision.created_at,
        kind="revision",
        action="revision",
        actor=_username(revision.author),
        text=f"saved revision {revision.number}",
        detail=revision.message,
        revision_number=revision.number,
        from_state=_label(before) if before else "",
        to_state=_label(after) if after else "",
    )


def _annotation_opened(annotation: Annotation) -> TimelineEvent:
    human = annotation.origin == HUMAN_ORIGIN
    return TimelineEvent(
        at=annotation.created_at,
        kind="annotation",
        action="annotate",
        actor=_username(annotation.author) if human else annotation.origin,
        text=f"opened {_a(annotation.get_severity_display().lower())} annotation "
        f"({annotation.get_kind_display().lower()}) "
        f"on “{_short(annotation.quoted_exact)}”",
        detail=annotation.comment,
    )


def _audit_event(entry: AuditEntry, annotation: Annotation | None) -> TimelineEvent:
    text = ACTION_TEXT.get(entry.action, entry.action.replace("_", " "))
    is_annotation = "article" in entry.data
    if is_annotation:
        quote = annotation.quoted_exact if annotation else entry.object_repr
        text = f"{text} on “{_short(quote)}”"
        fixed_in = annotation.resolved_in_revision if annotation else None
        if entry.action == "resolve" and fixed_in is not None:
            text = f"{text}, fixed in revision {fixed_in.number}"
    elif entry.action in {"approve", "publish"} and entry.revision_number:
        text = f"{text} revision {entry.revision_number}"
    return TimelineEvent(
        at=entry.created_at,
        kind="annotation" if is_annotation else "transition",
        action=entry.action,
        actor=_username(entry.actor),
        text=text,
        detail=entry.note,
        revision_number=entry.revision_number,
        from_state="" if is_annotation else _label(entry.from_state),
        to_state="" if is_annotation else _label(entry.to_state),
    )


def _a(word: str) -> str:
    """The word with its indefinite article: "an advisory", "a blocking"."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Saving new revisions of an article: edits, reverts, and what follows each save.

A save never overwrites: it is based on the revision the editor started from, and a
newer revision in between is a conflict. After each save the open annotations are
re-anchored to the new text and the entity mentions are recomputed.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import (
    Annotation,
    AnnotationPlacement,
    Article,
    Correction,
    Revision,
)
from articles.models.review import AnchorState, AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.services.audit import audit_record
from articles.services.entities import revision_link_entities
from articles.services.locking import article_lock
from articles.text.anchoring import Anchor, Reanchored, follow_edit

BATCH = 500  # annotations written per statement when a save carries them over


class EditRefused(Exception):
    """The edit cannot be saved; the message says why."""


class EditConflict(EditRefused):
    """Someone saved a newer revision since the editor started; nothing was written."""

    def __init__(self, *, current: Revision, headline: str, body: str) -> None:
        self.current = current
        self.headline = headline
        self.body = body
        author = current.author.get_username() if current.author else "someone"
        super().__init__(
            f"{author} saved revision {current.number} while you were editing: "
            "compare both texts, merge, and save again."
        )


def article_edit(
    *,
    article: Article,
    by: AbstractBaseUser,
    base_revision_id: int,
    headline: str,
    body: str,
    message: str = "",
    correction: str = "",
    correction_date: datetime.date | None = None,
) -> Revision:
    """Save headline and body as a new revision on top of `base_revision_id`.

    An approved or published article goes back to draft (the published revision stays
    live until a new one is approved and published); editing published copy needs a
    public correction note. Raises EditConflict or EditRefused; nothing is written then.
    """
    headline, body = headline.strip(), body.strip()
    if not by.has_perm("articles.change_article"):
        raise EditRefused("You do not have permission to edit articles.")
    if not headline or not body:
        raise EditRefused("An article needs a headline and a body.")
    with transaction.atomic():
        locked = article_lock(
            pk=article.pk, related=("current_revision", "current_revision__author")
        )
        current = locked.current_revision
        if current is None:
            raise EditRefused("This article has no text to edit.")
        if current.pk != base_revision_id:
            raise EditConflict(current=current, headline=headline, body=body)
        if locked.status == ArticleStatus.RETRACTED:
            raise EditRefused("A retracted article cannot be edited.")
        if headline == current.headline and body == current.body:
            raise EditRefused("Nothing changed: there is no new revision to save.")
        if locked.is_live and not correction.strip():
            raise EditRefused(
                "This article is published: describe the change in a public "
                "correction note."
            )
        revision = Revision.objects.create(
            article=locked,
            number=current.number + 1,
            headline=headline,
            body=body,
            author=by,
            message=message.strip()[:300] or "Edited",
        )
        previous_status = locked.status
        locked.current_revision = revision
        locked.headline = headline
        locked.version = F("version") + 1
        fields = ["current_revision", "headline", "version", "updated_at"]
        if locked.status in (ArticleStatus.APPROVED, ArticleStatus.PUBLISHED):
            locked.status = ArticleStatus.DRAFT
            locked.approved_revision = None
            fields += ["status", "approved_revision"]
        locked.save(update_fields=fields)
        if correction.strip():
            Correction.objects.create(
                article=locked,
                revision=revision,
                text=correction.strip(),
                corrected_on=correction_date or timezone.localdate(),
                author=by,
            )
        audit_record(
            actor=by,
            action="edit",
            obj=locked,
            from_state=previous_status,
            to_state=locked.status,
            revision_number=revision.number,
            note=revision.message,
        )
        annotations_reanchor(article=locked, revision=revision)
        revision_link_entities(revision=revision)
        # The checks' service lives with the annotations, which import this module.
        from articles.services.review import article_run_checks

        article_run_checks(article=locked)
    return revision


def article_revert(
    *,
    article: Article,
    by: AbstractBaseUser,
    to_revision: Revision,
    base_revision_id: int,
    correction: str = "",
) -> Revision:
    """Save the text of an earlier revision as a new revision (history is kept)."""
    if to_revision.article_id != article.pk:
        raise EditRefused("That revision belongs to another article.")
    return article_edit(
        article=article,
        by=by,
        base_revision_id=base_revision_id,
        headline=to_revision.headline,
        body=to_revision.body,
        message=f"Reverted to revision {to_revision.number}",
        correction=correction,
    )


def annotations_reanchor(*, article: Article, revision: Revision) -> list[Annotation]:
    """Carry every open annotation of `article` onto `revision`; return them.

    Each is mapped through the edit from the revision it sits on to `revision`
    (`follow_edit`): anchored, changed (its words were rewritten: the span covers the
    replacement), moved, or orphaned (it keeps its last placement and waits to be
    re-attached). An orphan is mapped again from where it was last placed, so a
    revert that brings its words back finds them.
    """
    annotations = list(
        # of=self: lock the annotation rows only, not the revisions they are joined to
        # (those are immutable, and a reviewer's new annotation holds a key share on
        # its revision). The caller holds the article lock: article first, always.
        Annotation.objects.select_for_update(of=("self",))
        .filter(article=article, status=AnnotationStatus.OPEN)
        .select_related("revision")
        .order_by("pk")
    )
    by_revision: dict[int, list[Annotation]] = {}
    for annotation in annotations:
        if annotation.revision_id != revision.pk:
            by_revision.setdefault(annotation.revision_id, []).append(annotation)
    moved: list[Annotation] = []
    fields: set[str] = set()
    placements: list[AnnotationPlacement] = []
    for group in by_revision.values():
        old_body = group[0].revision.body
        found = follow_edit(old_body, revision.body, [a.anchor for a in group])
        for annotation, result in zip(group, found, strict=True):
            changed, placement = _move(
                annotation, revision, result.anchor, _settled_state(annotation, result)
            )
            if placement is not None:
                moved.append(annotation)
                fields.update(changed)
                placements.append(placement)
    # One UPDATE and one INSERT for them all: the caller holds the article lock, and
    # a save should not hold it for two statements per open annotation.
    if moved:
        now = timezone.now()
        for annotation in moved:
            annotation.updated_at = now
        Annotation.objects.bulk_update(
            moved, [*sorted(fields), "updated_at"], batch_size=BATCH
        )
        AnnotationPlacement.objects.bulk_create(placements, batch_size=BATCH)
    return annotations


def _settled_state(annotation: Annotation, result: Reanchored) -> str:
    """A changed annotation stays changed until its words read as quoted again."""
    if result.anchor is None:
        return AnchorState.ORPHANED
    if result.anchor.exact == annotation.quoted_exact.strip():
        return (
            AnchorState.MOVED
            if result.state == AnchorState.MOVED
            else AnchorState.ANCHORED
        )
    if annotation.anchor_state == AnchorState.CHANGED:
        return AnchorState.CHANGED
    return result.state.value


def annotation_place(
    *,
    annotation: Annotation,
    revision: Revision,
    anchor: Anchor | None,
    state: str,
) -> Annotation:
    """Record where `annotation` now sits in `revision` (None: orphaned), with history.

    The caller holds the row lock. The quoted record is never touched; an orphaned
    annotation keeps its last placement, so the page can still say what it was on.
    Writes a placement row only when the placement changed.
    """
    changed, placement = _move(annotation, revision, anchor, state)
    if placement is not None:
        annotation.save(update_fields=[*changed, "updated_at"])
        placement.save()
    return annotation


def _move(
    annotation: Annotation, revision: Revision, anchor: Anchor | None, state: str
) -> tuple[list[str], AnnotationPlacement | None]:
    """Set the new placement on `annotation` (in memory); return the fields changed
    and the history row to write, or ([], None) when nothing changed."""
    if anchor is None:
        if annotation.anchor_state == AnchorState.ORPHANED:
            return [], None
        annotation.anchor_state = AnchorState.ORPHANED
        placement = AnnotationPlacement(
            annotation=annotation, revision=revision, state=AnchorState.ORPHANED
        )
        return ["anchor_state"], placement
    new = {
        "revision_id": revision.pk,
        "anchor_state": state,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
    }
    changed = [f for f, v in new.items() if getattr(annotation, f) != v]
    if not changed:
        return [], None
    for field, value in new.items():
        setattr(annotation, field, value)
    annotation.revision = revision
    placement = AnnotationPlacement(
        annotation=annotation,
        revision=revision,
        state=state,
        start=anchor.start,
        end=anchor.end,
        exact=anchor.exact,
    )
    return [f.removesuffix("_id") for f in changed], placement

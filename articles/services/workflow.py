"""The approval workflow: one function per transition, each atomic and audited.

Every entry point (admin actions, custom views, the API, management commands) calls
these. Each locks the article row, checks the caller's permission, the workflow table
(`can_transition`) and the transition's gates, saves only the fields it changes and
writes the audit entry. A refusal is a WorkflowError whose message an editor can act on.
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Annotation, Article
from articles.models.review import AnnotationStatus, Severity
from articles.models.stories import ArticleStatus
from articles.services.audit import audit_record


class WorkflowError(Exception):
    """A transition was refused; the message says why."""


Gate = Callable[[Article, AbstractBaseUser], None]


def article_submit(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """Send a draft (or an article sent back) to review."""
    return _transition(
        article,
        by=by,
        action="submit",
        target=ArticleStatus.IN_REVIEW,
        permission="articles.submit_article",
        note=note,
        after=_run_automated_checks,
    )


def article_request_changes(
    *, article: Article, by: AbstractBaseUser, note: str = ""
) -> Article:
    """Send an article in review (or approved) back to its author."""
    return _transition(
        article,
        by=by,
        action="request_changes",
        target=ArticleStatus.CHANGES_REQUESTED,
        permission=("articles.review_article", "articles.approve_article"),
        note=note,
        extra={"approved_revision": None},
    )


def article_recommend_approval(
    *, article: Article, by: AbstractBaseUser, note: str = ""
) -> Article:
    """A reviewer's recommendation: recorded in the timeline, the status is unchanged."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        _require_permission(by, ("articles.review_article",), "recommend approval")
        if locked.status != ArticleStatus.IN_REVIEW:
            raise WorkflowError(
                f"“{locked.headline}” is {locked.get_status_display().lower()}, "
                "not in review: there is nothing to recommend."
            )
        audit_record(
            actor=by,
            action="recommend_approval",
            obj=locked,
            from_state=locked.status,
            to_state=locked.status,
            revision_number=_revision_number(locked),
            note=note,
        )
    return locked


def article_approve(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """Approve the current revision and pin it as the one to publish."""
    return _transition(
        article,
        by=by,
        action="approve",
        target=ArticleStatus.APPROVED,
        permission="articles.approve_article",
        note=note,
        gates=(_four_eyes, _no_open_blocking_annotations),
        extra=lambda locked: {"approved_revision": locked.current_revision},
    )


def article_publish(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """Publish the pinned approved revision; it replaces any revision already live."""
    from articles.services.publishing import public_article_refresh

    now = timezone.now()
    return _transition(
        article,
        by=by,
        action="publish",
        target=ArticleStatus.PUBLISHED,
        permission="articles.publish_article",
        note=note,
        gates=(_has_approved_revision,),
        extra=lambda locked: {
            "published_revision": locked.approved_revision,
            "published_at": locked.published_at or now,
        },
        after=lambda locked, by: public_article_refresh(article=locked),
    )


def article_retract(*, article: Article, by: AbstractBaseUser, reason: str) -> Article:
    """Withdraw a published article; the API then answers 410 with the reason."""
    from articles.services.publishing import public_article_refresh

    if not reason.strip():
        raise WorkflowError("A retraction needs a public reason: say why it is withdrawn.")
    return _transition(
        article,
        by=by,
        action="retract",
        target=ArticleStatus.RETRACTED,
        permission="articles.retract_article",
        note=reason,
        gates=(_is_live,),
        extra={"retracted_at": timezone.now(), "retraction_reason": reason.strip()},
        after=lambda locked, by: public_article_refresh(article=locked),
    )


def _transition(
    article: Article,
    *,
    by: AbstractBaseUser,
    action: str,
    target: str,
    permission: str | tuple[str, ...],
    note: str = "",
    gates: tuple[Gate, ...] = (),
    extra: dict | Callable[[Article], dict] | None = None,
    after: Callable[[Article, AbstractBaseUser], object] | None = None,
) -> Article:
    verb = action.replace("_", " ")
    _require_permission(by, permission if isinstance(permission, tuple) else (permission,), verb)
    with transaction.atomic():
        locked = (
            Article.objects.select_for_update()
            .select_related("current_revision", "approved_revision")
            .get(pk=article.pk)
        )
        if not locked.can_transition_to(target):
            raise WorkflowError(
                f"“{locked.headline}” is {locked.get_status_display().lower()}: "
                f"it cannot be moved to {ArticleStatus(target).label.lower()} ({verb})."
            )
        for gate in gates:
            gate(locked, by)
        changes = {"status": target, **((extra(locked) if callable(extra) else extra) or {})}
        previous = locked.status
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.version = F("version") + 1
        locked.save(update_fields=[*changes, "version", "updated_at"])
        locked.refresh_from_db(fields=["version"])
        audit_record(
            actor=by,
            action=action,
            obj=locked,
            from_state=previous,
            to_state=target,
            revision_number=_revision_number(locked),
            note=note,
        )
        if after is not None:
            after(locked, by)
    return locked


def _require_permission(
    user: AbstractBaseUser, permissions: tuple[str, ...], verb: str
) -> None:
    if not any(user.has_perm(permission) for permission in permissions):
        raise WorkflowError(f"You do not have permission to {verb} articles.")


def _revision_number(article: Article) -> int | None:
    return article.current_revision.number if article.current_revision else None


def _four_eyes(article: Article, by: AbstractBaseUser) -> None:
    revision = article.current_revision
    if revision is not None and revision.author_id == by.pk:
        raise WorkflowError(
            f"You wrote revision {revision.number} of “{article.headline}”: "
            "another editor has to approve it."
        )


def _no_open_blocking_annotations(article: Article, by: AbstractBaseUser) -> None:
    blocking = list(
        Annotation.objects.filter(
            article=article, status=AnnotationStatus.OPEN, severity=Severity.BLOCKING
        ).order_by("start")
    )
    if blocking:
        listed = "; ".join(
            f"“{a.exact[:60]}” ({a.get_kind_display().lower()}"
            + (f": {a.comment[:80]}" if a.comment else "")
            + ")"
            for a in blocking
        )
        raise WorkflowError(
            f"“{article.headline}” cannot be approved while {len(blocking)} blocking "
            f"annotation{'s are' if len(blocking) > 1 else ' is'} open: {listed}."
        )


def _has_approved_revision(article: Article, by: AbstractBaseUser) -> None:
    if article.approved_revision_id is None:
        raise WorkflowError(f"“{article.headline}” has no approved revision to publish.")


def _is_live(article: Article, by: AbstractBaseUser) -> None:
    if not article.is_live:
        raise WorkflowError(
            f"“{article.headline}” has not been published: only published articles "
            "can be retracted."
        )


def _run_automated_checks(article: Article, by: AbstractBaseUser) -> None:
    """Hook for the automated consistency checks run on submission (review service)."""
    from articles.services import review

    runner = getattr(review, "article_run_checks", None)
    if runner is not None:
        runner(article=article)

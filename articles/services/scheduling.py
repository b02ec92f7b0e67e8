"""Embargoes and scheduled retractions: a `ScheduledAction` row carried out by the
task engine at its time, never before, through the workflow services.

Scheduling enqueues a task to run at `run_at` (`run_after`); the `run_scheduled`
command sweeps up what is due for a backend that cannot delay a task or a worker that
was down. Running an action twice does nothing the second time.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles.models import Article, ScheduledAction
from articles.models.distribution import ScheduledKind, ScheduledState
from articles.models.stories import ArticleStatus
from articles.services.audit import audit_record
from articles.services.workflow import WorkflowError, article_publish, article_retract


class ScheduleError(Exception):
    """A schedule was refused; the message says why."""


PERMISSIONS = {
    ScheduledKind.PUBLISH: "articles.publish_article",
    ScheduledKind.RETRACT: "articles.retract_article",
}


def scheduled_action_check(
    *,
    article: Article,
    action: str,
    run_at: datetime.datetime,
    by: AbstractBaseUser,
    note: str = "",
) -> None:
    """Refuse what could not be carried out: raises ScheduleError with the reason."""
    if action not in PERMISSIONS:
        raise ScheduleError(f"Only {' or '.join(PERMISSIONS)} can be scheduled.")
    if not by.has_perm(PERMISSIONS[action]):
        raise ScheduleError(f"You do not have permission to {action} articles.")
    if timezone.is_naive(run_at) or run_at <= timezone.now():
        raise ScheduleError("Choose a time in the future (with its time zone).")
    if action == ScheduledKind.PUBLISH and (
        article.status != ArticleStatus.APPROVED or article.approved_revision_id is None
    ):
        raise ScheduleError(
            f"“{article.headline}” is not approved: only an approved article can be "
            "scheduled for publication."
        )
    if action == ScheduledKind.RETRACT:
        if not article.is_live:
            raise ScheduleError(
                f"“{article.headline}” is not published: only a live article can be "
                "scheduled for retraction."
            )
        if not note.strip():
            raise ScheduleError("A retraction needs a public reason.")
    waiting = ScheduledAction.objects.filter(
        article=article, state=ScheduledState.WAITING
    ).first()
    if waiting is not None:
        raise ScheduleError(
            f"“{article.headline}” is already scheduled: "
            f"{waiting.get_action_display().lower()} at {waiting.run_at:%Y-%m-%d %H:%M}"
            " UTC. Unschedule that first."
        )


def scheduled_action_create(
    *,
    article: Article,
    action: str,
    run_at: datetime.datetime,
    by: AbstractBaseUser,
    note: str = "",
) -> ScheduledAction:
    """Schedule `action` on `article` for `run_at`; raises ScheduleError."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        scheduled_action_check(
            article=locked, action=action, run_at=run_at, by=by, note=note
        )
        scheduled = ScheduledAction.objects.create(
            article=locked,
            action=action,
            run_at=run_at,
            note=note.strip(),
            scheduled_by=by,
        )
        audit_record(
            actor=by,
            action=f"schedule_{action}",
            obj=locked,
            note=note.strip(),
            data={"run_at": run_at.isoformat(), "scheduled": scheduled.pk},
        )
        transaction.on_commit(lambda: _enqueue(scheduled))
    return scheduled


def scheduled_action_cancel(
    *, scheduled: ScheduledAction, by: AbstractBaseUser
) -> ScheduledAction:
    """Unschedule a waiting action; raises ScheduleError if it is no longer waiting."""
    with transaction.atomic():
        locked = ScheduledAction.objects.select_for_update().get(pk=scheduled.pk)
        if not by.has_perm(PERMISSIONS[locked.action]):
            raise ScheduleError(
                f"You do not have permission to {locked.action} articles."
            )
        if locked.state != ScheduledState.WAITING:
            raise ScheduleError(
                f"That action is {locked.get_state_display().lower()} already."
            )
        locked.state = ScheduledState.CANCELLED
        locked.done_at = timezone.now()
        locked.save(update_fields=["state", "done_at"])
        audit_record(
            actor=by,
            action=f"unschedule_{locked.action}",
            obj=locked.article,
            data={"run_at": locked.run_at.isoformat(), "scheduled": locked.pk},
        )
    return locked


def scheduled_publications_settle(
    *, article: Article, by: AbstractBaseUser | None
) -> int:
    """After a publication by hand, unschedule the article's publications still to
    come (they would find it published); how many. The caller holds the article lock.
    """
    now = timezone.now()
    waiting = list(
        ScheduledAction.objects.select_for_update().filter(
            article=article,
            action=ScheduledKind.PUBLISH,
            state=ScheduledState.WAITING,
            run_at__gt=now,
        )
    )
    for scheduled in waiting:
        scheduled.state, scheduled.done_at = ScheduledState.CANCELLED, now
        scheduled.outcome = "published by hand before its time"
        scheduled.save(update_fields=["state", "outcome", "done_at"])
        audit_record(
            actor=by,
            action="unschedule_publish",
            obj=article,
            note=scheduled.outcome,
            data={"run_at": scheduled.run_at.isoformat(), "scheduled": scheduled.pk},
        )
    return len(waiting)


def scheduled_action_run(
    *, scheduled_id: int, now: datetime.datetime | None = None
) -> str:
    """Carry out a waiting action that is due; its state afterwards. An action not
    yet due is left waiting (and enqueued again for its time): never early."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            ScheduledAction.objects.select_for_update()
            .select_related("article", "scheduled_by")
            .filter(pk=scheduled_id)
            .first()
        )
        if locked is None or locked.state != ScheduledState.WAITING:
            return locked.state if locked else "missing"
        if locked.run_at > now:
            transaction.on_commit(lambda: _enqueue(locked))
            return locked.state
        # Done before it runs, so that the publication does not take it for one
        # still to come (`scheduled_publications_settle`); a refusal says failed.
        locked.state, locked.outcome, locked.done_at = ScheduledState.DONE, "", now
        locked.save(update_fields=["state", "outcome", "done_at"])
        try:
            with transaction.atomic():
                if locked.action == ScheduledKind.PUBLISH:
                    article_publish(
                        article=locked.article,
                        by=locked.scheduled_by,
                        note=f"scheduled for {locked.run_at.isoformat()}",
                    )
                else:
                    article_retract(
                        article=locked.article,
                        by=locked.scheduled_by,
                        reason=locked.note,
                    )
        except WorkflowError as error:
            locked.state, locked.outcome = ScheduledState.FAILED, str(error)[:300]
            locked.save(update_fields=["state", "outcome"])
    return locked.state


def scheduled_actions_run_due(*, now: datetime.datetime | None = None) -> int:
    """Carry out every waiting action that is due; how many were done."""
    now = now or timezone.now()
    due = ScheduledAction.objects.filter(
        state=ScheduledState.WAITING, run_at__lte=now
    ).values_list("pk", flat=True)
    return sum(
        scheduled_action_run(scheduled_id=pk, now=now) == ScheduledState.DONE
        for pk in list(due)
    )


def _enqueue(scheduled: ScheduledAction) -> None:
    from django_tasks import default_task_backend

    from articles.tasks import run_scheduled_action

    if default_task_backend.supports_defer:
        run_scheduled_action.using(run_after=scheduled.run_at).enqueue(scheduled.pk)
    # otherwise `manage.py run_scheduled` (cron, every minute) carries it out

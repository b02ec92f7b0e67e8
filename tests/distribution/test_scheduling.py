"""Embargoes: an approved article scheduled for a time goes live then and not before
(the API, the feeds, the changes feed and the webhooks all wait); unscheduling; a
scheduled retraction; who scheduled it is in the audit log."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import AuditEntry, ScheduledAction
from articles.models.stories import ArticleStatus
from articles.services.distribution import subscription_add
from articles.services.scheduling import (
    ScheduleError,
    scheduled_action_cancel,
    scheduled_action_create,
    scheduled_actions_run_due,
)
from articles.services.workflow import article_publish

pytestmark = pytest.mark.django_db(transaction=True)


def _visible(client: Client, article) -> dict[str, bool]:
    return {
        "detail": client.get(f"/api/v1/articles/{article.pk}/").status_code == 200,
        "list": article.pk
        in [a["id"] for a in client.get("/api/v1/articles/").json()["results"]],
        "changes": article.pk
        in [c["article"] for c in client.get("/api/v1/changes/").json()["results"]],
        "feed": article.headline in client.get("/feeds/rss/").content.decode(),
    }


def test_an_embargoed_article_is_seen_nowhere_before_its_time(
    approved, editor, receiver
):
    subscription_add(url=receiver.url, secret=receiver.secret, by=None)
    article = approved()
    run_at = timezone.now() + datetime.timedelta(hours=2)
    scheduled = scheduled_action_create(
        article=article, action="publish", run_at=run_at, by=editor
    )
    client = Client()

    for early in (datetime.timedelta(hours=1), datetime.timedelta(seconds=1)):
        assert scheduled_actions_run_due(now=run_at - early) == 0
        assert set(_visible(client, article).values()) == {False}
        assert receiver.received == []

    assert scheduled_actions_run_due(now=run_at) == 1
    assert set(_visible(client, article).values()) == {True}
    assert [r.body["type"] for r in receiver.accepted()] == ["article.published"]
    scheduled.refresh_from_db()
    assert scheduled.state == "done"
    assert scheduled_actions_run_due(now=run_at) == 0  # once only

    entries = AuditEntry.objects.filter(
        content_type__model="article", object_id=str(article.pk)
    ).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        ("schedule_publish", editor),
        ("publish", editor),
    ]


def test_the_task_engine_publishes_at_the_time_and_not_before(
    approved, editor, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = approved()
    run_at = timezone.now() + datetime.timedelta(seconds=2)
    scheduled_action_create(article=article, action="publish", run_at=run_at, by=editor)

    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    article.refresh_from_db()
    assert article.status == ArticleStatus.APPROVED  # not yet due: the worker waited

    time.sleep(max((run_at - timezone.now()).total_seconds(), 0) + 0.2)
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at >= run_at


def test_an_unscheduled_article_stays_unpublished(approved, editor, editor2):
    article = approved()
    run_at = timezone.now() + datetime.timedelta(minutes=5)
    scheduled = scheduled_action_create(
        article=article, action="publish", run_at=run_at, by=editor
    )
    scheduled_action_cancel(scheduled=scheduled, by=editor2)
    assert scheduled_actions_run_due(now=run_at) == 0
    article.refresh_from_db()
    assert article.status == ArticleStatus.APPROVED
    assert AuditEntry.objects.filter(
        action="unschedule_publish", actor=editor2
    ).exists()
    with pytest.raises(ScheduleError, match="unscheduled already"):
        scheduled_action_cancel(scheduled=scheduled, by=editor2)


def test_a_scheduled_retraction_withdraws_the_article_at_its_time(approved, editor):
    article = approved()
    article_publish(article=article, by=editor)
    article.refresh_from_db()
    run_at = timezone.now() + datetime.timedelta(hours=1)
    scheduled_action_create(
        article=article,
        action="retract",
        run_at=run_at,
        by=editor,
        note="Legal asked us to withdraw it.",
    )
    client = Client()
    scheduled_actions_run_due(now=run_at - datetime.timedelta(minutes=1))
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200
    scheduled_actions_run_due(now=run_at)
    gone = client.get(f"/api/v1/articles/{article.pk}/")
    assert gone.status_code == 410
    assert "Legal asked us" in gone.content.decode()


@pytest.mark.parametrize(
    ("action", "when", "note", "message"),
    [
        ("publish", -60, "", "in the future"),
        ("retract", 60, "why", "not published"),
        ("delete", 60, "", "can be scheduled"),
    ],
)
def test_what_cannot_be_carried_out_is_refused(
    approved, editor, action, when, note, message
):
    article = approved()
    with pytest.raises(ScheduleError, match=message):
        scheduled_action_create(
            article=article,
            action=action,
            run_at=timezone.now() + datetime.timedelta(seconds=when),
            by=editor,
            note=note,
        )
    assert not ScheduledAction.objects.exists()


def test_a_draft_cannot_be_scheduled_and_a_reviewer_cannot_schedule(editor, reviewer):
    from tests.articles.workflow_helpers import article_in

    at = timezone.now() + datetime.timedelta(hours=1)
    with pytest.raises(ScheduleError, match="not approved"):
        scheduled_action_create(
            article=article_in(ArticleStatus.DRAFT),
            action="publish",
            run_at=at,
            by=editor,
        )
    with pytest.raises(ScheduleError, match="permission"):
        scheduled_action_create(
            article=article_in(ArticleStatus.APPROVED),
            action="publish",
            run_at=at,
            by=reviewer,
        )


def test_the_admin_lists_what_is_scheduled_and_who_scheduled_it(approved, editor):
    article = approved()
    client = Client()
    client.force_login(editor)
    run_at = timezone.now() + datetime.timedelta(days=1)
    response = client.post(
        reverse("admin:articles_scheduledaction_add"),
        {
            "article": article.pk,
            "action": "publish",
            "run_at_0": run_at.strftime("%Y-%m-%d"),
            "run_at_1": run_at.strftime("%H:%M:%S"),
            "note": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    scheduled = ScheduledAction.objects.get()
    assert scheduled.scheduled_by == editor
    page = client.get(reverse("admin:articles_scheduledaction_changelist"))
    text = page.content.decode()
    assert article.headline in text and editor.username in text and "Waiting" in text

"""Scheduling on the desk: an editor schedules an approved article's publication from
the review page, sees it on the desk home, and unschedules it; who may not is not
offered it; what the service refuses is said in place; disabled webhook subscribers
are shown to editors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import AuditEntry, ScheduledAction
from articles.models.stories import ArticleStatus
from articles.services.distribution import subscription_add, subscription_disable
from articles.services.scheduling import scheduled_action_create
from tests.articles.workflow_helpers import article_in

pytestmark = pytest.mark.django_db

S = ArticleStatus


def _local(when: datetime.datetime) -> str:
    """What a browser's datetime-local input sends for `when`."""
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


def _card(html: str, article) -> str:
    card = html[html.index(f'data-article="{article.pk}"') :]
    return card[: card.index("</a>")]


def _column(html: str, status: str) -> str:
    column = html[html.index(f'data-status="{status}"') :]
    return column[: column.index("</section>")]


def test_schedule_from_the_review_page_then_see_it_on_the_desk_home(
    editor, editor_client
):
    article = article_in(S.APPROVED, headline="Council votes on the budget")
    review = reverse("articles:review", args=[article.pk])
    page = editor_client.get(review).content.decode()
    assert 'id="schedule-form"' in page and "Schedule publication" in page
    when = (timezone.now() + datetime.timedelta(days=2)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )

    response = editor_client.post(
        reverse("desk:schedule", args=[article.pk]),
        {"run_at": _local(when), "note": "After the vote."},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"{review}#workflow"
    page = response.content.decode()
    assert f"publishes {when:%a %-d %b} 09:00" in page
    assert "Scheduled: publishes" in page and "scheduled by ed" in page
    assert 'id="unschedule"' in page and 'id="schedule-form"' not in page
    assert "It is scheduled to publish" in page  # beside the Publish button
    scheduled = ScheduledAction.objects.get(article=article)
    assert (scheduled.run_at, scheduled.scheduled_by, scheduled.note) == (
        when,
        editor,
        "After the vote.",
    )
    assert AuditEntry.objects.filter(action="schedule_publish").count() == 1

    home = editor_client.get(reverse("desk:home")).content.decode()
    card = _card(_column(home, "scheduled"), article)
    assert "Council votes on the budget" in card
    assert f"publishes {when:%a %-d %b} 09:00, scheduled by ed" in card
    assert f'data-article="{article.pk}"' not in _column(home, S.APPROVED)


def test_a_scheduled_retraction_is_on_the_desk_home_and_review_page(
    editor, editor_client
):
    article = article_in(S.PUBLISHED, headline="Harbour fees rise")
    when = timezone.now() + datetime.timedelta(hours=5)
    scheduled_action_create(
        article=article, action="retract", run_at=when, by=editor, note="Legal asked."
    )
    home = editor_client.get(reverse("desk:home")).content.decode()
    assert "retracts" in _card(_column(home, "scheduled"), article)
    assert f'data-article="{article.pk}"' not in _column(home, S.PUBLISHED)
    page = editor_client.get(reverse("articles:review", args=[article.pk]))
    assert "Scheduled: retracts" in page.content.decode()


def test_unschedule_from_the_review_page(editor, editor_client):
    article = article_in(S.APPROVED)
    scheduled = scheduled_action_create(
        article=article,
        action="publish",
        run_at=timezone.now() + datetime.timedelta(days=1),
        by=editor,
    )

    response = editor_client.post(
        reverse("desk:unschedule", args=[article.pk]), follow=True
    )

    page = response.content.decode()
    assert "is no longer scheduled to publish" in page
    scheduled.refresh_from_db()
    assert scheduled.state == "cancelled"
    assert 'id="unschedule"' not in page and 'id="schedule-form"' in page
    home = editor_client.get(reverse("desk:home")).content.decode()
    assert f'data-article="{article.pk}"' not in _column(home, "scheduled")
    assert f'data-article="{article.pk}"' in _column(home, S.APPROVED)

    again = editor_client.post(
        reverse("desk:unschedule", args=[article.pk]), follow=True
    )
    assert again.status_code == 200
    assert "Nothing is scheduled for" in again.content.decode()


def test_a_reviewer_is_not_offered_scheduling_and_cannot_post_it(
    editor, reviewer, reviewer_client
):
    article = article_in(S.APPROVED)
    page = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    assert 'id="schedule-form"' not in page.content.decode()
    when = timezone.now() + datetime.timedelta(days=1)
    response = reviewer_client.post(
        reverse("desk:schedule", args=[article.pk]), {"run_at": _local(when)}
    )
    assert response.status_code == 403
    assert not ScheduledAction.objects.exists()

    scheduled_action_create(article=article, action="publish", run_at=when, by=editor)
    page = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    assert "Scheduled: publishes" in page.content.decode()
    assert 'id="unschedule"' not in page.content.decode()
    response = reviewer_client.post(
        reverse("desk:unschedule", args=[article.pk]), follow=True
    )
    assert "You do not have permission to publish articles." in (
        response.content.decode()
    )
    assert ScheduledAction.objects.get().state == "waiting"


def test_only_an_approved_article_is_offered_scheduling(editor_client):
    for status in (S.DRAFT, S.IN_REVIEW, S.PUBLISHED):
        article = article_in(status)
        page = editor_client.get(reverse("articles:review", args=[article.pk]))
        assert 'id="schedule-form"' not in page.content.decode(), status


def test_a_time_in_the_past_is_refused_with_the_services_message(editor_client):
    article = article_in(S.APPROVED)
    past = timezone.now() - datetime.timedelta(hours=1)
    response = editor_client.post(
        reverse("desk:schedule", args=[article.pk]),
        {"run_at": _local(past)},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a time in the future (with its time zone)." in page
    assert 'id="schedule-form"' in page
    assert not ScheduledAction.objects.exists()


@pytest.mark.parametrize("run_at", ["", "next Tuesday", "2026-13-45T99:99"])
def test_a_missing_or_unreadable_time_is_refused_in_place(editor_client, run_at):
    article = article_in(S.APPROVED)
    response = editor_client.post(
        reverse("desk:schedule", args=[article.pk]), {"run_at": run_at}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the date and time." in page or "Enter a valid date/time." in page
    assert not ScheduledAction.objects.exists()


def test_scheduling_twice_is_refused_with_the_services_message(editor, editor_client):
    article = article_in(S.APPROVED)
    when = timezone.now() + datetime.timedelta(days=1)
    scheduled_action_create(article=article, action="publish", run_at=when, by=editor)
    response = editor_client.post(
        reverse("desk:schedule", args=[article.pk]),
        {"run_at": _local(when + datetime.timedelta(days=1))},
        follow=True,
    )
    assert "is already scheduled" in response.content.decode()
    assert ScheduledAction.objects.count() == 1


def test_editors_are_told_of_a_disabled_webhook_subscriber(
    editor, editor_client, reviewer_client, admin_client
):
    live = subscription_add(url="http://127.0.0.1:9/live", by=editor)
    dead = subscription_add(url="http://127.0.0.1:9/dead", by=editor)
    subscription_disable(
        subscription=dead, by=None, reason="Every delivery failed for a day."
    )

    home = editor_client.get(reverse("desk:home")).content.decode()
    notice = home[home.index('id="desk-disabled-subscriptions"') :]
    notice = notice[: notice.index("</section>")]
    assert "http://127.0.0.1:9/dead" in notice
    assert "Every delivery failed for a day." in notice
    assert "until an admin re-enables them" in notice
    # Subscriptions are for administrators: editors get no link to a page they
    # may not open; an administrator gets one.
    change_page = reverse("admin:articles_subscription_change", args=[dead.pk])
    assert change_page not in notice
    assert editor_client.get(change_page).status_code == 403
    assert live.url not in notice
    admin_home = admin_client.get(reverse("desk:home")).content.decode()
    assert f'href="{change_page}"' in admin_home

    reviewer_home = reviewer_client.get(reverse("desk:home")).content.decode()
    assert 'id="desk-disabled-subscriptions"' not in reviewer_home


def test_no_notice_when_every_subscriber_is_active(editor, editor_client):
    subscription_add(url="http://127.0.0.1:9/live", by=editor)
    home = editor_client.get(reverse("desk:home")).content.decode()
    assert 'id="desk-disabled-subscriptions"' not in home


def test_publishing_by_hand_unschedules_the_publication_still_to_come(editor, editor2):
    from articles.services.workflow import article_publish

    article = article_in(S.APPROVED, headline="Ferry timetable agreed")
    scheduled = scheduled_action_create(
        article=article,
        action="publish",
        run_at=timezone.now() + datetime.timedelta(days=1),
        by=editor,
    )

    article_publish(article=article, by=editor2)

    scheduled.refresh_from_db()
    assert scheduled.state == "cancelled"
    assert scheduled.outcome == "published by hand before its time"
    entry = AuditEntry.objects.get(action="unschedule_publish")
    assert entry.actor == editor2


def test_schedule_a_retraction_from_the_review_page_with_its_reason(
    editor, editor_client, reviewer_client
):
    article = article_in(S.PUBLISHED, headline="Ferry timetable changes")
    review = reverse("articles:review", args=[article.pk])
    assert 'id="schedule-retraction-form"' in editor_client.get(review).content.decode()
    assert (
        'id="schedule-retraction-form"'
        not in reviewer_client.get(review).content.decode()
    )
    when = timezone.now() + datetime.timedelta(hours=3)
    url = reverse("desk:schedule", args=[article.pk])

    no_reason = editor_client.post(
        url, {"action": "retract", "run_at": _local(when)}, follow=True
    )
    assert "A retraction needs a public reason." in no_reason.content.decode()
    assert not ScheduledAction.objects.exists()

    response = editor_client.post(
        url,
        {"action": "retract", "run_at": _local(when), "note": "The court ruled."},
        follow=True,
    )

    page = response.content.decode()
    assert "“Ferry timetable changes” retracts" in page
    assert "Scheduled: retracts" in page and "The court ruled." in page
    scheduled = ScheduledAction.objects.get()
    assert (scheduled.action, scheduled.note, scheduled.scheduled_by) == (
        "retract",
        "The court ruled.",
        editor,
    )
    assert 'id="schedule-retraction-form"' not in page  # one waiting action at most
    forbidden = reviewer_client.post(
        url, {"action": "retract", "run_at": _local(when), "note": "No."}
    )
    assert forbidden.status_code == 403
    assert ScheduledAction.objects.count() == 1

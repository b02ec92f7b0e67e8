"""Scheduling a publication in a real browser: the datetime-local input on the review
page, the waiting schedule said on the page and on the desk home, then unscheduled."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ScheduledAction
from articles.models.stories import ArticleStatus
from tests.articles.workflow_helpers import article_in
from tests.browser.actions import open_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"


def test_schedule_see_it_on_the_desk_and_unschedule(browser, live_server, editor):
    article = article_in(ArticleStatus.APPROVED, headline="Ferry timetable changes")
    when = (timezone.now() + datetime.timedelta(days=3)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    page = open_as(browser, live_server, editor)
    page.goto(f"{live_server.url}{reverse('articles:review', args=[article.pk])}")
    page.fill("#schedule-run-at", timezone.localtime(when).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#schedule-form input[name=note]", "Embargoed until the briefing.")
    page.click("#schedule")
    page.wait_for_selector(".messagelist")
    assert f"publishes {when:%a %-d %b} 09:30" in page.inner_text(".messagelist")
    assert "scheduled by ed" in page.inner_text("#scheduled")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "schedule-review.png", full_page=True)

    page.goto(f"{live_server.url}{reverse('desk:home')}")
    card = page.locator(f'[data-status="scheduled"] [data-article="{article.pk}"]')
    assert f"publishes {when:%a %-d %b} 09:30, scheduled by ed" in card.inner_text()
    page.screenshot(path=ARTIFACTS / "schedule-desk-home.png", full_page=True)

    card.click()
    page.wait_for_selector("#unschedule")
    page.click("#unschedule")
    page.wait_for_selector(".messagelist")
    assert "no longer scheduled to publish" in page.inner_text(".messagelist")
    assert ScheduledAction.objects.get().state == "cancelled"
    assert page.locator("#schedule-form").count() == 1


def test_schedule_a_retraction_with_its_reason(browser, live_server, editor):
    article = article_in(ArticleStatus.PUBLISHED, headline="Harbour fees rise")
    when = (timezone.now() + datetime.timedelta(days=1)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    page = open_as(browser, live_server, editor)
    page.goto(f"{live_server.url}{reverse('articles:review', args=[article.pk])}")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "schedule-retraction-form.png")
    page.fill(
        "#schedule-retract-at", timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")
    )
    page.click("#schedule-retraction")  # no reason yet: the browser asks for one
    assert not ScheduledAction.objects.exists()
    page.fill("#schedule-retraction-form input[name=note]", "The court ruled.")
    page.click("#schedule-retraction")
    page.wait_for_selector(".messagelist")
    assert f"retracts {when:%a %-d %b} 18:00" in page.inner_text(".messagelist")
    assert "The court ruled." in page.inner_text("#scheduled")
    assert ScheduledAction.objects.get().action == "retract"
    page.set_viewport_size({"width": 390, "height": 900})
    page.screenshot(path=ARTIFACTS / "schedule-retraction-390.png", full_page=True)

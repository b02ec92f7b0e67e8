"""Subscribing from the command line and the admin; the delivery log and replays."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Delivery, PublicChange, Subscription
from articles.models.distribution import DeliveryState
from articles.services.distribution import subscription_add
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("subscriptions", *args, stdout=out)
    return out.getvalue()


def test_the_command_adds_lists_and_disables_a_subscription():
    section = SectionFactory(name="World", slug="world")
    out = _run(
        "add",
        "https://downstream.example/hook",
        "--events",
        "published,retracted",
        "--section",
        "world",
    )
    subscription = Subscription.objects.get()
    assert f"Signing secret (shown once): {subscription.secret}" in out
    assert subscription.secret.startswith("whsec_")
    assert subscription.events == ["published", "retracted"]
    assert subscription.section == section

    listed = _run("list")
    assert "https://downstream.example/hook" in listed and "active" in listed

    _run("disable", str(subscription.pk))
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert "disabled" in _run("list")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "https://x.example/h", "--events", "deleted"], "Unknown event"),
        (["add", "https://x.example/h", "--section", "nowhere"], "no section"),
        (["add", "https://x.example/h", "--secret", "plain"], "whsec_"),
        (["disable", "999"], "no subscription 999"),
    ],
)
def test_the_command_refuses_bad_input_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert not Subscription.objects.exists()


def test_a_given_secret_is_kept_and_not_printed():
    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    out = _run("add", "https://x.example/h", "--secret", secret)
    assert Subscription.objects.get().secret == secret
    assert secret not in out


def test_the_admin_adds_a_subscription_and_shows_the_secret_once(superuser):
    client = Client()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:articles_subscription_add"),
        {"url": "https://downstream.example/hook", "events": ["corrected"]},
        follow=True,
    )
    subscription = Subscription.objects.get()
    assert subscription.events == ["corrected"]
    assert subscription.created_by == superuser
    assert subscription.secret in response.content.decode()
    page = client.get(
        reverse("admin:articles_subscription_change", args=[subscription.pk])
    )
    assert subscription.secret not in page.content.decode()


def test_the_admin_says_why_a_target_is_refused(superuser, settings):
    settings.NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    client = Client()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:articles_subscription_add"), {"url": "http://insecure.example/"}
    )
    assert response.status_code == 200
    assert "must use https" in response.content.decode()
    assert not Subscription.objects.exists()


def test_editors_cannot_see_subscriptions_or_deliveries(editor_client):
    for name in ("subscription", "delivery", "publicchange"):
        url = reverse(f"admin:articles_{name}_changelist")
        assert editor_client.get(url).status_code == 403


def _failed_deliveries(subscription, n):
    for _ in range(n):
        article = ArticleFactory()
        change = PublicChange.objects.create(
            article=article,
            event="published",
            version=1,
            payload={},
            created_at=article.created_at,
        )
        Delivery.objects.create(
            subscription=subscription,
            change=change,
            article=article,
            event="published",
            webhook_id=f"msg_{change.pk}",
            state=DeliveryState.FAILED,
            attempts=10,
            last_status=500,
            created_at=article.created_at,
        )


def test_the_delivery_log_costs_the_same_queries_for_n_and_2n_rows(
    superuser, django_assert_num_queries
):
    client = Client()
    client.force_login(superuser)
    subscription = subscription_add(url="https://x.example/h", by=None)
    url = reverse("admin:articles_delivery_changelist")
    _failed_deliveries(subscription, 3)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _failed_deliveries(subscription, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["cl"].result_count == 6
    page = response.content.decode()
    assert "Given up" in page and "500" in page


def test_replaying_a_subscribers_failed_deliveries_puts_them_back_in_the_queue(
    superuser,
):
    client = Client()
    client.force_login(superuser)
    subscription = subscription_add(url="https://x.example/h", by=None)
    _failed_deliveries(subscription, 2)
    client.post(
        reverse("admin:articles_subscription_changelist"),
        {"action": "replay_failed", "_selected_action": [subscription.pk]},
    )
    states = set(Delivery.objects.values_list("state", "next_attempt_at"))
    assert states == {(DeliveryState.PENDING, None)}

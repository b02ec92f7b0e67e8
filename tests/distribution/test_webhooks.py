"""Webhooks to a real receiver on 127.0.0.1: signed (verified by the standardwebhooks
library), sent in order, retried with the same webhook-id, never sent for a
transition that rolled back, not sent to a disabled subscriber."""

import datetime

import pytest
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Delivery, PublicChange
from articles.models.distribution import DeliveryState
from articles.services.distribution import (
    SubscriptionError,
    deliveries_replay_failed,
    deliveries_send_due,
    subscription_add,
    subscription_disable,
)
from articles.services.revisions import article_edit
from articles.services.workflow import (
    article_approve,
    article_publish,
    article_retract,
    article_submit,
)
from tests.articles.concurrency import skip_unless_postgresql

# Real commits: the deliveries are enqueued when the publishing transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def _subscribe(receiver, **kwargs):
    return subscription_add(url=receiver.url, secret=receiver.secret, by=None, **kwargs)


def _correct(article, editor, editor2, text):
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=article.current_revision.body + "\n\nA corrected line.",
        correction=text,
    )
    article.refresh_from_db()
    article_submit(article=article, by=editor)
    article_approve(article=article, by=editor2)
    return article_publish(article=article, by=editor2)


def test_a_publication_reaches_the_subscriber_signed_with_the_article(
    receiver, approved, editor
):
    _subscribe(receiver)
    article = approved()

    article_publish(article=article, by=editor)

    [seen] = receiver.received
    assert seen.verified and seen.answered == 200
    assert seen.body["type"] == "article.published"
    assert seen.body["data"]["id"] == article.pk
    assert seen.body["data"]["headline"] == article.headline
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (
        "delivered",
        1,
        200,
    )
    assert delivery.webhook_id == seen.webhook_id


def test_a_wrong_secret_fails_verification_at_the_receiver(receiver, approved, editor):
    subscription_add(url=receiver.url, by=None)  # its own generated secret
    article_publish(article=approved(), by=editor)

    [seen] = receiver.received
    assert not seen.verified
    assert Delivery.objects.get().last_status == 401


def test_503_twice_then_200_is_three_attempts_with_one_webhook_id(
    receiver, approved, editor, settings
):
    settings.NEWSROOM_WEBHOOK_BACKOFF_SECONDS = 60
    receiver.script.extend([503, 503])
    _subscribe(receiver)
    article_publish(article=approved(), by=editor)
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (
        "pending",
        1,
        503,
    )
    first_retry = delivery.next_attempt_at
    assert first_retry > timezone.now() + datetime.timedelta(seconds=25)

    assert deliveries_send_due() == 0  # not due yet: nothing is sent early
    assert len(receiver.received) == 1

    deliveries_send_due(now=first_retry)
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status) == (2, 503)
    assert delivery.next_attempt_at - first_retry >= datetime.timedelta(seconds=60)

    assert deliveries_send_due(now=delivery.next_attempt_at) == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (
        "delivered",
        3,
        200,
    )
    assert [r.answered for r in receiver.received] == [503, 503, 200]
    assert {r.webhook_id for r in receiver.received} == {delivery.webhook_id}


def test_a_4xx_other_than_408_and_429_is_given_up_at_once(receiver, approved, editor):
    receiver.script.append(410)
    _subscribe(receiver)
    article_publish(article=approved(), by=editor)
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.next_attempt_at) == (
        "failed",
        1,
        None,
    )


def test_429_waits_at_least_retry_after_and_gives_up_after_max_attempts(
    receiver, approved, editor, settings
):
    settings.NEWSROOM_WEBHOOK_MAX_ATTEMPTS = 2
    settings.NEWSROOM_WEBHOOK_BACKOFF_SECONDS = 1
    receiver.script.extend([429, 500])
    _subscribe(receiver)
    article_publish(article=approved(), by=editor)
    delivery = Delivery.objects.get()
    assert delivery.state == "pending"
    deliveries_send_due(now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (
        "failed",
        2,
        500,
    )


def test_deliveries_about_one_article_go_out_in_order_behind_a_retry(
    receiver, approved, editor, editor2
):
    _subscribe(receiver)
    receiver.script.append(503)
    article = approved(author=editor)
    article_publish(article=article, by=editor2)
    _correct(article, editor, editor2, "An earlier version misspelt a name.")
    article_retract(article=article, by=editor2, reason="Withdrawn at source.")

    # The publication is waiting for its retry: the two later ones wait behind it.
    assert [r.answered for r in receiver.received] == [503]
    assert list(Delivery.objects.values_list("state", flat=True)) == ["pending"] * 3

    deliveries_send_due(now=timezone.now() + datetime.timedelta(days=1))

    assert [r.body["type"] for r in receiver.accepted()] == [
        "article.published",
        "article.corrected",
        "article.retracted",
    ]
    retraction = receiver.accepted()[-1].body["data"]
    assert retraction["retraction_notice"] == "Withdrawn at source."


def test_a_rolled_back_publication_sends_nothing(receiver, approved, editor):
    _subscribe(receiver)
    article = approved()

    with pytest.raises(RuntimeError), transaction.atomic():
        article_publish(article=article, by=editor)
        raise RuntimeError("the caller's transaction fails after the publish")

    assert receiver.received == []
    assert not Delivery.objects.exists() and not PublicChange.objects.exists()


def test_a_disabled_subscriber_gets_nothing_until_its_failed_are_replayed(
    receiver, approved, editor
):
    subscription = _subscribe(receiver)
    other = type(receiver)(secret=receiver.secret).start()
    try:
        _subscribe(other)
        subscription_disable(subscription=subscription, by=None, reason="moving")
        article_publish(article=approved(), by=editor)
        assert receiver.received == []
        assert len(other.accepted()) == 1
    finally:
        other.stop()


def test_a_subscriber_failing_for_a_day_is_disabled_and_a_replay_sends_again(
    receiver, approved, editor, settings
):
    settings.NEWSROOM_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.script.extend([500] * 3)
    subscription = _subscribe(receiver)
    article_publish(article=approved(), by=editor)
    later = timezone.now()
    for hours in (12, 25):
        later += datetime.timedelta(hours=hours)
        deliveries_send_due(now=later)
    subscription.refresh_from_db()
    assert not subscription.is_active
    assert "failed for a day" in subscription.disabled_reason
    assert Delivery.objects.get().state == DeliveryState.FAILED

    assert deliveries_replay_failed(subscription=subscription, by=editor) == 1

    subscription.refresh_from_db()
    assert subscription.is_active
    assert Delivery.objects.get().state == DeliveryState.DELIVERED
    assert [r.answered for r in receiver.received] == [500, 500, 500, 200]


def test_filters_by_event_and_section(receiver, approved, editor):
    from tests.factories import SectionFactory

    world = SectionFactory(name="World")
    asia = SectionFactory(name="Asia", parent=world)
    _subscribe(receiver, events=["retracted"])
    _subscribe(receiver, section_id=world.pk)
    in_asia = approved(section=asia)
    elsewhere = approved()
    article_publish(article=in_asia, by=editor)
    article_publish(article=elsewhere, by=editor)
    article_retract(article=elsewhere, by=editor, reason="Wrong.")

    got = sorted((r.body["type"], r.body["data"]["id"]) for r in receiver.accepted())
    assert got == [
        ("article.published", in_asia.pk),
        ("article.retracted", elsewhere.pk),
    ]


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/hook", "http://example.org/hook", "https://127.0.0.1/hook"],
)
def test_production_takes_only_https_on_public_addresses(url, settings):
    settings.NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with pytest.raises(SubscriptionError):
        subscription_add(url=url, by=None)


def test_a_secret_not_in_the_standard_form_is_refused(receiver):
    with pytest.raises(SubscriptionError, match="whsec_"):
        subscription_add(url=receiver.url, secret="hunter2", by=None)


def test_a_target_production_rules_refuse_is_never_contacted(
    receiver, approved, editor, settings
):
    _subscribe(receiver)
    settings.NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = False  # production again
    article_publish(article=approved(), by=editor)
    assert receiver.received == []
    delivery = Delivery.objects.get()
    assert delivery.state == "pending" and delivery.last_status is None
    assert "must use https" in delivery.last_error


def test_the_documented_stdlib_verifier_agrees_with_the_standard_library():
    import re
    from pathlib import Path

    from standardwebhooks import Webhook

    from articles.services.distribution import webhook_secret_generate

    docs = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
    blocks = re.findall(r"```python\n(.*?)```", docs.read_text(), re.S)
    namespace: dict = {}
    exec(blocks[1], namespace)  # the standard-library example
    verify = namespace["verify"]
    secret = webhook_secret_generate()
    body = '{"type":"article.published","data":{"headline":"Ümlaut"}}'
    now = timezone.now()
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign("msg_1", now, body),
    }
    assert verify(secret, body.encode(), headers)
    assert not verify(secret, body.encode() + b" ", headers)
    assert not verify(webhook_secret_generate(), body.encode(), headers)


def test_no_transaction_is_open_while_the_receiver_answers(receiver, approved, editor):
    """A slow subscriber must not hold the delivery's row (nor, on SQLite, the
    database) for the attempt's whole time limit: while it answers, another
    connection can lock the delivery at once, and sees it reserved (a lease)."""
    skip_unless_postgresql("a second connection while the first is sending")
    seen = []

    def lock_the_delivery_meanwhile():
        try:
            with transaction.atomic():
                delivery = Delivery.objects.select_for_update(nowait=True).get()
                seen.append((delivery.state, delivery.next_attempt_at))
        finally:
            connection.close()

    receiver.during = lock_the_delivery_meanwhile
    _subscribe(receiver)
    before = timezone.now()
    article_publish(article=approved(), by=editor)

    [(state, lease)] = seen
    assert state == DeliveryState.PENDING
    assert lease > before + datetime.timedelta(seconds=15)  # past the time limit
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.next_attempt_at) == (
        DeliveryState.DELIVERED,
        1,
        None,
    )


def test_the_sender_connects_to_the_address_it_checked(
    approved, editor, settings, monkeypatch
):
    """DNS rebinding: the name resolves to a public address when checked; the
    connection goes to that address, never to what the name resolves to later."""
    import socket

    settings.NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    real_getaddrinfo = socket.getaddrinfo
    public = "93.184.215.14"

    def resolve(host, port, *args, **kwargs):
        if host == "hooks.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (public, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    connected = []

    def refuse(address, *args, **kwargs):
        connected.append(address)
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "create_connection", refuse)
    subscription_add(url="https://hooks.example.com/hook", by=None)

    article_publish(article=approved(), by=editor)

    assert connected == [(public, 443)]
    delivery = Delivery.objects.get()
    assert "refused by the test" in delivery.last_error

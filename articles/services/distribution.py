"""Telling downstream sites: the changes feed, subscriptions and signed webhooks.

`public_change_record` is called by the publishing service inside the transaction that
changes an article's public representation: it appends the change and one outbox row
(`Delivery`) per matching subscriber, and enqueues their sending for when the
transaction commits. `deliveries_send` sends one subscriber's deliveries for one
article in order, each signed in the Standard Webhooks format with a `webhook-id`
that never changes, so a receiver can drop a retry it has already seen.
"""

import base64
import datetime
import email.utils
import hashlib
import hmac
import http.client
import ipaddress
import json
import random
import secrets
import socket
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles.models import (
    Delivery,
    PublicArticle,
    PublicChange,
    PublicVersion,
    Subscription,
)
from articles.models.distribution import ChangeEvent, DeliveryState
from articles.services.audit import audit_record

SECRET_PREFIX = "whsec_"
RETRY_STATUSES = frozenset({408, 429})
USER_AGENT = "newsroom-webhooks/1"


class SubscriptionError(Exception):
    """A subscription was refused; the message says why."""


# ---------------------------------------------------------------------------
# Signing (the Standard Webhooks scheme)
# ---------------------------------------------------------------------------


def webhook_secret_generate() -> str:
    """A new signing secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def webhook_signature(
    *, secret: str, webhook_id: str, timestamp: int, body: bytes
) -> str:
    """The `webhook-signature` header: `v1,` + base64 HMAC-SHA256 of id.ts.body."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


# ---------------------------------------------------------------------------
# Subscriptions
# ---------------------------------------------------------------------------


def subscription_add(
    *,
    url: str,
    by: AbstractBaseUser | None,
    secret: str = "",
    events: Iterable[str] = (),
    section_id: int | None = None,
    entity_id: int | None = None,
) -> Subscription:
    """Subscribe `url`; a secret is generated unless given. Raises SubscriptionError."""
    url, secret = url.strip(), secret.strip() or webhook_secret_generate()
    wanted = [e.strip() for e in events if e.strip()]
    subscription_check(url=url, secret=secret, events=wanted)
    with transaction.atomic():
        subscription = Subscription.objects.create(
            url=url,
            secret=secret,
            events=wanted,
            section_id=section_id,
            entity_id=entity_id,
            created_by=by if by is not None and by.is_authenticated else None,
        )
        audit_record(actor=by, action="subscribe", obj=subscription, note=url)
    return subscription


def subscription_disable(
    *, subscription: Subscription, by: AbstractBaseUser | None, reason: str
) -> Subscription:
    """Stop sending to a subscriber (its pending deliveries wait for a replay)."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.is_active:
            locked.is_active = False
            locked.disabled_at = timezone.now()
            locked.disabled_reason = reason[:300]
            locked.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
            audit_record(actor=by, action="unsubscribe", obj=locked, note=reason)
    return locked


def subscription_check(*, url: str, secret: str, events: Iterable[str]) -> None:
    """Refuse a bad target, a secret not in the whsec_ form or an unknown event.
    Raises SubscriptionError."""
    subscription_target_check(url=url)
    try:
        key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except ValueError:
        key = b""
    if not secret.startswith(SECRET_PREFIX) or len(key) < 24:
        raise SubscriptionError(
            "A secret is whsec_ followed by at least 24 bytes in base64; leave it out "
            "to have one generated."
        )
    unknown = sorted(set(events) - set(ChangeEvent.values))
    if unknown:
        raise SubscriptionError(
            f"Unknown event {', '.join(unknown)}: choose from "
            f"{', '.join(ChangeEvent.values)}."
        )


def subscription_target_check(*, url: str) -> str | None:
    """Refuse a target that is not https on a public address (unless settings allow
    private targets, for development and tests). Raises SubscriptionError.

    Returns the public address checked (None when private targets are allowed): the
    sender connects to that address, so a name that resolves elsewhere a moment
    later (DNS rebinding) cannot point the request at an internal service."""
    parts = urlsplit(url)
    allow_private = settings.NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SubscriptionError(f"{url!r} is not an http(s) URL.")
    if parts.scheme != "https" and not allow_private:
        raise SubscriptionError("A webhook target must use https.")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(
            parts.hostname, parts.port or 443, type=socket.SOCK_STREAM
        )
    except (OSError, UnicodeError):
        raise SubscriptionError(f"{parts.hostname} does not resolve.") from None
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for address in addresses:
        if not address.is_global:
            raise SubscriptionError(
                f"{parts.hostname} resolves to {address}, not a public address."
            )
    if not addresses:
        raise SubscriptionError(f"{parts.hostname} does not resolve.")
    return str(addresses[0])


# ---------------------------------------------------------------------------
# The outbox
# ---------------------------------------------------------------------------


def public_change_record(
    *, public: PublicArticle, previous: dict[str, Any] | None, now: datetime.datetime
) -> PublicChange | None:
    """Append the change to `public` from `previous` (its `payload` and
    `retracted_at` before, None if it was never public) and its outbox rows; enqueue
    their sending on commit. Call inside the transaction that saved `public`. None
    for an article already retracted: nothing downstream needs to hear."""
    if previous is not None and previous["retracted_at"] is not None:
        return None
    if public.retracted_at is not None:
        event = ChangeEvent.RETRACTED
        data: dict[str, Any] = {
            "id": public.article_id,
            "url": public.payload["url"],
            "retracted_at": public.retracted_at.isoformat(),
            "retraction_notice": public.retraction_notice,
        }
    else:
        data = public.payload
        if previous is None:
            event = ChangeEvent.PUBLISHED
        elif previous["payload"].get("corrections") != data.get("corrections"):
            event = ChangeEvent.CORRECTED
        else:
            event = ChangeEvent.UPDATED
    # Wait for the public version lock (every publishing transaction takes it) so
    # that ids are handed out in commit order: the changes feed never skips one.
    list(PublicVersion.objects.select_for_update().filter(pk=1).values_list("pk"))
    change = PublicChange.objects.create(
        article_id=public.article_id,
        event=event,
        version=public.version,
        payload={
            "type": f"article.{event}",
            "timestamp": now.isoformat(),
            "data": data,
        },
        created_at=now,
    )
    subscriptions = [s for s in _active_subscriptions() if _matches(s, public, event)]
    if subscriptions:
        Delivery.objects.bulk_create(
            Delivery(
                subscription=s,
                change=change,
                article_id=public.article_id,
                event=event,
                webhook_id=f"msg_{uuid.uuid4().hex}",
                created_at=now,
            )
            for s in subscriptions
        )
        pairs = [(s.pk, public.article_id) for s in subscriptions]
        transaction.on_commit(lambda: _enqueue(pairs))
    return change


def _active_subscriptions() -> list[Subscription]:
    return list(Subscription.objects.filter(is_active=True).select_related("section"))


def _matches(subscription: Subscription, public: PublicArticle, event: str) -> bool:
    if subscription.events and event not in subscription.events:
        return False
    if subscription.section_id is not None:
        section = public.section
        while section is not None and section.pk != subscription.section_id:
            section = section.parent
        if section is None:
            return False
    if subscription.entity_id is not None:
        mentioned = {e["id"] for e in public.payload.get("entities", [])}
        if subscription.entity_id not in mentioned:
            return False
    return True


def _enqueue(
    pairs: Iterable[tuple[int, int]], run_after: datetime.datetime | None = None
) -> None:
    from django_tasks import default_task_backend

    from articles.tasks import send_deliveries

    if run_after is not None:
        if not default_task_backend.supports_defer:
            return  # `send_webhooks` (the sweep) picks it up when it is due
        task = send_deliveries.using(run_after=run_after)
    else:
        task = send_deliveries
    for subscription_id, article_id in pairs:
        task.enqueue(subscription_id, article_id)


# ---------------------------------------------------------------------------
# Sending
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    """How one HTTP attempt ended: a status code, or an error with no response."""

    status: int | None
    error: str = ""
    retry_after: float | None = None

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        return (
            self.status is None
            or self.status in RETRY_STATUSES
            or 500 <= self.status < 600
        )


# How long a claimed delivery stays reserved for the worker sending it, beyond the
# attempt's own time limit: a worker that dies mid-attempt leaves it due again after.
LEASE_MARGIN_SECONDS = 30


def deliveries_send(
    *, subscription_id: int, article_id: int, now: datetime.datetime | None = None
) -> int:
    """Send one subscriber's pending deliveries about one article, oldest first; the
    number delivered. Stops at the first that must wait for a retry, so the later
    ones never overtake it. Safe to call from any number of workers at once.

    No transaction is open during the HTTP attempt (which may take the whole time
    limit): the delivery is claimed in one short transaction (its next attempt moved
    past the time limit, a lease), sent, and its outcome saved in another."""
    sent = 0
    while True:
        delivery = _claim_head(subscription_id, article_id, now)
        if delivery is None:
            return sent
        attempt = _post(delivery.subscription, delivery)
        with transaction.atomic():
            locked = _delivery_lock(delivery.pk)
            if (
                locked.state != DeliveryState.PENDING
                or locked.attempts != delivery.attempts
            ):
                continue  # the lease ran out and another worker saved its attempt
            _record(locked, attempt, now or timezone.now())
            if locked.state == DeliveryState.PENDING:
                transaction.on_commit(
                    lambda at=locked.next_attempt_at: _enqueue(
                        [(subscription_id, article_id)], run_after=at
                    )
                )
                return sent
            if locked.state == DeliveryState.DELIVERED:
                sent += 1


def _claim_head(
    subscription_id: int, article_id: int, now: datetime.datetime | None
) -> Delivery | None:
    """Reserve the oldest pending delivery of the pair for this worker, or None when
    there is nothing to send now (none pending, another worker has it, the
    subscriber is disabled, or it waits for its retry, which is then enqueued)."""
    with transaction.atomic():
        head_id = (
            Delivery.objects.filter(
                subscription_id=subscription_id,
                article_id=article_id,
                state=DeliveryState.PENDING,
            )
            .order_by("id")
            .values_list("id", flat=True)
            .first()
        )
        if head_id is None:
            return None
        # Lock the delivery alone: locking the joined subscription too would make
        # every other article's sender for this subscriber skip its own row.
        claimable = Delivery.objects.select_for_update(skip_locked=True).filter(
            pk=head_id, state=DeliveryState.PENDING
        )
        if not claimable.exists():  # another worker is claiming it and will go on
            return None
        delivery = Delivery.objects.select_related("subscription", "change").get(
            pk=head_id
        )
        if not delivery.subscription.is_active:
            return None  # waits for a replay
        moment = now or timezone.now()
        if delivery.next_attempt_at and delivery.next_attempt_at > moment:
            transaction.on_commit(
                lambda at=delivery.next_attempt_at: _enqueue(
                    [(subscription_id, article_id)], run_after=at
                )
            )
            return None
        delivery.next_attempt_at = moment + datetime.timedelta(
            seconds=settings.NEWSROOM_WEBHOOK_TOTAL_TIMEOUT + LEASE_MARGIN_SECONDS
        )
        delivery.save(update_fields=["next_attempt_at"])
        return delivery


def _delivery_lock(pk: int) -> Delivery:
    """Lock one delivery row, then read it and its subscription as they are now."""
    Delivery.objects.select_for_update().filter(pk=pk).exists()
    return Delivery.objects.select_related("subscription").get(pk=pk)


def deliveries_send_due(*, now: datetime.datetime | None = None) -> int:
    """Send every pending delivery that is due (the sweep behind `send_webhooks`, for
    a backend without delayed tasks or a worker that died); the number delivered."""
    now = now or timezone.now()
    pairs = (
        Delivery.objects.filter(
            state=DeliveryState.PENDING, subscription__is_active=True
        )
        .exclude(next_attempt_at__gt=now)
        .values_list("subscription_id", "article_id")
        .distinct()
    )
    return sum(
        deliveries_send(subscription_id=s, article_id=a, now=now)
        for s, a in sorted(set(pairs))
    )


def delivery_replay(*, delivery: Delivery, by: AbstractBaseUser | None) -> Delivery:
    """Send a delivery again (given up or not): pending, due now, attempts kept."""
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        locked.state = DeliveryState.PENDING
        locked.next_attempt_at = None
        locked.save(update_fields=["state", "next_attempt_at"])
        audit_record(actor=by, action="replay", obj=locked, note=locked.webhook_id)
        pair = [(locked.subscription_id, locked.article_id)]
        transaction.on_commit(lambda: _enqueue(pair))
    return locked


def deliveries_replay_failed(
    *, subscription: Subscription, by: AbstractBaseUser | None
) -> int:
    """Send again every delivery given up for `subscription`, re-enabling it; the count.

    Each goes back into its article's queue by id, so the order holds."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        failed = Delivery.objects.filter(
            subscription=locked, state=DeliveryState.FAILED
        )
        articles = sorted(set(failed.values_list("article_id", flat=True)))
        count = failed.update(state=DeliveryState.PENDING, next_attempt_at=None)
        if not locked.is_active:
            locked.is_active = True
            locked.disabled_at = None
            locked.disabled_reason = ""
            locked.failing_since = None
            locked.save(
                update_fields=[
                    "is_active",
                    "disabled_at",
                    "disabled_reason",
                    "failing_since",
                ]
            )
            articles = sorted(
                set(
                    Delivery.objects.filter(
                        subscription=locked, state=DeliveryState.PENDING
                    ).values_list("article_id", flat=True)
                )
            )
        audit_record(
            actor=by, action="replay_failed", obj=locked, data={"deliveries": count}
        )
        pairs = [(locked.pk, a) for a in articles]
        transaction.on_commit(lambda: _enqueue(pairs))
    return count


def _record(delivery: Delivery, attempt: Attempt, now: datetime.datetime) -> None:
    """Save how an attempt went; schedule the retry or give up; track the failing."""
    delivery.attempts += 1
    delivery.last_status = attempt.status
    delivery.last_error = attempt.error[:300]
    delivery.last_attempt_at = now
    subscription = delivery.subscription
    if attempt.delivered:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        if subscription.failing_since is not None:
            Subscription.objects.filter(pk=subscription.pk).update(failing_since=None)
    else:
        give_up = (
            not attempt.retryable
            or delivery.attempts >= settings.NEWSROOM_WEBHOOK_MAX_ATTEMPTS
        )
        if give_up:
            delivery.state = DeliveryState.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.next_attempt_at = now + datetime.timedelta(
                seconds=_backoff(delivery.attempts, attempt.retry_after)
            )
        _note_failure(subscription, now)
    delivery.save(
        update_fields=[
            "attempts",
            "last_status",
            "last_error",
            "last_attempt_at",
            "state",
            "delivered_at",
            "next_attempt_at",
        ]
    )


def _backoff(attempts: int, retry_after: float | None) -> float:
    """Exponential with full jitter over the upper half; at least Retry-After."""
    base = settings.NEWSROOM_WEBHOOK_BACKOFF_SECONDS * 2 ** (attempts - 1)
    delay = min(base, 6 * 3600) * random.uniform(0.5, 1.0)
    return max(delay, retry_after or 0.0)


def _note_failure(subscription: Subscription, now: datetime.datetime) -> None:
    Subscription.objects.filter(pk=subscription.pk, failing_since__isnull=True).update(
        failing_since=now
    )
    limit = now - datetime.timedelta(
        seconds=settings.NEWSROOM_WEBHOOK_DISABLE_AFTER_SECONDS
    )
    disabled = Subscription.objects.filter(
        pk=subscription.pk, is_active=True, failing_since__lte=limit
    ).update(
        is_active=False,
        disabled_at=now,
        disabled_reason="Every delivery failed for a day: fix the endpoint, then "
        "replay its failed deliveries.",
    )
    if disabled:
        subscription.is_active = False


def _post(subscription: Subscription, delivery: Delivery) -> Attempt:
    """POST the signed body once: no redirects followed, connect and total timeouts."""
    body = json.dumps(
        delivery.change.payload, ensure_ascii=False, separators=(",", ":")
    ).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": delivery.webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": webhook_signature(
            secret=subscription.secret,
            webhook_id=delivery.webhook_id,
            timestamp=timestamp,
            body=body,
        ),
    }
    try:  # again at send time: the name may point elsewhere since it was checked
        address = subscription_target_check(url=subscription.url)
    except SubscriptionError as error:
        return Attempt(status=None, error=str(error))
    parts = urlsplit(subscription.url)
    connection_class = (
        http.client.HTTPSConnection
        if parts.scheme == "https"
        else http.client.HTTPConnection
    )
    deadline = time.monotonic() + settings.NEWSROOM_WEBHOOK_TOTAL_TIMEOUT
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = connection_class(
        parts.hostname, parts.port, timeout=settings.NEWSROOM_WEBHOOK_CONNECT_TIMEOUT
    )
    if address is not None:
        # Connect to the address just checked, not to what the name resolves to
        # now; the Host header, SNI and certificate check still use the name.
        connection._create_connection = lambda target, *args: socket.create_connection(
            (address, target[1]), *args
        )
    try:
        connection.connect()
        connection.sock.settimeout(max(deadline - time.monotonic(), 0.1))
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(64 * 1024)  # http.client never follows a redirect
        return Attempt(
            status=response.status,
            retry_after=_retry_after(response.getheader("Retry-After")),
        )
    except (OSError, http.client.HTTPException) as error:
        return Attempt(status=None, error=f"{type(error).__name__}: {error}")
    finally:
        connection.close()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - datetime.datetime.now(datetime.UTC)).total_seconds(), 0.0)

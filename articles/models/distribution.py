"""Distribution to downstream sites: the changes feed, webhook subscriptions, the
outbox of signed deliveries, and publications or retractions scheduled for a time.

A `PublicChange` row is written in the same transaction as every change to an
article's public representation; a `Delivery` row per matching subscriber with it
(the outbox). Workers send the deliveries after the commit, so a rolled-back
transition sends nothing and a committed one is never lost.
"""

from django.conf import settings
from django.db import models


class ChangeEvent(models.TextChoices):
    PUBLISHED = "published", "Published"
    UPDATED = "updated", "Updated"
    CORRECTED = "corrected", "Corrected"
    RETRACTED = "retracted", "Retracted"


class PublicChange(models.Model):
    """One change to what downstream sites see, in commit order of its id."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="public_changes"
    )
    event = models.CharField(max_length=12, choices=ChangeEvent.choices)
    version = models.PositiveIntegerField(help_text="The published revision's number.")
    payload = models.JSONField(help_text="The webhook body: the event and the data.")
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.event} article {self.article_id} (v{self.version})"


class Subscription(models.Model):
    """A downstream site's webhook endpoint, signed with its own secret."""

    url = models.URLField(max_length=500)
    secret = models.CharField(
        max_length=120, help_text="Standard Webhooks secret: whsec_ + base64."
    )
    events = models.JSONField(
        default=list, help_text="Event names to send; empty means all."
    )
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only articles of this section and its sub-sections.",
    )
    entity = models.ForeignKey(
        "articles.Entity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only articles that mention this entity.",
    )
    is_active = models.BooleanField(default=True)
    failing_since = models.DateTimeField(null=True, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.url}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Given up"


class Delivery(models.Model):
    """One change for one subscriber (the outbox row); `webhook_id` never changes."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    change = models.ForeignKey(
        PublicChange, on_delete=models.CASCADE, related_name="deliveries"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="+"
    )
    event = models.CharField(max_length=12, choices=ChangeEvent.choices)
    webhook_id = models.CharField(max_length=40, unique=True)
    state = models.CharField(
        max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(
                fields=["subscription", "article", "id"],
                condition=models.Q(state="pending"),
                name="delivery_pending_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.webhook_id} {self.event} → {self.subscription_id}"


class ScheduledKind(models.TextChoices):
    PUBLISH = "publish", "Publish"
    RETRACT = "retract", "Retract"


class ScheduledState(models.TextChoices):
    WAITING = "waiting", "Waiting"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Unscheduled"
    FAILED = "failed", "Failed"


class ScheduledAction(models.Model):
    """A publication (embargo) or retraction to carry out at `run_at`, never before."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="scheduled_actions"
    )
    action = models.CharField(max_length=10, choices=ScheduledKind.choices)
    run_at = models.DateTimeField()
    note = models.TextField(blank=True, help_text="A retraction's public reason.")
    state = models.CharField(
        max_length=10, choices=ScheduledState.choices, default=ScheduledState.WAITING
    )
    outcome = models.CharField(max_length=300, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run_at", "id"]
        indexes = [
            models.Index(
                fields=["run_at"],
                condition=models.Q(state="waiting"),
                name="scheduled_waiting_run_at",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(state="waiting"),
                name="scheduled_one_waiting_per_article",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} article {self.article_id} at {self.run_at}"

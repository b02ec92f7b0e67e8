"""Fact-check annotations anchored to a span of a revision, and their reply threads."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.text.anchoring import Anchor
from articles.text.fragments import text_fragment


class AnnotationKind(models.TextChoices):
    FACTUAL_ERROR = "factual_error", "Factual error"
    INCONSISTENCY = "inconsistency", "Inconsistency"
    DUPLICATE = "duplicate", "Duplicate"
    NEEDS_SOURCE = "needs_source", "Needs a source"
    STYLE = "style", "Style"
    OTHER = "other", "Other"


class Severity(models.TextChoices):
    BLOCKING = "blocking", "Blocking"
    ADVISORY = "advisory", "Advisory"


class AnnotationStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Dismissed"


class AnchorState(models.TextChoices):
    ANCHORED = "anchored", "Anchored"
    MOVED = "moved", "Moved"
    ORPHANED = "orphaned", "Orphaned"


class Verdict(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNPROVEN = "unproven", "Unproven"


HUMAN_ORIGIN = "human"
# What re-anchoring changes: the revision pointed at and the W3C selectors in it.
ANCHOR_FIELDS = [
    "revision",
    "anchor_state",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
]


class Annotation(models.Model):
    """A finding about a span of text, by a reviewer or an automated check (`origin`).

    The anchor (quote with prefix and suffix, and start/end offsets) is relative to
    `revision`, which moves forward as the article is edited and it is re-anchored.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="annotations"
    )
    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="annotations"
    )
    created_on_revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="+"
    )
    exact = models.TextField()
    prefix = models.CharField(max_length=200, blank=True)
    suffix = models.CharField(max_length=200, blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    anchor_state = models.CharField(
        max_length=10, choices=AnchorState.choices, default=AnchorState.ANCHORED
    )
    kind = models.CharField(max_length=20, choices=AnnotationKind.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    status = models.CharField(
        max_length=10, choices=AnnotationStatus.choices, default=AnnotationStatus.OPEN
    )
    comment = models.TextField(blank=True)
    suggestion = models.TextField(
        blank=True, help_text="Replacement text proposed for the quoted span."
    )
    has_suggestion = models.BooleanField(
        default=False,
        help_text="True when a replacement is proposed (it may be empty: a deletion).",
    )
    claim = models.TextField(blank=True)
    verdict = models.CharField(max_length=20, choices=Verdict.choices, blank=True)
    evidence = models.JSONField(
        default=list, blank=True, help_text="Evidence links (URLs)."
    )
    is_public = models.BooleanField(
        default=False, help_text="Publish this fact-check with the article."
    )
    origin = models.CharField(
        max_length=60,
        default=HUMAN_ORIGIN,
        help_text="'human' or the automated check's name.",
    )
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="An automated finding's stable id."
    )
    related = models.JSONField(
        default=list,
        blank=True,
        help_text="Passages of other articles an automated finding is about: "
        '[{"article": id, "headline": "...", "quote": "..."}].',
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="annotations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)
    resolved_in_revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The revision that fixed it.",
    )

    class Meta:
        ordering = ["article", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__gte=0, end__gt=models.F("start")),
                name="annotation_span_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=AnnotationKind.values),
                name="annotation_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(severity__in=Severity.values),
                name="annotation_severity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AnnotationStatus.values),
                name="annotation_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(anchor_state__in=AnchorState.values),
                name="annotation_anchor_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(verdict__in=[*Verdict.values, ""]),
                name="annotation_verdict_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=AnnotationStatus.OPEN)
                | models.Q(resolved_at__isnull=False),
                name="annotation_closed_has_time",
            ),
            models.UniqueConstraint(
                fields=["article", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="annotation_unique_finding_per_article",
            ),
        ]
        indexes = [models.Index(fields=["article", "status", "severity"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: “{self.exact[:40]}”"

    @property
    def anchor(self) -> Anchor:
        """Where it sits in `revision`, as the anchoring module sees it."""
        return Anchor(self.exact, self.prefix, self.suffix, self.start, self.end)

    @property
    def related_passages(self) -> list[dict[str, str]]:
        """The other articles' passages this finding is about, each with a link that
        opens the article's review page at the passage (a URL text fragment).
        """
        return [
            {
                "headline": item["headline"],
                "url": reverse("articles:review", args=[item["article"]])
                + text_fragment(item["quote"]),
            }
            for item in self.related
        ]

    def move_anchor(self, *, revision, anchor: Anchor, state: str) -> None:
        """Point at `anchor` in `revision` and save just the anchor's fields."""
        self.revision = revision
        self.anchor_state = state
        self.exact, self.prefix = anchor.exact, anchor.prefix
        self.suffix, self.start, self.end = anchor.suffix, anchor.start, anchor.end
        self.save(update_fields=[*ANCHOR_FIELDS, "updated_at"])


class AnnotationReply(models.Model):
    annotation = models.ForeignKey(
        Annotation, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["annotation", "created_at", "pk"]
        verbose_name_plural = "annotation replies"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(body=""), name="reply_body_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"Reply by {self.author} on {self.created_at:%Y-%m-%d}"

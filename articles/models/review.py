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
    CHANGED = "changed", "Changed"
    MOVED = "moved", "Moved"
    ORPHANED = "orphaned", "Orphaned"


class Verdict(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNPROVEN = "unproven", "Unproven"


HUMAN_ORIGIN = "human"


class Annotation(models.Model):
    """A finding about a span of text, by a reviewer or an automated check (`origin`).

    Two records are kept apart. `quoted_exact`/`quoted_prefix`/`quoted_suffix` are what
    was selected on `created_on_revision`: set once, never changed. The current
    placement (exact, prefix, suffix, start, end, anchor_state) is relative to
    `revision`, which moves forward as the article is edited and the annotation is
    mapped through each edit; every new placement is a row in `placements`.
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
    quoted_exact = models.TextField(
        help_text="The text selected on the revision it was made on; never changed."
    )
    quoted_prefix = models.CharField(max_length=200, blank=True)
    quoted_suffix = models.CharField(max_length=200, blank=True)
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
        return f"{self.get_kind_display()}: “{self.quoted_exact[:40]}”"

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


class AnnotationPlacement(models.Model):
    """Where an annotation was put by one re-anchoring: the history of its placement."""

    annotation = models.ForeignKey(
        Annotation, on_delete=models.CASCADE, related_name="placements"
    )
    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=10, choices=AnchorState.choices)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    exact = models.TextField(blank=True, help_text="Empty when orphaned.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["annotation", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=AnchorState.values),
                name="placement_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    state=AnchorState.ORPHANED, start__isnull=True, end__isnull=True
                )
                | (
                    ~models.Q(state=AnchorState.ORPHANED)
                    & models.Q(start__gte=0, end__gt=models.F("start"))
                ),
                name="placement_span_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_state_display()} on revision {self.revision_id}"


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

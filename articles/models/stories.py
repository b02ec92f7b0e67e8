"""Articles, their revisions and their public corrections."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"


# The workflow as data: which status may follow which. Services check it; see
# articles/services/workflow.py for who may make each move and the gates on it.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    ArticleStatus.DRAFT: frozenset({ArticleStatus.IN_REVIEW, ArticleStatus.RETRACTED}),
    ArticleStatus.IN_REVIEW: frozenset(
        {
            ArticleStatus.APPROVED,
            ArticleStatus.CHANGES_REQUESTED,
            ArticleStatus.RETRACTED,
        }
    ),
    ArticleStatus.CHANGES_REQUESTED: frozenset(
        {ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT, ArticleStatus.RETRACTED}
    ),
    ArticleStatus.APPROVED: frozenset(
        {
            ArticleStatus.PUBLISHED,
            ArticleStatus.CHANGES_REQUESTED,
            ArticleStatus.DRAFT,
            ArticleStatus.RETRACTED,
        }
    ),
    ArticleStatus.PUBLISHED: frozenset({ArticleStatus.DRAFT, ArticleStatus.RETRACTED}),
    ArticleStatus.RETRACTED: frozenset(),
}


def can_transition(current: str, target: str) -> bool:
    """Whether the workflow table allows moving from `current` to `target`."""
    return target in ALLOWED_TRANSITIONS.get(current, frozenset())


class Article(models.Model):
    """One story. Its text lives in revisions; `current_revision` is the working one."""

    source = models.ForeignKey(
        "articles.SourceDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    dropped_lines = models.JSONField(
        default=list,
        blank=True,
        help_text="Source lines inside the range left out as duplicates at the split.",
    )
    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    status = models.CharField(
        max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    current_revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        default=1,
        help_text="Bumped on every save; an edit based on an older version conflicts.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        permissions = [
            ("submit_article", "Can submit an article for review"),
            ("review_article", "Can review articles: annotate and recommend"),
            ("approve_article", "Can approve an article"),
            ("publish_article", "Can publish an approved article"),
            ("retract_article", "Can retract a published article"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(first_line__isnull=True, last_line__isnull=True)
                | models.Q(
                    first_line__gte=1,
                    last_line__gte=models.F("first_line"),
                    source__isnull=False,
                ),
                name="article_line_range_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ArticleStatus.PUBLISHED)
                | models.Q(published_revision__isnull=False),
                name="article_published_has_revision",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ArticleStatus.RETRACTED)
                | ~models.Q(retraction_reason=""),
                name="article_retraction_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-updated_at"]),
            # The admin's list in its default order.
            models.Index(fields=["-updated_at", "-id"], name="article_updated_order"),
            # The desk's "recently published" count (selectors/queues.py).
            models.Index(
                fields=["status", "published_at"], name="article_status_published"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_article_change", args=[self.pk])

    def can_transition_to(self, target: str) -> bool:
        return can_transition(self.status, target)

    @property
    def is_live(self) -> bool:
        """Whether downstream sites can read it: published once and not retracted."""
        return self.published_revision_id is not None and self.retracted_at is None

    @property
    def line_range(self) -> str:
        if self.first_line is None:
            return ""
        return f"{self.first_line}-{self.last_line}"


class Revision(models.Model):
    """One saved state of an article's headline and body; never edited once saved."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField()
    headline = models.CharField(max_length=300)
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
    )
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_unique_number_per_article"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="revision_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} (revision {self.number})"


class Correction(models.Model):
    """A public note saying what was corrected in a published article, and when."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        help_text="The revision that carries the correction.",
    )
    text = models.TextField()
    corrected_on = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-corrected_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""), name="correction_text_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"Correction to {self.article} on {self.corrected_on}"

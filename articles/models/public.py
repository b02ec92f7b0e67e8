"""What downstream sites read: each live article rendered once, and the API's keys.

An article's public representation is built when it is published, corrected or
retracted (never per request), so that the API serves stored JSON with a constant
number of queries; `PublicVersion` is the one-row probe behind ETags.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class PublicArticle(models.Model):
    """The public representation of one article's published revision."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="public"
    )
    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.PROTECT, related_name="+"
    )
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entities = models.ManyToManyField("articles.Entity", blank=True, related_name="+")
    slug = models.SlugField(max_length=320)
    headline = models.CharField(max_length=300)
    search_text = models.TextField(help_text="Headline and body, for full-text search.")
    # Kept by the publishing service on PostgreSQL (GIN-indexed by migration 0008);
    # SQLite searches an FTS5 table kept by the same service instead.
    search_vector = SearchVectorField(null=True, editable=False)
    payload = models.JSONField(help_text="The article as the API serves it.")
    # Written with the payload, so that a ninjs page is served as stored too.
    ninjs = models.TextField(
        editable=False,
        help_text="The payload as IPTC ninjs 2.2, serialized, its uri a path.",
    )
    published_at = models.DateTimeField()
    updated_at = models.DateTimeField(db_index=True)
    version = models.PositiveIntegerField(default=1)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_notice = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            # The list order, over live articles only; and the same within a section.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(retracted_at__isnull=True),
                name="publicarticle_live_order",
            ),
            models.Index(
                fields=["section", "-published_at", "-id"],
                condition=models.Q(retracted_at__isnull=True),
                name="publicarticle_section_order",
            ),
            # The admin's list, retracted ones too, in the same order.
            models.Index(fields=["-published_at", "-id"], name="publicarticle_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retracted_at__isnull=True)
                | ~models.Q(retraction_notice=""),
                name="publicarticle_retraction_has_notice",
            ),
        ]

    def __str__(self) -> str:
        return self.headline


class PublicVersion(models.Model):
    """A single row whose counter moves on every publish, correction and retraction."""

    counter = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"public version {self.counter}"


class ApiKey(models.Model):
    """A partner site's key; only its SHA-256 is stored, the key is shown once."""

    name = models.CharField(max_length=100, help_text="The partner site.")
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

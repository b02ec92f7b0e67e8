"""The entity registry (people, organisations, places, events) and its mentions."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    PLACE = "place", "Place"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


class RegistryEntities(models.Manager):
    """The registry: entities not deleted (see `Entity.deleted_at`)."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class Entity(models.Model):
    kind = models.CharField(max_length=20, choices=EntityKind.choices)
    name = models.CharField(max_length=200)
    description = models.TextField(
        blank=True, help_text="For a person, the role or title."
    )
    external_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="For example a Wikidata id such as Q12345.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Deleting takes an entity out of the registry at once (`objects` and the
    # matcher no longer see it); the row, with its mentions, goes when the relink
    # job has taken those off the archive, so the request never looks for them.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistryEntities()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=EntityKind.values), name="entity_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(name=""), name="entity_name_not_empty"
            ),
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="entity_unique_external_id",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EntityAlias(models.Model):
    """Another way the copy writes an entity's name ("ISIS-K" for a group)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["text"]
        verbose_name_plural = "entity aliases"
        constraints = [
            models.UniqueConstraint(
                "entity", Lower("text"), name="entityalias_unique_text_per_entity"
            ),
            models.CheckConstraint(
                condition=~models.Q(text=""), name="entityalias_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Mention(models.Model):
    """An entity found at a character span of one revision's body."""

    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="mentions"
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["revision", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__gte=0, end__gt=models.F("start")),
                name="mention_span_valid",
            ),
            models.UniqueConstraint(
                fields=["revision", "entity", "start"], name="mention_unique_per_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} [{self.start}:{self.end}]"


class IgnoredName(models.Model):
    """A candidate name an editor chose to ignore, so it is not proposed again."""

    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True)
    ignored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["normalized"]

    def __str__(self) -> str:
        return self.name


class CandidateName(models.Model):
    """A name the registry did not know in an article's current revision, kept when
    the revision is linked so that the candidates page reads an aggregate.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="candidate_names"
    )
    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="+"
    )
    normalized = models.CharField(max_length=200)
    text = models.CharField(max_length=200)
    count = models.PositiveIntegerField()
    kind_hint = models.CharField(max_length=20, blank=True)
    contexts = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "normalized"], name="candidatename_unique"
            ),
        ]
        # A name's first articles, for the candidates page's contexts.
        indexes = [
            models.Index(fields=["normalized", "article"], name="candidatename_name")
        ]

    def __str__(self) -> str:
        return self.text


class CandidateTotal(models.Model):
    """One candidate name summed over the `CandidateName` rows that hold it.

    Kept by the linking services (a delta per linked revision, per retraction, per
    confirmed name), so that the candidates page reads the first rows of a small
    table in index order instead of grouping every article's names. The hint
    columns count the articles whose copy suggests that kind of entity.
    """

    normalized = models.CharField(max_length=200, unique=True)
    total = models.IntegerField()  # occurrences in all the articles
    articles = models.IntegerField()
    people = models.IntegerField(default=0)
    organisations = models.IntegerField(default=0)
    events = models.IntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["-total", "-articles", "normalized"],
                name="candidatetotal_order",
            )
        ]

    def __str__(self) -> str:
        return self.normalized

    @property
    def kind_hint(self) -> str | None:
        """What most of the copy suggests: a person if any does, else as written."""
        for hint, count in (
            ("person", self.people),
            ("organisation", self.organisations),
            ("event", self.events),
        ):
            if count > 0:
                return hint
        return None

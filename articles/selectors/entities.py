"""Reads of the entity registry, and the matcher built once per registry version.

The matcher is cached in the process, keyed by a cheap version probe of the registry
tables, so every process (and every app server) rebuilds it only when the registry
changed; nothing another server needs is kept in memory.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce

from articles.models import (
    Article,
    CandidateName,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
)
from articles.models.stories import ArticleStatus
from articles.text.entities import AliasSpec, EntityMatcher

RegistryVersion = tuple


def registry_version() -> RegistryVersion:
    """A value that changes whenever an entity or alias is added, edited or removed.

    Writes that move rows with QuerySet.update() (which skips auto_now) must set
    `updated_at` themselves, as the registry services do.
    """
    entities = Entity.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    aliases = EntityAlias.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return (entities["n"], entities["latest"], aliases["n"], aliases["latest"])


def entity_matcher() -> EntityMatcher:
    """The matcher for the registry as it is now (rebuilt only after a change)."""
    return _matcher_for(registry_version())


@lru_cache(maxsize=1)
def _matcher_for(version: RegistryVersion) -> EntityMatcher:
    specs = [
        AliasSpec(entity_id=pk, text=name, kind=kind)
        for pk, name, kind in Entity.objects.values_list("pk", "name", "kind")
    ]
    specs += [
        AliasSpec(entity_id=entity_id, text=text, kind=kind)
        for entity_id, text, kind in EntityAlias.objects.values_list(
            "entity_id", "text", "entity__kind"
        )
    ]
    return EntityMatcher.build(specs)


def entity_labels() -> dict[int, tuple[str, str]]:
    """Entity id -> (name, kind) for the whole registry."""
    return {
        pk: (name, kind)
        for pk, name, kind in Entity.objects.values_list("pk", "name", "kind")
    }


def ignored_names() -> set[str]:
    """The normalised names editors chose never to be proposed again."""
    return set(IgnoredName.objects.values_list("normalized", flat=True))


# --- candidates ---------------------------------------------------------------


@dataclass(frozen=True)
class CandidateContext:
    article_id: int
    headline: str
    snippet: str


@dataclass(frozen=True)
class CandidateRow:
    """A name the registry does not know, summed over the current articles."""

    text: str  # as most often written
    count: int
    article_count: int
    kind_hint: str | None
    contexts: tuple[CandidateContext, ...]  # up to three, from the first articles


def entity_candidates(*, limit: int | None = None) -> list[CandidateRow]:
    """Names in the current revisions of unretracted articles that the registry does
    not know and nobody ignored, most frequent first (the first `limit` of them).

    Read from the candidates stored when each revision was linked: one grouped
    query with the limit, and one for the contexts of the names on the page.
    """
    rows = (
        CandidateName.objects.exclude(article__status=ArticleStatus.RETRACTED)
        .filter(revision_id=F("article__current_revision_id"))
        .exclude(normalized__in=IgnoredName.objects.values("normalized"))
        .values("normalized")
        .annotate(
            total=Sum("count"),
            articles=Count("article_id", distinct=True),
            spelling=Max("text"),
            person=Max(Case(When(kind_hint="person", then=1), default=0)),
            hint=Max("kind_hint"),
        )
        .order_by("-total", "-articles", "normalized")
    )
    if limit is not None:
        rows = rows[:limit]
    rows = list(rows)
    contexts: dict[str, list[CandidateContext]] = {}
    if rows:
        for key, article_id, headline, snippets in (
            CandidateName.objects.filter(
                normalized__in=[row["normalized"] for row in rows],
                revision_id=F("article__current_revision_id"),
            )
            .exclude(article__status=ArticleStatus.RETRACTED)
            .order_by("article_id")
            .values_list("normalized", "article_id", "article__headline", "contexts")
        ):
            found = contexts.setdefault(key, [])
            for snippet in snippets[: 3 - len(found)]:
                found.append(CandidateContext(article_id, headline, snippet))
    return [
        CandidateRow(
            text=row["spelling"],
            count=row["total"],
            article_count=row["articles"],
            kind_hint="person" if row["person"] else (row["hint"] or None),
            contexts=tuple(contexts.get(row["normalized"], ())),
        )
        for row in rows
    ]


# --- where an entity is mentioned ---------------------------------------------


def entity_articles(*, entity_id: int, limit: int = 100) -> list[Article]:
    """Articles whose current or published revision mentions the entity, most
    recently updated first, each with `current_mentions` and `published_mentions`
    (counts) and its section loaded. One query.
    """
    revisions = Mention.objects.filter(entity_id=entity_id).values("revision_id")

    def mentions_in(column: str) -> Coalesce:
        counted = (
            Mention.objects.filter(entity_id=entity_id, revision_id=OuterRef(column))
            .order_by()
            .values("revision_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(counted), 0)

    return list(
        Article.objects.filter(
            Q(current_revision_id__in=revisions)
            | Q(published_revision_id__in=revisions)
        )
        .annotate(
            current_mentions=mentions_in("current_revision_id"),
            published_mentions=mentions_in("published_revision_id"),
        )
        .select_related("section")
        .order_by("-updated_at", "-pk")[:limit]
    )

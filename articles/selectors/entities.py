"""Reads of the entity registry, and the matcher built once per registry version.

The matcher is cached in the process, keyed by a cheap version probe of the registry
tables, so every process (and every app server) rebuilds it only when the registry
changed; nothing another server needs is kept in memory.
"""

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from articles.models import (
    Article,
    CandidateName,
    CandidateTotal,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
)
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
        for entity_id, text, kind in EntityAlias.objects.filter(
            entity__deleted_at__isnull=True
        ).values_list("entity_id", "text", "entity__kind")
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


CONTEXTS = 3  # snippets shown per candidate


def entity_candidates(*, limit: int | None = None) -> list[CandidateRow]:
    """Names in the current revisions of unretracted articles that the registry does
    not know and nobody ignored, most frequent first (the first `limit` of them).

    Three queries whatever the size of the archive: the first rows of the per-name
    totals in index order, each with its first three articles' candidate rows (an
    index probe each); those rows with their contexts; their articles' headlines.
    """
    firsts = {
        f"first_{n}": Subquery(
            CandidateName.objects.filter(normalized=OuterRef("normalized"))
            .order_by("article_id")
            .values("pk")[n : n + 1]
        )
        for n in range(CONTEXTS)
    }
    totals = (
        CandidateTotal.objects.filter(articles__gt=0)
        .exclude(normalized__in=IgnoredName.objects.values("normalized"))
        .annotate(**firsts)
        .order_by("-total", "-articles", "normalized")
    )
    if limit is not None:
        totals = totals[:limit]
    totals = list(totals)
    row_ids = [getattr(t, name) for t in totals for name in firsts]
    samples = {
        pk: (text, article_id, snippets)
        for pk, text, article_id, snippets in CandidateName.objects.filter(
            pk__in=[pk for pk in row_ids if pk is not None]
        ).values_list("pk", "text", "article_id", "contexts")
    }
    # Apart, so that the planner looks up these few articles by key rather than
    # joining (and scanning) the whole article table.
    headlines = dict(
        Article.objects.filter(
            pk__in={article_id for _, article_id, _ in samples.values()}
        )
        .order_by()
        .values_list("pk", "headline")
    )
    rows = []
    for total in totals:
        found = [
            samples[pk] for name in firsts if (pk := getattr(total, name)) in samples
        ]
        contexts: list[CandidateContext] = []
        for _, article_id, snippets in found:
            for snippet in snippets[: CONTEXTS - len(contexts)]:
                contexts.append(
                    CandidateContext(article_id, headlines[article_id], snippet)
                )
        rows.append(
            CandidateRow(
                text=found[0][0] if found else total.normalized,
                count=total.total,
                article_count=total.articles,
                kind_hint=total.kind_hint,
                contexts=tuple(contexts),
            )
        )
    return rows


# --- where an entity is mentioned ---------------------------------------------


def live_articles_mentioning(
    *, entity_ids: Collection[int], first: int | None = None, last: int | None = None
) -> list[int]:
    """The ids of live articles whose published revision mentions these entities
    (those with ids `first`..`last` when given)."""
    articles = Article.objects.filter(
        retracted_at__isnull=True,
        published_revision__mentions__entity_id__in=list(entity_ids),
    )
    if first is not None and last is not None:
        articles = articles.filter(pk__range=(first, last))
    return list(articles.order_by("pk").values_list("pk", flat=True).distinct())


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

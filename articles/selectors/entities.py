"""Reads of the entity registry, and the matcher built once per registry version.

The matcher is cached in the process, keyed by a cheap version probe of the registry
tables, so every process (and every app server) rebuilds it only when the registry
changed; nothing another server needs is kept in memory.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article, Entity, EntityAlias, IgnoredName, Mention
from articles.models.stories import ArticleStatus
from articles.text.entities import (
    AliasSpec,
    Candidate,
    EntityMatcher,
    find_candidates,
    normalize_name,
)

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

    A constant number of queries: one matcher, the ignored names, the bodies.
    """
    matcher = entity_matcher()
    ignored = ignored_names()
    texts = (
        Article.objects.exclude(status=ArticleStatus.RETRACTED)
        .filter(current_revision__isnull=False)
        .order_by("pk")
        .values_list("pk", "headline", "current_revision__body")
    )
    found: dict[str, _Tally] = {}
    for article_id, headline, body in texts:
        for candidate in find_candidates(body, matcher=matcher, ignored=ignored):
            tally = found.setdefault(normalize_name(candidate.text), _Tally())
            tally.add(article_id, headline, candidate)
    rows = [tally.row() for tally in found.values()]
    rows.sort(key=lambda row: (-row.count, -row.article_count))
    return rows if limit is None else rows[:limit]


@dataclass
class _Tally:
    spellings: Counter[str] = field(default_factory=Counter)
    hints: Counter[str] = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)
    contexts: list[CandidateContext] = field(default_factory=list)

    def add(self, article_id: int, headline: str, candidate: Candidate) -> None:
        self.spellings[candidate.text] += candidate.count
        if candidate.kind_hint:
            self.hints[candidate.kind_hint] += candidate.count
        self.articles.add(article_id)
        for snippet in candidate.contexts[: 3 - len(self.contexts)]:
            self.contexts.append(CandidateContext(article_id, headline, snippet))

    def row(self) -> CandidateRow:
        # As find_candidates does: a title before the name anywhere makes it a person.
        if "person" in self.hints:
            hint: str | None = "person"
        else:
            hint = self.hints.most_common(1)[0][0] if self.hints else None
        return CandidateRow(
            text=self.spellings.most_common(1)[0][0],
            count=self.spellings.total(),
            article_count=len(self.articles),
            kind_hint=hint,
            contexts=tuple(self.contexts),
        )


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

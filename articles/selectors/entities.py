"""Reads of the entity registry, and the matcher built once per registry version.

The matcher is cached in the process, keyed by a cheap version probe of the registry
tables, so every process (and every app server) rebuilds it only when the registry
changed; nothing another server needs is kept in memory.
"""

from functools import lru_cache

from django.db.models import Count, Max

from articles.models import Entity, EntityAlias, IgnoredName
from articles.text.entities import AliasSpec, EntityMatcher

RegistryVersion = tuple


def registry_version() -> RegistryVersion:
    """A value that changes whenever an entity or alias is added, edited or removed."""
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

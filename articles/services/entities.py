"""The entity registry's writes, and linking entities in the text of revisions.

Mentions are derived data: the registry applied to a revision's body. Every write
that changes what the matcher finds (an entity's name or kind, an alias, a merge, a
split-off, a deletion) asks, when its transaction commits, for one background relink
job (`articles.services.jobs.relink_job_request`) rather than relinking inside it:

* the registry write stays a short request whatever the size of the archive; the
  relink runs in chunks on the task workers, its progress visible on the job row;
* several writes in one transaction (an admin form saving an entity and its alias
  inline, a merge of five entities, the demo registry) coalesce into one job, and
  so do writes while a job is still waiting for a worker;
* the relink reads the committed registry, the one every other app server sees;
* if a relink fails, the editor's registry change is kept: mentions can always be
  recomputed from the registry and the immutable revision bodies.

Live articles whose published revision's mentions change (or whose mentioned entity
is renamed, merged or deleted) get their public representation rebuilt. Linking a
revision also stores the names in it the registry does not know (`CandidateName`),
so that the candidates page reads an aggregate instead of rescanning the archive.

`by=None` means the system (the demo loader, a management command); a user must
hold the matching model permission, else RegistryError.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles.models import (
    Article,
    CandidateName,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
    Revision,
)
from articles.models.entities import EntityKind
from articles.selectors.entities import entity_matcher
from articles.services.audit import audit_record
from articles.services.candidates import (
    candidate_totals_rebuild,
    candidates_forget_name,
    candidates_store,
)
from articles.services.jobs import relink_job_request
from articles.services.locking import articles_lock
from articles.services.publishing import public_articles_refresh_locked
from articles.text.entities import (
    EntityMatcher,
    normalize_name,
)

__all__ = [
    "RegistryError",
    "RelinkResult",
    "alias_delete",
    "alias_split_off",
    "alias_update",
    "candidate_confirm_alias",
    "candidate_confirm_new",
    "candidate_ignore",
    "candidates_rebuild",
    "deleted_entities_purge",
    "entity_add_alias",
    "entity_create",
    "entity_delete",
    "entity_merge",
    "entity_update",
    "registry_relink",
    "registry_relink_range",
    "revision_link_entities",
]

User = AbstractBaseUser
# Articles per relink batch, a constant number of queries each; at most twice as many
# revision ids, under SQLite's historical limit of 999 parameters per query.
RELINK_BATCH = 400
INSERT_BATCH = 1000  # mentions per INSERT (Django caps it at 199 on SQLite)
NAME_MAX = 200  # Entity.name, EntityAlias.text, IgnoredName.name


class RegistryError(Exception):
    """The registry write was refused; the message says why. Nothing was written."""


@dataclass(frozen=True)
class RelinkResult:
    revisions: int  # revisions matched again
    changed: int  # revisions whose mentions changed
    mentions: int  # mentions written for the changed revisions
    refreshed: tuple[int, ...]  # live articles whose public representation was rebuilt


# --- linking ------------------------------------------------------------------


MentionKey = tuple[int, int, int, str]  # entity_id, start, end, text
MENTION_COLUMNS = ("entity_id", "start", "end", "text")


def _mention_keys(matcher: EntityMatcher, body: str) -> set[MentionKey]:
    """What the matcher finds in `body`, one key per entity and start (as stored)."""
    keys: dict[tuple[int, int], MentionKey] = {}
    for match in matcher.find(body):
        key = (match.entity_id, match.start)
        keys.setdefault(
            key, (match.entity_id, match.start, match.end, match.text[:200])
        )
    return set(keys.values())


def _mention_rows(revision_id: int, keys: Iterable[MentionKey]) -> list[Mention]:
    return [
        Mention(revision_id=revision_id, entity_id=e, start=s, end=end, text=text)
        for e, s, end, text in sorted(keys, key=lambda k: (k[1], k[0]))
    ]


def revision_link_entities(*, revision: Revision) -> list[Mention]:
    """Replace the revision's mentions with what the current registry finds in its body.

    Ambiguous matches (one span, several entities) are all recorded. A constant
    number of queries whatever the number of mentions.
    """
    matcher = entity_matcher()
    mentions = _mention_rows(revision.pk, _mention_keys(matcher, revision.body))
    with transaction.atomic():
        Mention.objects.filter(revision=revision).delete()
        Mention.objects.bulk_create(mentions, batch_size=INSERT_BATCH)
        candidates_store([(revision.article_id, revision.pk, revision.body)], matcher)
    return mentions


def registry_relink(
    *,
    article_ids: Iterable[int] | None = None,
    refresh_article_ids: Iterable[int] = (),
) -> RelinkResult:
    """Recompute the mentions of every article's current and published revision.

    Only the given articles when `article_ids` is set. One matcher for the whole
    pass; per batch of articles a constant number of queries (read the revisions,
    read their mentions, delete the changed ones, insert the new ones), and only
    revisions whose mentions changed are rewritten. Live articles whose published
    revision changed, and live ones in `refresh_article_ids` (their entities were
    renamed, merged or deleted), get `public_article_refresh`. Returns the counts.
    """
    matcher = entity_matcher()
    refresh = set(refresh_article_ids)
    revisions = changed = written = 0
    for rows in _article_batches(article_ids):
        with transaction.atomic():
            batch = _relink_batch(rows, matcher)
            _store_changed_candidates(rows, batch, matcher)
        revisions += batch.revisions
        changed += len(batch.changed)
        written += batch.mentions
        refresh.update(
            article_id
            for article_id, _, published_id, retracted_at in rows
            if published_id in batch.changed and retracted_at is None
        )
    refreshed = _refresh_live(refresh)
    return RelinkResult(revisions, changed, written, tuple(refreshed))


# pk, current_revision_id, published_revision_id, retracted_at
ArticleRow = tuple[int, int | None, int | None, Any]


def _article_batches(article_ids: Iterable[int] | None) -> Iterator[list[ArticleRow]]:
    columns = ("pk", "current_revision_id", "published_revision_id", "retracted_at")
    articles = Article.objects.order_by("pk").values_list(*columns)
    if article_ids is not None:
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), RELINK_BATCH):
            yield list(articles.filter(pk__in=ids[i : i + RELINK_BATCH]))
        return
    last = 0
    while rows := list(articles.filter(pk__gt=last)[:RELINK_BATCH]):
        yield rows
        last = rows[-1][0]


@dataclass(frozen=True)
class _Batch:
    revisions: int
    changed: frozenset[int]
    mentions: int
    bodies: dict[int, str] = field(default_factory=dict)  # of the changed revisions


def _relink_batch(
    rows: Sequence[ArticleRow],
    matcher: EntityMatcher,
    *,
    found: dict[int, set[MentionKey]] | None = None,
) -> _Batch:
    """Lock these articles' revisions and rewrite the mentions that changed.

    `found` holds what this matcher found in some of the revisions already (their
    bodies never change), so that they are not matched twice.
    """
    revision_ids = _revision_ids(rows)
    if not revision_ids:
        return _Batch(0, frozenset(), 0)
    # Locking the revisions (in id order) serialises concurrent relinks of the same
    # revisions, which would otherwise both delete and then both insert.
    bodies = dict(
        Revision.objects.select_for_update()
        .filter(pk__in=revision_ids)
        .order_by("pk")
        .values_list("pk", "body")
    )
    found = found or {}
    keys = {
        rid: found[rid] if rid in found else _mention_keys(matcher, body)
        for rid, body in bodies.items()
    }
    changed = _changed(
        keys,
        Mention.objects.filter(revision_id__in=revision_ids).values_list(
            "revision_id", *MENTION_COLUMNS
        ),
    )
    new_rows: list[Mention] = []
    for revision_id in sorted(changed):
        new_rows += _mention_rows(revision_id, keys[revision_id])
    if changed:
        Mention.objects.filter(revision_id__in=changed).delete()
        Mention.objects.bulk_create(new_rows, batch_size=INSERT_BATCH)
    changed_bodies = {rid: bodies[rid] for rid in changed}
    return _Batch(len(bodies), frozenset(changed), len(new_rows), changed_bodies)


def _relink_probe(
    *, first: int, last: int, matcher: EntityMatcher
) -> tuple[dict[int, set[MentionKey]], dict[int, int], set[int]]:
    """Match the current and published revisions of articles `first`..`last`
    without locking anything: what the matcher finds in each revision, each
    revision's article, and the revisions whose stored mentions differ.

    Two queries whatever the chunk's size, each led by the articles' id range (no
    list of ids to send): the current revisions' bodies, then their mentions; two
    more for the published revisions of articles with a newer draft, if any.
    """
    articles = Article.objects.filter(pk__gte=first, pk__lte=last).order_by()
    article_of: dict[int, int] = {}
    bodies: dict[int, str] = {}
    for pk, current, published, body in articles.values_list(
        "pk", "current_revision_id", "published_revision_id", "current_revision__body"
    ):
        for revision_id in (current, published):
            if revision_id is not None:
                article_of.setdefault(revision_id, pk)
        if current is not None:
            bodies[current] = body
    others = [rid for rid in article_of if rid not in bodies]
    mentions = articles.values_list(
        "current_revision_id",
        *(f"current_revision__mentions__{name}" for name in MENTION_COLUMNS),
    )
    if others:
        bodies.update(Revision.objects.filter(pk__in=others).values_list("pk", "body"))
        mentions = chain(
            mentions,
            Mention.objects.filter(revision_id__in=others).values_list(
                "revision_id", *MENTION_COLUMNS
            ),
        )
    keys = {rid: _mention_keys(matcher, body) for rid, body in bodies.items()}
    return keys, article_of, _changed(keys, mentions)


def _revision_ids(rows: Sequence[ArticleRow]) -> list[int]:
    return sorted(
        {
            rid
            for _, current, published, _ in rows
            for rid in (current, published)
            if rid
        }
    )


def _changed(
    keys: dict[int, set[MentionKey]], mentions: Iterable[tuple[Any, ...]]
) -> set[int]:
    """The revisions whose stored `mentions` ((revision id, *MENTION_COLUMNS) rows;
    None for a revision without any) are not `keys`."""
    stored: dict[int, set[MentionKey]] = {}
    for revision_id, *key in mentions:
        if key[0] is not None:
            stored.setdefault(revision_id, set()).add(tuple(key))  # type: ignore[arg-type]
    return {rid for rid, found in keys.items() if found != stored.get(rid, set())}


def _refresh_live(article_ids: Collection[int]) -> list[int]:
    """Rebuild the live ones of these articles; one public version bump per batch."""
    refreshed = []
    ids = sorted(article_ids)
    for i in range(0, len(ids), RELINK_BATCH):
        with transaction.atomic():
            locked = articles_lock(pks=ids[i : i + RELINK_BATCH])
            refreshed += public_articles_refresh_locked(articles=locked)
    return refreshed


def candidates_rebuild() -> int:
    """Store the candidates of every unretracted article's current revision again,
    and their totals; the number of articles.

    For a database that predates stored candidates (run by `relink_entities
    --candidates`); linking keeps them current afterwards.
    """
    matcher = entity_matcher()
    done = 0
    last = 0
    CandidateName.objects.exclude(article__retracted_at__isnull=True).delete()
    current = Article.objects.filter(
        current_revision__isnull=False, retracted_at__isnull=True
    ).order_by("pk")
    while rows := list(
        current.filter(pk__gt=last).values_list(
            "pk", "current_revision_id", "current_revision__body"
        )[:RELINK_BATCH]
    ):
        with transaction.atomic():
            candidates_store(rows, matcher)
        done += len(rows)
        last = rows[-1][0]
    candidate_totals_rebuild()
    return done


def _store_changed_candidates(
    rows: Sequence[ArticleRow], batch: _Batch, matcher: EntityMatcher
) -> None:
    """What the registry knows changed for these revisions: so did their candidates
    (a retracted article has none)."""
    current = [
        (pk, rid, batch.bodies[rid])
        for pk, rid, _, retracted_at in rows
        if rid in batch.changed and retracted_at is None
    ]
    if current:
        candidates_store(current, matcher)


def registry_relink_range(
    *, first: int, last: int, refresh_article_ids: Iterable[int] = ()
) -> dict[str, int]:
    """Relink the articles with ids `first`..`last` (one chunk of a relink job).

    As `registry_relink` for one batch, in the caller's transaction; also stores
    the candidates of current revisions whose mentions changed. Returns the counts.

    The chunk is matched without locks (bodies never change), so chunks of a job
    run side by side and an unchanged chunk writes nothing; only the articles whose
    mentions changed, and those to refresh, are locked and written, each matched
    again only if the registry changed in between.
    """
    refresh = set(refresh_article_ids)
    matcher = entity_matcher()
    found, article_of, stale = _relink_probe(first=first, last=last, matcher=matcher)
    matched = len(found)
    todo = {article_of[revision_id] for revision_id in stale}
    batch = _Batch(0, frozenset(), 0)
    refreshed = 0
    if todo or refresh:
        # The articles first (in id order), as every service takes them, and only
        # then their revisions, candidates and public rows: never an article while
        # holding those, which an editor saving or publishing it may be waiting for.
        articles_lock(pks=todo | refresh)
        if (now := entity_matcher()) is not matcher:  # the registry changed
            matcher, found = now, {}
        columns = ("pk", "current_revision_id", "published_revision_id", "retracted_at")
        locked = list(
            Article.objects.filter(pk__in=todo).order_by("pk").values_list(*columns)
        )
        batch = _relink_batch(locked, matcher, found=found)
        _store_changed_candidates(locked, batch, matcher)
        refresh.update(
            pk
            for pk, _, published_id, retracted_at in locked
            if published_id in batch.changed and retracted_at is None
        )
        refreshed = len(
            public_articles_refresh_locked(
                articles=list(Article.objects.filter(pk__in=refresh).order_by("pk"))
            )
        )
    return {
        "articles": len(set(article_of.values())),
        "revisions": matched,
        "changed": len(batch.changed),
        "mentions": batch.mentions,
        "refreshed": refreshed,
    }


@dataclass
class _PendingRelink:
    """One relink job per transaction, however many registry writes it holds."""

    refresh: set[int] = field(default_factory=set)
    entities: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    done: bool = False

    def run(self) -> None:
        if not self.done:
            self.done = True
            relink_job_request(
                refresh_article_ids=self.refresh,
                refresh_entity_ids=self.entities,
                deleted_entity_ids=self.deleted,
            )


def _relink_on_commit(
    *,
    refresh_article_ids: Iterable[int] = (),
    refresh_entity_ids: Iterable[int] = (),
    deleted_entity_ids: Iterable[int] = (),
) -> None:
    """Ask for a background relink job when the current transaction commits.

    Live articles in `refresh_article_ids`, and those mentioning an entity in
    `refresh_entity_ids` (found by the job, not in the request), are re-rendered;
    the entities in `deleted_entity_ids` are purged when the job is done.
    Every call registers a callback (so a rolled-back savepoint cannot drop the
    relink of writes outside it); they share one pending relink, so only the first
    to run does the work.
    """
    connection = transaction.get_connection()
    pending: _PendingRelink | None = getattr(connection, "_entity_relink", None)
    if pending is None or pending.done:
        pending = _PendingRelink()
        connection._entity_relink = pending  # type: ignore[attr-defined]
    pending.refresh.update(refresh_article_ids)
    pending.entities.update(refresh_entity_ids)
    pending.deleted.update(deleted_entity_ids)
    transaction.on_commit(pending.run)


# --- validation ---------------------------------------------------------------


def _require(by: User | None, *codenames: str) -> None:
    if by is None:
        return
    if not all(by.has_perm(f"articles.{codename}") for codename in codenames):
        raise RegistryError("You do not have permission to change the entity registry.")


def _clean_name(text: str, *, what: str = "A name") -> str:
    text = " ".join(str(text).split())
    if not text:
        raise RegistryError(f"{what} cannot be blank.")
    if len(text) > NAME_MAX:
        raise RegistryError(f"{what} can be at most {NAME_MAX} characters long.")
    return text


def _clean_kind(kind: str) -> str:
    if kind not in EntityKind.values:
        kinds = ", ".join(EntityKind.values)
        raise RegistryError(f"“{kind}” is not a kind of entity; use one of {kinds}.")
    return kind


def _check_external_id(external_id: str, *, exclude: int | None = None) -> str:
    external_id = external_id.strip()
    if external_id:
        holder = (
            Entity.objects.filter(external_id=external_id).exclude(pk=exclude).first()
        )
        if holder is not None:
            raise RegistryError(
                f"The external id {external_id} already belongs to “{holder.name}”."
            )
    return external_id


def _names_of(entity: Entity, *, but: EntityAlias | None = None) -> set[str]:
    """The normalised name and aliases of `entity`, `but` one alias (one query)."""
    aliases = entity.aliases.exclude(pk=but.pk) if but is not None else entity.aliases
    return {normalize_name(entity.name)} | {
        normalize_name(text) for text in aliases.values_list("text", flat=True)
    }


def _lock(entity: Entity) -> Entity:
    try:
        return Entity.objects.select_for_update().get(pk=entity.pk)
    except Entity.DoesNotExist:
        raise RegistryError(
            f"“{entity.name}” is no longer in the registry: reload and try again."
        ) from None


def _refuse_known(text: str) -> None:
    """A candidate the registry knows already (someone confirmed it meanwhile)."""
    if entity_matcher().knows(text):
        raise RegistryError(f"“{text}” is already in the registry.")


# --- entities -----------------------------------------------------------------


def entity_create(
    *,
    name: str,
    kind: str,
    description: str = "",
    external_id: str = "",
    aliases: Iterable[str] = (),
    by: User | None,
) -> Entity:
    """Add an entity with its aliases (duplicates of its name or each other skipped).

    Raises RegistryError for a blank name, an unknown kind or a taken external id.
    """
    return _entity_create(
        name=name,
        kind=kind,
        description=description,
        external_id=external_id,
        aliases=tuple(aliases),
        by=by,
        action="entity_create",
    )


def _entity_create(
    *,
    name: str,
    kind: str,
    description: str,
    external_id: str,
    aliases: Sequence[str],
    by: User | None,
    action: str,
) -> Entity:
    _require(by, "add_entity", *(("add_entityalias",) if aliases else ()))
    name = _clean_name(name)
    kind = _clean_kind(kind)
    alias_texts = [_clean_name(text, what="An alias") for text in aliases]
    with transaction.atomic():
        entity = Entity.objects.create(
            name=name,
            kind=kind,
            description=description.strip(),
            external_id=_check_external_id(external_id),
        )
        seen = {normalize_name(name)}
        kept = []
        for text in alias_texts:
            if normalize_name(text) not in seen:
                seen.add(normalize_name(text))
                kept.append(EntityAlias(entity=entity, text=text))
        EntityAlias.objects.bulk_create(kept)
        audit_record(
            actor=by,
            action=action,
            obj=entity,
            data={"kind": kind, "aliases": [alias.text for alias in kept]},
        )
        _relink_on_commit()
    return entity


def entity_update(
    *,
    entity: Entity,
    by: User | None,
    name: str | None = None,
    kind: str | None = None,
    description: str | None = None,
    external_id: str | None = None,
) -> Entity:
    """Change the given fields (None leaves one as it is); return the entity.

    A new name or kind relinks every article and rebuilds the public representation
    of live articles that mention the entity. Raises RegistryError.
    """
    _require(by, "change_entity")
    with transaction.atomic():
        locked = _lock(entity)
        wanted = {
            "name": None if name is None else _clean_name(name),
            "kind": None if kind is None else _clean_kind(kind),
            "description": None if description is None else description.strip(),
            "external_id": None
            if external_id is None
            else _check_external_id(external_id, exclude=locked.pk),
        }
        changes = {
            key: [getattr(locked, key), value]
            for key, value in wanted.items()
            if value is not None and value != getattr(locked, key)
        }
        if not changes:
            return locked
        for key, (_, value) in changes.items():
            setattr(locked, key, value)
        locked.save(update_fields=[*changes, "updated_at"])
        audit_record(actor=by, action="entity_update", obj=locked, data=changes)
        if {"name", "kind"} & changes.keys():
            _relink_on_commit(refresh_entity_ids=[locked.pk])
    return locked


def entity_delete(*, entity: Entity, by: User | None) -> None:
    """Take an entity and its aliases out of the registry; its mentions go in the
    background.

    The request never looks for the articles that mention it (as many as the
    archive holds): the entity leaves the matcher and every list at once, and the
    relink job it asks for rewrites the revisions whose mentions change, stores
    their candidates again, re-renders the live ones, and then deletes the row.
    """
    _require(by, "delete_entity")
    with transaction.atomic():
        locked = _lock(entity)
        aliases = locked.aliases.all()
        audit_record(
            actor=by,
            action="entity_delete",
            obj=locked,
            data={
                "kind": locked.kind,
                "aliases": list(aliases.values_list("text", flat=True)),
            },
        )
        aliases.delete()
        _retire(locked)
        _relink_on_commit(deleted_entity_ids=[locked.pk])


def _retire(entity: Entity) -> None:
    """Out of the registry now; the row goes with the relink job (`deleted_at`)."""
    entity.deleted_at = timezone.now()
    entity.external_id = ""  # free for another entity at once (unique)
    entity.save(update_fields=["deleted_at", "external_id", "updated_at"])


def deleted_entities_purge(*, entity_ids: Iterable[int]) -> int:
    """Delete the rows of these deleted entities, with what mentions them still
    (old revisions, retracted articles' public rows); how many. For the end of the
    relink job that took their mentions off the current and published revisions.
    """
    gone = Entity._base_manager.filter(  # `objects` hides deleted ones
        pk__in=list(entity_ids), deleted_at__isnull=False
    )
    return gone.delete()[1].get(Entity._meta.label, 0)


def entity_merge(*, survivor: Entity, other: Entity, by: User | None) -> Entity:
    """Fold `other` into `survivor` and delete `other`; return the survivor.

    The other's name and aliases become the survivor's aliases, skipping what the
    survivor already has; an empty description or external id is taken over. The
    other leaves the registry at once; its mentions become the survivor's when the
    relink job matches the archive again. The audit entry lists what moved. Raises
    RegistryError.
    """
    _require(by, "change_entity", "delete_entity")
    if survivor.pk == other.pk:
        raise RegistryError("Choose two different entities to merge.")
    with transaction.atomic():
        locked = {
            e.pk: e
            for e in Entity.objects.select_for_update()
            .filter(pk__in=[survivor.pk, other.pk])
            .order_by("pk")
        }
        if len(locked) < 2:
            raise RegistryError(
                "One of the entities is no longer in the registry: reload and try "
                "again."
            )
        survivor, other = locked[survivor.pk], locked[other.pk]
        now = timezone.now()

        known = _names_of(survivor)
        moved, skipped, move_ids = [], [], []
        for alias_id, text in other.aliases.values_list("pk", "text"):
            key = normalize_name(text)
            if key in known:
                skipped.append(text)
            else:
                known.add(key)
                moved.append(text)
                move_ids.append(alias_id)
        EntityAlias.objects.filter(pk__in=move_ids).update(
            entity=survivor, updated_at=now
        )
        name_added = normalize_name(other.name) not in known
        if name_added:
            EntityAlias.objects.create(entity=survivor, text=other.name)

        taken = {}
        if not survivor.description and other.description:
            taken["description"] = other.description
        if not survivor.external_id and other.external_id:
            taken["external_id"] = other.external_id
        audit_record(
            actor=by,
            action="entity_merge",
            obj=survivor,
            note=f"Merged “{other.name}” into “{survivor.name}”.",
            data={
                "other": {"id": other.pk, "name": other.name, "kind": other.kind},
                "name_added_as_alias": name_added,
                "aliases_moved": moved,
                "aliases_skipped": skipped,
                "fields_taken": sorted(taken),
            },
        )
        other.aliases.all().delete()  # the skipped ones: the survivor has them
        _retire(other)  # first: the external id is unique
        for key, value in taken.items():
            setattr(survivor, key, value)
        survivor.save(update_fields=[*taken, "updated_at"])
        # The other's names are the survivor's now: the job's chunks rewrite the
        # mentions (as many as the archive holds) and re-render the live articles
        # whose mentions change; the request does not look for them.
        _relink_on_commit(deleted_entity_ids=[other.pk])
    return survivor


# --- aliases ------------------------------------------------------------------


def entity_add_alias(*, entity: Entity, text: str, by: User | None) -> EntityAlias:
    """Add another way of writing the entity's name; return the alias.

    Raises RegistryError for a blank alias or one the entity already has.
    """
    return _add_alias(entity=entity, text=text, by=by, action="entity_alias_add")


def _add_alias(
    *, entity: Entity, text: str, by: User | None, action: str
) -> EntityAlias:
    _require(by, "add_entityalias")
    text = _clean_name(text, what="An alias")
    with transaction.atomic():
        locked = _lock(entity)
        if normalize_name(text) in _names_of(locked):
            raise RegistryError(f"“{locked.name}” already has the name “{text}”.")
        alias = EntityAlias.objects.create(entity=locked, text=text)
        audit_record(actor=by, action=action, obj=locked, data={"alias": text})
        _relink_on_commit()
    return alias


def _lock_alias(alias: EntityAlias, *, also: Entity | None = None) -> EntityAlias:
    """Lock the alias's entity (and `also`) in id order, then the alias.

    Entities before aliases, as every registry write does, so that two writes
    never wait for each other's locks.
    """
    gone = RegistryError(
        f"The alias “{alias.text}” is no longer in the registry: reload and try again."
    )
    entity_id = (
        EntityAlias.objects.filter(pk=alias.pk)
        .values_list("entity_id", flat=True)
        .first()
    )
    if entity_id is None:
        raise gone
    ids = sorted({entity_id} | ({also.pk} if also is not None else set()))
    entities = Entity.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    if len(list(entities)) < len(ids):
        raise RegistryError("The entity is no longer in the registry: reload.")
    locked = (
        EntityAlias.objects.select_for_update()
        .select_related("entity")
        .filter(pk=alias.pk, entity_id=entity_id)
        .first()
    )
    if locked is None:
        raise gone
    return locked


def alias_update(
    *,
    alias: EntityAlias,
    by: User | None,
    text: str | None = None,
    entity: Entity | None = None,
) -> EntityAlias:
    """Retype an alias or move it to another entity; return it. Raises RegistryError."""
    _require(by, "change_entityalias")
    with transaction.atomic():
        locked = _lock_alias(alias, also=entity)
        before = {"text": locked.text, "entity": locked.entity.name}
        new_text = locked.text if text is None else _clean_name(text, what="An alias")
        target = locked.entity if entity is None else Entity.objects.get(pk=entity.pk)
        if new_text == locked.text and target.pk == locked.entity_id:
            return locked
        if normalize_name(new_text) in _names_of(target, but=locked):
            raise RegistryError(f"“{target.name}” already has the name “{new_text}”.")
        locked.text, locked.entity = new_text, target
        locked.save(update_fields=["text", "entity", "updated_at"])
        audit_record(
            actor=by,
            action="entity_alias_update",
            obj=target,
            data={"before": before, "after": {"text": new_text, "entity": target.name}},
        )
        _relink_on_commit()
    return locked


def alias_delete(*, alias: EntityAlias, by: User | None) -> None:
    """Remove an alias; its mentions go at the next relink."""
    _require(by, "delete_entityalias")
    with transaction.atomic():
        locked = _lock_alias(alias)
        audit_record(
            actor=by,
            action="entity_alias_delete",
            obj=locked.entity,
            data={"alias": locked.text},
        )
        locked.delete()
        _relink_on_commit()


def alias_split_off(
    *,
    alias: EntityAlias,
    by: User | None,
    kind: str | None = None,
    name: str | None = None,
) -> Entity:
    """Make an alias its own entity (named as the alias unless `name` is given).

    The alias's mentions move to the new entity; a `name` other than the alias
    keeps the alias as the new entity's alias. Returns the new entity.
    """
    _require(by, "add_entity", "delete_entityalias")
    with transaction.atomic():
        locked = _lock_alias(alias)
        source = locked.entity
        new = Entity.objects.create(
            name=_clean_name(name or locked.text),
            kind=_clean_kind(kind or source.kind),
        )
        if normalize_name(new.name) == normalize_name(locked.text):
            locked.delete()
            kept_alias = False
        else:
            locked.entity = new
            locked.save(update_fields=["entity", "updated_at"])
            kept_alias = True
        audit_record(
            actor=by,
            action="alias_split_off",
            obj=new,
            note=f"Split “{locked.text}” off “{source.name}”.",
            data={
                "from": {"id": source.pk, "name": source.name},
                "alias": locked.text,
                "alias_kept": kept_alias,
            },
        )
        # Which mentions were written as the alias, the matcher's own rules decide
        # when the job's chunks match the archive again (with the source's other
        # names competing for each text); they move, and their live articles are
        # re-rendered, there.
        _relink_on_commit()
    return new


# --- candidates ---------------------------------------------------------------


def candidate_confirm_new(
    *, text: str, kind: str, by: User | None, description: str = ""
) -> Entity:
    """Confirm a proposed name as a new entity; return it.

    Raises RegistryError when the registry knows the name already.
    """
    text = _clean_name(text)
    _refuse_known(text)
    with transaction.atomic():
        entity = _entity_create(
            name=text,
            kind=kind,
            description=description,
            external_id="",
            aliases=(),
            by=by,
            action="candidate_confirm_new",
        )
        candidates_forget_name(text=text)
    return entity


def candidate_confirm_alias(
    *, text: str, entity: Entity, by: User | None
) -> EntityAlias:
    """Confirm a proposed name as an alias of `entity`; return the alias.

    Raises RegistryError when the registry knows the name already.
    """
    text = _clean_name(text, what="An alias")
    _refuse_known(text)
    with transaction.atomic():
        alias = _add_alias(
            entity=entity, text=text, by=by, action="candidate_confirm_alias"
        )
        candidates_forget_name(text=text)
    return alias


def candidate_ignore(*, text: str, by: User | None) -> IgnoredName:
    """Remember a proposed name as not an entity, so it is not proposed again.

    Mentions do not depend on ignored names, so nothing is relinked. Returns the
    stored name (the existing one if it was ignored before).
    """
    _require(by, "add_ignoredname")
    text = _clean_name(text)
    user = by if by is not None and by.is_authenticated else None
    with transaction.atomic():
        ignored, created = IgnoredName.objects.get_or_create(
            normalized=normalize_name(text)[:NAME_MAX],
            defaults={"name": text, "ignored_by": user},
        )
        if created:
            audit_record(actor=by, action="candidate_ignore", obj=ignored)
    return ignored

"""Reads for downstream sites: live public articles, their sections, entities and
corrections, and the cheap version probe behind ETags.

Everything here is selected from `PublicArticle` rows that are not retracted, never
from `Article.status`: an article being edited after publication is a draft again
while its published revision stays live.
"""

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Exists, F, OuterRef, Q, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.dateparse import parse_datetime

from articles.models import (
    Correction,
    Entity,
    PublicArticle,
    PublicVersion,
    Section,
)


@dataclass(frozen=True)
class PublicState:
    """The public version probe: moves on every publish, correction and retraction."""

    counter: int
    changed_at: datetime.datetime | None


def public_state() -> PublicState:
    """One primary-key query: the counter and time of the last public change."""
    found = _fetch_one("probe")
    return _public_state(*found) if found else PublicState(0, None)


@functools.lru_cache(maxsize=16)
def _public_state(counter: int, changed_at: datetime.datetime | str) -> PublicState:
    """The probe's row as a state, parsed once (polls read the same row)."""
    return PublicState(counter, _aware(changed_at))


def public_article_state(*, article_id: int) -> PublicState | None:
    """One article's own version (when its public row last changed), or None if it
    has none. One indexed query: the detail's ETag moves only with that article."""
    found = _fetch_one("article_probe", article_id)
    return None if found is None else _article_state(found[0])


@functools.lru_cache(maxsize=1024)
def _article_state(updated_at: datetime.datetime | str) -> PublicState:
    changed_at = _aware(updated_at)
    assert changed_at is not None
    return PublicState(int(changed_at.timestamp() * 1_000_000), changed_at)


def live_public_articles() -> QuerySet[PublicArticle]:
    """Published, not retracted articles (their pinned published revision)."""
    return PublicArticle.objects.filter(retracted_at__isnull=True)


# The stored renditions of a public row: the API's JSON, and the same as ninjs.
DOCUMENTS = ("payload", "ninjs")


@dataclass(frozen=True)
class PageKey:
    """Where a row stands in the list order: newest first, then highest id."""

    published_at: datetime.datetime
    id: int


class PageRow(NamedTuple):
    """A row of a page (a tuple: a page makes one per row on every poll)."""

    id: int
    published_at: str  # as the database writes it; parsed only for a page's ends
    payload_text: str  # the stored JSON document (payload or ninjs), undecoded

    @property
    def key(self) -> PageKey:
        return PageKey(_aware(self.published_at), self.id)


def public_article_page(
    queryset: QuerySet[PublicArticle] | None,
    *,
    key: PageKey | None,
    backwards: bool,
    limit: int,
    document: str = "payload",
    section: int | str | None = None,
) -> list[PageRow]:
    """Up to `limit` rows after `key` in the list order (before it if `backwards`,
    then nearest first), each with its stored `document` ("payload" or "ninjs").

    `queryset` None means every live article, or those in the tree of `section` (an
    id or a slug): that page comes from precompiled SQL; a filtered queryset goes
    through the ORM. One query.
    """
    if document not in DOCUMENTS:
        raise ValueError(document)
    if queryset is None:
        root = None if section is None else "id" if isinstance(section, int) else "slug"
        sql = _page_sql(
            connection.vendor, key is not None, backwards, document, root, int(limit)
        )
        params: list = [] if section is None else [section]
        if key is not None:
            stamp = connection.ops.adapt_datetimefield_value(key.published_at)
            params += [stamp, stamp, key.id]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    else:
        if key is not None:
            at = key.published_at
            if backwards:
                beyond = Q(published_at__gt=at) | Q(published_at=at, id__gt=key.id)
            else:
                beyond = Q(published_at__lt=at) | Q(published_at=at, id__lt=key.id)
            queryset = queryset.filter(beyond)
        order = ("published_at", "id") if backwards else ("-published_at", "-id")
        rows = queryset.order_by(*order).values_list(
            "id", Cast("published_at", TextField()), Cast(document, TextField())
        )[:limit]
    return [PageRow._make(row) for row in rows]


def public_article_detail(*, article_id: int, document: str = "payload") -> dict | None:
    """One article's stored `document` ("payload" or "ninjs") as text, retracted or
    not, with its own version (`state`, as `public_article_state` gives it), or
    None. One indexed query."""
    if document not in DOCUMENTS:
        raise ValueError(document)
    found = _fetch_one(f"detail_{document}", article_id)
    if found is None:
        return None
    payload_text, retracted_at, notice, updated_at = found
    return {
        "payload_text": payload_text,
        "retracted_at": _aware(retracted_at),
        "retraction_notice": notice,
        "state": _article_state(updated_at),
    }


def in_section_tree(
    queryset: QuerySet, *, section: int | str, field: str = "section_id"
) -> QuerySet:
    """Filter `queryset` to `section` (an id or a slug) and all its sub-sections.

    One recursive subquery inside the same SQL statement, so the query count does not
    depend on the filter or on the depth of the taxonomy.
    """
    sql = _section_tree_sql("id" if isinstance(section, int) else "slug")
    return queryset.filter(**{f"{field}__in": RawSQL(sql, (section,))})


@functools.cache
def _section_tree_sql(root: str) -> str:
    """The ids of the section whose `root` ("id" or "slug") is %s and of all the
    sections under it: one recursive query, to go inside another statement."""
    return f"{_section_tree_cte(root)} SELECT id FROM tree"


def _section_tree_cte(root: str) -> str:
    """`tree(id)`: the section whose `root` is %s and all the sections under it."""
    table = connection.ops.quote_name(Section._meta.db_table)
    return (
        f"WITH RECURSIVE tree(id) AS (SELECT id FROM {table} WHERE {root} = %s UNION "
        f"SELECT child.id FROM {table} child JOIN tree ON child.parent_id = tree.id)"
    )


def public_sections() -> QuerySet[Section]:
    """The section taxonomy (names only: nothing in it is unpublished)."""
    return Section.objects.order_by("name", "id")


def public_section_paths() -> dict[int, str]:
    """Every section's path, parents first ("World > Asia"), in one query."""
    rows = list(Section.objects.values_list("id", "parent_id", "name"))
    sections = {pk: parent for pk, parent, _ in rows}
    names = {pk: name for pk, _, name in rows}
    paths: dict[int, str] = {}

    def path(pk: int, seen: frozenset[int]) -> str:
        if pk not in paths:
            parent = sections[pk]
            if parent in sections and parent not in seen:
                paths[pk] = f"{path(parent, seen | {pk})} > {names[pk]}"
            else:
                paths[pk] = names[pk]
        return paths[pk]

    for pk in sections:
        path(pk, frozenset())
    return paths


def public_entities() -> QuerySet[Entity]:
    """Entities that at least one live article mentions."""
    through = PublicArticle.entities.through
    mentioned = through.objects.filter(
        entity_id=OuterRef("pk"), publicarticle__retracted_at__isnull=True
    )
    return Entity.objects.filter(Exists(mentioned))


def public_entity_articles(*, entity_ids: list[int]) -> dict[int, list[dict]]:
    """For each entity id, the live articles that mention it (one query)."""
    through = PublicArticle.entities.through
    rows = (
        through.objects.filter(
            entity_id__in=entity_ids, publicarticle__retracted_at__isnull=True
        )
        .order_by("-publicarticle__published_at", "-publicarticle_id")
        .values(
            "entity_id",
            article_id=F("publicarticle__article_id"),
            headline=F("publicarticle__headline"),
        )
    )
    found: dict[int, list[dict]] = {entity_id: [] for entity_id in entity_ids}
    for row in rows:
        found[row["entity_id"]].append(
            {"id": row["article_id"], "headline": row["headline"]}
        )
    return found


def public_corrections() -> QuerySet[Correction]:
    """Corrections of live articles whose revision is already published.

    `headline` is the published headline (the article's own may be a draft edit).
    """
    return (
        Correction.objects.filter(
            article__public__isnull=False,
            article__public__retracted_at__isnull=True,
        )
        .filter(
            Q(revision__isnull=True)
            | Q(revision__number__lte=F("article__published_revision__number"))
        )
        .annotate(headline=F("article__public__headline"))
    )


def _detail_query(document: str) -> QuerySet:
    return (
        PublicArticle.objects.filter(article_id=0)
        .annotate(document_text=Cast(document, TextField()))
        .annotate(updated_text=Cast("updated_at", TextField()))
        .values_list(
            "document_text", "retracted_at", "retraction_notice", "updated_text"
        )
    )


# The probe and the detail run on every poll: their SQL is compiled by the ORM once
# per process and database (the ORM's per-query compilation costs more than the
# query), then executed with the request's parameter.
_HOT_QUERIES: dict[str, Callable[[], QuerySet]] = {
    # Timestamps as text: parsing one with fromisoformat is cheaper than the
    # driver's converter (SQLite) and happens only where a datetime is needed.
    "probe": lambda: PublicVersion.objects.filter(pk=1).values_list(
        "counter", Cast("changed_at", TextField())
    ),
    "article_probe": lambda: PublicArticle.objects.filter(article_id=0).values_list(
        Cast("updated_at", TextField())
    ),
    **{
        f"detail_{document}": functools.partial(_detail_query, document)
        for document in DOCUMENTS
    },
}


@functools.lru_cache(maxsize=1024)
def _page_sql(
    vendor: str,
    after_key: bool,
    backwards: bool,
    document: str,
    section_root: str | None,
    limit: int,
) -> str:
    """The page query, unfiltered or in a section's tree (`section_root` "id" or
    "slug"): what the ORM path selects, without building it.

    In a tree, each section's newest `limit` rows come from the section index (a
    short range each), then the page from those: the cost does not grow with the
    archive however large or small the sections (`section_id IN tree` made the
    planner either read a whole section and sort it or walk the whole list).
    """
    opts = PublicArticle._meta
    quote = connection.ops.quote_name
    table = quote(opts.db_table)

    def column(alias: str, name: str) -> str:
        return f"{alias}.{quote(opts.get_field(name).column)}"

    def conditions(alias: str) -> str:
        where = f"{column(alias, 'retracted_at')} IS NULL"
        if after_key:
            op = ">" if backwards else "<"
            at, pk = column(alias, "published_at"), column(alias, "id")
            where += f" AND ({at} {op} %s OR ({at} = %s AND {pk} {op} %s))"
        return where

    def order(alias: str) -> str:
        direction = "ASC" if backwards else "DESC"
        return (
            f"ORDER BY {column(alias, 'published_at')} {direction}, "
            f"{column(alias, 'id')} {direction} LIMIT {limit:d}"
        )

    select = (
        f"SELECT {column('p', 'id')}, CAST({column('p', 'published_at')} AS text), "
        f"CAST({column('p', document)} AS text)"
    )
    if not section_root:
        return f"{select} FROM {table} p WHERE {conditions('p')} {order('p')}"
    newest = (
        f"SELECT {column('q', 'id')} FROM {table} q WHERE "
        f"{column('q', 'section')} = tree.id AND {conditions('q')} {order('q')}"
    )
    page = (
        f"SELECT {column('n', 'id')} AS id FROM tree JOIN {table} n "
        f"ON {column('n', 'id')} IN ({newest}) {order('n')}"
    )
    return (
        f"{_section_tree_cte(section_root)}, page(id) AS ({page}) {select} "
        f"FROM page JOIN {table} p ON {column('p', 'id')} = page.id {order('p')}"
    )


@functools.cache
def _hot_sql(name: str, vendor: str) -> tuple[str, str, tuple]:
    """The SQL of a hot query, the same in the driver's placeholder style, and the
    parameters it was compiled with."""
    sql, compiled = _HOT_QUERIES[name]().query.sql_with_params()
    driver_sql = sql
    if vendor == "sqlite":  # Django's SQLite cursor converts "%s" on every call
        from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX

        driver_sql = FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")
    return sql, driver_sql, compiled


def _fetch_one(name: str, *params: object) -> tuple | None:
    """Run hot query `name` (SQL compiled once per process) with `params`, if given.

    On an open connection that nothing watches, through the driver connection's own
    `execute` (sqlite3's and psycopg 3's): Django's cursor wrapper costs several
    times the query itself. Anything that observes
    queries (query logging, as DEBUG and django_assert_num_queries turn on; an
    execute wrapper), a pending health check or a broken transaction takes Django's
    cursor. Errors are Django's either way. (Instrumentation that patches Django's
    CursorWrapper class does not see these queries.)
    """
    database = connections[DEFAULT_DB_ALIAS]
    sql, driver_sql, compiled = _hot_sql(name, database.vendor)
    driver = database.connection
    if (
        driver is None
        or database.queries_logged
        or database.execute_wrappers
        or database.needs_rollback
        or (database.health_check_enabled and not database.health_check_done)
    ):
        with database.cursor() as cursor:
            cursor.execute(sql, params or compiled)
            return cursor.fetchone()
    with database.wrap_database_errors:
        return driver.execute(driver_sql, params or compiled).fetchone()


def _aware(value: datetime.datetime | str | None) -> datetime.datetime | None:
    """A database timestamp as an aware datetime (SQLite returns text in UTC)."""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            value = parse_datetime(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value

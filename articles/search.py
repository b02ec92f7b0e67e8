"""Full-text search over public articles, kept when an article is (re)published.

PostgreSQL: `PublicArticle.search_vector`, a stored tsvector with a GIN index.
SQLite: an FTS5 table (`articles_publicarticle_fts`, rowid = the public row's id).
Both are written by `public_search_index` in the publishing service's transaction
and read by `public_search`; the migration 0008 creates them and fills them in.
"""

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

FTS_TABLE = "articles_publicarticle_fts"
CONFIG = "english"
WORD = re.compile(r"\w+")
MAX_WORDS = 12


def public_search_index(*, public_id: int, text: str) -> None:
    """Store the searchable form of one public article (one or two queries)."""
    from articles.models import PublicArticle

    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        PublicArticle.objects.filter(pk=public_id).update(
            search_vector=SearchVector("search_text", config=CONFIG)
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [public_id])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, search_text) VALUES (%s, %s)",
                [public_id, text],
            )


def public_search_index_many(*, public_ids: list[int]) -> None:
    """Index many public rows at once from their stored `search_text` (bulk loads)."""
    if not public_ids:
        return
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        from articles.models import PublicArticle

        PublicArticle.objects.filter(pk__in=public_ids).update(
            search_vector=SearchVector("search_text", config=CONFIG)
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for i in range(0, len(public_ids), 500):
                part = public_ids[i : i + 500]
                marks = ", ".join(["%s"] * len(part))
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", part
                )
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, search_text) SELECT id, "
                    f"search_text FROM articles_publicarticle WHERE id IN ({marks})",
                    part,
                )


def public_search(queryset: QuerySet, text: str) -> QuerySet:
    """The rows of `queryset` matching every word of `text` (web-search syntax on
    PostgreSQL; on SQLite every word, stemmed as FTS5's porter tokenizer does)."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return queryset.filter(
            search_vector=SearchQuery(text, config=CONFIG, search_type="websearch")
        )
    words = WORD.findall(text)[:MAX_WORDS]
    if not words:
        return queryset.none()
    match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    return queryset.filter(
        pk__in=RawSQL(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]
        )
    )

"""Changelist parts that cost the same however large the archive: a paginator that
does not count a whole large table on every view, and a section filter."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 10_000  # rows: below this the exact count is cheap enough


class EstimatedCountPaginator(Paginator):
    """Count an unfiltered list on PostgreSQL from the planner's estimate of the
    table's rows (kept by ANALYZE and autovacuum) once the table is large; a
    filtered or searched list, or a small table, is counted exactly.

    The estimate can be a little off: the last page may then be short, or a page
    past it empty. Counting 100,000 rows on every view costs more than that.
    """

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is not None and not query.where and not query.distinct:
            rows = _estimated_rows(queryset.db, queryset.model._meta.db_table)
            if rows is not None:
                return rows
        return super().count


def _estimated_rows(alias: str, table: str) -> int | None:
    """The planner's estimate of the table's rows when above ESTIMATE_ABOVE, else
    the exact count: one query either way (the count runs only when needed)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return None
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN reltuples > %s THEN reltuples::bigint "
            f"ELSE (SELECT COUNT(*) FROM {quoted}) END "
            "FROM pg_class WHERE oid = to_regclass(%s)",
            [ESTIMATE_ABOVE, quoted],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


class SectionListFilter(admin.RelatedFieldListFilter):
    """Every section as a choice, named with its parents, in one query (the default
    filter reads each section's parent on its own)."""

    def field_choices(self, field, request, model_admin) -> list[tuple[int, str]]:
        from articles.models import Section

        sections = Section.objects.select_related("parent__parent").order_by("name")
        return [(section.pk, str(section)) for section in sections]

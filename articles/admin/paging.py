"""A changelist paginator that does not count a whole large table on every view."""

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
            estimate = _estimated_rows(queryset.db, queryset.model._meta.db_table)
            if estimate is not None and estimate > ESTIMATE_ABOVE:
                return estimate
        return super().count


def _estimated_rows(alias: str, table: str) -> int | None:
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(table)],
        )
        row = cursor.fetchone()
    return None if row is None or row[0] is None or row[0] < 0 else int(row[0])

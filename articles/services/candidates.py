"""The stored candidate names and their per-name totals, kept together.

`CandidateName` holds the names the registry does not know in each unretracted
article's current revision; `CandidateTotal` sums them per name. Every write here
changes both in one transaction, the totals by a delta (an upsert that adds, so two
workers linking articles with the same names at once both count), so the candidates
page reads a small table in index order whatever the size of the archive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, transaction
from django.db.models import Count, Q, Sum

from articles.models import CandidateName, CandidateTotal
from articles.text.entities import EntityMatcher, find_candidates, normalize_name

__all__ = [
    "candidate_totals_rebuild",
    "candidates_forget_articles",
    "candidates_forget_name",
    "candidates_store",
]

NAME_MAX = 200  # CandidateName.normalized
INSERT_BATCH = 1000
_UPSERT_BATCH = 150  # rows per upsert: 6 parameters each, under SQLite's old 999
_HINTS = ("person", "organisation", "event")

# normalized -> [total, articles, people, organisations, events]
Deltas = dict[str, list[int]]


def candidates_store(
    revisions: Sequence[tuple[int, int, str]], matcher: EntityMatcher
) -> None:
    """Replace the stored candidates of these (article, current revision, body), and
    move the totals by the difference. A constant number of queries per call.
    """
    rows = []
    for article_id, revision_id, body in revisions:
        for candidate in find_candidates(body, matcher=matcher):
            key = normalize_name(candidate.text)[:NAME_MAX]
            if key:
                rows.append(
                    CandidateName(
                        article_id=article_id,
                        revision_id=revision_id,
                        normalized=key,
                        text=candidate.text[:NAME_MAX],
                        count=candidate.count,
                        kind_hint=candidate.kind_hint or "",
                        contexts=list(candidate.contexts[:3]),
                    )
                )
    # Two spellings may normalise alike: keep one row per name, counts summed.
    merged: dict[tuple[int, str], CandidateName] = {}
    for row in rows:
        kept = merged.setdefault((row.article_id, row.normalized), row)
        if kept is not row:
            kept.count += row.count
    with transaction.atomic(savepoint=False):
        deltas = _forget(
            CandidateName.objects.filter(article_id__in=[r[0] for r in revisions])
        )
        for row in merged.values():
            _add(deltas, row.normalized, row.count, row.kind_hint, sign=1)
        CandidateName.objects.bulk_create(merged.values(), batch_size=INSERT_BATCH)
        _totals_apply(deltas)


def candidates_forget_articles(*, article_ids: Iterable[int]) -> None:
    """These articles' names are no longer proposed (they were retracted)."""
    with transaction.atomic(savepoint=False):
        _totals_apply(
            _forget(CandidateName.objects.filter(article_id__in=list(article_ids)))
        )


def candidates_forget_name(*, text: str) -> None:
    """The name is known now: off the candidates page at once (one row).

    Its stored rows, one per article that has it (as many as the archive holds),
    go when the relink job that the registry write asked for stores those
    articles' candidates again; the deltas that takes off meanwhile make a total
    of zero or below, which is dropped, so the totals end as a recount's.
    """
    CandidateTotal.objects.filter(normalized=normalize_name(text)[:NAME_MAX]).delete()


def candidate_totals_rebuild() -> int:
    """Sum the stored candidate names again from scratch; the number of names.

    For a database whose `CandidateName` rows were written another way (a bulk
    load, a migration); the services keep the totals afterwards.
    """
    per_name = (
        CandidateName.objects.order_by()
        .values("normalized")
        .annotate(
            total=Sum("count"),
            articles=Count("pk"),
            **{
                f"hint_{hint}": Count("pk", filter=Q(kind_hint=hint)) for hint in _HINTS
            },
        )
    )
    with transaction.atomic(savepoint=False):
        CandidateTotal.objects.all().delete()
        CandidateTotal.objects.bulk_create(
            (
                CandidateTotal(
                    normalized=row["normalized"],
                    total=row["total"],
                    articles=row["articles"],
                    people=row["hint_person"],
                    organisations=row["hint_organisation"],
                    events=row["hint_event"],
                )
                for row in per_name.iterator()
            ),
            batch_size=INSERT_BATCH,
        )
        return CandidateTotal.objects.count()


def _forget(rows) -> Deltas:
    """Delete these CandidateName rows; the deltas that take them off the totals."""
    deltas: Deltas = {}
    for key, count, hint in rows.values_list("normalized", "count", "kind_hint"):
        _add(deltas, key, count, hint, sign=-1)
    if deltas:
        rows.delete()
    return deltas


def _add(deltas: Deltas, key: str, count: int, hint: str, *, sign: int) -> None:
    delta = deltas.setdefault(key, [0, 0, 0, 0, 0])
    delta[0] += sign * count
    delta[1] += sign
    if hint in _HINTS:
        delta[2 + _HINTS.index(hint)] += sign


def _totals_apply(deltas: Deltas) -> None:
    """Add the deltas to the totals (one upsert per batch, in name order so that
    two transactions lock the rows they share in the same order), then drop the
    names no article holds any more."""
    changed = sorted(key for key, delta in deltas.items() if any(delta))
    if not changed:
        return
    table = connection.ops.quote_name(CandidateTotal._meta.db_table)
    columns = ("total", "articles", "people", "organisations", "events")
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in columns)
    with connection.cursor() as cursor:
        for i in range(0, len(changed), _UPSERT_BATCH):
            part = changed[i : i + _UPSERT_BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(part))
            cursor.execute(
                f"INSERT INTO {table} (normalized, {', '.join(columns)}) "
                f"VALUES {values} ON CONFLICT (normalized) DO UPDATE SET {updates}",
                [value for key in part for value in (key, *deltas[key])],
            )
    gone = [key for key in changed if deltas[key][1] < 0]
    for i in range(0, len(gone), INSERT_BATCH // 2):
        CandidateTotal.objects.filter(
            normalized__in=gone[i : i + INSERT_BATCH // 2], articles__lte=0
        ).delete()

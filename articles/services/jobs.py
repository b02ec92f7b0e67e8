"""Background jobs: start one, plan it into chunks, run a chunk, resume after a crash.

A request only creates a queued `BackgroundJob` (a constant amount of work); the
planning task reads what the job covers and writes its `JobChunk` rows; each chunk
task does one batch in one transaction and records it done in that transaction, so
a chunk's work is committed exactly once however often its task runs, and a crash
loses only the chunk it was in (`background_jobs_resume` enqueues what is left).
Tasks are enqueued with `transaction.on_commit`, so a worker never sees a job or a
chunk its writer rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from articles.models import Annotation, Article, BackgroundJob, JobChunk, SourceDocument
from articles.models.jobs import JobKind, JobState

__all__ = [
    "background_job_plan",
    "background_job_start",
    "background_jobs_resume",
    "checks_job_request",
    "job_chunk_run",
    "relink_job_request",
    "republish_job_request",
    "source_document_checks_request",
]

log = logging.getLogger(__name__)
_ENQUEUE = 1000  # chunk tasks enqueued per on_commit callback


def background_job_start(
    *, kind: str, target: str = "", params: dict[str, Any] | None = None
) -> BackgroundJob:
    """Create a queued job; its planning is enqueued when the transaction commits."""
    job = BackgroundJob.objects.create(kind=kind, target=target, params=params or {})
    transaction.on_commit(lambda: _enqueue_plan(job.pk))
    return job


def relink_job_request(
    *,
    refresh_article_ids: Iterable[int] = (),
    refresh_entity_ids: Iterable[int] = (),
    deleted_entity_ids: Iterable[int] = (),
    target: str = "registry",
) -> BackgroundJob:
    """Ask for the archive to be relinked after a registry change; return the job.

    Live articles in `refresh_article_ids` are re-rendered, and so are those that
    mention an entity in `refresh_entity_ids` (renamed: the chunks find them, so
    the request's cost does not grow with the archive). The deleted entities in
    `deleted_entity_ids` lose their rows when the job is done (their mentions are
    gone from the current and published revisions by then). A relink job still
    waiting for a worker takes the request over (it will read the registry as it is
    when it starts), so a burst of registry edits costs one pass.
    """
    refresh = sorted(set(refresh_article_ids))
    listed = {"entities": set(refresh_entity_ids), "deleted": set(deleted_entity_ids)}
    with transaction.atomic():
        waiting = (
            BackgroundJob.objects.select_for_update()
            .filter(kind=JobKind.RELINK, state=JobState.QUEUED)
            .order_by("pk")
            .first()
        )
        if waiting is None:
            params: dict[str, Any] = {"refresh": refresh}
            params.update({key: sorted(ids) for key, ids in listed.items() if ids})
            return background_job_start(
                kind=JobKind.RELINK, target=target, params=params
            )
        merged = {
            "refresh": sorted(set(waiting.params.get("refresh", [])) | set(refresh))
        }
        for key, ids in listed.items():
            if ids or key in waiting.params:
                merged[key] = sorted(set(waiting.params.get(key, [])) | ids)
        waiting.params = {**waiting.params, **merged}
        waiting.save(update_fields=["params"])
        return waiting


def checks_job_request(*, document_id: int, target: str) -> BackgroundJob:
    """Run the consistency checks across a source document's articles, in a task."""
    return background_job_start(
        kind=JobKind.CHECKS, target=target, params={"document": document_id}
    )


def source_document_checks_request(
    *, document: SourceDocument
) -> BackgroundJob | list[Annotation]:
    """Check a source document's articles: at once when it is small (returns the new
    annotations), in a background job when it is large (returns the job)."""
    if document.size > settings.NEWSROOM_CHECKS_INLINE_BYTES:
        return checks_job_request(document_id=document.pk, target=document.filename)
    from articles.services.review import source_document_run_checks

    return source_document_run_checks(document=document)


def republish_job_request(
    *,
    target: str,
    article_ids: Iterable[int] = (),
    section_id: int | None = None,
) -> BackgroundJob:
    """Re-render live articles in the background: these ids, and with `section_id`
    every live article in that section and its sub-sections (read by the planner).
    """
    params: dict[str, Any] = {"refresh": sorted(set(article_ids))}
    if section_id is not None:
        params["section"] = section_id
    return background_job_start(kind=JobKind.REPUBLISH, target=target, params=params)


# --- planning -------------------------------------------------------------------


def background_job_plan(*, job_id: int) -> int:
    """Write the job's chunks and enqueue them; return how many (0 if planned before).

    Atomic: a crash while planning leaves the job queued, to be planned again.
    """
    with transaction.atomic():
        job = BackgroundJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state != JobState.QUEUED:
            return 0
        chunks = list(_PLANNERS[job.kind](job))
        JobChunk.objects.bulk_create(chunks, batch_size=_ENQUEUE)
        job.total = sum(chunk.size for chunk in chunks)
        job.state = JobState.RUNNING
        job.started_at = timezone.now()
        if not chunks:
            job.state, job.finished_at = JobState.DONE, job.started_at
            _job_finish(job)
        job.save(update_fields=["total", "state", "started_at", "finished_at"])
        ids = list(job.chunks.order_by("number").values_list("pk", flat=True))
        _enqueue_chunks_on_commit(ids)
    return len(ids)


def _plan_relink(job: BackgroundJob) -> Iterator[JobChunk]:
    number = 0
    last = 0
    articles = Article.objects.order_by("pk").values_list("pk", flat=True)
    while ids := list(articles.filter(pk__gt=last)[: _chunk_size()]):
        number += 1
        yield JobChunk(
            job=job,
            number=number,
            step=JobKind.RELINK,
            first=ids[0],
            last=ids[-1],
            size=len(ids),
        )
        last = ids[-1]
    # The articles to refresh (listed, or mentioning a renamed entity) are
    # refreshed by the chunk holding them (`_relink_step`), once.


def _plan_republish(job: BackgroundJob) -> Iterator[JobChunk]:
    from articles.selectors.public import in_section_tree, live_public_articles

    ids = list(job.params.get("refresh", []))
    if job.params.get("section") is not None:
        ids += in_section_tree(
            live_public_articles(), section=job.params["section"]
        ).values_list("article_id", flat=True)
    yield from _id_chunks(job, ids, start=0)


def _id_chunks(job: BackgroundJob, ids: list[int], *, start: int) -> Iterator[JobChunk]:
    ids = sorted(set(ids))
    size = _chunk_size()
    for offset in range(0, len(ids), size):
        part = ids[offset : offset + size]
        yield JobChunk(
            job=job,
            number=start + offset // size + 1,
            step=JobKind.REPUBLISH,
            first=part[0],
            last=part[-1],
            ids=part,
            size=len(part),
        )


def _chunk_size() -> int:
    return settings.NEWSROOM_JOB_CHUNK_SIZE


def _plan_checks(job: BackgroundJob) -> Iterator[JobChunk]:
    """One chunk: the cross-story checks need the whole document at once."""
    document_id = job.params["document"]
    yield JobChunk(
        job=job,
        number=1,
        step=JobKind.CHECKS,
        first=document_id,
        last=document_id,
        size=Article.objects.filter(source_id=document_id).count(),
    )


_PLANNERS: dict[str, Callable[[BackgroundJob], Iterable[JobChunk]]] = {
    JobKind.RELINK: _plan_relink,
    JobKind.REPUBLISH: _plan_republish,
    JobKind.CHECKS: _plan_checks,
}


# --- running --------------------------------------------------------------------


def job_chunk_run(*, chunk_id: int) -> bool:
    """Do one chunk's work and record it, in one transaction; True if it ran.

    A chunk already done, or being done by another worker, is skipped. When the
    last chunk of a job is done, the job is marked done with the summed outcome
    (a job marked failed stays so until then).
    """
    try:
        with transaction.atomic():
            chunk = _lock_pending(chunk_id)
            if chunk is None:
                return False
            chunk.outcome = _STEPS[chunk.step](chunk)
            chunk.finished_at = timezone.now()
            chunk.runs += 1
            chunk.save(update_fields=["outcome", "finished_at", "runs"])
            _count_done(chunk)
            return True
    except Exception as exc:
        BackgroundJob.objects.filter(pk=_job_of(chunk_id)).exclude(
            state=JobState.DONE
        ).update(state=JobState.FAILED, outcome={"error": str(exc)[:500]})
        raise


def _lock_pending(chunk_id: int) -> JobChunk | None:
    # Ordered by pk alone: the default ordering joins the job, whose row lock
    # (held by whoever is finishing another chunk) would make SKIP LOCKED skip.
    pending = (
        JobChunk.objects.filter(pk=chunk_id, finished_at__isnull=True)
        .select_related("job")
        .order_by("pk")
    )
    if connection.features.has_select_for_update_skip_locked:
        pending = pending.select_for_update(skip_locked=True, of=("self",))
    return pending.first()


def _job_of(chunk_id: int) -> int | None:
    return JobChunk.objects.filter(pk=chunk_id).values_list("job_id", flat=True).first()


def _count_done(chunk: JobChunk) -> None:
    """Add the chunk to its job's progress; finish the job after its last chunk.

    One UPDATE per chunk, after the chunk's work, so that the chunks' work runs in
    parallel and only this bookkeeping is serialised (the job row is locked from
    here to the commit). Whoever takes that lock last sees every other chunk done.
    """
    jobs = BackgroundJob.objects.filter(pk=chunk.job_id)
    jobs.update(done=F("done") + chunk.size)
    unfinished = JobChunk.objects.filter(job_id=chunk.job_id, finished_at__isnull=True)
    if not unfinished.exists():
        jobs.update(
            state=JobState.DONE,
            finished_at=timezone.now(),
            outcome=_sum_outcomes(
                JobChunk.objects.filter(job_id=chunk.job_id).values_list(
                    "outcome", flat=True
                )
            ),
        )
        _job_finish(chunk.job)


def _job_finish(job: BackgroundJob) -> None:
    """What a job does once all its chunks are done: a relink purges the entities
    deleted before it (their mentions are off the current and published revisions
    now; the rest goes with the rows). After the last chunk commits, in a
    transaction of its own, so as not to hold that chunk's locks meanwhile."""
    if job.kind == JobKind.RELINK and job.params.get("deleted"):
        deleted = list(job.params["deleted"])
        transaction.on_commit(lambda: _purge_deleted_entities(deleted))


def _purge_deleted_entities(entity_ids: list[int]) -> None:
    from articles.services.entities import deleted_entities_purge

    with transaction.atomic():
        deleted_entities_purge(entity_ids=entity_ids)


def _sum_outcomes(outcomes: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for outcome in outcomes:
        for key, value in outcome.items():
            total[key] = total.get(key, 0) + value
    return total


def _relink_step(chunk: JobChunk) -> dict[str, int]:
    from articles.services.entities import registry_relink_range

    params = chunk.job.params
    refresh = [i for i in params.get("refresh", []) if chunk.first <= i <= chunk.last]
    if params.get("entities"):  # renamed: their live articles in this chunk's range
        from articles.selectors.entities import live_articles_mentioning

        refresh += live_articles_mentioning(
            entity_ids=params["entities"], first=chunk.first, last=chunk.last
        )
    return registry_relink_range(
        first=chunk.first, last=chunk.last, refresh_article_ids=refresh
    )


def _republish_step(chunk: JobChunk) -> dict[str, int]:
    from articles.services.publishing import public_articles_republish

    return {"refreshed": public_articles_republish(article_ids=chunk.ids or [])}


def _checks_step(chunk: JobChunk) -> dict[str, int]:
    from articles.models import SourceDocument
    from articles.services.review import source_document_run_checks

    document = SourceDocument.objects.filter(pk=chunk.first).first()
    if document is None:  # deleted meanwhile: nothing to check
        return {"findings": 0}
    return {"findings": len(source_document_run_checks(document=document))}


_STEPS: dict[str, Callable[[JobChunk], dict[str, int]]] = {
    JobKind.RELINK: _relink_step,
    JobKind.REPUBLISH: _republish_step,
    JobKind.CHECKS: _checks_step,
}


# --- resuming -------------------------------------------------------------------


def background_jobs_resume() -> int:
    """Enqueue every unplanned job and every unfinished chunk again; return how many.

    Safe to run at any time: planning a planned job and running a done chunk do
    nothing. For after a crash, or after tasks were lost with a broker.
    """
    queued = list(
        BackgroundJob.objects.filter(state=JobState.QUEUED).values_list("pk", flat=True)
    )
    for job_id in queued:
        transaction.on_commit(lambda job_id=job_id: _enqueue_plan(job_id))
    pending = list(
        JobChunk.objects.filter(
            finished_at__isnull=True,
            job__state__in=[JobState.RUNNING, JobState.FAILED],
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _enqueue_chunks_on_commit(pending)
    # A crash between a relink's last chunk and its purge leaves deleted entities'
    # rows behind (out of the registry, harmless): purge them now.
    done = BackgroundJob.objects.filter(
        kind=JobKind.RELINK, state=JobState.DONE, params__has_key="deleted"
    )
    for deleted in done.values_list("params__deleted", flat=True).iterator():
        _purge_deleted_entities(deleted)
    return len(queued) + len(pending)


def jobs_for_progress(*, kind: str, limit: int = 3) -> QuerySet[BackgroundJob]:
    """The latest jobs of a kind, for a progress line (one indexed query)."""
    return BackgroundJob.objects.filter(kind=kind).order_by("-pk")[:limit]


# --- enqueueing -----------------------------------------------------------------


def _enqueue_plan(job_id: int) -> None:
    from articles.tasks import plan_job

    plan_job.enqueue(job_id)


def _enqueue_chunks_on_commit(chunk_ids: list[int]) -> None:
    for offset in range(0, len(chunk_ids), _ENQUEUE):
        part = chunk_ids[offset : offset + _ENQUEUE]
        transaction.on_commit(lambda part=part: _enqueue_chunks(part))


def _enqueue_chunks(chunk_ids: list[int]) -> None:
    from articles.tasks import run_job_chunk

    for chunk_id in chunk_ids:
        run_job_chunk.enqueue(chunk_id)

"""The database task backend with real `db_worker` runs: jobs enqueued on commit are
done, exactly once per chunk, also by two workers at once (PostgreSQL), and running
everything again changes nothing.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from articles.models import BackgroundJob, JobChunk, Mention
from articles.services.jobs import relink_job_request
from articles.tasks import run_job_chunk
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.NEWSROOM_JOB_CHUNK_SIZE = 3


def _archive(n: int) -> None:
    EntityFactory(name="Kabul", kind="place")
    for i in range(n):
        ArticleFactory(body=f"Talks in Kabul, day {i}.")


def _request_relink() -> BackgroundJob:
    with transaction.atomic():  # enqueued when this commits
        return relink_job_request()


def _statuses() -> list[str]:
    return sorted(set(DBTaskResult.objects.values_list("status", flat=True)))


def test_a_relink_job_waits_in_the_database_until_a_worker_runs_it(database_tasks):
    _archive(7)
    job = _request_relink()
    assert DBTaskResult.objects.get().task_path == "articles.tasks.plan_job"
    assert Mention.objects.count() == 0  # nothing ran in the request

    call_command("db_worker", batch=True, startup_delay=False, interval=0)

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 7, 7)
    assert list(JobChunk.objects.values_list("runs", flat=True)) == [1, 1, 1]
    assert Mention.objects.count() == 7
    assert _statuses() == ["SUCCESSFUL"]
    assert DBTaskResult.objects.count() == 4  # the plan and three chunks


def _worker(database_url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _run_workers(database_url: str, count: int) -> None:
    workers = [_worker(database_url) for _ in range(count)]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output


def _run_workers_together(database_url: str, count: int) -> None:
    """Run `count` workers that start taking tasks at the same moment.

    A worker's start-up (importing Django) can take seconds on a busy machine, long
    enough for the first to drain the queue alone. So the task table is locked until
    every worker is waiting on it to claim a task (PostgreSQL only).
    """
    table = connection.ops.quote_name(DBTaskResult._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        workers = [_worker(database_url) for _ in range(count)]
        for _ in range(1200):
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else read once
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                "current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the workers never asked for a task")
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output


def test_two_workers_at_once_do_every_chunk_exactly_once(database_tasks):
    if connection.vendor != "postgresql":
        pytest.skip(
            "two worker processes need a shared server database (SQLite's test "
            "database is in memory); CI runs this on PostgreSQL"
        )
    s = connection.settings_dict
    url = f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    _archive(60)
    job = _request_relink()
    call_command("db_worker", batch=True, startup_delay=False, max_tasks=1)  # plan
    assert JobChunk.objects.count() == 20

    _run_workers_together(url, 2)

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 60, 60)
    assert set(JobChunk.objects.values_list("runs", flat=True)) == {1}
    assert Mention.objects.count() == 60
    assert _statuses() == ["SUCCESSFUL"]
    workers = {
        w
        for ids in DBTaskResult.objects.values_list("worker_ids", flat=True)
        for w in ids
    }
    assert len(workers) == 3  # the planner and both workers took tasks

    # Everything again: every chunk task enqueued once more, two workers.
    mentions = sorted(Mention.objects.values_list("revision_id", "entity_id", "start"))
    for chunk_id in JobChunk.objects.values_list("pk", flat=True):
        run_job_chunk.enqueue(chunk_id)
    _run_workers(url, 2)

    job.refresh_from_db()
    assert job.done == 60
    assert set(JobChunk.objects.values_list("runs", flat=True)) == {1}
    assert (
        sorted(Mention.objects.values_list("revision_id", "entity_id", "start"))
        == mentions
    )

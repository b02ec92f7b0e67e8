"""`make bench-scale`: what the desk's requests cost at 1,000 and at 100,000 articles.

PostgreSQL only (DATABASE_URL=postgres://..., default a database of its own on
127.0.0.1). For each size a fresh test database is created and migrated, then
5,000 entities and that many published articles (two mentions and three unknown
names each, payloads from the same `public_payload` publication uses, search
vectors by the publishing service's `public_search_index_many`) are written with
COPY; then, with the database task backend and real `db_worker` processes:

* the admin request that renames an entity (best of 9, and its queries);
* relink throughput: another entity renamed through the service, and the relink job
  it queues run by one worker; then a third, run by two workers at once (articles
  per second from the moment every worker has finished its first chunk: start-up,
  Django and the matcher, is not relinking);
* the candidates page, the desk's queue counts, the article / entity / public
  article changelists (best of 5, and queries);
* for each of those, the mean CPU time of this process and its PostgreSQL backend
  (read from /proc: the server runs on this machine), which the ratios compare:
  wall time on a shared machine mostly measures the other users;
* `q=` search on the API: the 95th percentile of 40 searches of two words.

Sizes with NEWSROOM_SCALE_SIZES (default "1000,100000"). How long it takes: on
the shared 2-core machine it was written on, when quiet (load average under 1.5),
the 100k insert took 100 s (1,000 articles: 3 s), the 100k relink passes 20 s and
10 s, and the whole run under 3 minutes; at load average 8 to 9 from other work,
5 minutes, 70 and 50 s, and 8 to 9 minutes. NEWSROOM_SCALE_SIZES=1000,20000 takes
1 to 2 minutes. Relink throughput needs a quiet machine: other processes on the
two cores take the second worker's share.
NEWSROOM_SCALE_REUSE=1 keeps each size's database (test_<name>_<size>) and uses it
again on the next run, without the insert (for the page figures: the relink passes
of a reused database have little left to change, so their rates are only
comparable on fresh data); NEWSROOM_SCALE_EXPLAIN=1 prints EXPLAIN ANALYZE of the
slowest queries of each page.
Run alone with `.venv/bin/python -m tests.benchmarks.scale`.
"""

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.common import BenchRow

AREA = "scale"
ENTITIES = 5_000
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_scale"
# Keep each size's database and use it again next run (skips the insert).
REUSE = os.environ.get("NEWSROOM_SCALE_REUSE", "") == "1"
EXPLAIN = os.environ.get("NEWSROOM_SCALE_EXPLAIN", "") == "1"  # print page plans
_WORDS = [
    "government",
    "officials",
    "people",
    "year",
    "city",
    "party",
    "meeting",
    "talks",
    "report",
    "minister",
    "president",
    "forces",
    "ministry",
    "statement",
    "announced",
    "plans",
    "months",
    "crisis",
    "council",
    "region",
    "national",
    "local",
    "public",
    "policy",
    "leaders",
    "capital",
    "province",
    "district",
    "court",
    "law",
    "water",
    "energy",
    "prices",
    "market",
    "trade",
    "deal",
    "funding",
    "refugees",
    "election",
    "vote",
    "campaign",
    "protest",
    "ceasefire",
    "peace",
    "investigation",
    "evidence",
    "residents",
    "community",
    "schools",
    "hospital",
]


def _setup() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings.test"
    os.environ["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    import django

    django.setup()


BATCH = 10_000  # articles per transaction of the insert


def populate(count: int, *, seed: int = 13) -> float:
    """Insert ENTITIES entities and `count` published articles; return the seconds.

    The rows are the ones the app's services would write (article, revision 1,
    mentions, stored candidates, public row with its payload from `public_payload`,
    its entities and its search vector by `public_search_index_many`), written with
    PostgreSQL's COPY in batches of BATCH articles.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from articles.models import Entity, PublicVersion
    from articles.search import public_search_index_many
    from tests.api.helpers import world_sections

    started = time.perf_counter()
    rng = random.Random(seed)
    sections = world_sections()
    entities = Entity.objects.bulk_create(
        Entity(name=f"Entity{n} Agency", kind="organisation") for n in range(ENTITIES)
    )
    unknown = [f"Zorb{n} Council" for n in range(2_000)]
    now = timezone.now()
    for offset in range(0, count, BATCH):
        with transaction.atomic():
            public_ids = _insert_batch(
                range(offset, min(count, offset + BATCH)),
                rng=rng,
                entities=entities,
                unknown=unknown,
                sections=sections,
                now=now,
            )
            public_search_index_many(public_ids=public_ids)
    PublicVersion.objects.update_or_create(
        pk=1, defaults={"counter": 1, "changed_at": timezone.now()}
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def _insert_batch(batch: range, *, rng, entities, unknown, sections, now) -> list[int]:
    """Article n of `batch` (slug story-n, a minute older per n, sections in turn),
    published on its revision 1: every row COPYed; returns the public rows' ids."""
    import datetime

    from articles.api.formats import ninjs_stored
    from articles.models import (
        Article,
        CandidateName,
        Mention,
        PublicArticle,
        Revision,
    )
    from articles.services.publishing import (
        MentionValue,
        public_payload,
        public_search_text,
    )

    through = PublicArticle.entities.through
    article_ids = _reserve_ids(Article, len(batch))
    revision_ids = _reserve_ids(Revision, len(batch))
    public_ids = _reserve_ids(PublicArticle, len(batch))
    articles, revisions, mentions, candidates, publics, links = [], [], [], [], [], []
    for n, article_id, revision_id, public_id in zip(
        batch, article_ids, revision_ids, public_ids, strict=True
    ):
        chosen = rng.sample(entities, 2)
        names = rng.sample(unknown, 3)
        words = rng.choices(_WORDS, k=160)
        paragraphs = [" ".join(words[i : i + 40]) for i in range(0, 160, 40)]
        paragraphs[0] = f"{chosen[0].name} {paragraphs[0]}"
        paragraphs[1] = f"{paragraphs[1]} {names[0]} and {names[1]}."
        paragraphs[2] = f"{chosen[1].name} {paragraphs[2]} {names[2]}."
        body = "\n\n".join(paragraphs)
        headline = f"Story {n} {rng.choice(_WORDS)}"
        section = sections[n % len(sections)]
        published_at = now - datetime.timedelta(minutes=n)
        article = Article(
            pk=article_id,
            headline=headline,
            slug=f"story-{n}",
            section=section,
            status="published",
            current_revision_id=revision_id,
            approved_revision_id=revision_id,
            published_revision_id=revision_id,
            published_at=published_at,
        )
        articles.append(article)
        revisions.append(
            Revision(pk=revision_id, article=article, number=1, headline=headline,
                     body=body)
        )  # fmt: skip
        values = []
        for entity in chosen:
            start = body.index(entity.name)
            end = start + len(entity.name)
            mentions.append(
                Mention(revision_id=revision_id, entity=entity, start=start, end=end,
                        text=entity.name)
            )  # fmt: skip
            values.append(MentionValue(entity.pk, entity.name, entity.kind, start, end))
            links.append(through(publicarticle_id=public_id, entity_id=entity.pk))
        candidates += [
            CandidateName(
                article_id=article_id,
                revision_id=revision_id,
                normalized=name.lower(),
                text=name,
                count=1,
                kind_hint="organisation",
                contexts=[f"... {name} ..."],
            )
            for name in names
        ]
        section_value = {
            "id": section.pk,
            "name": section.name,
            "slug": section.slug,
            "path": str(section),
        }
        payload = public_payload(
            article_id=article_id,
            slug=article.slug,
            headline=headline,
            body=body,
            section=section_value,
            mentions=values,
            corrections=[],
            fact_checks=[],
            published_at=published_at,
            updated_at=published_at,
            version=1,
        )
        publics.append(
            PublicArticle(
                pk=public_id,
                article_id=article_id,
                revision_id=revision_id,
                section=section,
                slug=article.slug,
                headline=headline,
                search_text=public_search_text(headline, body),
                payload=payload,
                ninjs=ninjs_stored(payload),
                published_at=published_at,
                updated_at=published_at,
            )
        )
    for rows in (articles, revisions, mentions, candidates, publics, links):
        _copy(rows)
    return list(public_ids)


def _reserve_ids(model, n: int) -> range:
    """Take `n` ids from the table's sequence, as n INSERTs would."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'),"
            " nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
            [model._meta.db_table, model._meta.db_table, n],
        )
        last = cursor.fetchone()[0]
    return range(last - n + 1, last + 1)


def _copy(objs: list) -> None:
    """COPY model instances into their table: every concrete column, each value
    prepared by its field as `save()` prepares it (defaults, auto_now, JSON); ids
    from the sequence unless the first instance has one."""
    from django.db import transaction

    if not objs:
        return
    connection = transaction.get_connection()  # not the proxy: it is read per value
    opts = objs[0]._meta
    fields = [f for f in opts.concrete_fields if objs[0].pk or not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(opts.db_table)} ({columns}) FROM STDIN"
    steps = [(f.pre_save, f.get_db_prep_save) for f in fields]
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row([prep(pre(obj, True), connection) for pre, prep in steps])


def _timed(fn, repeat: int = 5) -> tuple[float, int, float]:
    """Best seconds of `repeat` runs after a first one, the queries of the last, and
    the mean CPU seconds a run cost this process and its PostgreSQL backend.

    The CPU time is what the ratios judge: on a shared machine a request's wall
    time mostly measures the other users (its few commits wait on their writes).
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm: templates, the registry's matcher, the user's permissions
    best = float("inf")
    backend = _backend_cpu()
    client = time.process_time()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
    cpu = time.process_time() - client + _backend_cpu() - backend
    return best, len(queries), cpu / repeat


def _backend_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend so far (0 when the
    server is not on this machine or /proc cannot be read)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _workers(count: int) -> float:
    """Run `count` db_worker processes until the queue is empty; the seconds."""
    from django.db import connection

    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}",
    }
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-startup-delay",
    ]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]  # fmt: skip
    for proc in procs:
        proc.wait(timeout=1800)
    return time.perf_counter() - start


def _database(count: int) -> tuple[str, bool]:
    """Create (or, with NEWSROOM_SCALE_REUSE=1, reuse) the database for `count`
    articles; return the name to restore and whether its rows are there already."""
    from django.db import connection

    from articles.models import Article

    old_name = connection.settings_dict["NAME"]  # create_test_db returns the new one
    if not REUSE:
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        return old_name, False
    test = connection.settings_dict.setdefault("TEST", {})
    test["NAME"] = f"test_{old_name}_{count}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True)
    return old_name, Article.objects.count() == count


def explain(queries: list[dict]) -> None:
    """With NEWSROOM_SCALE_EXPLAIN=1: the plan of the slowest queries of a page."""
    from django.db import connection

    slowest = sorted(queries, key=lambda q: -float(q["time"]))[:3]
    with connection.cursor() as cursor:
        for query in slowest:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN ANALYZE {query['sql']}")
            plan = "\n  ".join(row[0] for row in cursor.fetchall())
            print(f"{query['time']} s: {query['sql'][:300]}\n  {plan}", file=sys.stderr)


def _relink_pass(workers: int) -> tuple[float, float]:
    """Rename another entity (as the admin does, through the service) and run the
    relink job it queues with `workers` db_worker processes; return articles per
    second once every worker is relinking, and the seconds of the whole run."""
    from django.core.management import call_command
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from articles.models import BackgroundJob, Entity
    from articles.services.entities import entity_update

    DBTaskResult.objects.all().delete()
    entity = Entity.objects.exclude(name__startswith="Renamed").order_by("pk").first()
    with transaction.atomic():  # the job is enqueued when this commits
        entity_update(entity=entity, by=None, name=f"Renamed entity {entity.pk}")
    job = BackgroundJob.objects.get(state="queued")
    call_command("db_worker", batch=True, startup_delay=False, max_tasks=1)  # plan
    seconds = _workers(workers)
    job.refresh_from_db()
    assert job.state == "done", (job.state, job.outcome)
    return _steady_rate(job), seconds


def _steady_rate(job) -> float:
    """Articles per second from the moment every worker had finished its first
    chunk to the last chunk: a worker's start-up (Django, building the matcher)
    is not relinking, and at 1 or 2 workers it would weigh unequally."""
    from django_tasks_db.models import DBTaskResult

    sizes = dict(job.chunks.values_list("pk", "size"))
    by_worker: dict[str, list] = {}
    for workers, args, finished in DBTaskResult.objects.filter(
        task_path="articles.tasks.run_job_chunk"
    ).values_list("worker_ids", "args_kwargs", "finished_at"):
        by_worker.setdefault(workers[-1], []).append((finished, sizes[args["args"][0]]))
    ends = [end for worker in by_worker.values() for end in worker]
    start = max(min(ends)[0] for ends in by_worker.values())
    if start >= max(ends)[0]:  # a few chunks: one worker had finished them all
        start = min(ends)[0]
    span = (max(ends)[0] - start).total_seconds()
    done = sum(size for finished, size in ends if finished > start)
    return done / span if span > 0 else 0.0


def measure(count: int) -> dict:
    """Every figure at one archive size, on a fresh (or with REUSE a kept) database."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from articles.models import BackgroundJob, Entity
    from articles.services.candidates import candidate_totals_rebuild

    old_name, kept = _database(count)
    try:
        figures: dict = {"count": count, "insert_s": 0.0 if kept else populate(count)}
        # The stored candidate names were bulk-inserted: sum them as a migration
        # would (the services keep the totals from then on).
        candidate_totals_rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_candidatetotal")
            # Write out what the insert left in memory now, not during the timings
            # (a request's few commits wait for a checkpoint's writes otherwise).
            cursor.execute("CHECKPOINT")
        admin, _ = get_user_model().objects.get_or_create(
            username="bench", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client(SERVER_NAME="localhost")
        client.force_login(admin)
        entity = Entity.objects.order_by("pk").first()
        names = iter(f"Renamed entity {i} {time.time_ns()}" for i in range(100))

        def rename() -> None:
            response = client.post(
                f"/admin/articles/entity/{entity.pk}/change/",
                {
                    "name": next(names),
                    "kind": "organisation",
                    "description": "",
                    "external_id": "",
                    "aliases-TOTAL_FORMS": "0",
                    "aliases-INITIAL_FORMS": "0",
                },
            )
            assert response.status_code == 302, response.status_code
            BackgroundJob.objects.filter(state="queued").delete()  # measured below

        figures["rename"] = _timed(rename, repeat=9)
        for label, workers in (("relink_1", 1), ("relink_2", 2)):
            figures[label] = _relink_pass(workers)
        for name, url in (
            ("candidates", "/admin/articles/entity/candidates/"),
            ("desk", "/admin/"),
            ("articles_changelist", "/admin/articles/article/"),
            ("entities_changelist", "/admin/articles/entity/"),
            ("public_changelist", "/admin/articles/publicarticle/"),
        ):

            def get(url: str = url) -> None:
                assert client.get(url).status_code == 200

            figures[name] = _timed(get)
            if EXPLAIN:
                from django.test.utils import CaptureQueriesContext

                print(f"scale: {count:,} {name}", file=sys.stderr)
                with CaptureQueriesContext(connection) as captured:
                    get()
                explain(captured.captured_queries)
        api = Client(SERVER_NAME="localhost")
        rng = random.Random(5)
        times = []
        for _ in range(40):
            q = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"
            start = time.perf_counter()
            assert api.get("/api/v1/articles/", {"q": q}).status_code == 200
            times.append(time.perf_counter() - start)
        figures["search_p95"] = statistics.quantiles(times, n=20)[-1]
        return figures
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=REUSE)


def run() -> list[BenchRow]:
    _setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        return [
            BenchRow(AREA, "skipped: needs PostgreSQL (DATABASE_URL)", 0, "", "", None)
        ]
    sizes = [
        int(s) for s in os.environ.get("NEWSROOM_SCALE_SIZES", "1000,100000").split(",")
    ]
    results = []
    for size in sizes:
        print(f"scale: {size} articles ...", file=sys.stderr, flush=True)
        results.append(measure(size))
    rows = []
    for r in results:
        n = f"{r['count']:,}"
        rows += [
            BenchRow(AREA, f"{n}: bulk insert", r["insert_s"], "s", "", None),
            BenchRow(
                AREA,
                f"{n}: rename entity request",
                r["rename"][0] * 1000,
                "ms",
                f"{r['rename'][1]} queries, {r['rename'][2] * 1000:.1f} ms CPU",
                None,
            ),
            BenchRow(
                AREA,
                f"{n}: relink, 1 worker",
                r["relink_1"][0],
                "articles/s",
                f"{r['relink_1'][1]:.0f} s",
                None,
            ),
            BenchRow(
                AREA,
                f"{n}: relink, 2 workers",
                r["relink_2"][0],
                "articles/s",
                f"{r['relink_2'][1]:.0f} s",
                None,
            ),
        ]
        for name in (
            "candidates",
            "desk",
            "articles_changelist",
            "entities_changelist",
            "public_changelist",
        ):
            rows.append(
                BenchRow(
                    AREA,
                    f"{n}: {name}",
                    r[name][0] * 1000,
                    "ms",
                    f"{r[name][1]} queries, {r[name][2] * 1000:.1f} ms CPU",
                    None,
                )
            )
        rows.append(
            BenchRow(
                AREA, f"{n}: q= search p95", r["search_p95"] * 1000, "ms", "", None
            )
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        ratio = f"{large['count'] // small['count']}x / 1x"

        def grows(name: str, limit: float) -> None:
            value = large[name][2] / small[name][2]  # CPU time (see _timed)
            same = large[name][1] == small[name][1]
            rows.append(
                BenchRow(
                    AREA,
                    f"{name} CPU time {ratio}"
                    + (
                        ""
                        if same
                        else f" (queries {small[name][1]} -> {large[name][1]})"
                    ),
                    value,
                    "ratio",
                    f"<= {limit}, same queries",
                    value <= limit and same,
                )
            )

        grows("rename", 1.5)
        grows("candidates", 1.5)
        grows("desk", 1.5)
        for name in ("articles_changelist", "entities_changelist", "public_changelist"):
            grows(name, 2)
        speedup = large["relink_2"][0] / large["relink_1"][0]
        rows.append(
            BenchRow(
                AREA,
                "relink: 2 workers / 1 worker",
                speedup,
                "ratio",
                ">= 1.8",
                speedup >= 1.8,
            )
        )
    return rows  # fmt: skip


if __name__ == "__main__":
    from tests.benchmarks.run import _format

    rows = run()
    print(_format(rows))
    sys.exit(0 if all(row.ok is not False for row in rows) else 1)

"""The public API under gunicorn on loopback, against a constant-response Django view.

10,000 published articles are bulk-inserted into a temporary SQLite file (payloads
from the same `public_payload` publication uses). gunicorn (2 sync workers,
newsroom.settings.bench: same middleware, persistent connections) serves them on
127.0.0.1 only. Every URL is loaded in turn for a few seconds, in interleaved rounds,
each figure against the constant view measured just before and after it; the table
gives the median of the rounds, so all ratios come from one run side by side.
The load comes from `wrk` when it is installed, else from Python client processes
(their own CPU cost on a small machine flatters the ratios: the table says which).
On Linux the table also gives the gunicorn workers' CPU time per request (from
/proc), each URL's against the constant view's: the load generator does not enter
it (without the client's share, it is the stricter ratio). Last, the same URLs
called in one process through Django's WSGI handler, no server or socket: the CPU
time of Django alone, the least of several interleaved rounds, the reading that
moves least on a busy machine.

Run alone with `.venv/bin/python -m tests.benchmarks.bench_api`.
"""

import http.client
import json
import multiprocessing
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import BenchRow, server_stop

AREA = "api"
ARTICLES = 10_000
WORKERS = 2
CONNECTIONS = 4
SECONDS = 2
ROUNDS = 3
ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "newsroom.settings.bench"

_VOCABULARY = """the of and to in a that for on with as was by is at said from it has
have be are which an this after had were not but their they been also its who will more
government officials people year new first last into could told percent week police
security country city party meeting talks report between minister president forces
ministry foreign spokesman statement announced expected plans months crisis council
region international national local public political policy leaders sources capital
province district court law rights water energy prices market trade deal sanctions
funding humanitarian assistance refugees election vote campaign protest ceasefire
peace investigation evidence residents community schools hospital health workers"""
_WORDS = tuple(_VOCABULARY.split())


# --- the data -----------------------------------------------------------------


def populate(count: int = ARTICLES, *, seed: int = 7) -> int:
    """Insert `count` published articles with sections, entities and mentions."""
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from articles.models import (
        Entity,
        Mention,
        PublicArticle,
    )
    from articles.services.publishing import MentionValue, public_version_bump
    from tests.api.helpers import drafts_in_bulk, publish_in_bulk, world_sections

    rng = random.Random(seed)
    with transaction.atomic():
        sections = world_sections()
        entities = Entity.objects.bulk_create(
            Entity(name=f"Entity {n} Agency", kind=rng.choice(["person", "place"]))
            for n in range(200)
        )
        now = timezone.now()
        for offset in range(0, count, 1000):
            batch = range(offset, min(count, offset + 1000))
            bodies, picks = {}, {}
            for n in batch:
                chosen = rng.sample(entities, 4)
                paragraphs = [
                    " ".join(rng.choice(_WORDS) for _ in range(rng.randint(30, 60)))
                    for _ in range(rng.randint(4, 7))
                ]
                paragraphs[0] = f"{chosen[0].name} {paragraphs[0]}"
                paragraphs[2] = f"{chosen[1].name} {paragraphs[2]}"
                paragraphs.insert(3, "## Background")
                bodies[n] = "\n\n".join(paragraphs)
                picks[n] = chosen[:2]
            headlines = {
                n: f"Story {n}: {rng.choice(_WORDS)} {rng.choice(_WORDS)}"
                for n in batch
            }
            articles, revisions = drafts_in_bulk(
                headlines, bodies, sections=sections, now=now
            )
            mentions = []
            for n, revision in zip(batch, revisions, strict=True):
                first, second = picks[n]
                second_at = bodies[n].index(second.name)
                for entity, start in ((first, 0), (second, second_at)):
                    mentions.append(
                        Mention(
                            revision=revision,
                            entity=entity,
                            start=start,
                            end=start + len(entity.name),
                            text=entity.name,
                        )
                    )
            Mention.objects.bulk_create(mentions)
            publish_in_bulk(
                articles,
                revisions,
                sections=[
                    {
                        "id": a.section.pk,
                        "name": a.section.name,
                        "slug": a.section.slug,
                        "path": str(a.section),
                    }
                    for a in articles
                ],
                mentions=[
                    [
                        MentionValue(m.entity_id, m.text, m.entity.kind, m.start, m.end)
                        for m in mentions[2 * i : 2 * i + 2]
                    ]
                    for i in range(len(articles))
                ],
                entity_ids=[[e.pk for e in picks[n]] for n in batch],
            )
        public_version_bump()
    with connection.cursor() as cursor:
        # Planner statistics, as PostgreSQL's autovacuum keeps them: without them
        # SQLite sorts a whole section instead of walking the published_at index.
        cursor.execute("ANALYZE")
    return PublicArticle.objects.count()


# --- the server -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def _wait_until_up(port: int, server: subprocess.Popen, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited before it served anything")
        try:
            if _get(port, "/bench/constant/").status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 30 s")


# --- the load -------------------------------------------------------------------


def _wrk(port: int, path: str, headers: dict) -> tuple[float, int, int]:
    args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        [*args, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    done = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*?timeout (\d+)", out)
    failed = (int(bad.group(1)) if bad else 0) + (int(errors.group(1)) if errors else 0)
    return rate, failed, done


def _python_client(port: int, path: str, headers: dict, until: float, out) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    done = bad = 0
    while time.monotonic() < until:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        done += 1
        bad += response.status >= 400
        if response.will_close:
            conn.close()
    out.put((done, bad))


def _python_load(port: int, path: str, headers: dict) -> tuple[float, int, int]:
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start = time.monotonic()
    until = start + SECONDS
    clients = [
        context.Process(
            target=_python_client, args=(port, path, headers, until, results)
        )
        for _ in range(CONNECTIONS)
    ]
    for client in clients:
        client.start()
    counts = [results.get(timeout=SECONDS + 30) for _ in clients]
    elapsed = time.monotonic() - start
    for client in clients:
        client.join(timeout=5)
    done = sum(c[0] for c in counts)
    return done / elapsed, sum(c[1] for c in counts), done


def _worker_pids(master: int) -> list[int]:
    """gunicorn's worker processes (Linux), or [] where /proc cannot tell."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text()
    except OSError:
        return []
    return [int(pid) for pid in children.split()]


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        # Fields after the command's closing parenthesis: utime and stime are 11, 12.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


# --- the run --------------------------------------------------------------------


def _run_self(flag: str, env: dict) -> str:
    """This module run with `flag` (one step in a process of its own); its output."""
    return subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_api", flag],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout


def run() -> list[BenchRow]:
    """Populate, serve, load each URL in interleaved rounds; return the table's rows."""
    if shutil.which("gunicorn") is None and not _module_available("gunicorn"):
        return [BenchRow(AREA, "skipped: gunicorn is not installed", 0, "", "", None)]
    use_wrk = shutil.which("wrk") is not None
    load = _wrk if use_wrk else _python_load
    tool = "wrk" if use_wrk else "Python clients"
    workdir = Path(tempfile.mkdtemp(prefix="bench-api-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    server = None
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        started = time.perf_counter()
        count = int(_run_self("--populate", env).split()[-1])
        populate_time = time.perf_counter() - started
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
                "--timeout",
                "30",
                "newsroom.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
        )
        _wait_until_up(port, server)
        workers = _worker_pids(server.pid)
        if len(workers) != WORKERS:
            workers = []
        rows = _measure(port, load, tool, count, populate_time, workers)
        server_stop(server)
        server = None
        in_process = _run_self("--in-process", env)
        return rows + _cpu_rows(json.loads(in_process.splitlines()[-1]), "Django")
    finally:
        server_stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


def _measure(
    port: int, load, tool: str, count: int, populate_time: float, workers: list[int]
) -> list:
    first = _get(port, "/api/v1/articles/?page_size=20")
    assert first.status == 200, first.status
    urls = _urls(first.body.decode(), first.getheader("ETag"))
    assert _get(port, *urls["304"]).status == 304
    rates: dict[str, list[float]] = {name: [] for name in urls}
    ratios: dict[str, list[float]] = {name: [] for name in urls if name != "constant"}
    cpu: dict[str, list[float]] = {name: [] for name in urls}
    failures = 0

    def measure(name: str) -> float:
        nonlocal failures
        used = _cpu_seconds(workers) if workers else 0.0
        rate, bad, done = load(port, *urls[name])
        if workers and done:
            cpu[name].append((_cpu_seconds(workers) - used) / done)
        rates[name].append(rate)
        failures += bad
        return rate

    for name in urls:  # warm up every path once
        load(port, *urls[name])
    for _ in range(ROUNDS):
        # Each figure is divided by the constant view measured just before and
        # just after it, so that a change in machine load hits both sides alike.
        before = measure("constant")
        for name in ratios:
            rate = measure(name)
            after = measure("constant")
            ratios[name].append(rate / ((before + after) / 2))
            before = after
    rate = {name: statistics.median(values) for name, values in rates.items()}

    def ratio(name: str) -> float:
        return statistics.median(ratios[name])

    conns = f"{tool}, {CONNECTIONS} conns, {WORKERS} workers"
    per_request = {name: statistics.median(values) for name, values in cpu.items()}
    return _throughput_rows(conns, count, populate_time, rate, ratio, failures) + (
        _cpu_rows(per_request, "server") if workers else []
    )


def _throughput_rows(conns, count, populate_time, rate, ratio, failures) -> list:
    return [
        BenchRow(AREA, f"published articles (bulk insert {populate_time:.0f} s)",
                 count, "", "10000", count == ARTICLES),
        BenchRow(AREA, f"constant Django view ({conns})", rate["constant"], "req/s",
                 "", None),
        BenchRow(AREA, "list page of 20", rate["list"], "req/s", "", None),
        BenchRow(AREA, "detail", rate["detail"], "req/s", "", None),
        BenchRow(AREA, "304 Not Modified (list, If-None-Match)", rate["304"], "req/s",
                 "", None),
        BenchRow(AREA, "list page of 20 / constant", ratio("list"), "ratio", ">= 0.6",
                 ratio("list") >= 0.6),
        BenchRow(AREA, "detail / constant", ratio("detail"), "ratio", ">= 0.7",
                 ratio("detail") >= 0.7),
        BenchRow(AREA, "304 / constant", ratio("304"), "ratio", ">= 0.9",
                 ratio("304") >= 0.9),
        BenchRow(AREA, "list, section=world (+sub-sections) / constant",
                 ratio("section"), "ratio", ">= 0.5", ratio("section") >= 0.5),
        BenchRow(AREA, "list as ninjs / constant", ratio("ninjs"), "ratio", ">= 0.5",
                 ratio("ninjs") >= 0.5),
        BenchRow(AREA, "failed or unexpected responses", failures, "", "0",
                 failures == 0),
    ]  # fmt: skip


CPU_FIGURES = {
    "list": "list page of 20",
    "detail": "detail",
    "304": "304 Not Modified",
    "section": "list, section=world",
    "ninjs": "list as ninjs",
}


def _cpu_rows(per_request: dict[str, float], where: str) -> list[BenchRow]:
    """CPU seconds per request: the constant view's in microseconds, then each URL's
    as the constant's divided by its own (1 is as cheap as the constant)."""
    rows = [
        BenchRow(AREA, f"{where} CPU per request, constant view",
                 per_request["constant"] * 1e6, "us", "", None)
    ]  # fmt: skip
    for name, figure in CPU_FIGURES.items():
        rows.append(
            BenchRow(AREA, f"{where} CPU: constant / {figure}",
                     per_request["constant"] / per_request[name], "ratio", "", None)
        )  # fmt: skip
    return rows


def in_process(rounds: int = 7, calls: int = 100) -> dict[str, float]:
    """Each URL through Django's WSGI handler in this process: CPU seconds per
    request, the least over `rounds` interleaved rounds of `calls` requests."""
    import io

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    app = WSGIHandler()

    def call(path: str, headers: dict) -> tuple[str, dict, bytes]:
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()},
        }
        started = []
        body = b"".join(app(environ, lambda status, h: started.append((status, h))))
        return started[0][0], dict(started[0][1]), body

    status, headers, body = call("/api/v1/articles/?page_size=20", {})
    assert status.startswith("200"), status
    urls = _urls(body.decode(), headers["ETag"])
    assert call(*urls["304"])[0].startswith("304")
    for path, extra in urls.values():
        for _ in range(calls // 5):
            call(path, extra)
    best = dict.fromkeys(urls, float("inf"))
    for _ in range(rounds):
        for name, (path, extra) in urls.items():
            started = time.process_time()
            for _ in range(calls):
                call(path, extra)
            best[name] = min(best[name], (time.process_time() - started) / calls)
    return best


def _urls(first_page: str, etag: str) -> dict[str, tuple[str, dict]]:
    """The measured URLs, from the first page of the list and its ETag."""
    detail_id = re.search(r'"id":\s*(\d+)', first_page).group(1)
    return {
        "constant": ("/bench/constant/", {}),
        "list": ("/api/v1/articles/?page_size=20", {}),
        "detail": (f"/api/v1/articles/{detail_id}/", {}),
        "304": ("/api/v1/articles/?page_size=20", {"If-None-Match": etag}),
        "section": ("/api/v1/articles/?page_size=20&section=world", {}),
        "ninjs": ("/api/v1/articles/?page_size=20&format=ninjs", {}),
    }


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _print(rows: list[BenchRow]) -> None:
    from tests.benchmarks.run import _format

    print(_format(rows))


if __name__ == "__main__":
    if sys.argv[1:] == ["--populate"]:
        print(populate())
    elif sys.argv[1:] == ["--in-process"]:
        print(json.dumps(in_process()))
    else:
        _print(run())

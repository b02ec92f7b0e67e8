"""The desk under load on PostgreSQL: readers on the API while editors save revisions
and reviewers annotate, all at once, through gunicorn on loopback.

A database of its own (created, then dropped) holds 2,000 published articles for the
readers and a few drafts that editors and reviewers share: two editors on each draft,
so that saves from the same base revision race. Each client is a process with its own
session, doing what a person does: an editor loads the editor, appends a sentence and
saves (a 409 conflict page when someone saved first is the right answer, and the
editor reloads); a reviewer annotates a phrase of the text. After LOAD_SECONDS the
database is read: every save answered as done must be in the article's final text
and every annotation answered as added must exist (else it is a lost update).

Skips with a message when PostgreSQL is not reachable (BENCH_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/postgres). Run alone with
`.venv/bin/python -m tests.benchmarks.bench_load`.
"""

import html
import http.client
import json
import multiprocessing
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from tests.benchmarks.bench_api import _free_port, _get, _wait_until_up, populate
from tests.benchmarks.common import BenchRow, server_stop

AREA = "load"
LOAD_SECONDS = 20
READERS = 3
EDITORS_PER_DRAFT = 2
DRAFTS = 2
REVIEWERS = 2
PUBLISHED = 2000
WORKERS, THREADS = 2, 4
PASSWORD = "bench-load-password-not-secret"
ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
DRAFT_BODY = (
    "The harbour authority said the new quay would open in March.\n\n"
    "Ferry operators welcomed the plan and expect more passengers next year."
)
PHRASE = "Ferry operators welcomed the plan"


# --- the database -------------------------------------------------------------------


def _postgres_error() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    try:
        import psycopg

        with psycopg.connect(ADMIN_URL, connect_timeout=3):
            return None
    except Exception as error:
        return f"{type(error).__name__}: {str(error).strip().splitlines()[0]}"


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


def _database_url(name: str) -> str:
    parts = urlsplit(ADMIN_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def prepare() -> None:
    """Published articles for the readers; drafts, editors and reviewers; print ids."""
    populate(PUBLISHED)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from articles.models import Article, Revision
    from articles.roles import EDITORS
    from articles.roles import REVIEWERS as REVIEWERS_GROUP

    users = get_user_model()
    editors, reviewers = (
        Group.objects.get(name=EDITORS),
        Group.objects.get(name=REVIEWERS_GROUP),
    )
    authors = []
    for n in range(DRAFTS * EDITORS_PER_DRAFT):
        user = users.objects.create_user(f"editor{n}", password=PASSWORD, is_staff=True)
        user.groups.add(editors)
        authors.append(user)
    for n in range(REVIEWERS):
        user = users.objects.create_user(
            f"reviewer{n}", password=PASSWORD, is_staff=True
        )
        user.groups.add(reviewers)
    ids = []
    for n in range(DRAFTS):
        article = Article.objects.create(headline=f"Draft {n}", slug=f"draft-{n}")
        revision = Revision.objects.create(
            article=article,
            number=1,
            headline=article.headline,
            body=DRAFT_BODY,
            author=authors[n],
        )
        article.current_revision = revision
        article.save(update_fields=["current_revision"])
        ids.append(article.pk)
    print(" ".join(map(str, ids)))


def audit(article_ids: list[int], saved: dict[int, list[str]], annotated: int) -> dict:
    """Read back what the clients were told was done: return counts."""
    import django

    django.setup()
    from articles.models import Annotation, Article, Revision

    lost = 0
    for pk in article_ids:
        article = Article.objects.select_related("current_revision").get(pk=pk)
        body = article.current_revision.body
        markers = saved.get(pk, [])
        lost += sum(marker not in body for marker in markers)
        revisions = Revision.objects.filter(article=article).count()
        lost += abs(revisions - 1 - len(markers))
    stored = Annotation.objects.filter(author__username__startswith="reviewer").count()
    return {"lost": lost + abs(stored - annotated), "stored_annotations": stored}


# --- one client ---------------------------------------------------------------------


@dataclass
class Tally:
    role: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    done: int = 0
    conflicts: int = 0
    refused: int = 0
    saved: dict[int, list[str]] = field(default_factory=dict)


class Browser:
    """One person's session: cookies, a kept-alive connection, timings."""

    def __init__(self, port: int, tally: Tally) -> None:
        self.port, self.tally = port, tally
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = response_body = None
            response = self.conn.getresponse()
            response_body = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.tally.errors.append(f"{method} {path}: {type(error).__name__}")
            return None, b""
        self.tally.latencies.append(time.perf_counter() - started)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        if response.status >= 500:
            self.tally.errors.append(f"{method} {path}: {response.status}")
        return response, response_body

    def csrf(self, page: bytes) -> str:
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return found.group(1).decode() if found else ""

    def log_in(self, username: str) -> bool:
        _, page = self.request("GET", "/admin/login/")
        form = {"csrfmiddlewaretoken": self.csrf(page), "username": username}
        response, _ = self.request(
            "POST", "/admin/login/", {**form, "password": PASSWORD}
        )
        if response is None or response.status != 302:
            self.tally.errors.append(f"log-in as {username} failed")
            return False
        return True


def _reader(port: int, until: float, out, paths: list[str]) -> None:
    tally = Tally("reader")
    browser = Browser(port, tally)
    n = 0
    while time.monotonic() < until:
        response, _ = browser.request("GET", paths[n % len(paths)])
        n += 1
        if response is not None and response.status == 200:
            tally.done += 1
        elif response is not None and response.status < 500:
            tally.errors.append(f"GET {paths[(n - 1) % len(paths)]}: {response.status}")
    out.put(tally)


def _field(page: str, name: str) -> str:
    textarea = re.search(
        rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', page, re.S
    )
    if textarea:
        return html.unescape(textarea.group(1))
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    value = re.search(r'value="([^"]*)"', tag.group(0)) if tag else None
    return html.unescape(value.group(1)) if value else ""


def _editor(port: int, until: float, out, username: str, article: int) -> None:
    tally = Tally("editor")
    browser = Browser(port, tally)
    if browser.log_in(username):
        url, n = f"/desk/articles/{article}/edit/", 0
        while time.monotonic() < until:
            response, page = browser.request("GET", url)
            if response is None or response.status != 200:
                continue
            text = page.decode()
            n += 1
            marker = f"Checked by {username}, pass {n}."
            form = {
                "csrfmiddlewaretoken": browser.csrf(page),
                "base_revision_id": _field(text, "base_revision_id"),
                "headline": _field(text, "headline"),
                "body": f"{_field(text, 'body')} {marker}",
                "message": marker,
            }
            response, _ = browser.request("POST", url, form)
            if response is None:
                continue
            if response.status == 302:
                tally.done += 1
                tally.saved.setdefault(article, []).append(marker)
            elif response.status == 409:
                tally.conflicts += 1
            elif response.status < 500:
                tally.errors.append(f"save answered {response.status}")
    out.put(tally)


def _reviewer(port: int, until: float, out, username: str, articles: list[int]) -> None:
    tally = Tally("reviewer")
    browser = Browser(port, tally)
    if browser.log_in(username):
        n = 0
        while time.monotonic() < until:
            article = articles[n % len(articles)]
            n += 1
            response, page = browser.request("GET", f"/desk/articles/{article}/review/")
            if response is None or response.status != 200:
                continue
            text = page.decode()
            start = DRAFT_BODY.index(PHRASE)
            form = {
                "csrfmiddlewaretoken": browser.csrf(page),
                "revision_id": _field(text, "revision_id"),
                "start": start,
                "end": start + len(PHRASE),
                "exact": PHRASE,
                "kind": "needs_source",
                "severity": "advisory",
                "comment": f"Which operators? ({username}, note {n})",
            }
            response, _ = browser.request(
                "POST", f"/desk/articles/{article}/annotate/", form
            )
            if response is None:
                continue
            if response.status == 302:
                tally.done += 1
            elif response.status == 400:
                tally.refused += 1
            elif response.status < 500:
                tally.errors.append(f"annotate answered {response.status}")
    out.put(tally)


# --- the run ------------------------------------------------------------------------


def run() -> list[BenchRow]:
    """Serve, load, audit; return the table's rows."""
    why_not = _postgres_error()
    if why_not:
        return [
            BenchRow(AREA, f"skipped: PostgreSQL is not reachable ({why_not})",
                     0, "", "", None)
        ]  # fmt: skip
    name = f"bench_load_{os.getpid()}_{secrets.token_hex(3)}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.bench",
        "DATABASE_URL": _database_url(name),
        "PYTHONPATH": str(ROOT),
    }
    server = None
    _admin_sql(f'CREATE DATABASE "{name}"')
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                       check=True, timeout=600)  # fmt: skip
        drafts = [
            int(pk)
            for pk in subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.bench_load", "--prepare"],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True,
                timeout=600,
            ).stdout.split()[-DRAFTS:]
        ]  # fmt: skip
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
             "--workers", str(WORKERS), "--threads", str(THREADS),
             "--worker-class", "gthread", "--log-level", "warning",
             "--timeout", "60", "newsroom.wsgi:application"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        _wait_until_up(port, server)
        tallies, elapsed = _load(port, drafts)
        saved: dict[int, list[str]] = {}
        for tally in tallies:
            for pk, markers in tally.saved.items():
                saved.setdefault(pk, []).extend(markers)
        annotated = sum(t.done for t in tallies if t.role == "reviewer")
        found = subprocess.run(
            [sys.executable, "-c",
             "import json, sys; from tests.benchmarks.bench_load import audit; "
             "a = json.loads(sys.argv[1]); "
             "print(json.dumps(audit(a['ids'], {int(k): v for k, v in a['saved']"
             ".items()}, a['annotated'])))",
             json.dumps(
                 {"ids": drafts, "saved": saved, "annotated": annotated}
             )],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        counts = json.loads(found.stdout.strip().splitlines()[-1])
        return _rows(tallies, elapsed, counts)
    finally:
        server_stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _load(port: int, drafts: list[int]) -> tuple[list[Tally], float]:
    first = _get(port, "/api/v1/articles/?page_size=20")
    ids = re.findall(rb'"id":\s*(\d+)', first.body)[:10]
    paths = ["/api/v1/articles/?page_size=20", "/api/v1/articles/?section=asia"]
    paths += [f"/api/v1/articles/{pk.decode()}/" for pk in ids]
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start = time.monotonic()
    until = start + LOAD_SECONDS
    clients = [
        context.Process(target=_reader, args=(port, until, results, paths))
        for _ in range(READERS)
    ]
    for n in range(DRAFTS * EDITORS_PER_DRAFT):
        article = drafts[n % DRAFTS]
        clients.append(
            context.Process(
                target=_editor, args=(port, until, results, f"editor{n}", article)
            )
        )
    for n in range(REVIEWERS):
        clients.append(
            context.Process(
                target=_reviewer, args=(port, until, results, f"reviewer{n}", drafts)
            )
        )
    for client in clients:
        client.start()
    tallies = [results.get(timeout=LOAD_SECONDS + 120) for _ in clients]
    elapsed = time.monotonic() - start
    for client in clients:
        client.join(timeout=10)
    return tallies, elapsed


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _rows(tallies: list[Tally], elapsed: float, counts: dict) -> list[BenchRow]:
    by_role = {
        role: [t for t in tallies if t.role == role]
        for role in ("reader", "editor", "reviewer")
    }
    all_latencies = [ms for t in tallies for ms in t.latencies]
    errors = [error for t in tallies for error in t.errors]
    if errors:
        print("load errors:", *sorted(set(errors))[:10], sep="\n  ", file=sys.stderr)
    rows = [
        BenchRow(AREA, f"requests, all clients ({len(tallies)} clients, "
                 f"{WORKERS}x{THREADS} gunicorn threads, PostgreSQL, {elapsed:.0f} s)",
                 len(all_latencies) / elapsed, "req/s", "", None),
        BenchRow(AREA, "request latency p50", 1000 * statistics.median(all_latencies),
                 "ms", "", None),
        BenchRow(AREA, "request latency p95", 1000 * _percentile(all_latencies, 0.95),
                 "ms", "", None),
    ]  # fmt: skip
    labels = {
        "reader": f"API reads ({READERS} readers)",
        "editor": f"revisions saved ({DRAFTS * EDITORS_PER_DRAFT} editors, "
        f"{EDITORS_PER_DRAFT} per draft)",
        "reviewer": f"annotations added ({REVIEWERS} reviewers)",
    }
    for role, group in by_role.items():
        latencies = [ms for t in group for ms in t.latencies]
        done = sum(t.done for t in group)
        rows.append(BenchRow(AREA, labels[role], done / elapsed, "/s", "", None))
        rows.append(
            BenchRow(AREA, f"  {role} request p50 / p95",
                     1000 * statistics.median(latencies) if latencies else 0,
                     f"ms / {1000 * _percentile(latencies, 0.95):.0f} ms", "", None)
        )  # fmt: skip
    conflicts = sum(t.conflicts for t in by_role["editor"])
    refused = sum(t.refused for t in by_role["reviewer"])
    rows += [
        BenchRow(AREA, "save conflicts answered 409 (expected under contention)",
                 conflicts, "", "", None),
        BenchRow(AREA, "annotations refused with a message", refused, "", "", None),
        BenchRow(AREA, "errors (5xx, failed connections, unexpected answers)",
                 len(errors), "", "0", not errors),
        BenchRow(AREA, "lost updates (done but not in the database)",
                 counts["lost"], "", "0", counts["lost"] == 0),
    ]  # fmt: skip
    return rows


def _print(rows: list[BenchRow]) -> None:
    from tests.benchmarks.run import _format

    print(_format(rows))


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        import django

        django.setup()
        prepare()
    else:
        _print(run())

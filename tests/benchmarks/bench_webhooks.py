"""Webhook delivery: 1,000 publications, two subscribers, two `db_worker` processes.

In a scratch PostgreSQL database (two workers need real row locks), 1,000 approved
articles are published one transaction each through `article_publish`; two real
receivers on 127.0.0.1 verify every signature (the `standardwebhooks` library) and
note the time of receipt. The table gives deliveries per second (first commit to
last receipt), p50/p95 from a publication's commit to its receipt, how many were
lost (outbox rows never received) and how many arrived twice (only retries of the
same webhook-id may).

Needs PostgreSQL at BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432).
Run alone with `.venv/bin/python -m tests.benchmarks.bench_webhooks`.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.common import BenchRow

AREA = "webhooks"
PUBLISHES = int(os.environ.get("BENCH_WEBHOOK_PUBLISHES", 1_000))
SUBSCRIBERS = 2
WORKERS = 2
ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def _env(database: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.bench",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        "NEWSROOM_WEBHOOK_BACKOFF_SECONDS": "1",
    }


def _child() -> None:
    """Runs with the scratch database in DATABASE_URL; prints the figures as JSON."""
    import django

    django.setup()
    from articles.models import Delivery
    from articles.models.stories import ArticleStatus
    from articles.roles import EDITORS
    from articles.services.distribution import subscription_add
    from articles.services.workflow import article_publish
    from tests.articles.workflow_helpers import article_in
    from tests.distribution.receiver import Receiver
    from tests.factories import UserFactory

    author = UserFactory(username="author", role=EDITORS)
    publisher = UserFactory(username="publisher", role=EDITORS)
    articles = [
        article_in(ArticleStatus.APPROVED, author=author) for _ in range(PUBLISHES)
    ]
    receivers = []
    for _ in range(SUBSCRIBERS):
        receiver = Receiver(secret="").start()
        subscription = subscription_add(url=receiver.url, by=None)
        receiver.secret = subscription.secret
        receivers.append(receiver)
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.05"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(WORKERS)
    ]
    try:
        print(f"{len(articles)} articles ready", file=sys.stderr, flush=True)
        time.sleep(2)  # the workers' start-up
        committed: dict[int, float] = {}
        for article in articles:
            article_publish(article=article, by=publisher)  # commits on return
            committed[article.pk] = time.time()
        print("published", file=sys.stderr, flush=True)
        expected = set(Delivery.objects.values_list("webhook_id", flat=True))
        deadline = time.time() + 300
        while time.time() < deadline:
            seen = {r.webhook_id for rc in receivers for r in rc.accepted()}
            if seen >= expected:
                break
            time.sleep(0.2)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        for receiver in receivers:
            receiver.stop()
    accepted = [r for rc in receivers for r in rc.accepted()]
    received = [r for rc in receivers for r in rc.received]
    first_receipt: dict[str, float] = {}
    for r in sorted(accepted, key=lambda r: r.at):
        first_receipt.setdefault(r.webhook_id, r.at)
    latencies = sorted(
        first_receipt[r.webhook_id] - committed[r.body["data"]["id"]]
        for r in accepted
        if first_receipt[r.webhook_id] == r.at
    )
    unverified = sum(not r.verified for r in received)
    ids_per_event: dict[tuple[int, int, str], set[str]] = {}
    for index, rc in enumerate(receivers):
        for r in rc.accepted():
            key = (index, r.body["data"]["id"], r.body["type"])
            ids_per_event.setdefault(key, set()).add(r.webhook_id)
    span = max(first_receipt.values()) - min(committed.values())
    print(
        json.dumps(
            {
                "deliveries": len(first_receipt),
                "expected": len(expected),
                "per_second": len(first_receipt) / span,
                "publishes_per_second": len(committed)
                / (max(committed.values()) - min(committed.values())),
                "p50": statistics.median(latencies),
                "p95": latencies[int(len(latencies) * 0.95) - 1],
                "lost": len(expected - set(first_receipt)),
                "duplicates": len(accepted) - len(first_receipt),
                "unverified": unverified,
                "split_ids": sum(len(ids) > 1 for ids in ids_per_event.values()),
            }
        )
    )


def run() -> list[BenchRow]:
    import psycopg

    database = f"bench_webhooks_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{SERVER}/postgres", autocommit=True)
    except psycopg.OperationalError:
        return [BenchRow(AREA, "skipped: no PostgreSQL", 0, "", "", None)]
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        env = _env(database)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        out = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_webhooks", "--child"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
    figures = f"{PUBLISHES} publishes, {SUBSCRIBERS} subscribers, {WORKERS} workers"
    return [
        BenchRow(AREA, f"deliveries ({figures})", result["deliveries"], "", "", None),
        BenchRow(
            AREA,
            "publishes per second (one publisher: bounds the next)",
            result["publishes_per_second"],
            "/s",
            "",
            None,
        ),
        BenchRow(AREA, "deliveries per second", result["per_second"], "/s", "", None),
        BenchRow(AREA, "commit to receipt p50", result["p50"], "s", "", None),
        BenchRow(
            AREA,
            "commit to receipt p95",
            result["p95"],
            "s",
            "<= 5",
            result["p95"] <= 5,
        ),
        BenchRow(AREA, "lost", result["lost"], "", "= 0", result["lost"] == 0),
        BenchRow(
            AREA,
            "received twice (retries, same webhook-id)",
            result["duplicates"],
            "",
            "",
            None,
        ),
        BenchRow(
            AREA,
            "one event under two webhook-ids",
            result["split_ids"],
            "",
            "= 0",
            result["split_ids"] == 0,
        ),
        BenchRow(
            AREA,
            "signatures not verified",
            result["unverified"],
            "",
            "= 0",
            result["unverified"] == 0,
        ),
    ]


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        from tests.benchmarks.run import _format

        print(_format(run()))

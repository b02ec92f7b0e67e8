"""Two real `db_worker` processes sending one subscriber's webhooks (PostgreSQL): every
delivery arrives once, and a worker busy with one article never makes the other skip
another article's delivery (the bug of locking the subscription row with it)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction

from articles.models import Delivery
from articles.models.stories import ArticleStatus
from articles.services.distribution import subscription_add
from articles.services.workflow import article_publish
from tests.articles.workflow_helpers import article_in

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def test_two_workers_deliver_every_webhook_once(receiver, editor, settings):
    if connection.vendor != "postgresql":
        pytest.skip("two worker processes need a shared PostgreSQL database")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscription_add(url=receiver.url, secret=receiver.secret, by=None)
    for _ in range(12):
        with transaction.atomic():
            article_publish(article=article_in(ArticleStatus.APPROVED), by=editor)
    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output

    assert set(Delivery.objects.values_list("state", flat=True)) == {"delivered"}
    ids = [r.webhook_id for r in receiver.accepted()]
    assert sorted(ids) == sorted(Delivery.objects.values_list("webhook_id", flat=True))

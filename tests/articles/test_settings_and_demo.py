"""Settings come from the environment; the demo loader is safe and idempotent."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from articles.models import Section, SourceDocument

MANAGE = [sys.executable, "manage.py"]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        [*MANAGE, *args], capture_output=True, text=True, env={**base, **env}
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    run = _run(["check"], DJANGO_SETTINGS_MODULE="newsroom.settings.prod")
    assert run.returncode != 0
    assert "SECRET_KEY is not set" in run.stderr


def test_production_settings_pass_the_deploy_check():
    run = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="newsroom.settings.prod",
        SECRET_KEY="k" * 20 + "a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="desk.example.org",
        CACHE_URL="redis://cache.example.org:6379/0",
    )
    assert run.returncode == 0, run.stderr
    assert "no issues" in run.stdout


def test_the_deploy_check_asks_for_a_shared_cache():
    run = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="newsroom.settings.prod",
        SECRET_KEY="k" * 20 + "a-long-random-production-secret-0123456789",
        ALLOWED_HOSTS="desk.example.org",
    )
    assert run.returncode != 0
    assert "articles.W001" in run.stderr
    assert "CACHE_URL" in run.stderr


def test_database_url_selects_the_database():
    run = _run(
        ["shell", "-c", "from django.db import connection; print(connection.vendor)"],
        DJANGO_SETTINGS_MODULE="newsroom.settings.test",
        DATABASE_URL="postgres://someone@db.example.org:5432/desk",
    )
    assert run.stdout.strip().splitlines()[-1] == "postgresql"


def test_a_malformed_debug_flag_is_an_error_not_a_guess():
    run = _run(["check"], DJANGO_SETTINGS_MODULE="newsroom.settings.dev", DEBUG="maybe")
    assert run.returncode != 0
    assert "DEBUG must be true or false" in run.stderr


@pytest.mark.django_db
def test_seed_demo_refuses_to_create_users_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_working_logins(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert SourceDocument.objects.count() == len(
        list((settings.BASE_DIR / "seeds").glob("*.txt"))
    )
    assert Section.objects.filter(name="Asia", parent__name="World").count() == 1
    users = get_user_model().objects.order_by("username")
    assert [u.username for u in users] == ["editor", "editor2", "reviewer"]
    last_run = out[out.rindex("Demo logins") :]
    for line in last_run.splitlines()[1:]:
        username, password = line.split()[:2]
        assert users.get(username=username).check_password(password)
    assert users.get(username="editor").groups.get().name == "Editors"
    assert users.get(username="reviewer").groups.get().name == "Reviewers"

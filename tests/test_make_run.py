"""`make run HOST=… PORT=…` serves where it is told, and lets that host in."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="needs make")


def _dry_run(*variables: str) -> str:
    result = subprocess.run(
        ["make", "-n", "run", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_run_serves_on_the_host_and_port_given_and_allows_that_host():
    commands = _dry_run("HOST=desk.example.lan", "PORT=8123")
    assert "runserver desk.example.lan:8123" in commands
    assert "localhost,127.0.0.1,desk.example.lan" in commands
    assert "http://desk.example.lan:8123/" in commands


def test_make_run_on_every_interface_allows_any_host_name():
    commands = _dry_run("HOST=0.0.0.0")
    assert "runserver 0.0.0.0:8000" in commands
    assert 'ALLOWED_HOSTS="${ALLOWED_HOSTS:-*}"' in commands

"""Helpers for the concurrency tests: calls started together on real threads.

Each thread gets its own database connection (closed when it ends), so the calls
really race for PostgreSQL's row locks.
"""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.test import Client


def race(*calls: Callable[[], object], join_timeout: float = 60) -> list[object]:
    """Start the calls together, one thread each; return what each returned or
    raised (None for a call still running after `join_timeout` seconds)."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # each test sorts refusals from errors
            results[index] = exc
        finally:
            connections.close_all()  # this thread's own connection

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=join_timeout)
    return results


def skip_unless_postgresql(needs: str) -> None:
    """Skip the test on SQLite, which serialises whole-database writes."""
    if connection.vendor != "postgresql":
        pytest.skip(f"needs {needs}; run with DATABASE_URL=postgres://...")


def logged_in_client(user) -> Client:
    """A client of its own for one thread, answering errors as pages, not raising."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client

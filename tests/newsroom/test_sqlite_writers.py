"""`make run` has the web server and a task worker writing one SQLite file at once.

Two transactions that each read and then write used to collide: the second to
write got "database is locked" at once, whatever the timeout (SQLite will not let a
reader upgrade to a writer while another holds the write lock), and the request
answered 500. With the settings' SQLite options each write transaction takes the
lock when it begins and waits for the other; one that still times out answers the
409 page, as a PostgreSQL conflict does.
"""

import sqlite3
import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.test import RequestFactory

from newsroom.conflicts import MESSAGE, WriteConflictMiddleware, is_write_conflict

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="the SQLite options apply only when the desk runs on SQLite",
)


def _read_then_write(alias, started, errors) -> None:
    try:
        started.wait(timeout=5)
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM counter")
            time.sleep(0.2)  # the other has begun (and read, unless it waits) by now
            cursor.execute("UPDATE counter SET value = value + 1")
    except Exception as error:  # the test reports what each writer met
        errors.append(error)
    finally:
        connections[alias].close()


def _race(path, options) -> tuple[int, list]:
    with sqlite3.connect(path) as setup:
        # As `migrate` does before the server and the worker start (WAL stays set).
        setup.executescript(options.get("init_command", ""))
        setup.execute("CREATE TABLE counter (value integer)")
        setup.execute("INSERT INTO counter VALUES (0)")
    aliases = [f"writer{n}" for n in range(2)]
    for alias in aliases:
        connections.settings[alias] = {
            **connections.settings["default"],
            "NAME": str(path),
            "OPTIONS": options,
            "TEST": {},
        }
    started, errors = threading.Barrier(2), []
    threads = [
        threading.Thread(target=_read_then_write, args=(alias, started, errors))
        for alias in aliases
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for alias in aliases:
        del connections.settings[alias]
    with sqlite3.connect(path) as check:
        [(value,)] = check.execute("SELECT value FROM counter").fetchall()
    return value, errors


def _configured_options() -> dict:
    from newsroom.settings import base

    return base.DATABASES["default"]["OPTIONS"]


def test_two_writers_that_read_first_both_commit_one_after_the_other(
    tmp_path, django_db_blocker
):
    with django_db_blocker.unblock():
        value, errors = _race(tmp_path / "desk.sqlite3", _configured_options())

    assert errors == []
    assert value == 2


def test_without_the_options_the_second_writer_fails_at_once(
    tmp_path, django_db_blocker
):
    with django_db_blocker.unblock():
        value, errors = _race(tmp_path / "desk.sqlite3", {"timeout": 20})

    assert value == 1
    [error] = errors
    assert "locked" in str(error)


def test_sqlite_busy_answers_the_conflict_page_not_500(tmp_path):
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x integer)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as busy:
        # Django raises its own OperationalError from the driver's, as here.
        try:
            raise OperationalError(*busy.args) from busy
        except OperationalError as wrapped:
            error = wrapped
    finally:
        holder.close()
        waiter.close()
    middleware = WriteConflictMiddleware(lambda request: None)

    page = middleware.process_exception(RequestFactory().post("/desk/"), error)

    assert is_write_conflict(error)
    assert page.status_code == 409
    assert MESSAGE in page.content.decode()

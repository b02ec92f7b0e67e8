"""A request the database broke off to keep two writers apart answers 409, not 500.

The services take their locks in one order (an article's row, then its annotations),
so a deadlock should not happen; if one does (or a serialization failure, or a lock
that could not be had, or SQLite still busy with another writer after its timeout),
nothing of the request was written and trying again works: the user is told that,
as a conflict, and the next request goes through.
"""

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

CONFLICT = 409
# PostgreSQL's SQLSTATE codes: serialization_failure, deadlock_detected,
# lock_not_available.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# SQLite's primary result codes SQLITE_BUSY and SQLITE_LOCKED ("database is locked").
RETRYABLE_SQLITE_CODES = frozenset({5, 6})
MESSAGE = (
    "Someone else was changing the same article at that moment, so nothing of "
    "your request was saved. Reload the page and try again."
)


def is_write_conflict(error: BaseException) -> bool:
    """Whether the database refused `error`'s statement only because of another
    transaction (so the same request, tried again, can succeed)."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if code in RETRYABLE_SQLSTATES:
        return True
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    return sqlite_code is not None and sqlite_code & 0xFF in RETRYABLE_SQLITE_CODES


class WriteConflictMiddleware:
    """Turn a write conflict the database reported into a 409 (JSON under /api/)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_write_conflict(exception):
            return None
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": MESSAGE}, status=CONFLICT)
        return render(request, "409.html", {"message": MESSAGE}, status=CONFLICT)

"""`/healthz`: whether this app server can reach its database and its cache.

For load balancers and uptime checks: 200 when both answer, 503 naming what failed.
No authentication, no session, nothing about the data.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")


def _cache() -> None:
    key, value = "healthz", secrets.token_hex(8)
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise RuntimeError("a value written to the cache did not come back")


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Run every check; report each as "ok" or the error's type, never its details."""
    checks: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.exception("health check %s failed", name)
            checks[name] = f"failed: {type(error).__name__}"
        else:
            checks[name] = "ok"
    failed = [name for name, result in checks.items() if result != "ok"]
    return JsonResponse(
        {"status": "failing" if failed else "ok", "checks": checks, "failed": failed},
        status=503 if failed else 200,
    )

"""Rate limits: anonymous clients by address, partner sites by key (a higher rate).

Counts live in Django's cache (shared between app servers in production), one
counter per client and fixed window, updated with `incr` (and `add` for a window's
first request): constant work per request and atomic on memcached and Redis. Rates
come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] ("anon", "partner"), read on each
request.
"""

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from articles.models import ApiKey

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/min' -> (120, 60): requests allowed and the window in seconds."""
    count, period = rate.split("/")
    return int(count), _PERIODS[period.strip()[0]]


class WindowThrottle(BaseThrottle):
    """A fixed-window request counter in the cache, per scope and client."""

    scope = ""

    def client_id(self, request: Request) -> str | None:
        """Who is counted, or None when this throttle does not apply to the request."""
        raise NotImplementedError

    def allow_request(self, request: Request, view) -> bool:
        ident = self.client_id(request)
        return ident is None or self.allow(ident)

    def allow(self, ident: str) -> bool:
        """Count a request of client `ident`; whether it is within the rate."""
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if rate is None:
            return True
        limit, period = parse_rate(rate)
        now = time.time()
        window = int(now // period)
        digest = hashlib.blake2b(ident.encode(), digest_size=10).hexdigest()
        key = f"api-throttle:{self.scope}:{digest}:{window}"
        try:
            count = cache.incr(key)
        except ValueError:  # the window's first request (or one just before it)
            count = 1 if cache.add(key, 1, timeout=period + 1) else cache.incr(key)
        self._wait = period - (now % period)
        return count <= limit

    def wait(self) -> float | None:
        return getattr(self, "_wait", None)


class AnonymousThrottle(WindowThrottle):
    """Requests without an API key, counted by client address."""

    scope = "anon"

    def client_id(self, request: Request) -> str | None:
        if isinstance(request.auth, ApiKey):
            return None
        return self.get_ident(request)


def anonymous_allowed(request: HttpRequest) -> bool:
    """The anonymous throttle for a plain Django request that carries no API key
    (the fast path, `fast.py`): counted as the DRF views count it."""
    throttle = AnonymousThrottle()
    ident = throttle.get_ident(request)
    return ident is None or throttle.allow(ident)


class PartnerThrottle(WindowThrottle):
    """Requests with a partner's API key, counted by key."""

    scope = "partner"

    def client_id(self, request: Request) -> str | None:
        if isinstance(request.auth, ApiKey):
            return str(request.auth.pk)
        return None

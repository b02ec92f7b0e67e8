"""Security pieces: private caching of desk pages, the client address, lockouts."""

from collections.abc import Callable

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

LOCKED_OUT = 429


class PrivateCacheMiddleware:
    """`Cache-Control: private` on the pages of one user (the desk, the admin).

    A shared cache (a proxy, a CDN) must never keep a page that shows one person's
    queue or an unpublished draft; the user's own browser may.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixes = tuple(settings.PRIVATE_PATH_PREFIXES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(self.prefixes):
            patch_cache_control(response, private=True)
        return response


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, read as DRF reads it for the API's throttles.

    With API_NUM_PROXIES proxies in front, the address the outermost one saw is that
    far from the right of X-Forwarded-For; with none, the header is ignored (anyone
    can send it) and REMOTE_ADDR is the client.
    """
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request: HttpRequest, credentials: dict | None) -> HttpResponse:
    """The log-in page's answer once django-axes has locked an account or address."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=LOCKED_OUT)

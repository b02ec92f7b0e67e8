"""Who may open a desk page, and the page a refused user gets instead of a bare 403."""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Article


def desk_context(request: HttpRequest, **context) -> dict:
    """The admin's chrome (header, theme) around a desk page, without its sidebar:
    the desk needs the width."""
    return {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "opts": Article._meta,
        **context,
    }


def desk_forbidden(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A desk page saying what the user may not do, with the way back (status 403)."""
    context = desk_context(
        request,
        title="Not open to you",
        reason=reason or "Your role does not include this page.",
    )
    response = TemplateResponse(request, "desk/403.html", context, status=403)
    return response.render()


def desk_view(permission: str) -> Callable:
    """Staff only, with `permission`; anonymous users go to the log-in page, refused
    ones get the desk's own 403 page."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("desk:login"))
            if not (request.user.is_active and request.user.is_staff):
                return desk_forbidden(request, "Only newsroom staff use the desk.")
            if not request.user.has_perm(permission):
                return desk_forbidden(request)
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as exc:
                return desk_forbidden(request, str(exc))

        return wrapped

    return decorator

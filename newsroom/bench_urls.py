"""The project's URLs plus the benchmark's baseline: a constant-response view that
goes through the same middleware (only in newsroom.settings.bench)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as project_urlpatterns

CONSTANT = b'{"ok":true}'


def constant(request: HttpRequest) -> HttpResponse:
    """The cheapest Django answer: what every API figure is compared with."""
    return HttpResponse(CONSTANT, content_type="application/json")


urlpatterns = [path("bench/constant/", constant), *project_urlpatterns]

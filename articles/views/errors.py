"""The error pages: JSON under /api/ (what API clients parse), HTML elsewhere."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def not_found(request: HttpRequest, **kwargs) -> HttpResponse:
    """For a custom admin URL whose id is not a number: the admin's own catch-all
    would redirect it to a change page that cannot exist."""
    raise Http404("No such object.")


def server_error(request: HttpRequest) -> HttpResponse:
    """Nothing about the failure is shown: it is in the server's log."""
    if _is_api(request):
        return JsonResponse(
            {"detail": "The server could not answer this request; try again later."},
            status=500,
        )
    return defaults.server_error(request)

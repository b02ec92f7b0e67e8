"""The API's common polls answered in plain Django, byte for byte as the DRF views.

Downstream sites poll the article list (all of it or one section's, as JSON or
ninjs) and single articles, anonymously, accepting anything. For these requests
DRF's per-request machinery (its Request, authentication, throttle and negotiation
classes, Response and renderer dispatch) costs more than the work itself, so they
are answered here with the views' own pieces: the anonymous throttle, the query
checks, the paginator's precompiled page SQL and the renderers. A list page, once
finished, is kept for the public state it was built in (FINISHED_PAGES): polled
again before anything is published, it costs the version probe alone.

Anything else gets None, and the DRF view answers it: an API key, an Accept header
other than */*, a parameter the poll does not use or gives twice, a value the view
would refuse, an article that is missing or retracted, a client over its rate
(whom the view counts once more and refuses). Nothing that could still go to the
view is counted against the rate, except a client already refused. The conditional
check (`caching.py`) wraps both paths, so validators and 304s are shared;
tests/api/test_fast_path.py holds the two to the same status, headers and body.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, QueryDict
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer

from articles.api import caching, filters, pagination
from articles.api.renderers import (
    NinjsRenderer,
    PublicJSONRenderer,
    RawJSON,
    StoredNinjs,
)
from articles.api.throttling import anonymous_allowed
from articles.selectors.public import PageKey, public_article_detail

Answer = Callable[..., HttpResponse | None]

# What DRF's APIView adds to each of these views' responses (its
# default_response_headers: the allowed methods, and Vary for a choice of renderers).
ALLOW = "GET, HEAD, OPTIONS"
VARY = "Accept"
LIST_PARAMETERS = frozenset({"page_size", "cursor", "format", "section"})
DETAIL_PARAMETERS = frozenset({"format"})
KEY_HEADERS = ("HTTP_X_API_KEY", "HTTP_AUTHORIZATION")


@dataclass(frozen=True)
class Format:
    """A format the fast path serves: its renderer and the stored rendition."""

    renderer: BaseRenderer
    document: str  # the PublicArticle column (see selectors.public.DOCUMENTS)
    stored: type[RawJSON]

    @functools.cached_property
    def content_type(self) -> str:
        """As DRF's Response words it from the renderer."""
        charset = self.renderer.charset
        media_type = self.renderer.media_type
        return f"{media_type}; charset={charset}" if charset else media_type


JSON = Format(PublicJSONRenderer(), "payload", RawJSON)
# An empty `format` is no format, as for DRF: the first renderer, JSON.
FORMATS = {
    "": JSON,
    "json": JSON,
    "ninjs": Format(NinjsRenderer(), "ninjs", StoredNinjs),
}


@dataclass(frozen=True)
class ListPoll:
    """A list request the fast path can answer, its query read and checked."""

    format: Format
    section: int | str | None
    size: int
    key: PageKey | None
    backwards: bool


def _plain(request: HttpRequest) -> bool:
    """Whether the request carries no API key and accepts anything."""
    meta = request.META
    return meta.get("HTTP_ACCEPT", "*/*") == "*/*" and not any(
        header in meta for header in KEY_HEADERS
    )


def _format(query: QueryDict, parameters: frozenset[str]) -> Format | None:
    """The format asked for if the query gives only `parameters`, each once."""
    for name, values in query.lists():
        if name not in parameters or len(values) != 1:
            return None
    return FORMATS.get(query.get("format", ""))


@caching.remembered_per_query
def _list_query(request: HttpRequest) -> ListPoll | None:
    format = _format(request.GET, LIST_PARAMETERS)
    if format is None:
        return None
    section = None
    if "section" in request.GET:
        section = filters.hot_section(request.GET["section"])
        if section is filters.INVALID:
            return None
    try:
        size = pagination.page_size_from(request)
        key, backwards = pagination.PublishedPagination().decode_cursor(request)
    except ValidationError:
        return None
    return ListPoll(format, section, size, key, backwards)


@caching.remembered_per_query
def _detail_format(request: HttpRequest) -> Format | None:
    return _format(request.GET, DETAIL_PARAMETERS)


def list_poll(request: HttpRequest) -> ListPoll | None:
    """The list request as the fast path reads it, or None if it is not one it
    answers (no database or cache work; a repeated query is not parsed again)."""
    return _list_query(request) if _plain(request) else None


# A page of 100 ninjs items is some 300 KB; the common polls are a few dozen pages.
FINISHED_PAGES = caching.VersionedPages(max_pages=256, max_bytes=16 * 2**20)


def article_list(request: HttpRequest) -> HttpResponse | None:
    """A page of the article list, all of it or a section's tree (the view's
    unfiltered path), or None. A page already built under the public state the
    conditional check read (`request.public_state`) is sent again as it was."""
    poll = list_poll(request)
    if poll is None or not anonymous_allowed(request):
        return None
    url = request.build_absolute_uri()
    state = getattr(request, "public_state", None)
    page = None if state is None else FINISHED_PAGES.get(state, url)
    if page is None:
        page = _finished_page(request, poll, url)
        if state is not None:
            FINISHED_PAGES.put(state, url, page)
    response = HttpResponse(page.body, content_type=poll.format.content_type)
    if page.link:
        response.headers["Link"] = page.link
    return _with_view_headers(response)


def _finished_page(
    request: HttpRequest, poll: ListPoll, url: str
) -> caching.FinishedPage:
    paginator = pagination.PublishedPagination()
    rows = paginator.paginate(
        None,
        base_url=url,
        size=poll.size,
        key=poll.key,
        backwards=poll.backwards,
        document=poll.format.document,
        section=poll.section,
    )
    page = paginator.page([poll.format.stored(row.payload_text) for row in rows])
    body = poll.format.renderer.render(
        page, poll.format.renderer.media_type, {"request": request}
    )
    return caching.FinishedPage(body, pagination.link_header(page))


def article_detail(request: HttpRequest, pk: str) -> HttpResponse | None:
    """A live article, or None (a missing or retracted one is the view's 404 or
    410). The row is read before the client is counted, so that only an answer
    given here counts."""
    format = _detail_format(request) if _plain(request) else None
    article_id = filters.article_id(pk)
    if format is None or article_id is None:
        return None
    row = public_article_detail(article_id=article_id, document=format.document)
    if row is None or row["retracted_at"] is not None:
        return None
    if not anonymous_allowed(request):
        return None
    response = _with_view_headers(
        _rendered(request, format, format.stored(row["payload_text"]))
    )
    response.public_state = row["state"]  # its validators (caching.py)
    return response


def answered_first(answer: Answer, view: Callable[..., HttpResponse]) -> Callable:
    """`view` behind `answer`: a GET that `answer` takes is answered there, any
    other request by `view` (whose attributes, such as DRF's `cls`, it keeps)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "GET":
            response = answer(request, **kwargs)
            if response is not None:
                return response
        return view(request, *args, **kwargs)

    return wrapped


def _rendered(request: HttpRequest, format: Format, data: object) -> HttpResponse:
    body = format.renderer.render(
        data, format.renderer.media_type, {"request": request}
    )
    return HttpResponse(body, content_type=format.content_type)


def _with_view_headers(response: HttpResponse) -> HttpResponse:
    response.headers["Allow"] = ALLOW
    response.headers["Vary"] = VARY
    return response

"""Conditional GET for public responses, answered from the one-row version probe.

The ETag and Last-Modified of every public article response derive from
`PublicVersion` (moved by each publish, correction and retraction, and by a section
move or slug change) and from what selects the representation (path, query string,
Accept, host). They are computed before the view does any other work, so a poll that
changed nothing costs one primary-key query and no rendering, authentication or
throttling; only its query string is checked first (a parameter the view would refuse
is a 400, never a 304). The state read is left on the request (`public_state`) for
the view: the fast path keeps finished list pages under it (`VersionedPages`).
Once a view has checked a path, a conditional request of it is checked before URL
resolution (`EarlyNotModifiedMiddleware`), with the view's own check.
"""

import functools
import hashlib
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag

from articles.selectors.public import (
    PublicState,
    public_article_state,
    public_state,
)

# Downstream sites poll; a shared cache may serve a response for this long.
PUBLIC_MAX_AGE = 60
CACHE_CONTROL = f"public, max-age={PUBLIC_MAX_AGE}"
VARY = ("Accept",)
VARY_HEADER = ", ".join(VARY)

View = Callable[..., HttpResponse]
QueryCheck = Callable[[HttpRequest], bool]


def _any_query(request: HttpRequest) -> bool:
    return True


@dataclass(frozen=True)
class Validators:
    """What a response is validated by: its ETag, and times in whole seconds.

    `modified` is when the public state last changed; `last_modified` is what the
    response says, never later than now (RFC 9110 8.8.2.1). Requests are compared
    with `modified`, so a change still ahead of the clock is never reported fresh.
    """

    etag: str
    modified: int | None = None
    last_modified: int | None = None


def public_validators(request: HttpRequest, state: PublicState) -> Validators:
    """The validators for `request` in public state `state`."""
    meta = request.META
    validators = _validators(
        state,
        # CommonMiddleware has validated the host against ALLOWED_HOSTS.
        meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""),
        request.scheme,
        request.path,
        meta.get("QUERY_STRING", ""),
        meta.get("HTTP_ACCEPT", ""),
    )
    if validators.modified is not None:
        now = int(time.time())
        if validators.modified > now:
            return Validators(validators.etag, validators.modified, now)
    return validators


@functools.lru_cache(maxsize=1024)
def _validators(state: PublicState, *selector: str) -> Validators:
    """The validators of a state and what selects the representation (polls repeat
    both), dated as if the change were not ahead of the clock."""
    digest = hashlib.blake2b("\n".join(selector).encode(), digest_size=8).hexdigest()
    etag = quote_etag(f"{state.counter}-{digest}")
    if state.changed_at is None:
        return Validators(etag)
    # Rounded up: a response dated in the second of a change (Last-Modified has
    # whole seconds) must not validate a copy made before the change.
    modified = math.ceil(state.changed_at.timestamp())
    return Validators(etag, modified, modified)


def is_not_modified(request: HttpRequest, validators: Validators) -> bool:
    """Whether the client's copy is current (If-None-Match wins over the date).

    Validators are only sent with a 200, so a match means this URL answered 200 in
    this same public state. "*" is not honoured: whether the resource exists is
    known only after the work the probe is there to avoid.
    """
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match == validators.etag:
        return True
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        return any(_weak_equal(tag, validators.etag) for tag in tags)
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if not if_modified_since:
        return False
    since = parse_http_date_safe(if_modified_since)
    return (
        since is not None
        and validators.modified is not None
        and validators.modified <= since
    )


def set_public_headers(
    response: HttpResponse, validators: Validators | None = None
) -> HttpResponse:
    """Cache-Control for anyone, Vary, and the validators on a successful response."""
    if "Cache-Control" in response.headers:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        response.headers["Cache-Control"] = CACHE_CONTROL
    if response.headers.get("Vary", VARY_HEADER) == VARY_HEADER:
        response.headers["Vary"] = VARY_HEADER  # as patching would leave it
    else:
        patch_vary_headers(response, VARY)
    if validators and response.status_code in (200, 304):
        response.headers["ETag"] = validators.etag
        if validators.last_modified is not None:
            response.headers["Last-Modified"] = _http_date(validators.last_modified)
    return response


def not_modified(validators: Validators) -> HttpResponseNotModified:
    """The 304 for a current copy: what `set_public_headers` gives an empty one."""
    # A 304 has no Content-Type: naming one saves working out the default charset.
    response = HttpResponseNotModified(content_type="")
    headers = response.headers
    headers["Cache-Control"] = CACHE_CONTROL
    headers["Vary"] = VARY_HEADER
    headers["ETag"] = validators.etag
    if validators.last_modified is not None:
        headers["Last-Modified"] = _http_date(validators.last_modified)
    return response


REMEMBERED_ANSWERS = 1024
_UNKNOWN = object()
T = TypeVar("T")


def remembered_per_query(check: Callable[[HttpRequest], T]) -> Callable[..., T]:
    """`check`, computed once per query string and Accept header, which are all it
    may read (its answers must be immutable): polls repeat both, so a repeated poll
    parses no query. At most REMEMBERED_ANSWERS are kept, a few MB at worst; past
    that they are forgotten all at once."""
    answers: dict[tuple[str, str | None], T] = {}

    @functools.wraps(check)
    def remembered(request: HttpRequest) -> T:
        meta = request.META
        key = (meta.get("QUERY_STRING", ""), meta.get("HTTP_ACCEPT"))
        answer = answers.get(key, _UNKNOWN)
        if answer is _UNKNOWN:
            if len(answers) >= REMEMBERED_ANSWERS:
                answers.clear()
            answer = answers[key] = check(request)
        return answer

    return remembered


@dataclass(frozen=True)
class FinishedPage:
    """A list page as sent: its body and its Link header (None without one)."""

    body: bytes
    link: str | None


class VersionedPages:
    """Finished list pages of one public version, in this process.

    A page's bytes follow from the public rows, which move the version probe
    whenever they change, and from its absolute URL (host, query and all: its
    links repeat it). So a page found here under the state the probe just read is
    the page the query would build. Only the newest state's pages are kept: a
    state never seen before drops them all. At most `max_pages` pages and
    `max_bytes` of bodies and URLs; past either, the oldest go first. A state
    without a change time (no version row: a flushed test database) tells one
    archive from no other, so its pages are not kept. Safe for threaded servers: a
    lookup reads the state and its pages as one pair.
    """

    def __init__(self, *, max_pages: int, max_bytes: int) -> None:
        self.max_pages = max_pages
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self._kept: tuple[PublicState | None, dict[str, FinishedPage]] = (None, {})
        self._bytes = 0

    def get(self, state: PublicState, url: str) -> FinishedPage | None:
        kept_state, pages = self._kept
        return pages.get(url) if state == kept_state else None

    def put(self, state: PublicState, url: str, page: FinishedPage) -> None:
        size = _size(url, page)
        if size > self.max_bytes or state.changed_at is None:
            return
        with self._lock:
            if state != self._kept[0]:
                self._kept, self._bytes = (state, {}), 0
            pages = self._kept[1]
            previous = pages.pop(url, None)
            if previous is not None:
                self._bytes -= _size(url, previous)
            while pages and (
                len(pages) >= self.max_pages or self._bytes + size > self.max_bytes
            ):
                oldest = next(iter(pages))
                self._bytes -= _size(oldest, pages.pop(oldest))
            pages[url] = page
            self._bytes += size


def _size(url: str, page: FinishedPage) -> int:
    return len(url) + len(page.body) + len(page.link or "")


def public_conditional(view: View, *, query_valid: QueryCheck = _any_query) -> View:
    """Answer GET and HEAD with 304 when the client's ETag or date is still current
    and `query_valid(request)` (a query the view would refuse is its 400)."""
    return _conditional(view, lambda kwargs: public_state(), query_valid)


def article_conditional(view: View, *, query_valid: QueryCheck = _any_query) -> View:
    """As `public_conditional`, validated by the article's own version: publishing
    another article does not invalidate this one's copies. An id without a public
    row (404) falls back to the global probe, which moves when it is published.

    A request without If-None-Match or If-Modified-Since is not probed: the view
    reads the article's version with its payload (one query) and hands it over
    as `response.public_state`.
    """

    def state(kwargs: dict) -> PublicState:
        pk = str(kwargs.get("pk", ""))
        if pk.isascii() and pk.isdigit() and 0 < int(pk) < 2**63:
            found = public_article_state(article_id=int(pk))
            if found is not None:
                return found
        return public_state()

    return _conditional(view, state, query_valid, state_from_view=True)


Check = Callable[[HttpRequest, dict], HttpResponse | None]


def _conditional(
    view: View,
    state_for: Callable[[dict], PublicState],
    query_valid: QueryCheck,
    *,
    state_from_view: bool = False,
) -> View:
    def check(request: HttpRequest, kwargs: dict) -> HttpResponse | None:
        """The 304 if the client's copy is current, else None; the state read and
        its validators are left on the request either way."""
        state = state_for(kwargs)
        # What the view may key work on (fast.py's finished pages).
        request.public_state = state
        validators = request.public_validators = public_validators(request, state)
        if is_not_modified(request, validators) and query_valid(request):
            return not_modified(validators)
        return None

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        # Set when EarlyNotModifiedMiddleware has already checked this request.
        validators = getattr(request, "public_validators", None)
        if validators is None and (not state_from_view or _asks_conditionally(request)):
            CHECKED_PATHS.remember(request, check, kwargs)
            answer = check(request, kwargs)
            if answer is not None:
                return answer
            validators = request.public_validators
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 404, 410):
            state = getattr(response, "public_state", None)
            if validators is None and state is not None:
                validators = public_validators(request, state)
            set_public_headers(response, validators)
        else:
            patch_cache_control(response, no_store=True)
        return response

    return wrapped


class CheckedPaths:
    """The paths whose conditional requests a view's check has answered, with that
    check and the keyword arguments their URL resolved to: the same path resolves
    the same way under the same URLconf, so a repeated conditional request can be
    checked before URL resolution. At most `limit` are kept; past that they are
    forgotten all at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._checks: dict[tuple, tuple[Check, dict]] = {}

    def remember(self, request: HttpRequest, check: Check, kwargs: dict) -> None:
        if len(self._checks) >= self.limit:
            self._checks.clear()
        self._checks[_path_key(request)] = (check, kwargs)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        """The 304 for a conditional GET or HEAD of a known path, else None."""
        found = self._checks.get(_path_key(request))
        return None if found is None else found[0](request, found[1])

    def clear(self) -> None:
        self._checks.clear()


# A poll's list URL, or one of the articles it lists.
CHECKED_PATHS = CheckedPaths(limit=4096)


def _path_key(request: HttpRequest) -> tuple:
    return (
        getattr(request, "urlconf", None) or settings.ROOT_URLCONF,
        request.path_info,
    )


class EarlyNotModifiedMiddleware:
    """A conditional poll of a path already checked (`CheckedPaths`), answered
    before URL resolution: its 304 is the view's, for the same one probe query.
    A request that is not fresh goes on to the view with what was read (the view
    does not probe again). Last in MIDDLEWARE, so that every other middleware
    sees the 304 as it sees the view's."""

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _asks_conditionally(request) and request.method in ("GET", "HEAD"):
            answer = CHECKED_PATHS.check(request)
            if answer is not None:
                return answer
        return self.get_response(request)


def content_conditional(view: View) -> View:
    """ETag from the rendered content, for resources not covered by the probe.

    Sections and entities change without a publication (an editor renames one), so
    their validator is a hash of what was rendered: it saves the transfer, not the work.
    """

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            patch_cache_control(response, no_store=True)
            return response
        if callable(getattr(response, "render", None)):
            response.render()
        digest = hashlib.blake2b(response.content, digest_size=12).hexdigest()
        validators = Validators(quote_etag(digest))
        if is_not_modified(request, validators):
            return not_modified(validators)
        return set_public_headers(response, validators)

    return wrapped


def _asks_conditionally(request: HttpRequest) -> bool:
    meta = request.META
    return "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta


@functools.lru_cache(maxsize=64)
def _http_date(timestamp: int) -> str:
    return http_date(timestamp)


def _weak_equal(a: str, b: str) -> bool:
    return a.removeprefix("W/") == b.removeprefix("W/")

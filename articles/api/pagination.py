"""Cursor pagination: a stable order, no COUNT over the table, strict parameters.

Articles are paged by key: (published_at, id), newest first. A cursor holds the key
of the row it continues from, so pages stay stable while articles are published and
no OFFSET is ever scanned. Sections, entities and corrections use DRF's cursor
pagination with the same strictness. DRF answers a garbled cursor with 404 and clamps
a bad page size silently; here both are a 400 that says what was wrong.

Next and previous pages are in the body and in a `Link` header (RFC 8288), so that
formats without an envelope (JSON-LD) can be paged too.
"""

import base64
import binascii
import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, Cursor, CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from articles.selectors.public import PageKey, PageRow, public_article_page

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20
PAGE_SIZE_PARAM = "page_size"
CURSOR_PARAM = "cursor"
CURSOR_ERROR = "Invalid cursor: follow the next and previous links as given."


def page_size_from(request: Request | HttpRequest, default: int = PAGE_SIZE) -> int:
    """The `page_size` parameter, 1 to 100 (empty: the default, as for every
    parameter); raises ValidationError (400) otherwise. `request` is DRF's or
    Django's (the conditional check runs before DRF)."""
    raw = request.GET.get(PAGE_SIZE_PARAM)
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise ValidationError(
            {
                PAGE_SIZE_PARAM: [
                    f"Give a whole number from 1 to {MAX_PAGE_SIZE}, not {raw[:40]!r}."
                ]
            }
        )
    return int(raw)


def link_header(page: dict) -> str | None:
    """A page's next and previous URLs as a Link header value, if it has either."""
    links = [
        f'<{url}>; rel="{rel}"'
        for url, rel in ((page["next"], "next"), (page["previous"], "prev"))
        if url
    ]
    return ", ".join(links) or None


def with_link_header(response: Response) -> Response:
    """Repeat the body's next and previous URLs in a Link header."""
    header = link_header(response.data)
    if header:
        response.headers["Link"] = header
    return response


PAGE_SIZE_SCHEMA = {
    "name": PAGE_SIZE_PARAM,
    "required": False,
    "in": "query",
    "description": f"Results per page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}).",
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
}
CURSOR_SCHEMA = {
    "name": CURSOR_PARAM,
    "required": False,
    "in": "query",
    "description": "Opaque: follow the `next` and `previous` links.",
    "schema": {"type": "string"},
}


class PublishedPagination(BasePagination):
    """Keyset pages of public articles, newest first: (published_at, id) descending.

    `paginate_queryset` takes the filtered queryset, or None for every live article
    or those of one `section` tree (then the page comes from a precompiled query:
    the common polls).
    """

    def paginate_queryset(
        self,
        queryset: QuerySet | None,
        request: Request,
        view=None,
        *,
        document: str = "payload",
        section: int | str | None = None,
    ) -> list[PageRow]:
        key, backwards = self.decode_cursor(request)
        return self.paginate(
            queryset,
            base_url=request.build_absolute_uri(),
            size=page_size_from(request),
            key=key,
            backwards=backwards,
            document=document,
            section=section,
        )

    def paginate(
        self,
        queryset: QuerySet | None,
        *,
        base_url: str,
        size: int,
        key: PageKey | None,
        backwards: bool,
        document: str = "payload",
        section: int | str | None = None,
    ) -> list[PageRow]:
        """As `paginate_queryset`, with the request's page size and cursor read."""
        self.base_url = base_url
        rows = public_article_page(
            queryset,
            key=key,
            backwards=backwards,
            limit=size + 1,
            document=document,
            section=section,
        )
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        has_next = more if not backwards else key is not None
        has_previous = key is not None if not backwards else more
        self.next_key = rows[-1].key if rows and has_next else None
        self.previous_key = rows[0].key if rows and has_previous else None
        return rows

    def page(self, results: list) -> dict:
        """The page's body: links to the next and previous pages, and `results`."""
        return {
            "next": self.link(self.next_key, backwards=False),
            "previous": self.link(self.previous_key, backwards=True),
            "results": results,
        }

    def get_paginated_response(self, data) -> Response:
        return with_link_header(Response(self.page(data)))

    def link(self, key: PageKey | None, *, backwards: bool) -> str | None:
        if key is None:
            return None
        token = f"{'b' if backwards else 'f'}|{key.published_at.isoformat()}|{key.id}"
        encoded = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
        return replace_query_param(self.base_url, CURSOR_PARAM, encoded)

    def decode_cursor(
        self, request: Request | HttpRequest
    ) -> tuple[PageKey | None, bool]:
        """The key to continue from and the direction; ValidationError if garbled."""
        encoded = request.GET.get(CURSOR_PARAM)
        if not encoded:
            return None, False
        try:
            padded = encoded + "=" * (-len(encoded) % 4)
            token = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
            direction, stamp, pk = token.split("|")
            published_at = parse_datetime(stamp)
            if direction not in ("f", "b") or published_at is None:
                raise ValueError(token)
            if published_at.tzinfo is None or not pk.isdigit():
                raise ValueError(token)
            key = PageKey(published_at.astimezone(datetime.UTC), int(pk))
            if key.id > 2**63 - 1:
                raise ValueError(token)
        except (ValueError, UnicodeError, binascii.Error, OverflowError):
            raise ValidationError({CURSOR_PARAM: [CURSOR_ERROR]}) from None
        return key, direction == "b"

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [CURSOR_SCHEMA, PAGE_SIZE_SCHEMA]

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return _page_schema(schema)


class StrictCursorPagination(CursorPagination):
    """DRF's cursor pagination with `page_size` (1..100) and validated cursors."""

    page_size = PAGE_SIZE
    page_size_query_param = PAGE_SIZE_PARAM
    max_page_size = MAX_PAGE_SIZE
    template = None

    def get_page_size(self, request: Request) -> int:
        return page_size_from(request, self.page_size)

    def get_paginated_response(self, data) -> Response:
        return with_link_header(super().get_paginated_response(data))

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [CURSOR_SCHEMA, PAGE_SIZE_SCHEMA]

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return _page_schema(schema)

    def decode_cursor(self, request: Request) -> Cursor | None:
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                self.parse_position(cursor.position)
        except (NotFound, ValueError, TypeError, OverflowError):
            raise ValidationError({CURSOR_PARAM: [CURSOR_ERROR]}) from None
        return cursor

    def parse_position(self, position: str) -> object:
        """The ordering field's value in a cursor; raises ValueError if malformed."""
        return int(position)


class IdCursorPagination(StrictCursorPagination):
    """Newest first by id."""

    ordering = ("-id",)


class EntityCursorPagination(StrictCursorPagination):
    """By name (then id)."""

    ordering = ("name", "id")

    def parse_position(self, position: str) -> str:
        if "\x00" in position:
            raise ValueError(position)
        return position


def _page_schema(schema: dict) -> dict:
    link = {"type": "string", "format": "uri", "nullable": True}
    return {
        "type": "object",
        "required": ["next", "previous", "results"],
        "properties": {"next": link, "previous": link, "results": schema},
    }

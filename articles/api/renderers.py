"""Renderers: JSON that splices the stored payloads in as they are, ninjs and JSON-LD.

Views hand renderers `RawJSON` (one stored article payload, never decoded on the JSON
path) or a page {"next", "previous", "results": [RawJSON, ...]}; for ninjs, the
stored ninjs items (`StoredNinjs`), spliced in with the host put before their paths.
Anything else (an error, a section list) is ordinary data.
"""

import json
from collections.abc import Callable
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

from articles.api import formats


class RawJSON(str):
    """A JSON document already serialized: written out unchanged."""


class StoredNinjs(RawJSON):
    """A ninjs item as stored at publication (`formats.ninjs_stored`): uri a path."""


def dumps(value: Any) -> str:
    """Serialize `value` as compact JSON, splicing RawJSON parts in verbatim."""
    if isinstance(value, RawJSON):
        return value
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                f"{_encode(str(key))}:{dumps(item)}" for key, item in value.items()
            )
            + "}"
        )
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(item) for item in value) + "]"
    return _encode(value)


_encode = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), default=JSONEncoder().default
).encode


class PublicJSONRenderer(JSONRenderer):
    """Plain JSON, the default; stored payloads are copied, not re-encoded."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return dumps(data).encode("utf-8")


class _ArticleDocumentRenderer(BaseRenderer):
    """Turns stored payloads into another standard's documents; other data is JSON."""

    charset = "utf-8"
    item: Callable[..., dict[str, Any]]

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        base_url = _base_url(renderer_context)
        if isinstance(data, RawJSON):
            data = self.document(json.loads(data), base_url=base_url)
        elif isinstance(data, dict) and _is_article_page(data):
            data = self.page(data, base_url=base_url)
        return dumps(data).encode("utf-8")

    def document(self, payload: dict[str, Any], *, base_url: str) -> dict[str, Any]:
        return type(self).item(payload, base_url=base_url)

    def page(self, data: dict[str, Any], *, base_url: str) -> dict[str, Any]:
        return {
            **data,
            "results": [
                self.document(json.loads(raw), base_url=base_url)
                for raw in data["results"]
            ],
        }


class NinjsRenderer(_ArticleDocumentRenderer):
    """IPTC ninjs 2.2 (`?format=ninjs`); a page keeps the JSON envelope."""

    media_type = "application/ninjs+json"
    format = "ninjs"
    item = staticmethod(formats.to_ninjs)

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        """Stored ninjs items are spliced in with the host; payloads are converted."""
        if isinstance(data, StoredNinjs):
            base_url = _base_url(renderer_context)
            return formats.ninjs_absolute(data, base_url=base_url).encode("utf-8")
        if isinstance(data, dict) and _is_article_page(data, kind=StoredNinjs):
            base_url = _base_url(renderer_context)
            results = [
                RawJSON(formats.ninjs_absolute(item, base_url=base_url))
                for item in data["results"]
            ]
            return dumps({**data, "results": results}).encode("utf-8")
        return super().render(data, accepted_media_type, renderer_context)


class JsonLdRenderer(_ArticleDocumentRenderer):
    """schema.org JSON-LD (`?format=jsonld`): NewsArticle, a page is an ItemList."""

    media_type = "application/ld+json"
    format = "jsonld"
    item = staticmethod(formats.to_jsonld)

    def page(self, data: dict[str, Any], *, base_url: str) -> dict[str, Any]:
        payloads = [json.loads(raw) for raw in data["results"]]
        return formats.jsonld_list(payloads, base_url=base_url)


def _base_url(renderer_context: dict | None) -> str:
    request = (renderer_context or {}).get("request")
    return f"{request.scheme}://{request.get_host()}" if request else ""


def _is_article_page(data: dict[str, Any], *, kind: type = RawJSON) -> bool:
    results = data.get("results")
    return isinstance(results, list) and all(isinstance(r, kind) for r in results)

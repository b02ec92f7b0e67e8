"""The stored article payload as IPTC ninjs 2.2 and as schema.org JSON-LD.

Plain functions from the payload (see articles.services.publishing.public_payload)
to documents; `base_url` ("https://host") turns the payload's paths into the absolute
URIs both standards want.
"""

import functools
import json
from html import escape
from typing import Any

from django.conf import settings

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"

# The payload's entity kinds as ninjs arrays and as schema.org types.
NINJS_ENTITY_ARRAYS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "event": "events",
}
SCHEMA_ORG_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "place": "Place",
    "event": "Event",
}
# Verdicts on a 1 (false) to 5 (true) scale for ClaimReview's ratingValue.
VERDICT_RATINGS = {
    "false": 1,
    "misleading": 2,
    "unproven": 3,
    "mostly_true": 4,
    "true": 5,
}


def language_tag() -> str:
    """The desk's language as an IETF BCP 47 tag ("en-GB")."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def body_text(payload: dict[str, Any]) -> str:
    """The body as plain text: blocks separated by blank lines."""
    return "\n\n".join(block["text"] for block in payload["body"])


def body_html(payload: dict[str, Any]) -> str:
    """The body as HTML: <p> for paragraphs, <h2> for sub-headings; text escaped."""
    tags = {"paragraph": "p", "subheading": "h2"}
    return "".join(
        f"<{tags.get(block['type'], 'p')}>{escape(block['text'], quote=False)}"
        f"</{tags.get(block['type'], 'p')}>"
        for block in payload["body"]
    )


def to_ninjs(payload: dict[str, Any], *, base_url: str) -> dict[str, Any]:
    """One article as a ninjs 2.2 news item."""
    text = body_text(payload)
    item: dict[str, Any] = {
        "uri": base_url + payload["url"],
        "standard": {"name": "ninjs", "version": "2.2", "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": str(payload["version"]),
        "firstcreated": payload["published_at"],
        "versioncreated": payload["updated_at"],
        "pubstatus": "usable",
        "language": language_tag(),
        "slugline": payload["slug"],
        "headlines": [{"role": "main", "value": payload["headline"]}],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": body_html(payload),
                "charcount": len(text),
                "wordcount": len(text.split()),
            },
            {"role": "main", "contenttype": "text/plain", "value": text},
        ],
        "altids": [{"role": "desk-article-id", "value": str(payload["id"])}],
    }
    section = payload.get("section")
    if section:
        item["subjects"] = [
            {"name": section["path"], "rel": "section", "literal": section["slug"]}
        ]
    for entity in payload["entities"]:
        array = NINJS_ENTITY_ARRAYS.get(entity["kind"], "objects")
        item.setdefault(array, []).append(
            {
                "name": entity["name"],
                "rel": "mentioned",
                "literal": f"entity-{entity['id']}",
            }
        )
    descriptions = [
        {
            "role": "correction",
            "contenttype": "text/plain",
            "value": f"{correction['date']}: {correction['text']}",
        }
        for correction in payload["corrections"]
    ] + [
        {
            "role": "fact-check",
            "contenttype": "text/plain",
            "value": f"{check['claim']}: {check['verdict_label']}",
        }
        for check in payload["fact_checks"]
    ]
    if descriptions:
        item["descriptions"] = descriptions
    return item


def ninjs_stored(payload: dict[str, Any]) -> str:
    """The ninjs item as stored at publication: compact JSON whose `uri` is the path.

    The host is known only per request; `ninjs_absolute` puts it in front.
    """
    return json.dumps(
        to_ninjs(payload, base_url=""), ensure_ascii=False, separators=(",", ":")
    )


NINJS_URI_START = '{"uri":"'


def ninjs_absolute(stored: str, *, base_url: str) -> str:
    """A stored ninjs item (see `ninjs_stored`) with `base_url` before its path."""
    assert stored.startswith(NINJS_URI_START), stored[:40]
    return _ninjs_uri_prefix(base_url) + stored[len(NINJS_URI_START) :]


@functools.lru_cache(maxsize=64)
def _ninjs_uri_prefix(base_url: str) -> str:
    """The start of an item whose uri begins with `base_url` (once per host, not
    per item)."""
    return NINJS_URI_START + json.dumps(base_url, ensure_ascii=False)[1:-1]


def to_jsonld(
    payload: dict[str, Any], *, base_url: str, context: bool = True
) -> dict[str, Any]:
    """One article as a schema.org NewsArticle, its fact-checks as ClaimReviews."""
    url = base_url + payload["url"]
    article: dict[str, Any] = {}
    if context:
        article["@context"] = "https://schema.org"
    article |= {
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "identifier": str(payload["id"]),
        "headline": payload["headline"],
        "articleBody": body_text(payload),
        "datePublished": payload["published_at"],
        "dateModified": payload["updated_at"],
        "version": str(payload["version"]),
        "inLanguage": language_tag(),
    }
    section = payload.get("section")
    if section:
        article["articleSection"] = section["name"]
    if payload["entities"]:
        article["mentions"] = [
            {
                "@type": SCHEMA_ORG_TYPES.get(entity["kind"], "Thing"),
                "name": entity["name"],
                "identifier": f"entity-{entity['id']}",
            }
            for entity in payload["entities"]
        ]
    if payload["corrections"]:
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction["text"],
                "datePublished": correction["date"],
            }
            for correction in payload["corrections"]
        ]
    if payload["fact_checks"]:
        article["hasPart"] = [
            _claim_review(check, url=url, published=payload["updated_at"])
            for check in payload["fact_checks"]
        ]
    return article


def jsonld_list(payloads: list[dict[str, Any]], *, base_url: str) -> dict[str, Any]:
    """A page of articles as a schema.org ItemList of NewsArticles."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "numberOfItems": len(payloads),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": to_jsonld(payload, base_url=base_url, context=False),
            }
            for position, payload in enumerate(payloads, start=1)
        ],
    }


def _claim_review(check: dict[str, Any], *, url: str, published: str) -> dict:
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": check["verdict_label"],
    }
    if check["verdict"] in VERDICT_RATINGS:
        rating |= {
            "ratingValue": VERDICT_RATINGS[check["verdict"]],
            "worstRating": 1,
            "bestRating": 5,
        }
    return {
        "@type": "ClaimReview",
        "url": f"{url}#fact-check-{check['id']}",
        "claimReviewed": check["claim"],
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "text": check["quote"],
            "appearance": {"@id": url},
        },
        "datePublished": published,
    }

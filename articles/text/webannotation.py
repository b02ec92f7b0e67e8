"""Fact-check annotations as W3C Web Annotation JSON-LD.

Plain values in, plain dicts out: the Django side builds an `AnnotationData` from
its models and serialises what `to_web_annotation` / `to_annotation_page` return.

How the desk's fields map onto the Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/):

* `motivation` is one value, chosen by `motivation_for`; every body also carries its
  own `purpose`, so an annotation that both assesses and proposes an edit says so.
* Each purpose marks one role, so a consumer picks bodies by purpose. All are
  plain-text TextualBodies except the evidence links; empty fields give no body:

  ==============  ============================================================
  purpose         body
  ==============  ============================================================
  assessing       the verdict, as its human label
  describing      the claim that was checked (what the target asserts)
  commenting      the reviewer's comment
  editing         the proposed replacement; an empty value proposes deletion
  linking         one SpecificResource per evidence link, `source` = the URL
  tagging         the kind of problem ("factual_error", "needs_source", ...)
  ==============  ============================================================

  Evidence links are SpecificResources rather than bare external resources
  because the model gives `purpose` to SpecificResources and TextualBodies only
  (an External Web Resource with a purpose fails the W3C test suite).
* `target` is a SpecificResource on the article revision with two alternative
  selectors, a TextQuoteSelector and a TextPositionSelector: where it sits now.
  Positions count Unicode code points, as Python's `str` indexing does. When that
  is not the revision and the words it was made on (it was carried through edits),
  `target` is a list: the current SpecificResource first, then one on the revision
  it was made on with a TextQuoteSelector of what the reviewer quoted.
* `status` (open / resolved / dismissed) is the desk's workflow state; the model
  has no term for it, so it is validated but not exported. Callers choose which
  annotations to export (for example, leave dismissed ones out).
* Agents (the creator, a Person or, for automated checks, Software; the
  generator, always Software) never carry an e-mail address: no `email`
  property, and an address in a name is cut down to its local part (Django
  usernames are often addresses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# The media type the Web Annotation Protocol asks servers to use for annotations.
MEDIA_TYPE = f'application/ld+json; profile="{ANNO_CONTEXT}"'

KINDS = frozenset(
    {"factual_error", "inconsistency", "duplicate", "needs_source", "style", "other"}
)
VERDICTS = frozenset({"true", "mostly_true", "misleading", "false", "unproven"})
STATUSES = frozenset({"open", "resolved", "dismissed"})

# Used only when the caller passes a verdict without its label.
_DEFAULT_VERDICT_LABELS = {
    "true": "True",
    "mostly_true": "Mostly true",
    "misleading": "Misleading",
    "false": "False",
    "unproven": "Unproven",
}

# An absolute IRI (RFC 3987): a scheme, a colon, then no whitespace, no control
# characters and none of the characters RFC 3986 excludes; `%` only as an escape.
_ABSOLUTE_IRI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*:"
    r"(?:[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff<>\"{}|\\^`%]|%[0-9A-Fa-f]{2})*"
)
# "Jane Doe <jane@example.org>" and "mailto:jane@example.org" lose the address;
# a bare "jane@example.org" keeps only "jane".
_BRACKETED_ADDRESS = re.compile(r"\s*<[^<>]*@[^<>]*>")
_ADDRESS = re.compile(r"(?:mailto:)?([^\s@<>]+)@[^\s@<>]+", re.IGNORECASE)


@dataclass(frozen=True)
class AnnotationData:
    """One annotation as the export needs it; raises ValueError when inconsistent."""

    id: str  # absolute IRI of the annotation
    source: str  # absolute IRI of the annotated text (the article revision)
    exact: str  # TextQuoteSelector
    prefix: str
    suffix: str
    start: int  # TextPositionSelector, in code points
    end: int  # exclusive
    kind: str  # one of KINDS
    comment: str  # may be ""
    suggestion: str | None  # None: no replacement proposed; "": delete the span
    claim: str  # fact-check: the claim checked (may be "")
    verdict: str  # "" or one of VERDICTS
    verdict_label: str  # human label, e.g. "Mostly true"
    evidence: tuple[str, ...]  # absolute http(s) URLs
    status: str  # one of STATUSES
    creator_id: str | None  # absolute IRI of the creator, never a mailto:
    creator_name: str | None
    creator_is_software: bool  # automated checks
    generator_name: str  # e.g. "Newsroom review desk"
    created: datetime  # timezone-aware
    modified: datetime  # timezone-aware
    # What the reviewer selected, on the revision it was made on (`quoted_source`),
    # when the annotation now sits elsewhere: exported as a second target.
    quoted_source: str | None = None
    quoted_exact: str = ""
    quoted_prefix: str = ""
    quoted_suffix: str = ""

    def __post_init__(self) -> None:
        # A list passed for `evidence` would make the frozen instance unhashable.
        object.__setattr__(self, "evidence", tuple(self.evidence))
        _require_iri("id", self.id)
        _require_iri("source", self.source)
        if self.quoted_source is not None:
            _require_iri("quoted_source", self.quoted_source)
            if not self.quoted_exact:
                raise ValueError("quoted_exact must not be empty with quoted_source.")
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(
                    f"{name} must be a non-negative integer, not {value!r}."
                )
        if self.start > self.end:
            raise ValueError(f"start ({self.start}) is after end ({self.end}).")
        # The two selectors are alternatives: they must select the same text.
        if len(self.exact) != self.end - self.start:
            raise ValueError(
                f"exact has {len(self.exact)} characters but start..end spans "
                f"{self.end - self.start}; the quote and position selectors disagree."
            )
        _require_member("kind", self.kind, KINDS)
        _require_member("status", self.status, STATUSES)
        if self.verdict:
            _require_member("verdict", self.verdict, VERDICTS)
        for url in self.evidence:
            _require_iri("evidence link", url)
        if self.creator_id is not None:
            _require_iri("creator_id", self.creator_id)
            if self.creator_id.lower().startswith("mailto:"):
                raise ValueError("creator_id must not be an e-mail address.")
        if not self.generator_name.strip():
            raise ValueError("generator_name must not be empty.")
        for name in ("created", "modified"):
            value = getattr(self, name)
            if not isinstance(value, datetime) or value.utcoffset() is None:
                raise ValueError(f"{name} must be a timezone-aware datetime.")


def motivation_for(data: AnnotationData) -> str:
    """Return the annotation's single W3C motivation.

    The first rule that applies wins, from the most specific intent to the most
    general: a verdict makes it `assessing` (a fact-check, even when it also
    proposes a fix); a proposed replacement, deletion included, `editing`; a
    "needs a source" note `questioning`; anything else `commenting`. Body purposes
    carry the other intents.
    """
    if data.verdict:
        return "assessing"
    if data.suggestion is not None:
        return "editing"
    if data.kind == "needs_source":
        return "questioning"
    return "commenting"


def to_web_annotation(data: AnnotationData) -> dict:
    """Return one Annotation as a JSON-LD dict with its own `@context`.

    `body` is always a list (it holds at least the kind, as a tag); `bodyValue` is
    never used, so the two can never appear together.
    """
    annotation: dict = {
        "@context": ANNO_CONTEXT,
        "id": data.id,
        "type": "Annotation",
        "motivation": motivation_for(data),
        "created": _xsd_datetime(data.created),
        "modified": _xsd_datetime(data.modified),
    }
    creator = _creator(data)
    if creator is not None:
        annotation["creator"] = creator
    annotation["generator"] = _agent(None, _safe_agent_name(data.generator_name), True)
    bodies = _bodies(data)
    if bodies:
        annotation["body"] = bodies
    annotation["target"] = _target(data)
    return annotation


def to_annotation_page(
    items: Sequence[AnnotationData], *, id: str, part_of: str | None = None
) -> dict:
    """Return an AnnotationPage holding every item; raises ValueError on a bad IRI.

    The items are embedded without their own `@context`: they inherit the page's.
    `part_of` is the IRI of the AnnotationCollection the page belongs to, if any.
    """
    _require_iri("page id", id)
    page: dict = {"@context": ANNO_CONTEXT, "id": id, "type": "AnnotationPage"}
    if part_of is not None:
        _require_iri("part_of", part_of)
        page["partOf"] = part_of
    page["items"] = [_embedded(to_web_annotation(item)) for item in items]
    return page


def _embedded(annotation: dict) -> dict:
    return {key: value for key, value in annotation.items() if key != "@context"}


def _bodies(data: AnnotationData) -> list[dict]:
    bodies: list[dict] = []
    if data.verdict:
        label = data.verdict_label or _DEFAULT_VERDICT_LABELS[data.verdict]
        bodies.append(_textual(label, "assessing"))
    if data.claim:
        bodies.append(_textual(data.claim, "describing"))
    if data.comment:
        bodies.append(_textual(data.comment, "commenting"))
    if data.suggestion is not None:
        # An empty replacement is kept on purpose: it proposes deleting the span.
        bodies.append(_textual(data.suggestion, "editing"))
    bodies.extend(
        {"type": "SpecificResource", "purpose": "linking", "source": url}
        for url in data.evidence
    )
    bodies.append(_textual(data.kind, "tagging"))
    return bodies


def _textual(value: str, purpose: str) -> dict:
    return {
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/plain",
    }


def _target(data: AnnotationData) -> dict | list[dict]:
    """Where it sits now (quote and position); and, if that is not where it was
    made, also the words the reviewer quoted there."""
    position = {"type": "TextPositionSelector", "start": data.start, "end": data.end}
    current = {
        "type": "SpecificResource",
        "source": data.source,
        "selector": [_quote(data.exact, data.prefix, data.suffix), position],
    }
    if data.quoted_source is None or (
        data.quoted_source,
        data.quoted_exact,
        data.quoted_prefix,
        data.quoted_suffix,
    ) == (data.source, data.exact, data.prefix, data.suffix):
        return current
    original = {
        "type": "SpecificResource",
        "source": data.quoted_source,
        "selector": _quote(data.quoted_exact, data.quoted_prefix, data.quoted_suffix),
    }
    return [current, original]


def _quote(exact: str, prefix: str, suffix: str) -> dict:
    quote: dict = {"type": "TextQuoteSelector", "exact": exact}
    # An empty prefix or suffix (a quote at the very start or end) says nothing.
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    return quote


def _creator(data: AnnotationData) -> dict | None:
    name = _safe_agent_name(data.creator_name)
    if data.creator_id is None and name is None:
        return None
    return _agent(data.creator_id, name, data.creator_is_software)


def _agent(agent_id: str | None, name: str | None, is_software: bool) -> dict:
    agent: dict = {}
    if agent_id is not None:
        agent["id"] = agent_id
    agent["type"] = "Software" if is_software else "Person"
    if name is not None:
        agent["name"] = name
    return agent


def _safe_agent_name(name: str | None) -> str | None:
    """Return `name` with any e-mail address cut to its local part, or None."""
    if name is None:
        return None
    cleaned = _BRACKETED_ADDRESS.sub("", name)
    # Repeat: "a@b@c" becomes "a@c" after one pass, still an address.
    while _ADDRESS.search(cleaned):
        cleaned = _ADDRESS.sub(lambda match: match.group(1), cleaned)
    cleaned = " ".join(cleaned.split())
    return cleaned or None


def _xsd_datetime(value: datetime) -> str:
    """Return an xsd:dateTime in UTC with a "Z", keeping any fractional seconds."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _require_iri(name: str, value: object) -> None:
    if not isinstance(value, str) or not _ABSOLUTE_IRI.fullmatch(value):
        raise ValueError(f"{name} must be an absolute IRI, not {value!r}.")


def _require_member(name: str, value: object, allowed: frozenset[str]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {sorted(allowed)}, not {value!r}.")

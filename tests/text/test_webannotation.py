"""The shape of the W3C Web Annotation export (the suite itself: tests/conformance)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from articles.text.webannotation import (
    ANNO_CONTEXT,
    AnnotationData,
    motivation_for,
    to_annotation_page,
    to_web_annotation,
)

TEXT = "Le ministre a dit « 🙂 oui » au 6th sommet."
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
ADDRESS = re.compile(r"[^\s@<>]+@[^\s@<>]+")


def _data(quote: str = "« 🙂 oui »", **changes: object) -> AnnotationData:
    start = TEXT.index(quote)
    end = start + len(quote)
    fields: dict = {
        "id": "https://desk.example/annotations/9",
        "source": "https://desk.example/articles/1/revisions/2",
        "exact": quote,
        "prefix": TEXT[max(0, start - 10) : start],
        "suffix": TEXT[end : end + 10],
        "start": start,
        "end": end,
        "kind": "style",
        "comment": "",
        "suggestion": None,
        "claim": "",
        "verdict": "",
        "verdict_label": "",
        "evidence": (),
        "status": "open",
        "creator_id": None,
        "creator_name": "Rita Reviewer",
        "creator_is_software": False,
        "generator_name": "Newsroom review desk",
        "created": T0,
        "modified": T0,
    }
    fields.update(changes)
    return AnnotationData(**fields)


def _purposes(annotation: dict) -> list[str]:
    return [body["purpose"] for body in annotation.get("body", [])]


def _body(annotation: dict, purpose: str) -> dict:
    (body,) = [b for b in annotation["body"] if b["purpose"] == purpose]
    return body


# --- motivation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "motivation"),
    [
        ({"verdict": "false", "verdict_label": "False"}, "assessing"),
        # A verdict wins over a proposed fix and over "needs a source".
        (
            {"verdict": "unproven", "suggestion": "x", "kind": "needs_source"},
            "assessing",
        ),
        ({"suggestion": "« oui »"}, "editing"),
        ({"suggestion": ""}, "editing"),  # a deletion is an edit
        ({"suggestion": "x", "kind": "needs_source"}, "editing"),
        ({"kind": "needs_source", "comment": "Who said so?"}, "questioning"),
        ({"kind": "factual_error", "comment": "Wrong."}, "commenting"),
        ({"kind": "duplicate"}, "commenting"),
    ],
)
def test_motivation(changes: dict, motivation: str):
    data = _data(**changes)
    assert motivation_for(data) == motivation
    assert to_web_annotation(data)["motivation"] == motivation


# --- bodies ---------------------------------------------------------------------


def test_each_field_becomes_a_body_with_its_own_purpose():
    annotation = to_web_annotation(
        _data(
            kind="factual_error",
            comment="Story 2 disagrees.",
            suggestion="« non »",
            claim="The minister agreed",
            verdict="mostly_true",
            verdict_label="Mostly true",
            evidence=("https://example.org/a", "https://example.org/b"),
        )
    )
    assert _purposes(annotation) == [
        "assessing",
        "describing",
        "commenting",
        "editing",
        "linking",
        "linking",
        "tagging",
    ]
    assert _body(annotation, "assessing")["value"] == "Mostly true"
    assert _body(annotation, "describing")["value"] == "The minister agreed"
    assert _body(annotation, "commenting")["value"] == "Story 2 disagrees."
    assert _body(annotation, "editing")["value"] == "« non »"
    assert _body(annotation, "tagging")["value"] == "factual_error"
    links = [b for b in annotation["body"] if b["purpose"] == "linking"]
    assert links == [
        {"type": "SpecificResource", "purpose": "linking", "source": url}
        for url in ("https://example.org/a", "https://example.org/b")
    ]
    for body in annotation["body"]:
        if body["type"] == "TextualBody":
            assert body["format"] == "text/plain"


def test_empty_fields_give_no_bodies():
    annotation = to_web_annotation(_data(kind="other"))
    assert _purposes(annotation) == ["tagging"]


def test_deletion_keeps_an_empty_editing_body():
    annotation = to_web_annotation(_data(suggestion=""))
    assert _body(annotation, "editing")["value"] == ""


def test_verdict_without_a_label_gets_the_standard_one():
    annotation = to_web_annotation(_data(verdict="mostly_true", verdict_label=""))
    assert _body(annotation, "assessing")["value"] == "Mostly true"


def test_never_body_value():
    for data in (_data(), _data(comment="x"), _data(suggestion="", verdict="true")):
        annotation = to_web_annotation(data)
        assert "bodyValue" not in annotation
        assert isinstance(annotation["body"], list)


# --- target ---------------------------------------------------------------------


def test_target_has_quote_and_position_selectors_on_the_revision():
    data = _data()
    target = to_web_annotation(data)["target"]
    assert target["type"] == "SpecificResource"
    assert target["source"] == "https://desk.example/articles/1/revisions/2"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "« 🙂 oui »",
        "prefix": data.prefix,
        "suffix": data.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": 18, "end": 27}
    # Positions count code points: the emoji is one character, as in Python.
    assert TEXT[position["start"] : position["end"]] == quote["exact"]


def test_empty_prefix_and_suffix_are_left_out():
    quote = to_web_annotation(_data(TEXT))["target"]["selector"][0]
    assert quote == {"type": "TextQuoteSelector", "exact": TEXT}


# --- agents ---------------------------------------------------------------------


def test_person_creator_and_software_generator():
    annotation = to_web_annotation(
        _data(creator_id="https://desk.example/people/rita", creator_name="Rita")
    )
    assert annotation["creator"] == {
        "id": "https://desk.example/people/rita",
        "type": "Person",
        "name": "Rita",
    }
    assert annotation["generator"] == {
        "type": "Software",
        "name": "Newsroom review desk",
    }


def test_automated_check_is_a_software_creator():
    annotation = to_web_annotation(
        _data(creator_name="duplicate-paragraph", creator_is_software=True)
    )
    assert annotation["creator"] == {"type": "Software", "name": "duplicate-paragraph"}


def test_no_creator_when_nothing_is_known():
    assert "creator" not in to_web_annotation(_data(creator_name=None))
    assert "creator" not in to_web_annotation(_data(creator_name="  "))


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("jane.doe@example.org", "jane.doe"),
        ("Jane Doe <jane@example.org>", "Jane Doe"),
        ("mailto:jane@example.org", "jane"),
        ("a@b@c", "a"),
        ("<jane@example.org>", None),
        ("Jane @jane", "Jane @jane"),  # a handle, not an address
        ("Rita  Reviewer", "Rita Reviewer"),
    ],
)
def test_creator_name_never_shows_an_email_address(name: str, shown: str | None):
    creator = to_web_annotation(_data(creator_name=name)).get("creator") or {}
    assert creator.get("name") == shown
    assert not {"email", "email_sha1"} & set(creator)
    assert not any(ADDRESS.search(value) for value in creator.values())


def test_mailto_creator_id_is_refused():
    with pytest.raises(ValueError, match="e-mail"):
        _data(creator_id="mailto:jane@example.org")


# --- dates ----------------------------------------------------------------------


def test_dates_are_utc_xsd_date_times():
    annotation = to_web_annotation(
        _data(
            created=datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))),
            modified=datetime(2024, 5, 1, 12, 0, 0, 250000, tzinfo=UTC),
        )
    )
    assert annotation["created"] == "2024-05-01T10:00:00Z"
    assert annotation["modified"] == "2024-05-01T12:00:00.250000Z"


# --- the whole annotation and the page ------------------------------------------


def test_annotation_keys_and_json():
    annotation = to_web_annotation(_data(comment="« ok »"))
    assert list(annotation) == [
        "@context",
        "id",
        "type",
        "motivation",
        "created",
        "modified",
        "creator",
        "generator",
        "body",
        "target",
    ]
    assert annotation["@context"] == ANNO_CONTEXT
    assert annotation["type"] == "Annotation"
    assert json.loads(json.dumps(annotation, ensure_ascii=False)) == annotation


def test_page_embeds_items_without_their_own_context():
    items = [_data(), _data(id="https://desk.example/annotations/10", comment="x")]
    page = to_annotation_page(
        items,
        id="https://desk.example/articles/1/annotations",
        part_of="https://desk.example/annotations/",
    )
    assert page["@context"] == ANNO_CONTEXT
    assert page["type"] == "AnnotationPage"
    assert page["partOf"] == "https://desk.example/annotations/"
    assert [item["id"] for item in page["items"]] == [item.id for item in items]
    for item, data in zip(page["items"], items, strict=True):
        expected = to_web_annotation(data)
        del expected["@context"]
        assert item == expected


def test_page_without_collection_or_items():
    page = to_annotation_page([], id="https://desk.example/articles/1/annotations")
    assert "partOf" not in page
    assert page["items"] == []


@pytest.mark.parametrize(
    ("keyword", "value"),
    [("id", "annotations"), ("id", "/articles/1"), ("part_of", "not a uri")],
)
def test_page_refuses_bad_iris(keyword: str, value: str):
    arguments = {"id": "https://desk.example/p", keyword: value}
    with pytest.raises(ValueError, match="absolute IRI"):
        to_annotation_page([], **arguments)


# --- bad input ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "/annotations/9"}, "id must be an absolute IRI"),
        ({"source": "revision 2"}, "source must be an absolute IRI"),
        ({"start": -1}, "start must be a non-negative integer"),
        ({"end": True}, "end must be a non-negative integer"),
        ({"start": 30, "end": 29}, "is after end"),
        ({"end": 28}, "disagree"),
        ({"kind": "typo"}, "kind must be one of"),
        ({"verdict": "maybe"}, "verdict must be one of"),
        ({"status": "closed"}, "status must be one of"),
        ({"evidence": ("www.example.org",)}, "evidence link"),
        ({"creator_id": "42"}, "creator_id must be an absolute IRI"),
        ({"generator_name": " "}, "generator_name"),
        ({"created": datetime(2024, 5, 1)}, "created must be a timezone-aware"),
        ({"modified": "2024-05-01T00:00:00Z"}, "modified must be a timezone-aware"),
    ],
)
def test_inconsistent_data_is_refused(changes: dict, message: str):
    with pytest.raises(ValueError, match=message):
        _data(**changes)


def test_evidence_list_becomes_a_tuple():
    data = _data(evidence=["https://example.org/a"])
    assert data.evidence == ("https://example.org/a",)
    hash(data)

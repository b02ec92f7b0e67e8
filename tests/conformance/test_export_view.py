"""The desk's export endpoint serves annotations that pass every W3C MUST assertion."""

import json

import pytest
from django.urls import reverse

from articles.services.review import annotation_create, annotation_dismiss
from articles.services.revisions import article_edit
from tests.conformance import webannotation_harness as harness
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "Russia recognises the group.\n\nThe minister met officials on “Friday”."


def _annotate(article, user, exact, **fields):
    start = article.current_revision.body.index(exact)
    return annotation_create(
        article=article,
        by=user,
        revision_id=article.current_revision_id,
        start=start,
        end=start + len(exact),
        exact=exact,
        **{"kind": "factual_error", "severity": "blocking", **fields},
    )


def test_exported_annotations_pass_every_must(editor, reviewer, reviewer_client):
    article = ArticleFactory(body=BODY, body__author=editor)
    _annotate(
        article,
        reviewer,
        "recognises",
        claim="Russia recognises the group",
        verdict="false",
        evidence=["https://example.org/listing"],
        suggestion="is reviewing its listing of",
    )
    _annotate(article, reviewer, "“Friday”", kind="needs_source", severity="advisory")
    gone = _annotate(article, reviewer, "minister", kind="style", severity="advisory")
    annotation_dismiss(annotation=gone, by=editor, reason="House style allows it")
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body="Completely new text.",
    )  # orphans the open annotations: they are exported on their old revision

    response = reviewer_client.get(
        reverse("articles:annotations-jsonld", args=[article.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    page = json.loads(response.content)
    assert page["type"] == "AnnotationPage"
    items = page["items"]
    assert len(items) == 2  # the dismissed one is left out
    assert {item["motivation"] for item in items} == {"assessing", "questioning"}
    musts = harness.Suite().load_test(harness.MUSTS_TEST)
    for item in items:
        annotation = {"@context": page["@context"], **item}
        assert harness.failures(harness.run(musts, annotation)) == []
    assert "@" not in json.dumps(page).replace("@context", "")  # no e-mail addresses


def test_an_edited_annotation_exports_its_current_place_and_original_quote(
    editor, reviewer, reviewer_client
):
    article = ArticleFactory(body=BODY, body__author=editor)
    first = article.current_revision
    _annotate(article, reviewer, "met officials on")
    article_edit(
        article=article,
        by=editor,
        base_revision_id=first.pk,
        headline=article.headline,
        body=BODY.replace("met officials", "met two officials"),
    )
    page = json.loads(
        reviewer_client.get(
            reverse("articles:annotations-jsonld", args=[article.pk])
        ).content
    )
    (item,) = page["items"]
    current, original = item["target"]
    quote, position = current["selector"]
    assert current["source"].endswith("?revision=2")
    assert quote["exact"] == "met two officials on"
    assert (position["start"], position["end"]) == (43, 63)
    assert original["source"].endswith("?revision=1")
    assert original["selector"]["exact"] == "met officials on"
    musts = harness.Suite().load_test(harness.MUSTS_TEST)
    annotation = {"@context": page["@context"], **item}
    assert harness.failures(harness.run(musts, annotation)) == []


def test_an_applied_suggestion_exports_the_original_quote_and_passes(
    editor, editor2, reviewer, reviewer_client
):
    from articles.services.review import annotation_apply_suggestion

    article = ArticleFactory(body="Prices rose 4 percent in May.", body__author=editor)
    annotation = _annotate(article, reviewer, "4 percent", suggestion="3.5 percent")
    annotation_apply_suggestion(
        annotation=annotation,
        by=editor2,
        base_revision_id=article.current_revision_id,
    )
    page = json.loads(
        reviewer_client.get(
            reverse("articles:annotations-jsonld", args=[article.pk])
        ).content
    )
    [item] = page["items"]
    current, original = item["target"]
    assert current["source"].endswith("?revision=2")
    assert original["source"].endswith("?revision=1")
    assert original["selector"]["exact"] == "4 percent"
    editing = [b["value"] for b in item["body"] if b["purpose"] == "editing"]
    assert editing == ["3.5 percent"]
    musts = harness.Suite().load_test(harness.MUSTS_TEST)
    annotation = {"@context": page["@context"], **item}
    assert harness.failures(harness.run(musts, annotation)) == []

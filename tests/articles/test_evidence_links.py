"""Evidence links from every edge: refused unless http(s), stored as valid IRIs,
exported to W3C whatever an older row holds, and never rendered as a script link."""

import json

import pytest
from django.urls import reverse

from articles.models import Annotation
from articles.services.review import ReviewRefused, annotation_create
from tests.conformance import webannotation_harness as harness
from tests.factories import AnnotationFactory, ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor):
    return ArticleFactory(
        body="The minister met officials on Friday.", body__author=editor
    )


def _annotate(article, user, evidence):
    return annotation_create(
        article=article,
        by=user,
        revision_id=article.current_revision_id,
        start=4,
        end=12,
        exact="minister",
        kind="needs_source",
        severity="advisory",
        evidence=evidence,
    )


@pytest.mark.parametrize(
    "link", ["data:text/html,<b>x</b>", "javascript:alert(1)", "ftp://example.org/x"]
)
def test_the_service_refuses_a_link_that_is_not_a_web_address(article, reviewer, link):
    with pytest.raises(ReviewRefused, match="evidence links start with http"):
        _annotate(article, reviewer, ["https://example.org/ok", link])
    assert not Annotation.objects.exists()


def test_the_service_stores_what_the_browser_showed_as_a_valid_iri(article, reviewer):
    annotation = _annotate(
        article, reviewer, ["https://example.org/sale-50%off", "https://x.org/?q={x}"]
    )
    assert annotation.evidence == [
        "https://example.org/sale-50%25off",
        "https://x.org/?q=%7Bx%7D",
    ]


def test_the_form_says_why_a_link_is_refused(article, reviewer_client):
    response = reviewer_client.post(
        reverse("articles:annotate", args=[article.pk]),
        {
            "revision_id": article.current_revision_id,
            "exact": "minister",
            "kind": "style",
            "severity": "advisory",
            "evidence": "https://example.org/\ndata:text/html,x",
        },
    )
    assert response.status_code == 400
    assert "is not a web address" in response.content.decode()
    assert not Annotation.objects.exists()


@pytest.fixture
def older_row(article):
    """An annotation stored before links were checked (as the admin once allowed)."""
    annotation = AnnotationFactory(article=article, exact="The mini", end=8)
    Annotation.objects.filter(pk=annotation.pk).update(
        evidence=[
            "javascript:alert(document.cookie)",
            "https://example.org/sale-50%off",
            "data:text/html,<script>alert(1)</script>",
        ]
    )
    return annotation


def test_every_stored_link_exports_as_a_valid_w3c_annotation(older_row, editor_client):
    response = editor_client.get(
        reverse("articles:annotations-jsonld", args=[older_row.article_id])
    )
    assert response.status_code == 200
    page = json.loads(response.content)
    [item] = page["items"]
    links = [b["source"] for b in item["body"] if b.get("purpose") == "linking"]
    assert links == ["https://example.org/sale-50%25off"]
    musts = harness.Suite().load_test(harness.MUSTS_TEST)
    assert (
        harness.failures(harness.run(musts, {"@context": page["@context"], **item}))
        == []
    )


def test_a_script_link_is_shown_as_text_never_as_a_link(older_row, reviewer_client):
    page = reviewer_client.get(
        reverse("articles:review", args=[older_row.article_id])
    ).content.decode()
    assert 'href="javascript:' not in page
    assert 'href="data:' not in page
    assert "javascript:alert(document.cookie)" in page  # still there to read
    assert 'href="https://example.org/sale-50%off"' in page

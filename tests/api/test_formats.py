"""The article formats: JSON (default), IPTC ninjs 2.2 and schema.org JSON-LD."""

import importlib
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.apps import apps as django_apps
from jsonschema import Draft202012Validator, FormatChecker

from articles.api.formats import to_ninjs
from articles.models import PublicArticle
from articles.services.publishing import public_article_refresh
from tests.api.helpers import build_demo, published
from tests.factories import AnnotationFactory, EntityFactory

pytestmark = pytest.mark.django_db

# The IPTC schema, copied into the project with its MIT licence (LICENSE beside it).
NINJS = Path(__file__).resolve().parents[1] / "conformance" / "data" / "ninjs"
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE
)


def _format_checker() -> FormatChecker:
    """jsonschema's checker plus strict `uri` and `date-time` (no extra packages)."""
    checker = FormatChecker()

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        parsed = urlparse(str(value))
        return bool(parsed.scheme and (parsed.netloc or parsed.path))

    @checker.checks("date-time")
    def is_date_time(value: object) -> bool:
        return bool(RFC3339.match(str(value)))

    return checker


@pytest.fixture(scope="module")
def ninjs() -> Draft202012Validator:
    schema = json.loads((NINJS / "ninjs-schema_2.2.json").read_text())
    return Draft202012Validator(schema, format_checker=_format_checker())


def _errors(validator: Draft202012Validator, item: dict) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(item)
    ]


def test_the_ninjs_validator_rejects_what_is_not_ninjs(ninjs):
    assert _errors(ninjs, {"uri": "not a uri", "headline": "wrong field"})
    assert _errors(ninjs, {"uri": "https://x.org/1", "firstcreated": "yesterday"})
    assert not _errors(ninjs, {"uri": "https://x.org/1"})


def test_every_demo_article_validates_as_ninjs(api, ninjs, editor, editor2, reviewer):
    articles = build_demo(editor=editor, editor2=editor2, reviewer=reviewer)
    live = PublicArticle.objects.filter(retracted_at__isnull=True)
    assert live.count() == len(articles) > 1
    assert live.filter(payload__entities__0__isnull=False).exists()
    assert live.exclude(payload__corrections=[]).exists()
    assert live.exclude(payload__fact_checks=[]).exists()

    page = api.get("/api/v1/articles/", {"format": "ninjs", "page_size": 100})
    assert page.status_code == 200
    assert page["Content-Type"].startswith("application/ninjs+json")
    items = page.json()["results"]
    assert len(items) == len(articles)
    for article in articles:
        detail = api.get(f"/api/v1/articles/{article.pk}/", {"format": "ninjs"}).json()
        items.append(detail)
    for item in items:
        assert _errors(ninjs, item) == [], item["uri"]


def test_ninjs_carries_body_structure_entities_section_and_corrections(api, ninjs):
    entity = EntityFactory(name="harbour authority", kind="organisation")
    person = EntityFactory(name="mayor", kind="person")
    article = published(mentions=[(entity, 4, 21), (person, 88, 93)])
    item = api.get(f"/api/v1/articles/{article.pk}/?format=ninjs").json()

    assert item["uri"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert item["headlines"] == [{"role": "main", "value": article.headline}]
    html = next(b for b in item["bodies"] if b["contenttype"] == "text/html")
    assert html["value"].count("<p>") == 2 and "<h2>Opening day</h2>" in html["value"]
    assert item["organisations"][0]["name"] == "harbour authority"
    assert item["people"][0]["name"] == "mayor"
    assert item["subjects"][0]["rel"] == "section"
    assert _errors(ninjs, item) == []


def test_html_in_the_copy_is_escaped_in_ninjs(api, ninjs):
    article = published(body="Tags <script>alert(1)</script> & more.")
    item = api.get(f"/api/v1/articles/{article.pk}/?format=ninjs").json()
    html = next(b for b in item["bodies"] if b["contenttype"] == "text/html")
    assert "<script>" not in html["value"]
    assert "&lt;script&gt;" in html["value"]


def test_jsonld_is_a_news_article_with_corrections_and_claim_reviews(api, editor):
    article = published(author=editor)
    AnnotationFactory(
        article=article,
        revision=article.published_revision,
        exact="The harbour authority",
        claim="The authority opened the terminal.",
        verdict="false",
        is_public=True,
        severity="advisory",
    )
    article.corrections.create(
        revision=article.published_revision,
        text="The terminal is on the east bank.",
        corrected_on="2024-05-02",
    )
    public_article_refresh(article=article)

    response = api.get(f"/api/v1/articles/{article.pk}/", {"format": "jsonld"})
    assert response["Content-Type"].startswith("application/ld+json")
    doc = response.json()
    url = f"http://testserver/api/v1/articles/{article.pk}/"
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "NewsArticle"
    assert doc["url"] == url
    assert doc["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The terminal is on the east bank.",
            "datePublished": "2024-05-02",
        }
    ]
    [review] = doc["hasPart"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The authority opened the terminal."
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"] == {"@id": url}
    assert review["url"].startswith(url + "#fact-check-")


def test_jsonld_list_is_an_item_list_paged_by_link_header(api):
    for _ in range(3):
        published()
    response = api.get("/api/v1/articles/", {"format": "jsonld", "page_size": 2})
    doc = response.json()
    assert doc["@type"] == "ItemList"
    assert [e["item"]["@type"] for e in doc["itemListElement"]] == ["NewsArticle"] * 2
    assert 'rel="next"' in response["Link"]


def test_json_is_the_default_and_accept_header_selects_a_format(api):
    article = published()
    assert api.get(f"/api/v1/articles/{article.pk}/").json()["id"] == article.pk
    response = api.get(
        f"/api/v1/articles/{article.pk}/", HTTP_ACCEPT="application/ld+json"
    )
    assert response.json()["@type"] == "NewsArticle"


def test_an_unknown_format_is_a_400_that_names_the_formats(api):
    response = api.get("/api/v1/articles/", {"format": "xml"})
    assert response.status_code == 400
    assert "ninjs" in response.json()["format"][0]


def test_ninjs_is_the_payload_converted_with_the_requests_host(api, ninjs):
    """Stored at publication, the ninjs item still names the host it is asked on."""
    entity = EntityFactory(name="harbour authority", kind="organisation")
    article = published(mentions=[(entity, 4, 21)])
    url = f"/api/v1/articles/{article.pk}/"
    payload = api.get(url).json()
    for host in ("testserver", "localhost"):
        item = api.get(url, {"format": "ninjs"}, HTTP_HOST=host).json()
        assert item == to_ninjs(payload, base_url=f"http://{host}")
        page = api.get("/api/v1/articles/", {"format": "ninjs"}, HTTP_HOST=host)
        assert page.json()["results"] == [item]
    assert _errors(ninjs, item) == []


def test_a_republished_article_serves_its_new_ninjs(api):
    article = published()
    url = f"/api/v1/articles/{article.pk}/?format=ninjs"
    before = api.get(url).json()
    article.corrections.create(
        revision=article.published_revision, text="Fixed.", corrected_on="2024-01-01"
    )
    public_article_refresh(article=article)
    after = api.get(url).json()
    assert "descriptions" not in before
    assert after["descriptions"][0]["value"] == "2024-01-01: Fixed."


def test_the_migration_stores_the_ninjs_of_rows_published_before_it(api):
    """Migration 0013 renders the ninjs item of every row it finds."""
    article = published()
    url = f"/api/v1/articles/{article.pk}/?format=ninjs"
    expected = api.get(url).json()
    PublicArticle.objects.update(ninjs="")
    migration = importlib.import_module("articles.migrations.0013_public_article_ninjs")
    migration.store_ninjs(django_apps, None)
    assert api.get(url).json() == expected

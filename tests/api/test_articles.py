"""Articles in the API: only published ones, only their pinned published revision."""

import pytest

from articles.models import Article
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services.publishing import public_article_refresh
from articles.services.revisions import article_edit
from articles.services.workflow import article_retract
from tests.api.helpers import BODY, published
from tests.articles.workflow_helpers import article_in
from tests.factories import (
    AnnotationFactory,
    ArticleFactory,
    EntityFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _listed_ids(api, **params) -> list[int]:
    response = api.get("/api/v1/articles/", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    "status",
    [
        ArticleStatus.DRAFT,
        ArticleStatus.IN_REVIEW,
        ArticleStatus.CHANGES_REQUESTED,
        ArticleStatus.APPROVED,
    ],
)
def test_an_unpublished_article_is_neither_listed_nor_served(api, status):
    article = article_in(status)
    assert _listed_ids(api) == []
    assert api.get(f"/api/v1/articles/{article.pk}/").status_code == 404


def test_a_published_article_is_served_as_published_through_the_workflow(api, publish):
    article = publish()
    assert _listed_ids(api) == [article.pk]
    data = api.get(f"/api/v1/articles/{article.pk}/").json()
    assert data["id"] == article.pk
    assert data["url"] == f"/api/v1/articles/{article.pk}/"
    assert data["slug"] == article.slug
    assert data["headline"] == article.headline
    assert data["version"] == 1
    assert data["section"]["slug"] == article.section.slug
    assert data["body"] == [
        {
            "type": "paragraph",
            "text": "The harbour authority opened a new ferry terminal on the "
            "river bank.",
        },
        {"type": "subheading", "text": "Opening day"},
        {
            "type": "paragraph",
            "text": "The mayor said the terminal would carry two thousand "
            "passengers a day.",
        },
    ]


def test_editing_a_published_article_keeps_the_published_revision_live(
    api, publish, editor
):
    article = publish()
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline="A draft headline nobody approved",
        body="Draft text that is not approved yet.",
        correction="The terminal opened on Tuesday, not Monday.",
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert article.current_revision.number == 2

    data = api.get(f"/api/v1/articles/{article.pk}/").json()
    assert data["version"] == 1
    assert data["headline"] != "A draft headline nobody approved"
    assert "Draft text" not in str(data)
    assert data["corrections"] == []  # it goes public with revision 2
    assert api.get("/api/v1/corrections/").json()["results"] == []
    assert _listed_ids(api) == [article.pk]


def test_republishing_a_corrected_article_serves_the_correction(api, publish, editor):
    article = publish()
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=BODY.replace("two thousand", "three thousand"),
        correction="The terminal carries three thousand passengers.",
    )
    article.refresh_from_db()
    publish(article)

    data = api.get(f"/api/v1/articles/{article.pk}/").json()
    assert data["version"] == 2
    assert "three thousand" in data["body"][2]["text"]
    [correction] = data["corrections"]
    assert correction["text"] == "The terminal carries three thousand passengers."
    [listed] = api.get("/api/v1/corrections/").json()["results"]
    assert listed["article"]["id"] == article.pk
    assert listed["text"] == correction["text"]


def test_a_retracted_article_answers_410_with_its_notice_and_leaves_the_list(
    api, publish, editor2
):
    article = publish()
    article_retract(article=article, by=editor2, reason="The source withdrew it.")

    response = api.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 410
    assert response.json()["retraction_notice"] == "The source withdrew it."
    assert response.json()["retracted_at"]
    assert _listed_ids(api) == []
    assert api.get(f"/api/v1/articles/{article.pk}/?format=ninjs").status_code == 410


def test_internal_notes_and_people_never_reach_the_api(api):
    editor = UserFactory(username="insider-editor", role=EDITORS)
    reviewer = UserFactory(username="insider-reviewer", role=REVIEWERS)
    article = published(author=editor)
    AnnotationFactory(
        article=article,
        revision=article.published_revision,
        comment="INTERNAL: check with the legal desk",
        claim="An internal claim",
        verdict="false",
        is_public=False,
        severity="advisory",
        author=reviewer,
    )
    public_article_refresh(article=article)
    for url in [
        "/api/v1/articles/",
        f"/api/v1/articles/{article.pk}/",
        f"/api/v1/articles/{article.pk}/?format=ninjs",
        f"/api/v1/articles/{article.pk}/?format=jsonld",
        "/api/v1/corrections/",
        "/api/v1/entities/",
        "/feeds/rss/",
    ]:
        text = api.get(url).content.decode()
        for secret in ["INTERNAL", "internal claim", "insider", "example.org"]:
            assert secret not in text, (url, secret)


def test_only_public_fact_checks_on_published_text_are_published(api, editor):
    article = published(author=editor)
    revision = article.published_revision

    def fact_check(**fields):
        defaults = {
            "article": article,
            "revision": revision,
            "exact": "The mayor",
            "start": BODY.index("The mayor"),
            "end": BODY.index("The mayor") + len("The mayor"),
            "verdict": "true",
            "is_public": True,
            "severity": "advisory",
        }
        return AnnotationFactory(**(defaults | fields))

    shown = fact_check(claim="The mayor spoke.")
    fact_check(claim="Not public", is_public=False)
    fact_check(claim="Dismissed", status="dismissed", resolved_at="2024-01-01T00:00Z")
    draft = Article.objects.get(pk=article.pk)
    later = draft.revisions.create(number=2, headline="h", body=BODY, author=editor)
    fact_check(claim="On a newer draft", revision=later, created_on_revision=later)
    public_article_refresh(article=article)
    [check] = api.get(f"/api/v1/articles/{article.pk}/").json()["fact_checks"]
    assert check["id"] == shown.pk
    assert check["claim"] == "The mayor spoke."
    assert check["verdict"] == "true"
    assert check["verdict_label"] == "True"
    assert check["quote"] == "The mayor"
    assert check["span"] == {"block": 2, "start": 0, "end": len("The mayor")}


def test_entity_spans_point_into_the_body_blocks(api):
    authority = EntityFactory(name="harbour authority")
    mayor = EntityFactory(name="mayor", kind="person")
    start = BODY.index("mayor")
    article = published(mentions=[(authority, 4, 21), (mayor, start, start + 5)])
    data = api.get(f"/api/v1/articles/{article.pk}/").json()
    entities = {e["name"]: e for e in data["entities"]}
    assert entities["mayor"]["kind"] == "person"
    for entity in data["entities"]:
        for span in entity["spans"]:
            text = data["body"][span["block"]]["text"]
            assert text[span["start"] : span["end"]].lower() == entity["name"]


@pytest.mark.parametrize("pk", [999, 2**63, 10**30])
def test_an_unknown_article_is_404_not_an_error(api, pk):
    assert api.get(f"/api/v1/articles/{pk}/").status_code == 404


def test_an_article_never_published_has_no_public_row_even_if_approved(api):
    article = ArticleFactory()
    assert api.get(f"/api/v1/articles/{article.pk}/").status_code == 404

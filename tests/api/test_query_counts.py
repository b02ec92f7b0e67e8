"""The article list costs the same queries for any page size and any filter.

Prevents the slow list: a serializer that loads each article's entities, section or
corrections (N+1), a COUNT over the table for page numbers, or a filter that adds a
lookup query (the section filter resolves sub-sections inside the page's query).
Expected: the version probe and the page.
"""

import pytest
from django.test import Client

from articles.services.api_keys import api_key_issue
from tests.api.helpers import bulk_published, published
from tests.factories import EntityFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_QUERIES = 2  # PublicVersion probe + the page of stored payloads


@pytest.fixture
def many_articles(db):
    parent = SectionFactory(name="World", slug="world")
    child = SectionFactory(name="Asia", slug="asia", parent=parent)
    entity = EntityFactory(name="harbour authority")
    bulk_published(101, section=child, mentions=[(entity, 4, 21)])
    return {"entity": entity.pk}


FILTERS = [
    {},
    {"section": "world"},
    {"section": "asia"},
    {"entity": "ENTITY"},
    {"published_after": "2000-01-01T00:00:00Z"},
    {"published_before": "2999-01-01T00:00:00Z"},
    {"updated_since": "2000-01-01"},
    {"q": "ferry terminal"},
    {"format": "ninjs"},
    {"format": "jsonld"},
    {
        "section": "world",
        "entity": "ENTITY",
        "published_after": "2000-01-01",
        "q": "mayor",
    },
]


@pytest.mark.parametrize("page_size", [1, 20, 100])
@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "none")
def test_the_list_costs_the_same_queries_whatever_the_size_or_filter(
    api, many_articles, django_assert_num_queries, page_size, params
):
    params = {
        k: many_articles["entity"] if v == "ENTITY" else v for k, v in params.items()
    }
    with django_assert_num_queries(LIST_QUERIES):
        response = api.get("/api/v1/articles/", {**params, "page_size": page_size})
    assert response.status_code == 200
    data = response.json()
    assert len(data.get("results") or data["itemListElement"]) == page_size


def test_the_next_page_costs_the_same(api, many_articles, django_assert_num_queries):
    first = api.get("/api/v1/articles/?page_size=20").json()
    with django_assert_num_queries(LIST_QUERIES):
        api.get(first["next"])


def test_a_partner_key_adds_only_its_lookup(many_articles, django_assert_num_queries):
    _, raw = api_key_issue(name="Partner", by=UserFactory(admin=True))
    client = Client(HTTP_X_API_KEY=raw)
    for size in (1, 100):
        with django_assert_num_queries(LIST_QUERIES + 1):
            client.get("/api/v1/articles/", {"page_size": size})


def test_a_not_modified_answer_costs_one_query(
    api, many_articles, django_assert_num_queries
):
    etag = api.get("/api/v1/articles/")["ETag"]
    with django_assert_num_queries(1):
        response = api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_detail_costs_one_query(api, many_articles, django_assert_num_queries):
    """Its payload and its own version come from its row; revalidating a copy
    that has changed adds the small version query first."""
    article_id = api.get("/api/v1/articles/?page_size=1").json()["results"][0]["id"]
    with django_assert_num_queries(1):
        response = api.get(f"/api/v1/articles/{article_id}/")
    for _ in range(2):  # the second time checked before URL resolution: no more
        with django_assert_num_queries(2):
            api.get(f"/api/v1/articles/{article_id}/", HTTP_IF_NONE_MATCH='"0-stale"')
    assert response["ETag"]


@pytest.mark.parametrize("count", [2, 6])
def test_entities_and_corrections_lists_do_not_grow_with_rows(
    api, django_assert_num_queries, count
):
    entities = [EntityFactory(name=f"entity {n}") for n in range(count)]
    for entity in entities:
        entity.aliases.create(text=f"alias of {entity.name}")
        article = published(mentions=[(entity, 4, 21)])
        article.corrections.create(
            revision=article.published_revision,
            text="Fixed.",
            corrected_on="2024-01-01",
        )
    with django_assert_num_queries(3):  # entities, their aliases, their articles
        assert len(api.get("/api/v1/entities/").json()["results"]) == count
    with django_assert_num_queries(1):
        assert len(api.get("/api/v1/corrections/").json()["results"]) == count
    with django_assert_num_queries(2):  # sections, and all sections for their paths
        api.get("/api/v1/sections/")


@pytest.fixture(params=[15, 30], ids=lambda n: f"{n}-rows")
def archive(request, db):
    """N and 2N published articles, in a section under another."""
    parent = SectionFactory(name="World", slug="world")
    child = SectionFactory(name="Asia", slug="asia", parent=parent)
    ids = bulk_published(request.param, section=child)
    return {"count": request.param, "ids": ids, "section": child.pk}


HOT_URLS = {
    "list": ("/api/v1/articles/?page_size=10", LIST_QUERIES),
    "ninjs list": ("/api/v1/articles/?page_size=10&format=ninjs", LIST_QUERIES),
    "section list": ("/api/v1/articles/?page_size=10&section=world", LIST_QUERIES),
    "section id list": ("/api/v1/articles/?page_size=10&section=SECTION", 2),
    "detail": ("/api/v1/articles/ARTICLE/", 1),  # its payload and its version
    "ninjs detail": ("/api/v1/articles/ARTICLE/?format=ninjs", 1),
}


@pytest.fixture(params=["newsroom.urls", "tests.api.drf_only_urls"])
def served_by(request, settings) -> str:
    """The fast path (articles/api/fast.py) first, then the DRF views alone."""
    settings.ROOT_URLCONF = request.param
    return request.param


@pytest.mark.parametrize("name", HOT_URLS)
def test_the_polled_urls_cost_the_same_queries_at_n_and_2n_rows(
    api, archive, served_by, django_assert_num_queries, name
):
    url, queries = HOT_URLS[name]
    url = url.replace("ARTICLE", str(archive["ids"][-1]))
    url = url.replace("SECTION", str(archive["section"]))
    with django_assert_num_queries(queries):
        response = api.get(url)
    assert response.status_code == 200
    data = response.json()
    if "results" in data:
        assert len(data["results"]) == 10
        assert data["next"]
    for _ in range(2):  # the second time answered before URL resolution
        with django_assert_num_queries(1):  # the version probe, then 304
            again = api.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304


@pytest.mark.parametrize("name", [name for name in HOT_URLS if "list" in name])
def test_a_repeated_list_poll_costs_the_version_probe_alone(
    api, archive, django_assert_num_queries, name
):
    """The fast path keeps a finished page under the public state it was built in:
    polled again in that state, it is sent without the page query."""
    url = HOT_URLS[name][0].replace("SECTION", str(archive["section"]))
    first = api.get(url)
    with django_assert_num_queries(1):
        again = api.get(url)
    assert again.status_code == 200 and again.content == first.content

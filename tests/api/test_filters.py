"""Article filters, cursor pagination, and a 400 (never a 500) for what they refuse."""

import base64
import datetime
import itertools

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article, PublicArticle
from articles.services.publishing import public_article_refresh
from tests.api.helpers import published
from tests.factories import EntityFactory, SectionFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def _ids(api, **params) -> list[int]:
    response = api.get("/api/v1/articles/", params)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_section_filter_takes_slug_or_id_and_includes_sub_sections(api):
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    kabul = SectionFactory(name="Kabul", slug="kabul", parent=asia)
    sport = SectionFactory(name="Sport", slug="sport")
    in_world = published(section=world, published_at=NOW)
    in_asia = published(section=asia, published_at=NOW - datetime.timedelta(hours=1))
    in_kabul = published(section=kabul, published_at=NOW - datetime.timedelta(hours=2))
    published(section=sport)

    expected = [in_world.pk, in_asia.pk, in_kabul.pk]
    assert _ids(api, section="world") == expected
    assert _ids(api, section=str(world.pk)) == expected
    assert _ids(api, section="asia") == expected[1:]
    assert _ids(api, section="kabul") == expected[2:]
    assert _ids(api, section="no-such-section") == []


def test_entity_filter_lists_the_articles_that_mention_it(api):
    authority = EntityFactory(name="harbour authority")
    mentioning = published(mentions=[(authority, 4, 21)])
    published()
    assert _ids(api, entity=authority.pk) == [mentioning.pk]
    assert _ids(api, entity=authority.pk + 100) == []


def test_published_after_and_before_are_a_half_open_interval(api):
    day = datetime.timedelta(days=1)
    old = published(published_at=NOW - 2 * day)
    middle = published(published_at=NOW - day)
    new = published(published_at=NOW)
    middle_at = (NOW - day).isoformat()
    assert _ids(api, published_after=middle_at) == [new.pk, middle.pk]
    assert _ids(api, published_before=middle_at) == [old.pk]
    assert _ids(api, published_after=(NOW - 2 * day).date().isoformat()) == [
        new.pk,
        middle.pk,
        old.pk,
    ]
    assert _ids(
        api, published_after="2000-01-01T00:00:00Z", published_before=middle_at
    ) == [old.pk]


def test_updated_since_finds_what_was_republished_since_the_last_sync(api):
    first = published()
    second = published()
    sync_point = PublicArticle.objects.get(article=second).updated_at
    assert _ids(api, updated_since=sync_point.isoformat()) == [second.pk]
    public_article_refresh(article=Article.objects.get(pk=first.pk))
    assert set(_ids(api, updated_since=sync_point.isoformat())) == {
        first.pk,
        second.pk,
    }


def test_q_searches_headline_and_body_for_every_word(api):
    ferry = published(headline="Ferry terminal opens", body="Passengers cheered.")
    published(headline="Budget vote", body="The council approved the budget.")
    assert _ids(api, q="terminal") == [ferry.pk]
    assert _ids(api, q="passengers FERRY") == [ferry.pk]
    assert _ids(api, q="ferry budget") == []
    assert _ids(api, q="submarine") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_q_on_postgresql_is_full_text_search_with_stemming(api):
    ferry = published(headline="Ferries return", body="The terminals reopened.")
    assert _ids(api, q="ferry terminal") == [ferry.pk]


GARBAGE = [
    ("section", "a b"),
    ("section", "../etc"),
    ("section", "0"),
    ("section", "9" * 30),
    ("section", "x" * 101),
    ("section", "news\x00"),
    ("entity", "abc"),
    ("entity", "1.5"),
    ("entity", "-3"),
    ("entity", "0"),
    ("entity", "9" * 30),
    ("entity", "1\x00"),
    ("published_after", "garbage"),
    ("published_after", "2024-13-01"),
    ("published_after", "2024-05-01T25:00"),
    ("published_after", "9999-12-31T23:59:59-23:59"),
    ("published_after", "0001-01-01T00:00:00+14:00"),
    ("published_before", "yesterday"),
    ("published_before", "2024-05-01T00:00\x00"),
    ("updated_since", "1714521600"),
    ("updated_since", "2024-02-30"),
    ("q", "!!!"),
    ("q", "x" * 201),
    ("q", "ferry\x00"),
    ("page_size", "0"),
    ("page_size", "101"),
    ("page_size", "ten"),
    ("page_size", "-1"),
    ("page_size", "1.5"),
    ("cursor", "zzz"),
    ("cursor", base64.b64encode(b"p=not-a-date").decode()),
    ("cursor", base64.b64encode(b"o=-1").decode()),
    ("cursor", base64.b64encode(b"p=9999-12-31 23:59:59-23:59").decode()),
    ("format", "xml"),
]


@pytest.mark.parametrize(("name", "value"), GARBAGE)
def test_a_value_the_api_does_not_take_is_a_400_naming_the_parameter(api, name, value):
    published()
    response = api.get("/api/v1/articles/", {name: value})
    assert response.status_code == 400
    assert name in response.json(), response.json()
    assert response.json()[name][0]


def test_cursor_pages_walk_every_article_once_newest_first(api):
    same_time = NOW - datetime.timedelta(hours=1)
    articles = [
        published(published_at=NOW - datetime.timedelta(minutes=n)) for n in range(5)
    ]
    articles += [published(published_at=same_time) for _ in range(4)]
    expected = [a.pk for a in articles[:5]] + sorted(
        (a.pk for a in articles[5:]), reverse=True
    )

    seen, url = [], "/api/v1/articles/?page_size=2"
    while url:
        page = api.get(url).json()
        seen += [item["id"] for item in page["results"]]
        url = page["next"]
    assert seen == expected

    last = api.get("/api/v1/articles/?page_size=4").json()
    second = api.get(last["next"]).json()
    back = api.get(second["previous"]).json()
    assert [i["id"] for i in back["results"]] == expected[:4]


def _walk(api, url: str, direction: str) -> list[list[int]]:
    """The pages met following `direction` links from `url`, each as its ids."""
    pages = []
    while url:
        page = api.get(url).json()
        pages.append([item["id"] for item in page["results"]])
        url = page[direction]
    return pages


@pytest.mark.parametrize("query", ["", "&published_after=2000-01-01"])
def test_pages_walk_forward_and_back_through_ties(api, query):
    """The unfiltered list (precompiled SQL) and a filtered one (the ORM) agree."""
    tie = NOW - datetime.timedelta(hours=1)
    articles = [published(published_at=tie) for _ in range(5)]
    articles += [
        published(published_at=NOW - datetime.timedelta(hours=n)) for n in (0, 2)
    ]
    expected = [articles[5].pk, *sorted((a.pk for a in articles[:5]), reverse=True)]
    expected.append(articles[6].pk)

    forward = _walk(api, f"/api/v1/articles/?page_size=2{query}", "next")
    assert list(itertools.chain(*forward)) == expected
    last = api.get(f"/api/v1/articles/?page_size=3{query}").json()
    while last["next"]:
        last = api.get(last["next"]).json()
    backward = _walk(api, last["previous"], "previous")
    pages = [*backward[::-1], [item["id"] for item in last["results"]]]
    assert list(itertools.chain(*pages)) == expected
    assert api.get(f"/api/v1/articles/?page_size=3{query}").json()["previous"] is None


def test_page_size_takes_1_to_100_and_defaults_to_20(api):
    for _ in range(21):
        published()
    assert len(_ids(api)) == 20
    assert len(_ids(api, page_size=1)) == 1
    assert len(_ids(api, page_size=100)) == 21


@pytest.mark.parametrize("query", ["", "&published_after=2000-01-01"])
@pytest.mark.parametrize("by", ["slug", "id"])
def test_a_section_tree_pages_forward_and_back_through_ties(api, query, by):
    """A section alone (precompiled SQL, newest of each section first) and with
    another filter (the ORM) page the same: the tree's articles, newest first."""
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    city = SectionFactory(name="City", slug="city", parent=asia)
    other = SectionFactory(name="Sport", slug="sport")
    tie = NOW - datetime.timedelta(hours=1)
    inside = [
        published(published_at=tie, section=s)
        for s in (world, asia, city, world, asia, city)
    ]
    inside += [
        published(published_at=NOW - datetime.timedelta(hours=n), section=s)
        for n, s in ((0, city), (2, world), (3, asia))
    ]
    published(published_at=NOW, section=other)
    published(published_at=tie, section=other)
    ties = sorted((a.pk for a in inside[:6]), reverse=True)
    expected = [inside[6].pk, *ties, inside[7].pk, inside[8].pk]
    ref = world.slug if by == "slug" else world.pk

    url = f"/api/v1/articles/?page_size=2&section={ref}{query}"
    assert list(itertools.chain(*_walk(api, url, "next"))) == expected
    last = api.get(f"/api/v1/articles/?page_size=4&section={ref}{query}").json()
    while last["next"]:
        last = api.get(last["next"]).json()
    backward = _walk(api, last["previous"], "previous")
    pages = [*backward[::-1], [item["id"] for item in last["results"]]]
    assert list(itertools.chain(*pages)) == expected

"""Sections, entities and corrections: what downstream sites may read of them."""

import pytest

from articles.models import Mention
from articles.services.publishing import public_article_refresh
from articles.services.workflow import article_retract
from tests.api.helpers import BODY, published
from tests.factories import EntityAliasFactory, EntityFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_sections_list_the_taxonomy_with_paths_and_article_links(api):
    world = SectionFactory(name="World", slug="world")
    SectionFactory(name="Asia", slug="asia", parent=world)
    sections = {s["slug"]: s for s in api.get("/api/v1/sections/").json()}
    assert sections["asia"]["path"] == "World > Asia"
    assert sections["asia"]["parent"] == world.pk
    assert sections["world"]["articles_url"] == "/api/v1/articles/?section=world"
    children = api.get("/api/v1/sections/", {"parent": world.pk}).json()
    assert [s["slug"] for s in children] == ["asia"]
    assert api.get("/api/v1/sections/", {"parent": "x"}).status_code == 400


def test_entities_are_those_live_articles_mention_with_aliases_and_articles(api):
    authority = EntityFactory(name="Harbour Authority", kind="organisation")
    EntityAliasFactory(entity=authority, text="HA")
    EntityFactory(name="Never mentioned")
    article = published(mentions=[(authority, 4, 21)])
    [entity] = api.get("/api/v1/entities/").json()["results"]
    assert entity["name"] == "Harbour Authority"
    assert entity["kind"] == "organisation"
    assert entity["aliases"] == ["HA"]
    assert entity["articles"] == [
        {
            "id": article.pk,
            "url": f"/api/v1/articles/{article.pk}/",
            "headline": article.headline,
        }
    ]
    assert entity["articles_url"] == f"/api/v1/articles/?entity={authority.pk}"


def test_entities_of_retracted_articles_drop_out(api, publish, editor2):
    authority = EntityFactory(name="Harbour Authority")
    article = publish()
    Mention.objects.create(
        revision=article.published_revision, entity=authority, start=4, end=21
    )
    public_article_refresh(article=article)
    assert len(api.get("/api/v1/entities/").json()["results"]) == 1
    article_retract(article=article, by=editor2, reason="Withdrawn.")
    assert api.get("/api/v1/entities/").json()["results"] == []


def test_entities_filter_by_kind_and_name_or_alias(api):
    person = EntityFactory(name="Jane Mayor", kind="person")
    EntityAliasFactory(entity=person, text="The Mayor")
    place = EntityFactory(name="River Bank", kind="place")
    published(mentions=[(person, 4, 21), (place, 60, 70)])

    def names(**params) -> list[str]:
        results = api.get("/api/v1/entities/", params).json()["results"]
        return [entity["name"] for entity in results]

    assert names(kind="person") == ["Jane Mayor"]
    assert names(name="the may") == ["Jane Mayor"]
    assert names(name="river") == ["River Bank"]
    assert api.get("/api/v1/entities/", {"kind": "robot"}).status_code == 400


def test_corrections_are_public_only_once_their_revision_is_published(api, editor):
    article = published(author=editor)
    later = article.revisions.create(number=2, headline="h", body=BODY, author=editor)
    article.corrections.create(
        revision=article.published_revision,
        text="Published fix.",
        corrected_on="2024-05-01",
    )
    article.corrections.create(
        revision=later, text="Draft fix.", corrected_on="2024-05-02"
    )
    [correction] = api.get("/api/v1/corrections/").json()["results"]
    assert correction["text"] == "Published fix."
    assert correction["date"] == "2024-05-01"
    assert correction["article"]["id"] == article.pk
    assert (
        api.get("/api/v1/corrections/", {"since": "2024-05-02"}).json()["results"] == []
    )
    assert api.get("/api/v1/corrections/", {"since": "someday"}).status_code == 400
    assert api.get("/api/v1/corrections/", {"article": "0"}).status_code == 400

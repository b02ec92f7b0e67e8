"""RSS and Atom feeds of the latest published articles, overall and per section."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.services.workflow import article_retract
from tests.api.helpers import published
from tests.articles.workflow_helpers import article_in
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_titles(api, url: str) -> list[str]:
    response = api.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [
        item.findtext("title") for item in ET.fromstring(response.content).iter("item")
    ]


def _atom_titles(api, url: str) -> list[str]:
    response = api.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_the_feeds_list_published_articles_newest_first(api):
    now = timezone.now()
    published(headline="Older", published_at=now - datetime.timedelta(hours=1))
    published(headline="Newer", published_at=now)
    article_in("approved", headline="Not published yet")
    assert _rss_titles(api, "/feeds/rss/") == ["Newer", "Older"]
    assert _atom_titles(api, "/feeds/atom/") == ["Newer", "Older"]


def test_a_section_feed_includes_its_sub_sections_only(api):
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    published(headline="In Asia", section=asia)
    published(headline="In World", section=world)
    published(headline="Elsewhere")
    assert sorted(_rss_titles(api, "/feeds/sections/world/rss/")) == [
        "In Asia",
        "In World",
    ]
    assert _atom_titles(api, "/feeds/sections/asia/atom/") == ["In Asia"]
    assert api.get("/feeds/sections/nowhere/rss/").status_code == 404


def test_feed_items_link_to_the_article_and_summarise_the_published_text(api):
    article = published(headline="Ferry", body="First.\n\n## Sub\n\nSecond.\n\nThird.")
    item = ET.fromstring(api.get("/feeds/rss/").content).find("channel/item")
    assert item.findtext("link") == f"http://testserver/api/v1/articles/{article.pk}/"
    assert item.findtext("description") == "First.\n\nSecond."
    assert item.findtext("guid") == f"article-{article.pk}"


def test_a_retracted_article_leaves_the_feeds(api, publish, editor2):
    article = publish(headline="Soon withdrawn")
    assert _rss_titles(api, "/feeds/rss/") == ["Soon withdrawn"]
    article_retract(article=article, by=editor2, reason="Withdrawn.")
    assert _rss_titles(api, "/feeds/rss/") == []


def test_text_in_feeds_is_escaped(api):
    published(headline="<b>Bold</b> & co", body="<script>x</script>")
    content = api.get("/feeds/rss/").content.decode()
    assert "<script>" not in content and "<b>" not in content
    assert _rss_titles(api, "/feeds/rss/") == ["<b>Bold</b> & co"]


def test_feed_items_link_to_the_public_site_when_it_is_configured(api, settings):
    settings.NEWSROOM_PUBLIC_ARTICLE_URL = "https://news.example.org/{section}/{slug}/"
    world = SectionFactory(name="World", slug="world")
    published(headline="Ferry", section=world)
    rss = ET.fromstring(api.get("/feeds/rss/").content).find("channel/item")
    atom = ET.fromstring(api.get("/feeds/atom/").content).find(f"{ATOM}entry")
    assert rss.findtext("link") == "https://news.example.org/world/ferry/"
    assert (
        atom.find(f"{ATOM}link").get("href") == "https://news.example.org/world/ferry/"
    )


def test_a_public_url_template_that_cannot_be_filled_in_is_a_start_up_error(settings):
    from articles.checks import check_public_article_url

    settings.NEWSROOM_PUBLIC_ARTICLE_URL = "https://news.example.org/{headline}/"
    [error] = check_public_article_url(None)
    assert error.id == "articles.E001"
    settings.NEWSROOM_PUBLIC_ARTICLE_URL = "https://news.example.org/{id}-{slug}"
    assert check_public_article_url(None) == []

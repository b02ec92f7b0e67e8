"""RSS and Atom feeds of the latest published articles, overall and per section.

Items come from the stored public payloads (the published revision, as rendered at
publication); a section's feed includes its sub-sections. Feeds answer conditional
requests from the same version probe as the API.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed

from articles.api.caching import public_conditional
from articles.models import PublicArticle, Section
from articles.selectors.public import in_section_tree, live_public_articles

FEED_SIZE = 30
SUMMARY_BLOCKS = 2


class LatestArticlesFeed(Feed):
    """RSS 2.0: the latest published articles."""

    title = "Newsroom review desk: latest articles"
    description = "The latest published articles."

    def link(self) -> str:
        return reverse("api:article-list")

    def items(self) -> QuerySet[PublicArticle]:
        return self.articles(live_public_articles())

    def articles(self, queryset: QuerySet[PublicArticle]) -> QuerySet[PublicArticle]:
        return queryset.select_related("section").only(
            "article_id",
            "headline",
            "payload",
            "published_at",
            "updated_at",
            "section__name",
        )[:FEED_SIZE]

    def item_title(self, item: PublicArticle) -> str:
        return item.headline

    def item_description(self, item: PublicArticle) -> str:
        paragraphs = [
            block["text"]
            for block in item.payload["body"]
            if block["type"] == "paragraph"
        ]
        return "\n\n".join(paragraphs[:SUMMARY_BLOCKS])

    def item_link(self, item: PublicArticle) -> str:
        return public_article_url(item.payload)

    def item_guid(self, item: PublicArticle) -> str:
        return f"article-{item.article_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PublicArticle):
        return item.published_at

    def item_updateddate(self, item: PublicArticle):
        return item.updated_at

    def item_categories(self, item: PublicArticle) -> list[str]:
        return [item.section.name] if item.section else []


def public_article_url(payload: dict) -> str:
    """Where readers find the article: NEWSROOM_PUBLIC_ARTICLE_URL filled in from
    the published payload, or the API's article URL when that is not set.
    """
    template = settings.NEWSROOM_PUBLIC_ARTICLE_URL
    if not template:
        return payload["url"]
    section = payload.get("section") or {}
    return template.format(
        id=payload["id"], slug=payload["slug"], section=section.get("slug", "")
    )


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """Atom 1.0: the latest published articles."""

    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class SectionArticlesFeed(LatestArticlesFeed):
    """RSS 2.0: the latest published articles in a section and its sub-sections."""

    def get_object(self, request: HttpRequest, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def title(self, section: Section) -> str:
        return f"Newsroom review desk: {section}"

    def description(self, section: Section) -> str:
        return f"The latest published articles in {section}."

    def link(self, section: Section) -> str:
        return f"{reverse('api:article-list')}?section={section.slug}"

    def items(self, section: Section) -> QuerySet[PublicArticle]:
        return self.articles(
            in_section_tree(live_public_articles(), section=section.pk)
        )


class SectionArticlesAtomFeed(SectionArticlesFeed):
    """Atom 1.0: the latest published articles in a section and its sub-sections."""

    feed_type = Atom1Feed

    def subtitle(self, section: Section) -> str:
        return self.description(section)


app_name = "feeds"

urlpatterns = [
    path("rss/", public_conditional(LatestArticlesFeed()), name="latest-rss"),
    path("atom/", public_conditional(LatestArticlesAtomFeed()), name="latest-atom"),
    path(
        "sections/<slug:slug>/rss/",
        public_conditional(SectionArticlesFeed()),
        name="section-rss",
    ),
    path(
        "sections/<slug:slug>/atom/",
        public_conditional(SectionArticlesAtomFeed()),
        name="section-atom",
    ),
]

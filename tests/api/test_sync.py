"""The issue's "done when": a downstream site syncs by polling `updated_since` with
ETags, and never sees a draft."""

import datetime

import pytest
from django.utils import timezone

from articles.models import PublicVersion
from articles.services.revisions import article_edit
from tests.api.helpers import BODY

pytestmark = pytest.mark.django_db

OVERLAP = datetime.timedelta(minutes=1)


class Downstream:
    """A partner site: its copies, and what it remembers between polls.

    It watches one URL with If-None-Match (a 304 costs the API one query); when that
    changes it fetches what was updated since its last sync, page by page.
    """

    WATCH = "/api/v1/articles/?page_size=1"

    def __init__(self, client) -> None:
        self.client = client
        self.articles: dict[int, dict] = {}
        self.since: str | None = None
        self.etag: str | None = None
        self.requests = 0

    def get(self, url: str, params: dict | None = None, **headers):
        self.requests += 1
        return self.client.get(url, params or {}, **headers)

    def poll(self) -> int:
        """Sync once; return the status of the watched URL."""
        headers = {"HTTP_IF_NONE_MATCH": self.etag} if self.etag else {}
        watched = self.get(self.WATCH, **headers)
        if watched.status_code == 304:
            return 304
        self.etag = watched["ETag"]
        # A publication that started before this sync may commit after it: overlap.
        started = (timezone.now() - OVERLAP).isoformat()
        params = {"page_size": 100}
        if self.since:
            params["updated_since"] = self.since
        page = self.get("/api/v1/articles/", params).json()
        while True:
            for article in page["results"]:
                self.articles[article["id"]] = article
            if not page["next"]:
                break
            page = self.get(page["next"]).json()
        self.since = started
        return 200


def test_a_partner_syncs_published_articles_with_few_requests(api, publish, editor):
    PublicVersion.objects.update_or_create(
        pk=1, defaults={"counter": 0, "changed_at": timezone.now()}
    )
    first, second, third = publish(), publish(), publish()
    site = Downstream(api)
    assert site.poll() == 200
    assert set(site.articles) == {first.pk, second.pk, third.pk}
    requests = site.requests
    assert site.poll() == 304  # nothing new: one cheap request
    assert site.requests == requests + 1

    article_edit(  # a draft edit is invisible downstream
        article=first,
        by=editor,
        base_revision_id=first.current_revision_id,
        headline=first.headline,
        body=BODY.replace("two thousand", "three thousand"),
        correction="It carries three thousand passengers.",
    )
    assert site.poll() == 304

    first.refresh_from_db()
    publish(first)  # the correction goes out
    fourth = publish()
    before = site.requests
    assert site.poll() == 200
    assert site.requests - before == 2  # the watched URL, then what changed
    assert "three thousand" in site.articles[first.pk]["body"][2]["text"]
    assert site.articles[first.pk]["corrections"][0]["date"] == str(
        timezone.localdate()
    )
    assert fourth.pk in site.articles
    assert site.articles[first.pk]["version"] == 2

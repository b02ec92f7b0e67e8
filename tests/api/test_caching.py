"""Conditional requests: ETag and Last-Modified from the version probe, 304 on a
match, and never a stale 304 after a publication, a correction or a retraction."""

import datetime
import time

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date

from articles.api import caching
from articles.models import PublicVersion
from articles.services.publishing import public_article_refresh
from articles.services.revisions import article_edit
from articles.services.workflow import article_retract
from tests.api.helpers import BODY, published
from tests.factories import SectionFactory

HOUR = datetime.timedelta(hours=1)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _probe_in_the_past(db):
    """A fresh test database's probe row may be less than a second old, which would
    hold Last-Modified back (it never runs ahead of the clock) for a second."""
    PublicVersion.objects.update_or_create(
        pk=1, defaults={"counter": 0, "changed_at": timezone.now() - HOUR}
    )


URLS = [
    "/api/v1/articles/",
    "/api/v1/articles/?section=no-such&page_size=5",
    "/api/v1/articles/?format=ninjs",
    "/feeds/rss/",
    "/feeds/atom/",
]


def _validators(api, url: str) -> tuple[str, str]:
    response = api.get(url)
    assert response.status_code == 200
    return response["ETag"], response["Last-Modified"]


def _is_fresh(api, url: str, etag: str, last_modified: str) -> bool:
    """Whether the API answers 304 to both kinds of conditional request."""
    by_tag = api.get(url, HTTP_IF_NONE_MATCH=etag).status_code
    by_date = api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code
    assert by_tag == by_date, url
    return by_tag == 304


def _a_second_later() -> None:
    """As if the change happened two seconds ago: a copy dated in the very second of
    a change cannot be validated by date (the probe rounds up to the next second)."""
    PublicVersion.objects.filter(pk=1).update(
        changed_at=timezone.now() - datetime.timedelta(seconds=2)
    )


@pytest.mark.parametrize("url", URLS)
def test_a_repeated_request_gets_304_with_the_same_validators(api, url):
    published()
    _a_second_later()
    etag, last_modified = _validators(api, url)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_validators_differ_by_query_and_format(api):
    article = published()
    tags = {
        api.get(url)["ETag"]
        for url in [
            "/api/v1/articles/",
            "/api/v1/articles/?page_size=1",
            "/api/v1/articles/?format=jsonld",
            f"/api/v1/articles/{article.pk}/",
            f"/api/v1/articles/{article.pk}/?format=ninjs",
        ]
    }
    assert len(tags) == 5
    accept_json = api.get("/api/v1/articles/")["ETag"]
    accept_ld = api.get("/api/v1/articles/", HTTP_ACCEPT="application/ld+json")["ETag"]
    assert accept_json != accept_ld


def test_no_stale_304_after_publication_correction_or_retraction(
    api, publish, editor, editor2
):
    first = publish()
    detail = f"/api/v1/articles/{first.pk}/"
    urls = [*URLS, detail]

    def snapshot() -> dict[str, tuple[str, str]]:
        return {url: _validators(api, url) for url in urls}

    def assert_all_stale(before: dict) -> None:
        for url, (etag, last_modified) in before.items():
            assert not _is_fresh(api, url, etag, last_modified), url

    before = snapshot()
    second = publish()  # a publication: every list changes, not the first's detail
    assert_all_stale({url: v for url, v in before.items() if url != detail})
    etag = before[detail][0]
    assert api.get(detail, HTTP_IF_NONE_MATCH=etag).status_code == 304

    before = snapshot()
    article_edit(
        article=first,
        by=editor,
        base_revision_id=first.current_revision_id,
        headline=first.headline,
        body=BODY.replace("river", "east"),
        correction="The terminal is on the east bank.",
    )
    first.refresh_from_db()
    publish(first)  # a correction goes public
    assert_all_stale(before)
    assert api.get(detail).json()["corrections"][0]["text"].startswith("The terminal")

    urls.remove(detail)
    before = snapshot()
    article_retract(article=second, by=editor2, reason="Withdrawn.")  # a retraction
    assert_all_stale(before)


def test_editing_without_publishing_keeps_clients_fresh(api, publish, editor):
    article = publish()
    _a_second_later()
    etag, last_modified = _validators(api, "/api/v1/articles/")
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=BODY + "\n\nA draft paragraph.",
        correction="A draft correction.",
    )
    assert _is_fresh(api, "/api/v1/articles/", etag, last_modified)


def test_two_changes_within_one_second_still_make_the_first_copy_stale(
    api, monkeypatch
):
    frozen = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: frozen)
    monkeypatch.setattr(time, "time", frozen.timestamp)  # the same clock
    published()
    etag, last_modified = _validators(api, "/api/v1/articles/")
    published()  # same second: Last-Modified alone cannot tell them apart
    assert not _is_fresh(api, "/api/v1/articles/", etag, last_modified)
    assert (
        api.get("/api/v1/articles/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code
        == 200
    )


def test_last_modified_is_never_later_than_now(api):
    for _ in range(5):  # a burst in one second
        published()
    response = api.get("/api/v1/articles/")
    assert parse_http_date(response["Last-Modified"]) <= time.time()
    assert PublicVersion.objects.get(pk=1).changed_at <= timezone.now()


def test_a_copy_dated_in_the_second_of_a_change_is_not_fresh_by_date(api, monkeypatch):
    """Date-only clients: the copy's Last-Modified second may hold a later change."""
    frozen = timezone.now().replace(microsecond=500_000)
    monkeypatch.setattr(timezone, "now", lambda: frozen)
    monkeypatch.setattr(time, "time", frozen.timestamp)
    published()
    _, last_modified = _validators(api, "/api/v1/articles/")
    response = api.get("/api/v1/articles/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200


def test_if_none_match_wins_over_if_modified_since(api):
    published()
    _, last_modified = _validators(api, "/api/v1/articles/")
    response = api.get(
        "/api/v1/articles/",
        HTTP_IF_NONE_MATCH='"0-stale"',
        HTTP_IF_MODIFIED_SINCE=last_modified,
    )
    assert response.status_code == 200


def test_weak_and_listed_etags_match(api):
    published()
    etag, _ = _validators(api, "/api/v1/articles/")
    listed = f'"other", W/{etag}'
    assert api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=listed).status_code == 304


def test_not_modified_is_answered_before_throttling(api, settings):
    published()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "partner": "5/min"},
    }
    etag, _ = _validators(api, "/api/v1/articles/")
    for _ in range(5):
        response = api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
    assert api.get("/api/v1/articles/?page_size=3").status_code == 200
    assert api.get("/api/v1/articles/?page_size=4").status_code == 429


def test_public_responses_say_how_long_to_cache_and_errors_say_not_to(api):
    article = published()
    for url in ["/api/v1/articles/", f"/api/v1/articles/{article.pk}/"]:
        response = api.get(url)
        assert "public" in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
        assert "Accept" in response["Vary"]
    assert "no-store" in api.get("/api/v1/articles/?page_size=0")["Cache-Control"]


def test_sections_and_entities_revalidate_by_content(api):
    published()
    response = api.get("/api/v1/sections/")
    etag = response["ETag"]
    assert api.get("/api/v1/sections/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    SectionFactory(name="Renamed desk")  # no publication, yet the list changed
    assert api.get("/api/v1/sections/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_article_detail_has_its_own_version(api):
    first = published()
    url = f"/api/v1/articles/{first.pk}/"
    etag = api.get(url)["ETag"]
    published()  # another article: the first's copy is still current
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    public_article_refresh(article=first)  # its own change
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/?page_size=0",
        "/api/v1/articles/?cursor=not-a-cursor",
        "/api/v1/articles/?format=xml",
        "/api/v1/articles/?section=%20world",
        "/api/v1/articles/?published_after=yesterday",
        "/api/v1/articles/?page_size=2&page_size=3",
        "ARTICLE?format=xml",
        "ARTICLE?format=json&format=ninjs",
    ],
)
def test_a_refused_parameter_is_a_400_even_when_nothing_changed(api, url):
    """A date-validated client gets the view's answer to its query, never a 304."""
    article = published()
    url = url.replace("ARTICLE", f"/api/v1/articles/{article.pk}/")
    future = "Fri, 01 Jan 2100 00:00:00 GMT"
    for _ in range(2):  # the second time, from the remembered verdict
        response = api.get(url, HTTP_IF_MODIFIED_SINCE=future)
        assert response.status_code == 400
        assert response.json()
    assert api.get(url).status_code == 400
    valid = url.partition("?")[0] + "?page_size=3"
    for _ in range(2):
        assert api.get(valid, HTTP_IF_MODIFIED_SINCE=future).status_code == 304


def test_an_accept_header_the_api_cannot_serve_is_not_a_304(api):
    published()
    future = "Fri, 01 Jan 2100 00:00:00 GMT"
    response = api.get(
        "/api/v1/articles/", HTTP_IF_MODIFIED_SINCE=future, HTTP_ACCEPT="text/csv"
    )
    assert response.status_code == 406
    fresh = api.get(
        "/api/v1/articles/?section=world&page_size=5",
        HTTP_IF_MODIFIED_SINCE=future,
        HTTP_ACCEPT="application/ninjs+json",
    )
    assert fresh.status_code == 304


# --- the probe on the driver's cursor (selectors/public.py, _fetch_one) -----------


def test_the_probe_reads_the_database_on_every_request(api):
    """Another process's publication is seen at once: nothing is kept in memory."""
    published()
    _a_second_later()
    etag, _ = _validators(api, "/api/v1/articles/")
    assert api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # As another app server would: the row changes, nothing in this process runs.
    PublicVersion.objects.filter(pk=1).update(counter=F("counter") + 1)
    response = api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_the_probe_is_the_same_whether_queries_are_watched_or_not(api):
    article = published()
    _a_second_later()
    urls = ["/api/v1/articles/", f"/api/v1/articles/{article.pk}/"]
    plain = {url: _validators(api, url) for url in urls}
    with CaptureQueriesContext(connection) as watched:
        assert {url: _validators(api, url) for url in urls} == plain
        for url in urls:
            response = api.get(url, HTTP_IF_NONE_MATCH=plain[url][0])
            assert response.status_code == 304
    assert len(watched) == 4  # two answers and two probes, all seen


def test_an_execute_wrapper_sees_the_probe(api):
    published()
    _a_second_later()
    etag, _ = _validators(api, "/api/v1/articles/")
    seen = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(seen) == 1 and PublicVersion._meta.db_table in seen[0]


# --- answered before URL resolution (caching.EarlyNotModifiedMiddleware) ---------


@pytest.mark.parametrize("method", ["get", "head"])
def test_a_repeated_conditional_poll_is_answered_before_url_resolution(
    api, method, django_assert_num_queries
):
    article = published()
    _a_second_later()
    for url in ["/api/v1/articles/?page_size=5", f"/api/v1/articles/{article.pk}/"]:
        etag, _ = _validators(api, url)
        caching.CHECKED_PATHS.clear()  # the list's first request was checked
        answers = []
        for _ in range(2):
            with django_assert_num_queries(1):  # the version probe
                answers.append(getattr(api, method)(url, HTTP_IF_NONE_MATCH=etag))
        by_view, early = answers
        assert by_view.wsgi_request.resolver_match is not None
        assert early.wsgi_request.resolver_match is None  # no URL resolution
        assert early.status_code == by_view.status_code == 304
        assert dict(early.headers) == dict(by_view.headers)


def test_a_stale_copy_of_a_checked_path_gets_the_new_answer(
    api, django_assert_num_queries
):
    url = "/api/v1/articles/?page_size=5"
    published()
    _a_second_later()
    etag, _ = _validators(api, url)
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # checked
    newer = published()
    with django_assert_num_queries(2):  # one probe, then the page
        response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    assert response.json()["results"][0]["id"] == newer.pk


def test_a_checked_path_still_refuses_a_bad_query(api):
    published()
    _a_second_later()
    etag, _ = _validators(api, "/api/v1/articles/")
    assert api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    refused = api.get("/api/v1/articles/?page_size=0", HTTP_IF_NONE_MATCH=etag)
    assert refused.status_code == 400


def test_checked_paths_are_bounded(rf):
    paths = caching.CheckedPaths(limit=2)
    for path in ["/a/", "/b/", "/c/"]:
        paths.remember(rf.get(path), lambda request, kwargs: None, {})
    assert len(paths._checks) == 1  # past the bound: all forgotten, then /c/

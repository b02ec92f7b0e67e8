"""The fast path (articles/api/fast.py) answers the common polls exactly as the DRF
views would: same status, headers and body, and the same throttle counts.

Each request is made twice, through the project's URLs and through
tests/api/drf_only_urls.py (the same views without the fast path), and the two
answers are compared whole.
"""

import datetime
import time
from unittest import mock

import pytest
from django.db.models import F
from django.test import RequestFactory

from articles.api import caching, fast
from articles.models import Article, PublicArticle, PublicVersion, Section
from articles.selectors.public import PublicState
from articles.services.sections import section_update
from articles.services.workflow import article_retract
from tests.api.helpers import bulk_published, published
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

DRF_ONLY = "tests.api.drf_only_urls"


@pytest.fixture
def archive(db, editor2):
    """Articles in a section and its sub-section, and one retracted article."""
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    ids = bulk_published(4, section=asia, prefix="asia")
    ids += bulk_published(3, section=world, prefix="world")
    retracted = published()
    article_retract(article=retracted, by=editor2, reason="The source withdrew it.")
    # Within the second of a change, Last-Modified is "now" (never ahead of the
    # clock) and moves between two requests: date the archive a minute back.
    minute = datetime.timedelta(minutes=1)
    PublicVersion.objects.update(changed_at=F("changed_at") - minute)
    PublicArticle.objects.update(updated_at=F("updated_at") - minute)
    return {"ids": ids, "retracted": retracted.pk, "asia": asia.pk}


def _answer(client, url: str, headers: dict) -> tuple[int, dict, bytes]:
    response = client.get(url, headers=headers)
    return response.status_code, dict(response.headers), response.content


def _both(api, settings, url: str, headers: dict | None = None) -> tuple:
    """The answers with and without the fast path, at one reading of the clock
    (Last-Modified is never later than the clock, so within a second of a change
    two readings a second apart would date the same answer differently)."""
    with mock.patch("time.time", return_value=time.time()):
        with_fast_path = _answer(api, url, headers or {})
        settings.ROOT_URLCONF = DRF_ONLY
        drf_only = _answer(api, url, headers or {})
        settings.ROOT_URLCONF = "newsroom.urls"
    return with_fast_path, drf_only


# (url, request headers); ARTICLE, RETRACTED and ASIA are put in from the archive.
TAKEN = [
    ("/api/v1/articles/", {}),
    ("/api/v1/articles/?page_size=2", {}),
    ("/api/v1/articles/?page_size=2&format=ninjs", {"Accept": "*/*"}),
    ("/api/v1/articles/?format=json&page_size=", {}),
    ("/api/v1/articles/?format=", {}),
    ("/api/v1/articles/?section=world&page_size=3", {}),
    ("/api/v1/articles/?section=asia&format=ninjs", {}),
    ("/api/v1/articles/?section=ASIA", {}),
    ("/api/v1/articles/?section=no-such-section", {}),
    ("/api/v1/articles/?section=", {}),
    ("/api/v1/articles/ARTICLE/", {}),
    ("/api/v1/articles/ARTICLE/?format=ninjs", {}),
    ("/api/v1/articles/ARTICLE/?format=json", {"Accept": "*/*"}),
]
HANDED_ON = [
    ("/api/v1/articles/", {"Accept": "application/json"}),
    ("/api/v1/articles/", {"Accept": "application/xml"}),
    ("/api/v1/articles/?format=jsonld", {}),
    ("/api/v1/articles/?format=xml", {}),
    ("/api/v1/articles/?page_size=0", {}),
    ("/api/v1/articles/?page_size=20&page_size=20", {}),
    ("/api/v1/articles/?cursor=not-a-cursor", {}),
    ("/api/v1/articles/?section=%20world", {}),
    ("/api/v1/articles/?q=ferry", {}),
    ("/api/v1/articles/?unknown=1", {}),
    ("/api/v1/articles/", {"X-Api-Key": "no-such-key"}),
    ("/api/v1/articles/", {"Authorization": "Bearer something"}),
    ("/api/v1/articles/RETRACTED/", {}),
    ("/api/v1/articles/999999/", {}),
    ("/api/v1/articles/abc/", {}),
    ("/api/v1/articles/0/", {}),
    ("/api/v1/articles/ARTICLE/?format=jsonld", {}),
    ("/api/v1/articles/ARTICLE/?page_size=2", {}),
]


def _url(url: str, archive: dict) -> str:
    return (
        url.replace("ARTICLE", str(archive["ids"][0]))
        .replace("RETRACTED", str(archive["retracted"]))
        .replace("ASIA", str(archive["asia"]))
    )


def _taken_by_fast_path(url: str, headers: dict) -> bool:
    meta = {f"HTTP_{name.upper().replace('-', '_')}": v for name, v in headers.items()}
    request = RequestFactory().get(url, **meta)
    path = url.partition("?")[0].removeprefix("/api/v1/articles/")
    if path:
        return fast.article_detail(request, pk=path.rstrip("/")) is not None
    return fast.article_list(request) is not None


@pytest.mark.parametrize(("url", "headers"), TAKEN + HANDED_ON)
def test_the_fast_path_answers_as_the_drf_view_does(
    api, settings, archive, url, headers
):
    taken = (url, headers) in TAKEN
    url = _url(url, archive)
    with_fast_path, drf_only = _both(api, settings, url, headers)
    assert with_fast_path == drf_only
    assert _taken_by_fast_path(url, headers) == taken


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/?page_size=2", "/api/v1/articles/ARTICLE/"]
)
def test_conditional_requests_are_answered_alike(api, settings, archive, url):
    url = _url(url, archive)
    first, _ = _both(api, settings, url)
    etag, last_modified = first[1]["ETag"], first[1]["Last-Modified"]
    for headers in (
        {"If-None-Match": etag},
        {"If-Modified-Since": last_modified},
        {"If-None-Match": '"0-stale"'},
    ):
        # The second time before URL resolution (caching.EarlyNotModifiedMiddleware).
        for _ in range(2):
            with_fast_path, drf_only = _both(api, settings, url, headers)
            assert with_fast_path == drf_only


def test_following_the_links_pages_alike(api, settings, archive):
    url = "/api/v1/articles/?page_size=2&format=ninjs"
    seen = []
    while url:
        (status, headers, body), drf_only = _both(api, settings, url)
        assert (status, headers, body) == drf_only
        page = api.get(url).json()
        seen += [item["uri"] for item in page["results"]]
        assert ("Link" in headers) == bool(page["next"] or page["previous"])
        url = page["next"]
    assert len(seen) == len(archive["ids"]) == len(set(seen))
    (status, headers, body), drf_only = _both(api, settings, page["previous"])
    assert status == 200 and (status, headers, body) == drf_only


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "4/min", "partner": "8/min"},
    }


def test_a_request_is_counted_once_whichever_path_answers_it(api, archive, low_rates):
    article = archive["ids"][0]
    urls = [
        "/api/v1/articles/",  # the fast path
        "/api/v1/articles/999999/",  # handed on: DRF's 404
        f"/api/v1/articles/{article}/",  # the fast path
        "/api/v1/articles/?q=ferry",  # handed on: DRF's filter
        "/api/v1/articles/",
        f"/api/v1/articles/{article}/",
    ]
    responses = [api.get(url) for url in urls]
    assert [r.status_code for r in responses] == [200, 404, 200, 200, 429, 429]
    assert all(int(r["Retry-After"]) > 0 for r in responses[-2:])
    assert responses[-1].json()["detail"].startswith("Request was throttled")


def test_a_throttled_answer_is_the_same_on_both_paths(
    api, settings, archive, low_rates
):
    for _ in range(4):
        assert api.get("/api/v1/articles/").status_code == 200
    with_fast_path, drf_only = _both(api, settings, "/api/v1/articles/")
    assert with_fast_path[0] == drf_only[0] == 429
    assert with_fast_path[2] == drf_only[2]
    assert with_fast_path[1].keys() == drf_only[1].keys()


def test_a_query_is_read_once_per_query_string_and_accept(monkeypatch):
    monkeypatch.setattr(caching, "REMEMBERED_ANSWERS", 3)
    seen = []

    @caching.remembered_per_query
    def page_size(request):
        seen.append(request.META["QUERY_STRING"])
        return request.GET.get("page_size")

    factory = RequestFactory()
    for query in ["page_size=2", "page_size=2", "page_size=3", "page_size=2"]:
        assert page_size(factory.get(f"/?{query}")) == query.partition("=")[2]
    assert seen == ["page_size=2", "page_size=3"]
    assert page_size(factory.get("/?page_size=2", HTTP_ACCEPT="*/*")) == "2"
    assert len(seen) == 3  # another Accept header: read again
    page_size(factory.get("/?page_size=4"))  # past the bound: all forgotten
    page_size(factory.get("/?page_size=2"))
    assert seen[-2:] == ["page_size=4", "page_size=2"]


# --- finished pages (fast.FINISHED_PAGES) ------------------------------------


def _ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]


def test_a_repeated_poll_is_the_same_answer_as_the_drf_view(api, settings, archive):
    for url in ["/api/v1/articles/?page_size=2", "/api/v1/articles/?section=asia"]:
        api.get(url)  # builds the finished page
        with_fast_path, drf_only = _both(api, settings, url)
        assert with_fast_path == drf_only


def test_a_publish_between_two_polls_gives_the_new_page(api, settings, archive):
    url = "/api/v1/articles/?page_size=2"
    before = api.get(url)
    article = published(section_id=archive["asia"])
    after = api.get(url)
    assert _ids(after) == [article.pk, _ids(before)[0]]
    assert after["ETag"] != before["ETag"]
    assert _both(api, settings, url)[0] == _both(api, settings, url)[1]


def test_a_retraction_between_two_polls_takes_the_article_off(api, archive, editor2):
    url = "/api/v1/articles/?page_size=2"
    newest = _ids(api.get(url))[0]
    article_retract(
        article=Article.objects.get(pk=newest), by=editor2, reason="Withdrawn."
    )
    assert newest not in _ids(api.get(url))


def test_a_section_list_after_a_publish_in_another_section(api, settings, archive):
    urls = ["/api/v1/articles/?section=asia", "/api/v1/articles/?section=world"]
    before = {url: _ids(api.get(url)) for url in urls}
    other = published(section=SectionFactory(name="Sport", slug="sport"))
    for url in urls:
        with_fast_path, drf_only = _both(api, settings, url)
        assert with_fast_path == drf_only
        assert other.pk not in _ids(api.get(url)) and _ids(api.get(url)) == before[url]
    in_asia = published(section_id=archive["asia"])
    for url in urls:
        assert _ids(api.get(url))[0] == in_asia.pk


def test_pages_followed_twice_by_cursor_are_answered_alike(api, settings, archive):
    for _ in range(2):  # the second time, every page is a finished one
        url, seen = "/api/v1/articles/?page_size=2&format=ninjs", []
        while url:
            with_fast_path, drf_only = _both(api, settings, url)
            assert with_fast_path == drf_only
            page = api.get(url).json()
            seen += [item["uri"] for item in page["results"]]
            url = page["next"]
        assert len(seen) == len(archive["ids"])


def test_formats_and_hosts_have_pages_of_their_own(api, settings, archive):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    url = "/api/v1/articles/?page_size=2"
    json_page = api.get(url)
    ninjs_page = api.get(f"{url}&format=ninjs")
    assert ninjs_page["Content-Type"].startswith("application/ninjs+json")
    assert json_page.content != ninjs_page.content
    mirrored = api.get(url, headers={"Host": "mirror.example"})
    assert mirrored.json()["next"].startswith("http://mirror.example/")
    assert api.get(url).json()["next"].startswith("http://testserver/")


def test_finished_pages_are_bounded_and_kept_for_one_state_only():
    pages = caching.VersionedPages(max_pages=2, max_bytes=100)
    at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    first, second = PublicState(1, at), PublicState(2, at)
    page = caching.FinishedPage(b"x" * 10, None)
    for url in ["a", "b", "c"]:
        pages.put(first, url, page)
    assert [pages.get(first, url) for url in "abc"] == [None, page, page]
    assert pages.get(second, "c") is None  # another state: not this page
    pages.put(second, "d", page)
    assert pages.get(first, "c") is None and pages.get(second, "d") == page
    pages.put(second, "big", caching.FinishedPage(b"x" * 101, None))
    assert pages.get(second, "big") is None  # larger than the bound: not kept
    pages.put(second, "e", caching.FinishedPage(b"x" * 90, "<x>"))
    assert pages.get(second, "d") is None  # the bytes bound: the oldest went
    assert pages.get(second, "e") is not None
    pages.put(PublicState(0, None), "f", page)  # no version row: not kept
    assert pages.get(PublicState(0, None), "f") is None


def test_a_section_moved_under_another_is_in_its_list_at_once(api, archive):
    """Before the job re-rendering its articles runs: the move moves the version."""
    url = "/api/v1/articles/?section=world&page_size=20"
    before = api.get(url)
    europe = SectionFactory(name="Europe", slug="europe")
    article = published(section=europe)
    assert article.pk not in _ids(api.get(url))
    section_update(section=europe, by=None, parent=Section.objects.get(slug="world"))
    after = api.get(url)
    assert article.pk in _ids(after) and after["ETag"] != before["ETag"]
    again = api.get(url, headers={"If-None-Match": before["ETag"]})
    assert again.status_code == 200

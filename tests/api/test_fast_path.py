"""The fast path (articles/api/fast.py) answers the common polls exactly as the DRF
views would: same status, headers and body, and the same throttle counts.

Each request is made twice, through the project's URLs and through
tests/api/drf_only_urls.py (the same views without the fast path), and the two
answers are compared whole.
"""

import datetime

import pytest
from django.db.models import F
from django.test import RequestFactory

from articles.api import caching, fast
from articles.models import PublicArticle, PublicVersion
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
    """The answers with and without the fast path."""
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

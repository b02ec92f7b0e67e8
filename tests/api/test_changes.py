"""The changes feed: every publication, correction and retraction in order, resumable
from the last id read, paged, with a clear 400 for a bad `since`."""

import datetime

import pytest
from django.utils import timezone

from articles.services.revisions import article_edit
from articles.services.workflow import article_retract
from tests.api.helpers import publish_via_workflow

pytestmark = pytest.mark.django_db

URL = "/api/v1/changes/"


def _events(api, query: str = "") -> list[tuple[str, int]]:
    body = api.get(URL + query).json()
    return [(c["event"], c["article"]) for c in body["results"]]


def test_every_public_change_is_listed_oldest_first(api, publish, editor, editor2):
    first = publish()
    second = publish()
    article_edit(
        article=first,
        by=editor,
        base_revision_id=first.current_revision_id,
        headline=first.headline,
        body=first.current_revision.body + "\n\nOne more line.",
        correction="An earlier version gave the wrong date.",
    )
    first.refresh_from_db()
    publish_via_workflow(first, approver=editor2)
    article_retract(article=second, by=editor2, reason="The source withdrew it.")

    assert _events(api) == [
        ("published", first.pk),
        ("published", second.pk),
        ("corrected", first.pk),
        ("retracted", second.pk),
    ]
    *_, change = api.get(URL + f"?article={second.pk}").json()["results"]
    assert change["url"] == f"/api/v1/articles/{second.pk}/"
    assert api.get(change["url"]).status_code == 410


def test_since_an_id_resumes_after_it_and_since_a_time_from_it(api, publish):
    publish()
    ids = [c["id"] for c in api.get(URL).json()["results"]]
    later = publish()
    assert _events(api, f"?since={ids[-1]}") == [("published", later.pk)]
    future = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    assert _events(api, "?since=" + future.replace("+00:00", "Z")) == []
    assert len(_events(api, "?since=2000-01-01")) == 2


def test_pages_follow_next_to_the_end_in_order(api, publish):
    articles = [publish() for _ in range(5)]
    seen, url = [], URL + "?page_size=2"
    while url:
        body = api.get(url).json()
        seen += [c["article"] for c in body["results"]]
        url = body["next"]
    assert seen == [a.pk for a in articles]


@pytest.mark.parametrize("since", ["yesterday", "-3", "1.5", "2024-13-01"])
def test_a_bad_since_is_a_400_naming_it(api, since):
    response = api.get(URL, {"since": since})
    assert response.status_code == 400
    assert "since" in response.json()


def test_the_feed_costs_the_same_queries_for_n_and_2n_changes(
    api, publish, django_assert_num_queries
):
    for _ in range(3):
        publish()
    api.get(URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert len(api.get(URL).json()["results"]) == 3
    for _ in range(3):
        publish()
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(api.get(URL).json()["results"]) == 6

"""One chunk of a relink job: a constant number of queries, nothing locked or written
where the mentions stand, and two workers on the same articles never both write."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Mention
from articles.selectors.entities import entity_matcher
from articles.services import entities as entity_services
from articles.services.entities import registry_relink_range, revision_link_entities
from tests.articles.concurrency import race
from tests.factories import ArticleFactory, EntityFactory

# The registry version (2), the articles with their current bodies, their mentions.
UNCHANGED_QUERIES = 4
# Then: lock the changed articles, the registry version again (2), read them, lock
# their revisions, their mentions, delete, insert, delete their candidates.
CHANGED_QUERIES = UNCHANGED_QUERIES + 9


def _archive(count: int, *, linked: bool) -> tuple[int, int]:
    """`count` articles naming Kabul three times; the range of their ids."""
    EntityFactory(name="Kabul", kind="place")
    articles = [
        ArticleFactory(body=f"Kabul, story {i}. Kabul again, and Kabul.")
        for i in range(count)
    ]
    if linked:
        for article in articles:
            revision_link_entities(revision=article.current_revision)
    return articles[0].pk, articles[-1].pk


def _relink(first: int, last: int) -> dict[str, int]:
    entity_matcher()  # built once per process and registry version, not per chunk
    with CaptureQueriesContext(connection) as queries:
        outcome = registry_relink_range(first=first, last=last)
    return {**outcome, "queries": len(queries)}


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 6])
def test_a_chunk_whose_mentions_stand_reads_in_constant_queries(n):
    first, last = _archive(n, linked=True)

    outcome = _relink(first, last)

    assert (outcome["articles"], outcome["changed"]) == (n, 0)
    assert outcome["queries"] == UNCHANGED_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("n", [3, 6])
def test_a_chunk_whose_mentions_changed_writes_in_constant_queries(n):
    first, last = _archive(n, linked=False)

    outcome = _relink(first, last)

    assert (outcome["changed"], outcome["mentions"]) == (n, 3 * n)
    assert Mention.objects.count() == 3 * n
    assert outcome["queries"] == CHANGED_QUERIES


def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks; run with DATABASE_URL=postgres://...")


@pytest.mark.django_db(transaction=True)
def test_a_chunk_passes_an_article_an_editor_holds_when_its_mentions_stand():
    """Nothing to change, nothing to lock: the relink does not wait for the editor."""
    _postgresql_only()
    first, last = _archive(3, linked=True)
    held, release = threading.Event(), threading.Event()

    def editor() -> None:
        try:
            with transaction.atomic():
                list(Article.objects.select_for_update().filter(pk=first))
                held.set()
                release.wait(timeout=10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=editor)
    thread.start()
    try:
        assert held.wait(timeout=10)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            outcome = registry_relink_range(first=first, last=last)
    finally:
        release.set()
        thread.join(timeout=10)
    assert (outcome["articles"], outcome["changed"]) == (3, 0)


@pytest.mark.django_db(transaction=True)
def test_two_workers_relinking_the_same_chunk_write_it_once(monkeypatch):
    """Both find the mentions missing; the second waits for the first's locks, then
    reads its mentions and has nothing left to do."""
    _postgresql_only()
    first, last = _archive(2, linked=False)
    keys = entity_services._mention_keys

    def slow_keys(*args):
        time.sleep(0.3)  # both are matching before either writes
        return keys(*args)

    monkeypatch.setattr(entity_services, "_mention_keys", slow_keys)

    def relink() -> dict[str, int]:
        with transaction.atomic():
            return registry_relink_range(first=first, last=last)

    results = race(relink, relink)

    assert sorted(r["changed"] for r in results) == [0, 2], results
    assert Mention.objects.count() == 6

"""A background republish (a section renamed, the registry changed) running while an
editor retracts one of its articles: neither deadlocks, and the retraction stays.

The cycle this guards against: the batch, having refreshed one article, held the
public version row and waited for the retracted article's public row; the retraction
held that row and waited for the public version. And a batch that read the article
before the retraction committed could write it back as live. Batches now lock their
articles first, in id order, as the workflow does.

Real threads on PostgreSQL (SQLite serialises whole-database writes: no race there).
"""

import time
from functools import partial

import pytest
from django.db import OperationalError, transaction

from articles.models import PublicArticle
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS
from articles.services import publishing
from articles.services.publishing import (
    public_article_refresh,
    public_articles_republish,
)
from articles.services.workflow import WorkflowError, article_retract
from tests.articles.concurrency import race, skip_unless_postgresql
from tests.articles.workflow_helpers import article_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 10
HOLD = 0.2  # seconds each refresh keeps its locks, so that the two overlap


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql("PostgreSQL row locks and deadlock detection")


@pytest.fixture
def _slow_refresh(monkeypatch):
    index = publishing.public_search_index

    def slow_index(**kwargs):
        time.sleep(HOLD)
        return index(**kwargs)

    monkeypatch.setattr(publishing, "public_search_index", slow_index)


@pytest.mark.usefixtures("_slow_refresh")
def test_republishing_while_an_article_is_retracted():
    editor = UserFactory(role=EDITORS)
    errors, deadlocks, revived = [], 0, 0
    for _ in range(ROUNDS):
        first, second = (
            article_in(ArticleStatus.PUBLISHED),
            article_in(ArticleStatus.PUBLISHED),
        )
        for article in (first, second):
            public_article_refresh(article=article)

        results = race(
            partial(public_articles_republish, article_ids=[first.pk, second.pk]),
            partial(
                article_retract,
                article=second,
                by=editor,
                reason="The source withdrew it.",
            ),
        )

        for result in results:
            if isinstance(result, OperationalError):
                deadlocks += 1
            elif isinstance(result, Exception) and not isinstance(
                result, WorkflowError
            ):
                errors.append(repr(result))
        public = PublicArticle.objects.get(article=second)
        revived += public.retracted_at is None  # the retraction was written over

    print(
        f"\n{ROUNDS} republish batches racing a retraction: {len(errors)} errors, "
        f"{deadlocks} deadlocks, {revived} retractions lost"
    )
    assert (errors, deadlocks, revived) == ([], 0, 0)


def test_a_relink_chunk_keeps_the_desk_waiting_only_while_it_writes(monkeypatch):
    """A chunk re-rendering live articles takes the public version lock (which every
    publish, correction and retraction waits for) only once every payload is built:
    a publish while it renders goes through at once."""
    from articles.services.entities import (
        registry_relink_range,
        revision_link_entities,
    )
    from tests.factories import EntityFactory

    EntityFactory(name="Kabul", kind="place")
    articles = [article_in(ArticleStatus.PUBLISHED, body="Kabul.") for _ in range(4)]
    for article in articles:
        revision_link_entities(revision=article.current_revision)
        public_article_refresh(article=article)
    ids = [article.pk for article in articles]
    payload = publishing.public_payload

    def slow_payload(**kwargs):
        time.sleep(HOLD)
        return payload(**kwargs)

    monkeypatch.setattr(publishing, "public_payload", slow_payload)

    def chunk():
        with transaction.atomic():
            return registry_relink_range(
                first=ids[0], last=ids[-1], refresh_article_ids=ids
            )

    def publish_meanwhile():
        time.sleep(1.5 * HOLD)  # the chunk is rendering its second article
        started = time.monotonic()
        with transaction.atomic():
            publishing.public_version_bump()
        return time.monotonic() - started

    outcome, waited = race(chunk, publish_meanwhile)

    assert outcome["refreshed"] == 4, outcome
    assert waited < HOLD, f"the publish waited {waited:.2f} s for the chunk"

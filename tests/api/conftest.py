"""Fixtures for the API tests: a client, fresh throttle counts and finished pages,
a publisher."""

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from articles.api import caching, fast
from articles.models import Article
from tests.api.helpers import BODY, publish_via_workflow
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """Throttle counts live in the cache; each test starts with none, with no
    finished list page kept from another test's rolled-back archive, and with no
    path checked yet (the first conditional request of a path reaches its view)."""
    cache.clear()
    fast.FINISHED_PAGES.clear()
    caching.CHECKED_PATHS.clear()
    yield
    cache.clear()
    fast.FINISHED_PAGES.clear()
    caching.CHECKED_PATHS.clear()


@pytest.fixture
def api() -> Client:
    return Client()


@pytest.fixture
def publish(editor, editor2) -> Callable[..., Article]:
    """publish(article) via the workflow: written by `editor`, approved by `editor2`."""

    def _publish(article: Article | None = None, **fields) -> Article:
        if article is None:
            fields.setdefault("body", BODY)
            article = ArticleFactory(body__author=editor, **fields)
        return publish_via_workflow(article, approver=editor2)

    return _publish

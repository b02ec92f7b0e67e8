"""A live receiver per test, and articles ready to publish."""

import pytest

from articles.models.stories import ArticleStatus
from articles.services.distribution import webhook_secret_generate
from tests.articles.workflow_helpers import article_in

from .receiver import Receiver


@pytest.fixture
def receiver():
    live = Receiver(secret=webhook_secret_generate()).start()
    yield live
    live.stop()


@pytest.fixture
def approved():
    def make(**fields):
        return article_in(ArticleStatus.APPROVED, **fields)

    return make

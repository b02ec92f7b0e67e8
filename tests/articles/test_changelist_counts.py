"""Large admin lists are not counted row by row on every view (PostgreSQL)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, PublicArticle
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS
from articles.services.workflow import article_publish
from tests.articles.workflow_helpers import article_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the estimate is PostgreSQL's; run with DATABASE_URL=postgres://...",
    ),
]


def _shown(client: Client, url: str) -> tuple[int, int]:
    """The count the list shows, and how many queries counted its rows."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counting = [q for q in queries if q["sql"].upper().startswith("SELECT COUNT(")]
    return response.context["cl"].result_count, len(counting)


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Article, lambda: ArticleFactory()),
        (
            PublicArticle,
            lambda: article_publish(
                article=article_in(ArticleStatus.APPROVED),
                by=UserFactory(role=EDITORS),
            ),
        ),
    ],
)
def test_a_large_unfiltered_list_reads_the_row_estimate_not_a_count(
    model, make, superuser, monkeypatch
):
    monkeypatch.setattr("articles.admin.paging.ESTIMATE_ABOVE", 2)
    client = Client()
    client.force_login(superuser)
    url = reverse(f"admin:articles_{model._meta.model_name}_changelist")
    for _ in range(4):
        make()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {model._meta.db_table}")
    make()  # after the statistics were taken

    assert _shown(client, url) == (4, 0)  # the estimate, not a count of the 5
    # Searched (or filtered), the list is counted exactly.
    assert _shown(client, f"{url}?q=story") == (model.objects.count(), 1)
    monkeypatch.setattr("articles.admin.paging.ESTIMATE_ABOVE", 10)
    assert _shown(client, url)[0] == 5  # a small table is counted exactly

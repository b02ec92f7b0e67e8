"""/healthz, and which pages a shared cache may keep."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests.api.helpers import published
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_healthz_says_what_it_checked():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
        "failed": [],
    }
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_an_unreachable_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["failed"] == ["cache"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("failed: ")


def test_healthz_names_a_failing_database():
    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database went away")

    with connection.execute_wrapper(refuse):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["cache"] == "ok"


def test_desk_and_admin_pages_are_private(editor_client):
    article = ArticleFactory()
    for url in [
        "/admin/",
        "/admin/articles/article/",
        f"/desk/articles/{article.pk}/review/",
        f"/desk/articles/{article.pk}/edit/",
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"], url
        assert "public" not in response["Cache-Control"], url


def test_the_log_in_and_password_pages_are_private():
    for url in ["/admin/login/", "/accounts/password-reset/"]:
        response = Client().get(url)
        assert "private" in response["Cache-Control"], url


def test_the_public_api_stays_cacheable_by_shared_caches():
    published(headline="Ferry terminal opens")
    response = Client().get("/api/v1/articles/")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_every_page_carries_the_content_security_policy():
    for url in ["/admin/login/", "/api/docs/", "/healthz", "/api/v1/articles/"]:
        policy = Client().get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy, url
        assert "script-src 'self'" in policy, url
        assert "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy, url

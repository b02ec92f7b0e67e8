"""In Chromium, under the strict Content-Security-Policy, the pages still work and the
browser refuses nothing: the API docs render, the admin is styled, the review page's
script runs."""

from pathlib import Path

import pytest

from tests.browser.actions import log_in
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"


def _refusals(page) -> list[str]:
    """What the browser reports blocking, from here on."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


def test_the_api_docs_render_under_the_policy(page, live_server):
    refused = _refusals(page)
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector("#swagger-ui .info .title")
    assert "Newsroom review desk" in page.inner_text("#swagger-ui .info .title")
    page.wait_for_selector("#swagger-ui .opblock")
    assert page.locator("#swagger-ui .opblock").count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "csp-api-docs.png")
    assert refused == []


def test_the_admin_and_the_review_page_work_under_the_policy(
    page, live_server, superuser
):
    refused = _refusals(page)
    article = ArticleFactory(headline="Harbour quay to open")
    log_in(page, live_server, superuser)
    page.goto(f"{live_server.url}/admin/articles/article/")
    # The admin's stylesheet applied: the header bar has its colour, not the default.
    header = page.evaluate(
        "getComputedStyle(document.getElementById('header')).backgroundColor"
    )
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    page.wait_for_selector("#review-body")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "csp-review.png")
    assert refused == []

"""The editor splits the seed copy in a real browser, moving one boundary."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from articles.models import Article
from articles.services.imports import source_document_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _seed_document():
    path = sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))[0]
    result = source_document_import(data=path.read_bytes(), filename=path.name, by=None)
    return result.document


def test_editor_splits_the_seed_and_finds_the_articles(login, live_server, editor):
    document = _seed_document()
    page = login(editor)
    url = f"{live_server.url}/admin/articles/sourcedocument/{document.pk}/change/"
    page.goto(url)
    page.click("text=Split into articles")

    stories = page.locator("fieldset.split-story")
    proposed = stories.count()
    assert proposed >= 2
    first_reasons = stories.nth(1).locator(".split-reasons").inner_text()
    assert first_reasons.strip()

    second = stories.nth(1)
    first_line = int(second.get_attribute("data-first-line"))
    second.locator("button", has_text="Start one line later").click()
    moved = page.locator("fieldset.split-story").nth(1)
    # The page updates in place: wait for the story's new first line.
    expect(moved).not_to_have_attribute("data-first-line", str(first_line))
    assert int(moved.get_attribute("data-first-line")) > first_line
    new_first = int(moved.get_attribute("data-first-line"))
    moved.locator("input.split-headline").fill("A headline the editor wrote")

    page.click("#split-create")
    page.wait_for_selector(".messagelist")
    assert f"Created {proposed} draft articles" in page.inner_text(".messagelist")

    rows = page.locator("#result_list tbody tr")
    assert rows.count() == proposed
    table = page.inner_text("#result_list")
    assert "A headline the editor wrote" in table
    assert f"{new_first}-" in table
    assert Article.objects.filter(source=document).count() == proposed
    assert (
        Article.objects.get(headline="A headline the editor wrote").first_line
        == new_first
    )

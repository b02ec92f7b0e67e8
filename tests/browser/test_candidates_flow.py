"""The candidates page in a real browser: each row's decision (a new entity, an
alias picked with the autocomplete, ignore) and the page at 1280 and 390 px."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from articles.models import Entity, IgnoredName
from tests.browser.actions import open_as
from tests.factories import ArticleFactory, EntityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"
CANDIDATES = reverse("admin:articles_entity_candidates")
_OVERFLOW = """() => {
  const page = document.documentElement;
  return page.scrollWidth - page.clientWidth;
}"""


def _row(page, name: str):
    """The row of this candidate (other rows may quote it in their contexts)."""
    exactly = page.locator("td:first-child strong", has_text=re.compile(f"^{name}$"))
    return page.locator("tr.candidate", has=exactly)


def _decided(page, name: str) -> str:
    page.wait_for_selector(".messagelist")
    assert _row(page, name).count() == 0
    return page.inner_text(".messagelist")


def test_each_row_decides_its_candidate(browser, live_server, editor):
    group = EntityFactory(name="Islamic State Khorasan", kind="organisation")
    for _ in range(2):
        ArticleFactory(
            linked=True,
            body="The Zorblax Agency met Envoy Tom West. Officials of Khorasan "
            "Province said the Quux Council had been told.",
        )
    page = open_as(browser, live_server, editor)
    page.goto(f"{live_server.url}{CANDIDATES}")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "candidates-1280.png", full_page=True)
    assert page.evaluate(_OVERFLOW) <= 0
    rows = page.locator("tr.candidate")
    assert rows.count() == 4

    # The kind the copy suggests is chosen already: one click.
    zorblax = _row(page, "Zorblax Agency")
    assert zorblax.locator("select[name=kind]").input_value() == "organisation"
    zorblax.get_by_role("button", name="New entity").click()
    assert "new organisation" in _decided(page, "Zorblax Agency")
    assert Entity.objects.get(name="Zorblax Agency").kind == "organisation"

    province = _row(page, "Khorasan Province")
    province.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Khorasan")
    page.locator(".select2-results__option", has_text=group.name).click()
    province.get_by_role("button", name="Alias of").click()
    assert "alias of “Islamic State Khorasan”" in _decided(page, "Khorasan Province")
    assert list(group.aliases.values_list("text", flat=True)) == ["Khorasan Province"]

    _row(page, "Tom West").get_by_role("button", name="Ignore").click()
    assert "will not be proposed again" in _decided(page, "Tom West")
    assert IgnoredName.objects.filter(name="Tom West").exists()

    page.set_viewport_size({"width": 390, "height": 900})
    page.screenshot(path=ARTIFACTS / "candidates-390.png", full_page=True)
    assert page.evaluate(_OVERFLOW) <= 0
    assert _row(page, "Quux Council").get_by_role("button", name="Ignore").is_visible()

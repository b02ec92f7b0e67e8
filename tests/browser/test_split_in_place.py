"""The split page keeps the editor's place: changes update in place, no reload."""

from pathlib import Path

import pytest
from django.conf import settings

from articles.services.imports import source_document_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"

_WAIT_FOR_UPDATE = """() => {
  window.__splitUpdated = false;
  document.addEventListener(
    "split:updated", () => { window.__splitUpdated = true; }, { once: true }
  );
}"""


def _seed_document():
    path = sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))[0]
    return source_document_import(
        data=path.read_bytes(), filename=path.name, by=None
    ).document


def _scroll_to_middle(locator) -> int:
    locator.evaluate("(el) => el.scrollIntoView({ block: 'center' })")
    return locator.page.evaluate("window.scrollY")


def _after_update(page, action) -> None:
    page.evaluate(_WAIT_FOR_UPDATE)
    action()
    # A reload would drop the flag: waiting for it proves the update was in place.
    page.wait_for_function("() => window.__splitUpdated === true", timeout=10_000)


def test_an_editor_splits_without_losing_the_scroll_position(
    login, live_server, editor
):
    document = _seed_document()
    page = login(editor)
    page.goto(f"{live_server.url}/admin/articles/sourcedocument/{document.pk}/split/")
    stories = page.locator("fieldset.split-story")
    count = stories.count()
    assert count >= 3

    # "Start one line later" on a story well down the page.
    third = stories.nth(2)
    first_line = int(third.get_attribute("data-first-line"))
    button = third.locator("button", has_text="Start one line later")
    scroll_y = _scroll_to_middle(button)
    assert scroll_y > 0
    _after_update(page, button.click)
    assert page.evaluate("window.scrollY") == scroll_y
    moved = page.locator("fieldset.split-story").nth(2)
    assert int(moved.get_attribute("data-first-line")) > first_line

    # Tick a line inside a later story to start a new story there.
    last = page.locator("fieldset.split-story").last
    box = last.locator("input.split-start:not(:checked)").last
    line = int(box.get_attribute("value"))
    scroll_y = _scroll_to_middle(box)
    assert scroll_y > 0
    _after_update(page, box.check)
    assert page.evaluate("window.scrollY") == scroll_y
    stories = page.locator("fieldset.split-story")
    assert stories.count() == count + 1
    assert int(stories.last.get_attribute("data-first-line")) == line
    assert page.locator("#split-create").get_attribute("value") == (
        f"Create {count + 1} articles"
    )

    page.locator(f"#line-{line}").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "split-page.png")
    page.screenshot(path=ARTIFACTS / "split-page-full.png", full_page=True)


def test_without_javascript_a_move_comes_back_at_the_line_that_moved(
    browser, live_server, editor
):
    from tests.browser.actions import log_in

    document = _seed_document()
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = log_in(context.new_page(), live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/sourcedocument/{document.pk}/split/")
    third = page.locator("fieldset.split-story").nth(2)
    first_line = int(third.get_attribute("data-first-line"))

    third.locator("button", has_text="Start one line later").click()
    page.wait_for_load_state()

    assert page.url.endswith(f"#line-{first_line}")
    moved = page.locator("fieldset.split-story").nth(2)
    assert int(moved.get_attribute("data-first-line")) > first_line
    context.close()

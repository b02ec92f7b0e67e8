"""The edit-conflict page in a browser: theirs and yours look different; a legend."""

from pathlib import Path

import pytest

from articles.services.revisions import article_edit
from tests.browser.actions import open_as
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"
BODY = "The harbour reopened on Monday.\n\nBoats returned at dawn, officials said."

_STYLE = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return {
    background: style.backgroundColor,
    color: style.color,
    border: style.borderBottomStyle + " " + style.borderBottomColor,
    weight: style.fontWeight,
  };
}"""


def test_the_conflict_page_shows_theirs_and_yours_distinctly(
    browser, live_server, editor, editor2
):
    article = ArticleFactory(headline="Harbour reopens", body=BODY, body__author=editor)
    page = open_as(browser, live_server, editor)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/edit/")
    # Meanwhile a colleague saves a revision.
    article_edit(
        article=article,
        by=editor2,
        base_revision_id=article.current_revision_id,
        headline="Harbour reopens",
        body=BODY.replace("Monday", "Tuesday"),
    )
    page.fill("textarea[name=body]", BODY.replace("Monday", "Wednesday"))
    page.click("input[type=submit][value='Save new revision']")
    page.wait_for_selector(".desk-conflict-box")

    heading = page.inner_text("#conflict-heading")
    assert heading == (
        f"You started from revision 1; {editor2.username} saved revision 2 while "
        "you were editing"
    )
    diff = page.locator(".desk-conflict-box .desk-diff").last
    assert diff.locator("del").inner_text() == "Tuesday"
    assert diff.locator("ins").inner_text() == "Wednesday"
    assert diff.locator("p").count() == 2  # the two paragraphs, as paragraphs

    theirs = page.evaluate(_STYLE, ".desk-diff-conflict del")
    yours = page.evaluate(_STYLE, ".desk-diff-conflict ins")
    plain = page.evaluate(_STYLE, ".desk-diff-conflict p")
    assert theirs["background"] != yours["background"]
    assert theirs["border"] != yours["border"]
    assert plain["background"] not in (theirs["background"], yours["background"])
    # The legend shows each side in the style it has in the text.
    assert page.evaluate(_STYLE, ".diff-legend del") == theirs
    assert page.evaluate(_STYLE, ".diff-legend ins") == yours
    # The text itself is not painted the error colour of the message above it.
    assert (
        plain["color"]
        != page.evaluate(_STYLE, ".desk-conflict-box .errornote")["color"]
    )

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".desk-conflict-box").screenshot(path=ARTIFACTS / "conflict.png")

"""After an edit, the review page shows plainly which annotations' words changed or
went, and highlights the changed one on its new words."""

from pathlib import Path

import pytest

from articles.services.revisions import article_edit
from tests.articles.workflow_helpers import annotate_phrase
from tests.browser.actions import open_as
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"
BODY = (
    "Unemployment rose to 4 percent in March, the ministry said.\n\n"
    "A year earlier it stood at 5 percent, officials added."
)


def test_changed_and_orphaned_annotations_are_shown_plainly(
    browser, live_server, editor, reviewer
):
    article = ArticleFactory(body=BODY, body__author=editor)
    changed = annotate_phrase(article, "4 percent", by=reviewer)
    gone = annotate_phrase(article, "officials added", by=reviewer)
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=BODY.replace("rose to 4", "rose to 4.2").replace(
            ", officials added.", "."
        ),
    )
    page = open_as(browser, live_server, reviewer)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    card = page.locator(f"#annotation-{changed.pk}")
    assert "The annotated words were edited" in card.inner_text()
    assert card.locator(".annotation-placement del").inner_text() == "4 percent"
    assert card.locator(".annotation-placement ins").inner_text() == "4.2 percent"
    assert page.locator("mark.sev-blocking").first.inner_text() == "4.2 percent"
    orphan = page.locator(f"#annotation-{gone.pk}")
    assert "no longer in the text" in orphan.inner_text()
    assert "officials added" in page.inner_text(".review-orphans")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "anchor-display.png"), full_page=True)
    page.context.close()

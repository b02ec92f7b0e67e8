"""The admin's lists fit a 1440 px screen: no sideways scrolling, short headlines."""

from pathlib import Path

import pytest

from articles.services.imports import source_document_import
from articles.services.splitting import StoryPlan, source_document_split
from articles.text.splitting import StoryChoice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"
HEADLINES = [
    "Regional council approves emergency funding for flood defences along the "
    "river after a second winter of severe storms",
    "Teachers and parents gather outside the education ministry to protest "
    "against the planned closure of rural primary schools",
    "Port authority confirms the harbour will reopen to fishing boats on Monday "
    "after a week of repairs to the damaged sea wall",
]
PARAGRAPH = (
    "Officials said on Tuesday that the decision followed months of consultation "
    "with residents, businesses and the emergency services across the region."
)


def _articles(editor):
    copy = "".join(f"{h}\n\n{PARAGRAPH} {PARAGRAPH}\n\n" for h in HEADLINES)
    document = source_document_import(
        data=copy.encode(),
        filename="wire-service-morning-bulletin-2026-12-01-regional-edition.txt",
        by=editor,
    ).document
    plans = [
        StoryPlan(StoryChoice(4 * i + 1, 4 * i + 3, headline, 4 * i + 1), None)
        for i, headline in enumerate(HEADLINES)
    ]
    return source_document_split(document=document, stories=plans, by=editor)


@pytest.mark.parametrize("model", ["article", "annotation", "auditentry", "revision"])
def test_a_changelist_fits_1440_pixels(browser, live_server, editor, model):
    from tests.browser.actions import log_in

    articles = _articles(editor)
    from tests.factories import AnnotationFactory

    for article in articles:
        AnnotationFactory(
            article=article,
            exact=article.current_revision.body[:120],
            end=120,
            comment="Check the figures against the council's own report.",
        )
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = log_in(context.new_page(), live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/{model}/")
    page.wait_for_selector("#result_list")

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"changelist-{model}-1440.png")
    overflow = page.evaluate(
        """() => {
          const page = document.documentElement;
          const results = document.querySelector(".results");
          return Math.max(page.scrollWidth - page.clientWidth,
                          results.scrollWidth - results.clientWidth);
        }"""
    )
    assert overflow <= 0, f"the {model} list is cut off by {overflow} px"
    # An inline link has one box per line it wraps onto.
    lines = page.evaluate(
        "[...document.querySelectorAll('#result_list tbody tr th a')]"
        ".map((link) => link.getClientRects().length)"
    )
    assert lines and max(lines) <= 3, f"{model} rows' first column wraps: {lines}"
    context.close()

"""Reviewer and editor in a real browser: annotate a selection, apply the suggestion."""

import pytest

from articles.models import Annotation
from articles.models.review import AnnotationStatus
from tests.browser.actions import open_as, select_text
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "Officials said the bridge would reopen in March.\n\n"
    "The mayor recognises the group as a partner, a spokesman said on Friday."
)


def test_reviewer_suggests_and_editor_applies(
    browser, live_server, login, editor, editor2, reviewer
):
    article = ArticleFactory(body=BODY, body__author=editor)

    page = open_as(browser, live_server, reviewer)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    select_text(page, "recognises the group as a partner")
    assert page.input_value("#id_exact") == "recognises the group as a partner"
    page.select_option("#id_kind", "factual_error")
    page.select_option("#id_severity", "blocking")
    page.fill("#id_comment", "The mayor has not said this <anywhere>.")
    page.click(".review-factcheck summary")  # the fact-check fields are folded away
    page.check("#id_propose_replacement")
    page.fill("#id_suggestion", "describes the group as a partner")
    page.click("#annotate-submit")
    page.wait_for_selector(".messagelist")
    assert "1 blocking" in page.inner_text(".review-summary")
    assert page.locator("mark.sev-blocking").inner_text() == (
        "recognises the group as a partner"
    )
    assert "<anywhere>" in page.inner_text(".annotation-comment")
    page.context.close()

    page = login(editor2)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    page.hover(".review-annotation")  # a thread shows its actions when pointed at
    page.click("input.apply-suggestion")
    page.wait_for_selector(".messagelist")
    assert "revision 2 saved" in page.inner_text(".messagelist")
    assert "describes the group as a partner" in page.inner_text("#review-body")
    card = page.locator("#review-closed .review-annotation").first
    if not page.locator("#review-closed").evaluate("(d) => d.open"):
        page.click("#review-closed summary")  # resolved threads are folded away
    assert "Resolved" in card.inner_text()
    card.locator("a.fixed-in").click()
    page.wait_for_selector(".desk-diff")
    assert page.locator(".desk-diff del").first.inner_text().strip() == "recognises"
    assert page.locator(".desk-diff ins").first.inner_text().strip() == "describes"

    annotation = Annotation.objects.get()
    assert annotation.status == AnnotationStatus.RESOLVED
    assert annotation.resolved_in_revision.number == 2

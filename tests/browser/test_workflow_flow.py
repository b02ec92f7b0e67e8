"""The approval workflow in a real browser: submit, a blocking annotation, a refused
approval naming it, the annotation resolved, approval and publication by a second
editor, and the timeline telling each step."""

import pytest

from articles.models import Annotation, Article
from articles.models.review import AnnotationStatus
from articles.models.stories import ArticleStatus
from tests.browser.actions import open_as, select_text
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "The harbour authority said the new quay would open in March.\n\n"
    "Ferry operators welcomed the plan and expect more passengers next year."
)
QUOTE = "the new quay would open in March"


def _click_step(page, label: str) -> str:
    """Click a workflow button on the change page; return the message shown."""
    page.locator("#workflow button", has_text=label).click()
    page.wait_for_selector(".messagelist")
    return page.inner_text(".messagelist")


def test_submit_annotate_refuse_resolve_approve_publish(
    browser, live_server, editor, editor2, reviewer
):
    article = ArticleFactory(
        headline="Harbour quay to open", body=BODY, body__author=editor
    )
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    # The author submits it.
    author = open_as(browser, live_server, editor)
    author.goto(change)
    assert author.inner_text(".workflow-status") == "Draft"
    assert "“Harbour quay to open” submitted for review." in _click_step(
        author, "Submit for review"
    )
    assert author.inner_text(".workflow-status") == "In review"
    assert author.locator("#workflow button", has_text="Approve").count() == 1

    # The reviewer follows the Review link and leaves a blocking annotation.
    checker = open_as(browser, live_server, reviewer)
    checker.goto(change)
    assert checker.locator("#workflow button", has_text="Approve").count() == 0
    checker.click("a.review-link")
    checker.wait_for_selector("#review-body")
    select_text(checker, QUOTE)
    assert checker.input_value("#id_exact") == QUOTE
    checker.select_option("#id_kind", "needs_source")
    checker.select_option("#id_severity", "blocking")
    checker.fill("#id_comment", "Which <official> said March?")
    checker.click("#annotate-submit")
    checker.wait_for_selector(".messagelist")
    assert "1 blocking" in checker.inner_text(".review-summary")

    # A second editor tries to approve: refused, the annotation named.
    approver = open_as(browser, live_server, editor2)
    approver.goto(change)
    refusal = _click_step(approver, "Approve")
    assert "cannot be approved while 1 blocking annotation is open" in refusal
    assert f"“{QUOTE}”" in refusal
    assert "Which <official> said March?" in refusal  # shown as text, not markup
    assert approver.inner_text(".workflow-status") == "In review"

    # The reviewer resolves it.
    card = checker.locator(".review-annotation").first
    card.hover()  # a thread in the margin shows its actions when pointed at
    card.locator("input[name=note]").first.fill("The authority's statement says so.")
    card.locator("input.resolve").click()
    checker.wait_for_selector(".messagelist")
    assert Annotation.objects.get().status == AnnotationStatus.RESOLVED

    # The second editor approves and publishes, one click each.
    approver.goto(change)
    assert "“Harbour quay to open” approved." in _click_step(approver, "Approve")
    assert approver.inner_text(".workflow-status") == "Approved"
    assert "“Harbour quay to open” published." in _click_step(approver, "Publish")
    assert approver.inner_text(".workflow-status") == "Published"

    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_revision == article.approved_revision
    assert article.published_revision.number == 1

    # The timeline tells each step, with who did it, in order.
    steps = [
        line.strip() for line in approver.locator("#timeline li").all_inner_texts()
    ]
    expected = [
        f"{editor.username} saved revision 1",
        f"{editor.username} submitted it for review",
        f"{reviewer.username} opened a blocking annotation (needs a source)",
        f"{reviewer.username} resolved an annotation",
        f"{editor2.username} approved revision 1",
        f"{editor2.username} published revision 1",
    ]
    position = -1
    for text in expected:
        found = [i for i, line in enumerate(steps) if text in line]
        assert found, f"{text!r} is not in the timeline: {steps}"
        assert found[0] > position, f"{text!r} is out of order: {steps}"
        position = found[0]
    assert Article.objects.get().status == ArticleStatus.PUBLISHED
    for page in (author, checker, approver):
        page.context.close()

"""The desk in a real browser: landing on the desk home, claiming and annotating by
mouse and by keyboard, threads beside their passages, applying a suggestion, approval
and publication from the review page, the narrow layout, and text after an emoji."""

from pathlib import Path

import pytest

from articles.models import Annotation, Article
from articles.models.review import AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.services.workflow import article_submit
from tests.articles.workflow_helpers import article_in
from tests.browser.actions import PASSWORD, open_as, select_text
from tests.factories import AnnotationFactory, ArticleFactory, SourceDocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).parent / "artifacts"

BODY = (
    "The harbour authority said on Monday that the new quay would open in March, "
    "two months later than planned.\n\n"
    "## Ferry operators\n\n"
    "Ferry operators welcomed the plan and expect more passengers next year, "
    "according to the operators' association.\n\n"
    "The council said about 4 percent of the budget had been spent on the design, "
    "and that the rest would go to building the quay itself.\n\n"
    "Work on the foundations began in the spring, after the winter storms had "
    "delayed the arrival of the cranes and the steel for the new berths.\n\n"
    "Residents near the harbour have complained about noise from the works, which "
    "run six days a week."
)
QUOTE = "4 percent"


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_editor_lands_on_the_desk_and_opens_an_article(browser, live_server, editor):
    article = ArticleFactory(headline="Harbour quay to open", body=BODY)
    article_submit(article=article, by=editor)
    SourceDocumentFactory(filename="wire-copy-tuesday.txt")
    for status, headline in [
        (ArticleStatus.DRAFT, "Council delays vote on the new ferry timetable"),
        (ArticleStatus.CHANGES_REQUESTED, "Storm damage to the sea wall is repaired"),
        (ArticleStatus.APPROVED, "Fishing quotas for next year are agreed"),
        (ArticleStatus.PUBLISHED, "Lifeboat crew rescues two sailors"),
    ]:
        AnnotationFactory(
            article=article_in(status, headline=headline), severity="advisory"
        )
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/")  # the site's root asks for a log-in first
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(".desk-board")
    assert page.url == f"{live_server.url}/desk/"
    column = page.locator('.desk-column[data-status="in_review"]')
    card = column.locator(".desk-card", has_text="Harbour quay to open")
    assert "Unclaimed" in card.inner_text()
    assert "wire-copy-tuesday.txt" in page.inner_text("#desk-sources")
    published = page.locator('.desk-column[data-status="published"]')
    assert "Lifeboat crew rescues two sailors" in published.inner_text()
    _shot(page, "desk-home.png")
    card.click()
    page.wait_for_selector("#review-body")
    assert page.inner_text(".review-headline") == "Harbour quay to open"
    # The sub-heading is a heading, its "## " marker not shown.
    heading = page.locator(".review-subheading")
    assert heading.inner_text() == "Ferry operators"
    assert heading.get_attribute("role") == "heading"
    context.close()


def test_reviewer_claims_annotates_editors_apply_approve_publish(
    browser, live_server, editor, editor2, reviewer
):
    article = ArticleFactory(
        headline="Harbour quay to open", body=BODY, body__author=editor
    )
    article_submit(article=article, by=editor)
    review = f"{live_server.url}/desk/articles/{article.pk}/review/"

    page = open_as(browser, live_server, reviewer)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(review)
    page.click("#claim")
    page.wait_for_selector(".messagelist")
    assert f"reviewer: {reviewer.username}" in page.inner_text(".review-summary")

    # By mouse: a blocking factual error with a replacement.
    select_text(page, QUOTE)
    assert page.input_value("#id_exact") == QUOTE
    page.select_option("#id_kind", "factual_error")
    page.select_option("#id_severity", "blocking")
    page.fill("#id_comment", "The budget report says 3.5 percent.")
    page.click(".review-factcheck summary")
    page.check("#id_propose_replacement")
    page.fill("#id_suggestion", "3.5 percent")
    page.click("#annotate-submit")
    page.wait_for_selector(".messagelist")

    # By keyboard: click before a word, then Shift+Right across it.
    word = "noise"
    box = page.evaluate(
        """(word) => {
          const body = document.getElementById("review-body");
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const i = node.data.indexOf(word);
            if (i < 0) continue;
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect();
            return {x: r.left + 1, y: r.top + r.height / 2};
          }
        }""",
        word,
    )
    page.mouse.click(box["x"] - 1, box["y"])
    for _ in word:
        page.keyboard.press("Shift+ArrowRight")
    page.wait_for_function(
        "(w) => document.getElementById('id_exact').value === w", arg=word
    )
    page.select_option("#id_kind", "needs_source")
    page.fill("#id_comment", "Who complained?")
    page.click("#annotate-submit")
    page.wait_for_selector(".messagelist")
    assert "2 open annotations" in page.inner_text(".review-summary")

    # Each thread sits beside its passage, blocking first in the list.
    _shot(page, "review-wide.png")
    cards = page.locator("#review-threads .review-annotation")
    assert "Blocking" in cards.first.inner_text()
    for key_text in (QUOTE, word):
        mark = page.locator("#review-body mark.has-annotation", has_text=key_text)
        key = mark.get_attribute("data-keys")
        card = page.locator(f'.review-annotation[data-key="{key}"]')
        mark_top = mark.bounding_box()["y"]
        card_top = card.bounding_box()["y"]
        assert abs(card_top - mark_top) < 40, (key_text, mark_top, card_top)

    # With own blocking annotation open, recommending needs a note.
    recommend = page.locator('form[data-step="recommend_approval"]')
    assert recommend.locator("input[name=note]").get_attribute("required") is not None
    assert "Your own blocking annotation is still open" in recommend.inner_text()
    page.context.close()

    # The author applies the suggestion, and sees why they cannot approve.
    page = open_as(browser, live_server, editor)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(review)
    thread = page.locator(".review-annotation", has_text="3.5 percent")
    thread.hover()  # a thread in the margin shows its actions when pointed at
    thread.locator("input.apply-suggestion").click()
    page.wait_for_selector(".messagelist")
    assert "3.5 percent of the budget" in page.inner_text("#review-body")
    if not page.locator("#review-closed").evaluate("(d) => d.open"):
        page.click("#review-closed summary")  # the link to the card may open it
    resolved = page.locator("#review-closed .review-annotation")
    assert "Resolved" in resolved.inner_text()
    assert f"“{QUOTE}”" in resolved.locator(".annotation-quote").inner_text()
    assert "revision 2" in resolved.locator("a.fixed-in").inner_text()
    approve = page.locator('form[data-step="approve"]')
    assert approve.locator("button").is_disabled()
    assert "You wrote revisions 1 and 2" in approve.inner_text()
    assert "four-eyes rule" in approve.inner_text()
    page.context.close()

    # A second editor resolves the other thread, approves and publishes.
    page = open_as(browser, live_server, editor2)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(review)
    other = page.locator(
        "#review-threads .review-annotation", has_text="Who complained"
    )
    other.hover()
    other.locator("input[name=note]").fill("Residents' letter to the council.")
    other.locator("input.resolve").click()
    page.wait_for_selector(".messagelist")
    page.locator('form[data-step="approve"] button').click()
    page.wait_for_selector(".messagelist")
    assert "“Harbour quay to open” approved." in page.inner_text(".messagelist")
    page.locator('form[data-step="publish"] button').click()
    page.wait_for_selector(".messagelist")
    assert "published" in page.inner_text(".messagelist")
    assert page.inner_text(".workflow-status") == "Published"
    # Retracting is set apart and asks first, in a dialog over the page.
    retract = page.locator('a[data-step="retract"]')
    assert "desk-danger" in retract.get_attribute("class")
    retract.click()
    dialog = page.locator("#confirm-dialog")
    assert dialog.is_visible()
    assert "This cannot be undone" in dialog.inner_text()
    page.click("#confirm-cancel")
    assert not dialog.is_visible()
    page.context.close()

    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_revision.number == 2
    assert not Annotation.objects.filter(status=AnnotationStatus.OPEN).exists()


def test_review_page_is_one_column_at_390px(browser, live_server, reviewer):
    article = ArticleFactory(headline="Harbour quay to open", body=BODY)
    start = BODY.index(QUOTE)
    AnnotationFactory(
        article=article,
        exact=QUOTE,
        start=start,
        end=start + len(QUOTE),
        comment="The budget report says 3.5 percent.",
    )
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    from tests.browser.actions import log_in

    log_in(page, live_server, reviewer)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    text = page.locator("#review-text").bounding_box()
    margin = page.locator("#review-margin").bounding_box()
    assert text["width"] > 300
    assert margin["y"] >= text["y"] + text["height"] - 1  # below, not beside
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    _shot(page, "review-narrow.png")
    context.close()


def test_annotating_text_after_an_emoji(browser, live_server, reviewer):
    body = (
        "Fans 🎉 cheered as the team won the cup.\r\n\r\n"  # pasted with CR LF
        "Then the team won the league, e\u0301te\u0301 "  # combining accents
        "\u200f\u0634\u0643\u0631\u0627\u200f too."  # Arabic between RTL marks
    )
    article = ArticleFactory(body=body)
    page = open_as(browser, live_server, reviewer)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    phrase = "the team won the league"
    select_text(page, phrase)
    start = body.index(phrase)
    assert page.input_value("#id_start") == str(start)
    page.select_option("#id_kind", "style")
    page.click("#annotate-submit")
    page.wait_for_selector(".messagelist")
    annotation = Annotation.objects.get()
    assert (annotation.start, annotation.end) == (start, start + len(phrase))
    assert body[annotation.start : annotation.end] == phrase
    assert page.locator("mark.has-annotation").inner_text() == phrase
    page.context.close()
    assert Article.objects.count() == 1


def test_the_annotation_form_is_a_few_tab_stops_away(browser, live_server, reviewer):
    article = ArticleFactory(body=BODY)
    article_submit(article=article, by=article.current_revision.author)
    page = open_as(browser, live_server, reviewer)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == (
        "Skip to main content"
    )
    page.keyboard.press("Enter")
    stops = 0
    while page.evaluate("document.activeElement.id") != "id_exact":
        page.keyboard.press("Tab")
        stops += 1
        assert stops <= 3, page.evaluate("document.activeElement.outerHTML")
    # From the form, the text itself is reachable to select by keyboard.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "review-body":
            break
    assert page.evaluate("document.activeElement.id") == "review-body"
    page.context.close()


def test_dismissing_asks_in_a_dialog_then_closes_the_thread(
    browser, live_server, editor
):
    article = ArticleFactory(body=BODY)
    start = BODY.index(QUOTE)
    annotation = AnnotationFactory(
        article=article, exact=QUOTE, start=start, end=start + len(QUOTE)
    )
    page = open_as(browser, live_server, editor)
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/review/")
    card = page.locator(f"#annotation-{annotation.pk}")
    card.hover()
    card.locator("a.dismiss-link").click()
    dialog = page.locator("#confirm-dialog")
    assert "Dismiss this annotation?" in dialog.inner_text()
    _shot(page, "review-dismiss-dialog.png")
    page.click("#confirm-submit")  # a reason is required: nothing is sent
    assert dialog.is_visible()
    page.fill("#confirm-note", "The report rounds it this way.")
    page.click("#confirm-submit")
    page.wait_for_selector(".messagelist")
    annotation.refresh_from_db()
    assert annotation.status == AnnotationStatus.DISMISSED
    assert annotation.resolution_note == "The report rounds it this way."
    page.context.close()

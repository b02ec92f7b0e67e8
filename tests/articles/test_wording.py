"""What the desk says: messages name the quote, not an id, and read as English."""

import pytest
from django.urls import reverse

from articles.selectors.timeline import article_timeline
from articles.services.review import annotation_create
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "Unemployment fell to 4 percent in May.\n\nThe minister welcomed it."


@pytest.fixture
def article(editor):
    return ArticleFactory(body=BODY, body__author=editor)


def _annotate(article, user, exact, severity):
    start = article.current_revision.body.index(exact)
    return annotation_create(
        article=article,
        by=user,
        revision_id=article.current_revision_id,
        start=start,
        end=start + len(exact),
        exact=exact,
        kind="factual_error",
        severity=severity,
        comment="Check this.",
    )


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize(
    ("action", "said"),
    [("resolve", "Resolved"), ("dismiss", "Dismissed")],
)
def test_closing_an_annotation_names_its_quote(
    article, reviewer, editor_client, action, said
):
    annotation = _annotate(article, reviewer, "4 percent", "blocking")
    url = reverse("articles:annotation-action", args=[annotation.pk, action])

    response = editor_client.post(url, {"note": "Checked."}, follow=True)

    assert _messages(response) == [f"{said} the annotation on “4 percent”."]


def test_reopening_names_the_quote_and_a_long_quote_is_shortened(
    article, reviewer, editor, editor_client
):
    from articles.services.review import annotation_dismiss

    quote = "Unemployment fell to 4 percent in May."
    annotation = _annotate(article, reviewer, quote, "advisory")
    annotation_dismiss(annotation=annotation, by=editor, reason="Fine.")
    url = reverse("articles:annotation-action", args=[annotation.pk, "reopen"])

    [message] = _messages(editor_client.post(url, follow=True))

    assert message == f"Reopened the annotation on “{quote}”."
    assert str(annotation.pk) not in message


def test_the_timeline_uses_an_before_advisory_and_a_before_blocking(article, reviewer):
    _annotate(article, reviewer, "4 percent", "advisory")
    _annotate(article, reviewer, "The minister", "blocking")

    opened = [
        e.text for e in article_timeline(article=article) if e.action == "annotate"
    ]

    assert opened == [
        "opened an advisory annotation (factual error) on “4 percent”",
        "opened a blocking annotation (factual error) on “The minister”",
    ]

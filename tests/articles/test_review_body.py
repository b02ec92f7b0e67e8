"""The review page's text: its content in the browser is exactly the revision's body,
whatever the characters, so that offsets counted there are the server's."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.selectors.review import review_body_html
from articles.text.highlight import Span, highlight_runs
from tests.factories import AnnotationFactory, ArticleFactory

pytestmark = pytest.mark.django_db

BODIES = [
    "Fans 🎉 cheered; the team 🏆 won.",
    "Cafe\u0301 owners, e\u0301te\u0301 and na\u0308ive spellings.",
    "\u200f\u0634\u0643\u0631\u0627\u200f said the minister, "
    "then \u202bquoted\u202c again.",
    "Line one.\r\n\r\nLine two with a lone\rcarriage return.",
    "Intro.\n\n## A sub-heading\n\nBody <b>not bold</b> & more.",
]


class _Text(HTMLParser):
    """Text content as the DOM has it: character references decoded, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text_content(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


@pytest.mark.parametrize("body", BODIES)
def test_text_content_is_the_body_for_any_characters(body):
    spans = [Span(2, 9, "a1"), Span(len(body) - 6, len(body) - 1, "m7")]
    runs = highlight_runs(body, spans)
    html = review_body_html(runs=runs, annotations=[], entities={7: _Entity()})
    assert _text_content(html) == body
    assert "\r" not in html  # literal CRs would be normalised away by the parser


def test_sub_headings_are_headings_and_user_text_is_escaped(reviewer_client):
    body = BODIES[-1]
    article = ArticleFactory(body=body)
    AnnotationFactory(article=article, start=0, end=6, exact="Intro.")
    html = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    html = html.content.decode()
    assert (
        '<span class="review-subheading" role="heading" aria-level="2">'
        '<span class="subheading-marker">## </span>A sub-heading</span>'
    ) in html
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; more." in html


class _Entity:
    name = "Ministry"

    def get_kind_display(self) -> str:
        return "Organisation"

"""Evidence links: http(s) only, and whatever is accepted is a valid absolute IRI."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.text.links import LinkError, is_web_link, web_link
from tests.conformance.webannotation_harness import is_uri


@pytest.mark.parametrize(
    ("pasted", "stored"),
    [
        ("https://example.org/sale-50%off", "https://example.org/sale-50%25off"),
        ("https://example.org/search?q={x}", "https://example.org/search?q=%7Bx%7D"),
        ("https://example.org/caf%C3%A9", "https://example.org/caf%C3%A9"),
        ("https://example.org/café", "https://example.org/café"),
        ("HTTP://example.org/a|b^c", "http://example.org/a%7Cb%5Ec"),
        ("  https://example.org/  ", "https://example.org/"),
    ],
)
def test_what_a_browser_follows_is_kept_and_made_valid(pasted, stored):
    assert web_link(pasted) == stored
    assert is_uri(stored)


@pytest.mark.parametrize(
    ("pasted", "says"),
    [
        ("javascript:alert(1)", "is not a web address"),
        ("JavaScript:alert(1)", "is not a web address"),
        ("data:text/html,<script>x</script>", "is not a web address"),
        ("file:///etc/passwd", "is not a web address"),
        ("example.org/page", "is not a web address"),
        ("http:example.org", "is not a web address"),
        ("https://", "has no site name"),
        ("https://exa mple.org/", "contains spaces or invisible characters"),
        ("https://example.org/\u200b\x00", "contains spaces or invisible characters"),
        ("", "cannot be empty"),
    ],
)
def test_anything_else_is_refused_with_a_reason(pasted, says):
    with pytest.raises(LinkError, match=says):
        web_link(pasted)
    assert not is_web_link(pasted)


@given(st.text(max_size=80))
def test_any_text_is_refused_or_a_valid_web_iri(text):
    try:
        link = web_link("https://example.org/" + text)
    except LinkError:
        return
    assert link.startswith("https://example.org/")
    assert is_uri(link)
    assert web_link(link) == link  # storing twice changes nothing


@given(st.text(max_size=40))
def test_no_other_scheme_gets_through(text):
    for scheme in ("javascript:", "data:", "vbscript:", "file://"):
        assert not is_web_link(scheme + text)

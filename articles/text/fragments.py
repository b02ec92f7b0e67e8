"""URL text fragments (`#:~:text=...`): links that open a page at a passage."""

from urllib.parse import quote

# Passages longer than this are named by their first and last words, as the
# specification's textStart,textEnd form allows, so that links stay short.
WORDS_AT_EACH_END = 4


def text_fragment(passage: str) -> str:
    """Return the fragment ("#:~:text=...") that scrolls a browser to `passage`.

    Returns "" for a passage with no words. Commas, dashes and ampersands are
    escaped, since the fragment syntax gives them a meaning.
    """
    words = passage.split()
    if not words:
        return ""
    if len(words) > 2 * WORDS_AT_EACH_END:
        start = " ".join(words[:WORDS_AT_EACH_END])
        end = " ".join(words[-WORDS_AT_EACH_END:])
        return f"#:~:text={_escape(start)},{_escape(end)}"
    return f"#:~:text={_escape(' '.join(words))}"


def _escape(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")

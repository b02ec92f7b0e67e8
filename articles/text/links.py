"""Evidence links: web addresses only, stored in a form every consumer can parse.

A reviewer pastes what the browser's address bar shows; that is often not a valid
IRI (`…/sale-50%off`, `…?q={x}`) although browsers follow it. `web_link` keeps what
the reviewer meant and percent-encodes what RFC 3987 does not allow, so the W3C
export and any other reader get a valid absolute IRI. Anything that is not an
http(s) address with a host (`javascript:`, `data:`, `file:`, a bare word) is refused.
"""

import re
import urllib.parse

WEB_SCHEMES = ("http", "https")
MAX_LENGTH = 2000

# Characters an IRI may not hold literally (RFC 3987 / RFC 3986: excluded ASCII).
_EXCLUDED = re.compile(r'[<>"{}|\\^`\x00-\x20\x7f-\x9f]|%(?![0-9A-Fa-f]{2})')
_WHITESPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class LinkError(ValueError):
    """Not a web address; the message says why, in the reviewer's terms."""


def web_link(text: str) -> str:
    """Return `text` as an absolute http(s) IRI, percent-encoding what must be.

    Raises LinkError for anything else.
    """
    url = text.strip()
    shown = url if len(url) <= 80 else url[:79] + "…"
    if not url:
        raise LinkError("An evidence link cannot be empty.")
    if len(url) > MAX_LENGTH:
        raise LinkError(f"“{shown}” is longer than {MAX_LENGTH} characters.")
    if _WHITESPACE_OR_CONTROL.search(url) or _SURROGATE.search(url):
        raise LinkError(f"“{shown}” contains spaces or invisible characters.")
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in WEB_SCHEMES or not rest.startswith("//"):
        raise LinkError(
            f"“{shown}” is not a web address: evidence links start with http:// or "
            "https://."
        )
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        host = None
    if not host:
        raise LinkError(f"“{shown}” has no site name after {scheme}://.")
    return scheme.lower() + ":" + _EXCLUDED.sub(_escape, rest)


def is_web_link(text: object) -> bool:
    """Whether `text` may be shown as a clickable link (an http(s) address)."""
    if not isinstance(text, str):
        return False
    try:
        web_link(text)
    except LinkError:
        return False
    return True


def _escape(match: re.Match) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))

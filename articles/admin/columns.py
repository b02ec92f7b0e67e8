"""Short columns for the admin's lists, so that a list fits a laptop screen."""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator

HEADLINE_CHARS = 60  # about two lines of the headline column
LABEL_CHARS = 32  # file names, objects' names in the audit log

CHANGELIST_CSS = {"all": ["articles/changelist.css"]}


def shortened(text: str, limit: int) -> SafeString:
    """`text` cut to `limit` characters, the whole of it in a tooltip when cut."""
    short = Truncator(" ".join(text.split())).chars(limit)
    if short == text:
        return format_html("{}", text)
    return format_html('<span title="{}">{}</span>', text, short)

"""`is_web_link`: whether stored text may be shown as a clickable link."""

from django import template

from articles.text.links import is_web_link as _is_web_link

register = template.Library()


@register.filter
def is_web_link(value: object) -> bool:
    """Only http(s) addresses become links; `javascript:` or `data:` stay text."""
    return _is_web_link(value)

"""{{ parts|by_paragraph }}: a word diff regrouped by paragraph, for the diff pages."""

from collections.abc import Sequence

from django import template

from articles.text.diff import DiffPart, diff_paragraphs

register = template.Library()


@register.filter
def by_paragraph(parts: Sequence[DiffPart]) -> tuple[tuple[DiffPart, ...], ...]:
    return diff_paragraphs(parts)

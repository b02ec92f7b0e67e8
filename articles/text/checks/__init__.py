"""Automated consistency checks on news copy; `run_checks` applies them all."""

from articles.text.checks import (
    duplicate_paragraph,
    figures,
    number_forms,
    quotation_marks,
    relation_conflict,
    title_consistency,
    weekday_date,
)
from articles.text.checks.base import (
    ADVISORY,
    BLOCKING,
    Check,
    Finding,
    Paragraph,
    run_checks,
)

ALL_CHECKS: tuple[Check, ...] = (
    duplicate_paragraph.CHECK,
    quotation_marks.CHECK,
    weekday_date.CHECK,
    title_consistency.CHECK,
    relation_conflict.CHECK,
    number_forms.CHECK,
    figures.CHECK,
)
CHECKS_BY_NAME = {check.name: check for check in ALL_CHECKS}

__all__ = [
    "ADVISORY",
    "ALL_CHECKS",
    "BLOCKING",
    "CHECKS_BY_NAME",
    "Check",
    "Finding",
    "Paragraph",
    "run_checks",
]

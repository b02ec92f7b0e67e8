"""The severity policy: which kinds of finding block publishing, and why.

Blocking means that publishing as it stands would print something false or print
something twice: two accounts of one fact that cannot both be true, a weekday that
does not match its date, a paragraph repeated in one story. Everything else,
typography and house style above all, is advisory: the editor sees it, the copy can
go. Every check asks this table for the severity of what it found, so the policy is
read and changed here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.text.checks.base import ADVISORY, BLOCKING


@dataclass(frozen=True)
class Rule:
    check: str
    kind: str
    severity: str
    reason: str


POLICY: tuple[Rule, ...] = (
    Rule(
        "duplicate-paragraph",
        "same-story",
        BLOCKING,
        "the reader would see the same paragraph printed twice",
    ),
    Rule(
        "duplicate-paragraph",
        "across-stories",
        ADVISORY,
        "stories cut from one feed often share a background paragraph on purpose",
    ),
    Rule(
        "quotation-marks",
        "mixed",
        ADVISORY,
        "typography: the words are right, the marks are not",
    ),
    Rule(
        "quotation-marks",
        "unbalanced",
        ADVISORY,
        "a missing mark is usually typography or a paragraph break lost in pasting; "
        "the editor decides where the quotation ends",
    ),
    Rule(
        "quotation-marks",
        "lost-break",
        ADVISORY,
        "typography: a space or a paragraph break lost in pasting beside a mark",
    ),
    Rule(
        "weekday-date",
        "mismatch",
        BLOCKING,
        "a weekday and a date that disagree: one of them is false",
    ),
    Rule(
        "weekday-date",
        "mismatch-inferred-year",
        ADVISORY,
        "the year was taken from elsewhere in the copy and may not be the one meant",
    ),
    Rule(
        "title-consistency",
        "different-office",
        BLOCKING,
        "one person given two offices (rank, portfolio or country): one is false",
    ),
    Rule(
        "title-consistency",
        "variant",
        ADVISORY,
        "the same office described two ways (organisation, acting, current/former)",
    ),
    Rule(
        "relation-conflict",
        "contradiction",
        BLOCKING,
        "one account says it is so, another that it is not: one of them is false",
    ),
    Rule(
        "relation-conflict",
        "tension",
        ADVISORY,
        "done beside proposed or being undone: each can be true, side by side they "
        "tell the reader different things",
    ),
    Rule(
        "figures",
        "different-value",
        BLOCKING,
        "the same fact (subject, verb and unit) given two values: one is false",
    ),
    Rule(
        "figures",
        "two-forms",
        ADVISORY,
        "house style: one value written two ways (nine / 9)",
    ),
    Rule(
        "figures",
        "date-forms",
        ADVISORY,
        "house style: dates written in two orders (5 March / March 5)",
    ),
    Rule(
        "number-forms",
        "two-forms",
        ADVISORY,
        "house style: sixth / 6th, per cent / %, US / U.S., organise / organize",
    ),
)

_BY_KEY = {(rule.check, rule.kind): rule for rule in POLICY}


def severity_of(check: str, kind: str) -> str:
    """The severity of a finding of `kind` by `check`; KeyError for a kind not here."""
    return _BY_KEY[(check, kind)].severity

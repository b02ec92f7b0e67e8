"""weekday-date: a weekday that does not match the date beside it.

Recognised forms: "Thursday, October 3", "Friday morning, 4 October 2024",
"on Friday (October 4)", "May 29, 2024 (Wednesday)". A date needs a year to have a
weekday: the year written with the date, else a year in the same paragraph, else the
latest year the source mentions; with none of these the date is skipped, never
guessed. When the paragraph mentions several years the weekday is accepted if it
fits any of them. A mismatch is blocking when the year is in the paragraph, and
advisory when it had to be taken from elsewhere in the source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    make_finding,
)
from articles.text.checks.severity import severity_of
from articles.text.vocabulary import MONTHS, WEEKDAYS

NAME = "weekday-date"

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DATE = (
    rf"(?P<date>(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b\.?)"
)
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|2[01])\d\d)(?!\d))?"
_PATTERNS = [
    # Friday (October 4)
    re.compile(rf"\b{_WEEKDAY}{_DAY_PART}\s*\(\s*{_DATE}{_YEAR}\s*\)"),
    # Thursday, October 3 / Friday morning, 4 October 2024
    re.compile(rf"\b{_WEEKDAY}{_DAY_PART},?\s+{_DATE}{_YEAR}"),
    # May 29, 2024 (Wednesday)
    re.compile(rf"\b{_DATE}{_YEAR},?\s*\(\s*{_WEEKDAY}\s*\)"),
]
_ANY_YEAR = re.compile(r"(?<![\d$£€.,])(?:1[89]|2[01])\d\d(?![\d])(?!,\d)")


def find_weekday_mismatches(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding for each weekday that does not fit its date."""
    source_years = [
        (int(m.group()), p) for p in paragraphs for m in _ANY_YEAR.finditer(p.text)
    ]
    latest = max(source_years, key=lambda yp: (yp[0], -yp[1].line), default=None)
    for para in paragraphs:
        taken: list[tuple[int, int]] = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(para.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append(match.span())
                finding = _check(para, match, latest)
                if finding is not None:
                    yield finding


def _check(
    para: Paragraph, match: re.Match[str], latest: tuple[int, Paragraph] | None
) -> Finding | None:
    month, day = _parse_date(match.group("date"))
    if match.group("year"):
        years, origin = [int(match.group("year"))], None
    else:
        in_paragraph = [
            (abs(m.start() - match.start()), int(m.group()))
            for m in _ANY_YEAR.finditer(para.text)
            if not match.start() <= m.start() < match.end()
        ]
        if in_paragraph:
            years, origin = [y for _, y in sorted(in_paragraph)], None
        elif latest is not None:
            years, origin = [latest[0]], latest[1]
        else:
            return None  # no year anywhere: the weekday cannot be checked
    dates = []
    for year in years:
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            return None  # "February 30": not a date this check can judge
    written = match.group("weekday")
    if any(WEEKDAYS[d.weekday()] == written for d in dates):
        return None
    date = dates[0]
    right = WEEKDAYS[date.weekday()]
    offset = match.start("weekday") - match.start()
    quote = match.group()
    suggestion = quote[:offset] + right + quote[offset + len(written) :]
    source = "" if origin is None else f" (the year is taken from line {origin.line})"
    return make_finding(
        check=NAME,
        severity=severity_of(
            NAME, "mismatch" if origin is None else "mismatch-inferred-year"
        ),
        paragraph=para,
        start=match.start(),
        end=match.end(),
        message=(
            f"{date.strftime('%B')} {date.day}, {date.year} was a {right}, not a "
            f"{written}{source}: correct the weekday or the date."
        ),
        suggestion=suggestion,
        related_lines=[] if origin is None else [origin.line],
        facts=[date.isoformat(), written],
    )


def _parse_date(text: str) -> tuple[int, int]:
    day = int(re.search(r"\d{1,2}", text).group())
    month_word = re.search(rf"{_MONTH}", text).group()
    return MONTHS[month_word], day


CHECK = Check(
    name=NAME,
    description="A weekday that does not match its date.",
    run=find_weekday_mismatches,
)

"""weekday-date: a weekday that does not match the date beside it.

Recognised forms: "Thursday, October 3", "Friday morning, 4 October 2024",
"Tues., Sept. 8", "Wednesday the 12th of May", "on Friday (October 4)",
"May 29, 2024 (Wednesday)", "3 November, a Tuesday", numeric dates after a weekday
("Monday 14/09/2026", "Fri 2026-05-22", "Sat. 28.3.26"; a numeric date that reads
both ways is accepted if either reading fits), and the first day of a range
("Friday 1 to Sunday 3 May"), the weekdays of a list with the days of one
("Tuesday and Wednesday, 10 and 11 March", "Monday to Wednesday, March 9-11"), a
weekday after a numeric date ("27.02.2026 (Friday)", "2026-04-03, a Friday"), and
a day told with no month after a date
("... Friday 13 March and Sunday the 15th", in that month). "On Mondays" is a
habit, not a date, and "the Sun" is a newspaper.

A date needs a year to have a weekday: the year written with the date, else a year
in the same paragraph, else the year of the story's dateline or web timestamp
("LISBON, 28 April 2026", "Updated Tue 28 Apr 2026"; the date nearest it), else the
latest year the source mentions; with none of these the date is skipped, never
guessed. When the paragraph mentions several years the weekday is accepted if it
fits any of them. A mismatch is blocking when the year is in the paragraph or the
dateline, and advisory when it had to be taken from elsewhere in the source.
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
from articles.text.vocabulary import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

NAME = "weekday-date"

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ABBREVIATED = "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
# A full name not followed by "s" (\b), or a short form that is not "the Sun"; a
# short form may take a dot ("Tues."), a full name may not (it ends a sentence).
_ANY_WEEKDAY = (
    rf"(?:(?:{'|'.join(WEEKDAYS)})\b|(?<![Tt]he\s)(?:{_ABBREVIATED})\b)(?:(?<!day)\.)?"
)
_WEEKDAY = _ANY_WEEKDAY.replace("(?:(?:", "(?P<weekday>(?:", 1)
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?P<date>(?:{_MONTH})\.?\s+\d{{1,2}}{_ORDINAL}(?!\d)"
    rf"|(?:the\s+)?\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?(?:{_MONTH})\b\.?)"
)
_YEAR_DIGITS = r"(?:1[89]|2[01])\d\d|['\u2019]\d\d"  # 2026, '26
_YEAR = rf"(?:,?\s+(?P<year>{_YEAR_DIGITS})(?!\d))?"
_NUMERIC = (
    r"(?P<numeric>\d{4}-\d{1,2}-\d{1,2}"  # 2026-05-22
    r"|\d{1,2}(?P<sep>[/.\-])\d{1,2}(?P=sep)(?:\d{4}|\d{2}))(?![/.\-]?\d)"
)
_RANGE_TO = r"\s*(?:,|,?\s*(?:to|until|till|through|and|or)\b|[-\u2013\u2014])\s*"
# A date written in words or in digits, as a weekday after it is told:
# "May 29, 2024 (Wednesday)", "27.02.2026 (Friday)", "2026-04-03, a Friday"
_WORDS_OR_DIGITS = rf"(?:{_DATE}{_YEAR}|{_NUMERIC})"
_LISTED_DAY = rf"\d{{1,2}}{_ORDINAL}(?!\d)"
_MONTH_AFTER = rf"\s+(?:of\s+)?(?:{_MONTH})\b\.?"
_LISTED_DAYS = (
    # 10 and 11 March, 9 March and 10 March
    rf"(?:{_LISTED_DAY}(?:{_MONTH_AFTER})?{_RANGE_TO})+{_LISTED_DAY}{_MONTH_AFTER}"
    # March 9-11, March 9 to March 11
    rf"|(?:{_MONTH})\.?\s+{_LISTED_DAY}"
    rf"(?:{_RANGE_TO}(?:(?:{_MONTH})\.?\s+)?{_LISTED_DAY})+"
)
_PATTERNS = [
    # Tuesday and Wednesday, 10 and 11 March 2026 / Mon-Tue, 9 March and 10 March /
    # Monday to Wednesday, March 9-11: the weekdays of a list, each with the day in
    # the same place of the list of days
    re.compile(
        rf"\b(?P<weekdays>{_ANY_WEEKDAY}(?:{_RANGE_TO}{_ANY_WEEKDAY})+),?\s+"
        rf"(?P<days>{_LISTED_DAYS}){_YEAR}"
    ),
    # Friday (October 4)
    re.compile(rf"\b{_WEEKDAY}{_DAY_PART}\s*\(\s*{_DATE}{_YEAR}\s*\)"),
    # Friday 1 to Sunday 3 May 2026, Monday 4, Tuesday 5 and Friday 8 May: the days
    # before the last take its month and year
    re.compile(
        rf"\b{_WEEKDAY}{_DAY_PART},?\s+(?:the\s+)?(?P<range_day>\d{{1,2}}){_ORDINAL}"
        rf"(?=(?:{_RANGE_TO}(?:{_ANY_WEEKDAY},?\s+)?(?:the\s+)?\d{{1,2}}{_ORDINAL})+"
        rf"\s+(?:of\s+)?(?P<range_month>{_MONTH})\b\.?{_YEAR})"
    ),
    # Thursday, October 3 / Friday morning, 4 October 2024 / Tues., Sept. 8
    re.compile(rf"\b{_WEEKDAY}{_DAY_PART},?\s+{_DATE}{_YEAR}"),
    # May 29, 2024 (Wednesday) / 27.02.2026 (Friday)
    re.compile(rf"\b{_WORDS_OR_DIGITS},?\s*\(\s*{_WEEKDAY}\s*\)"),
    # 3 November 2026, a Tuesday / 3 November (a Tuesday) / 2026-04-03, a Friday
    re.compile(
        rf"\b{_WORDS_OR_DIGITS}(?:,\s*|\s*\(\s*)(?:which\s+(?:is|was)\s+)?"
        rf"a\s+{_WEEKDAY}"
    ),
    # "... on Friday 13 March and on Sunday the 14th": a day whose month is the
    # last date's before it in the paragraph
    re.compile(
        rf"\b{_WEEKDAY}{_DAY_PART},?\s+the\s+(?P<bare_day>\d{{1,2}})(?:st|nd|rd|th)\b"
        rf"(?!\s+(?:of\b|{_MONTH}\b))"  # "the 19th of next month" is not read
    ),
    # Monday 14/09/2026 / Fri 2026-05-22 / Saturday (19.06.2026)
    re.compile(rf"\b{_WEEKDAY}{_DAY_PART},?\s*\(?\s*{_NUMERIC}"),
]
_ANY_YEAR = re.compile(r"(?<![\d$£€.,])(?:1[89]|2[01])\d\d(?![\d])(?!,\d)")
# The date the story was filed, at the head of its first paragraphs: a dateline
# ("LISBON, 28 April 2026", "Geneva, Switzerland, May 6, 2026 (AP) -") or the
# timestamp web pages print ("Published Tue 4 Nov 2026 at 06:45")
_PLACE = r"[A-Z][A-Za-z.'\u2019\- ]{1,40}?"
_STAMP = r"(?:(?:Last\s+)?(?:Published|Updated|Posted)(?:\s+on)?:?\s+)?"
_DATELINE = re.compile(
    rf"^(?:{_PLACE},\s*(?:{_PLACE},\s*)?|{_STAMP}(?:{_ANY_WEEKDAY},?\s+)?)"
    rf"{_DATE},?\s+(?P<year>\d{{4}})\b"
)
_DATELINE_PARAGRAPHS = 3  # a headline and a byline may come first


def find_weekday_mismatches(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding for each weekday that does not fit its date."""
    source_years = [
        (int(m.group()), p) for p in paragraphs for m in _ANY_YEAR.finditer(p.text)
    ]
    latest = max(source_years, key=lambda yp: (yp[0], -yp[1].line), default=None)
    datelines = _datelines(paragraphs)
    for para in paragraphs:
        taken: list[tuple[int, int]] = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(para.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append(match.span())
                finding = _check(para, match, datelines.get(para.story), latest)
                if finding is not None:
                    yield finding


def _datelines(
    paragraphs: Sequence[Paragraph],
) -> dict[int, tuple[dt.date, Paragraph]]:
    """The dateline date of each story that has one."""
    found: dict[int, tuple[dt.date, Paragraph]] = {}
    seen: dict[int, int] = {}
    for para in paragraphs:
        seen[para.story] = seen.get(para.story, 0) + 1
        if para.story in found or seen[para.story] > _DATELINE_PARAGRAPHS:
            continue
        match = _DATELINE.match(para.text)
        if match is None:
            continue
        [(month, day)] = _readings(match)
        try:
            found[para.story] = (dt.date(int(match["year"]), month, day), para)
        except ValueError:
            continue
    return found


def _check(
    para: Paragraph,
    match: re.Match[str],
    dateline: tuple[dt.date, Paragraph] | None,
    latest: tuple[int, Paragraph] | None,
) -> Finding | None:
    claims = _claims(match)
    if not claims or not claims[0][2]:
        return None  # lists of different lengths, or a day with no month to read
    readings = claims[0][2]
    origin, kind, note = None, "mismatch", ""
    if match.groupdict().get("year") or match.groupdict().get("numeric"):
        years = [_year(match)]
    else:
        in_paragraph = [
            (abs(m.start() - match.start()), int(m.group()))
            for m in _ANY_YEAR.finditer(para.text)
            if not match.start() <= m.start() < match.end()
        ]
        if in_paragraph:
            years = [y for _, y in sorted(in_paragraph)]
        elif dateline is not None:
            filed, origin = dateline
            years = [_nearest_year(filed, readings[0])]
            note = f" (the year is taken from the dateline on line {origin.line})"
        elif latest is not None:
            years, origin = [latest[0]], latest[1]
            kind = "mismatch-inferred-year"
            note = f" (the year is taken from line {origin.line})"
        else:
            return None  # no year anywhere: the weekday cannot be checked
    wrong = [
        (written, at, dates)
        for written, at, readings in claims
        if (dates := _dates(years, readings))
        and not any(d.weekday() == _weekday_index(written) for d in dates)
    ]
    if not wrong:
        return None  # every weekday fits, or no date this check can judge
    [(written, at, dates), *_] = wrong
    written_index = _weekday_index(written)
    date = dates[0]
    right = WEEKDAYS[date.weekday()]
    if written in WEEKDAY_ABBREVIATIONS:
        right = right[:3]
    offset = at - match.start()
    quote = match.group()
    suggestion = quote[:offset] + right + quote[offset + len(written) :]
    return make_finding(
        check=NAME,
        severity=severity_of(NAME, kind),
        paragraph=para,
        start=match.start(),
        end=match.end(),
        message=(
            f"{date.strftime('%B')} {date.day}, {date.year} was a "
            f"{WEEKDAYS[date.weekday()]}, not a {WEEKDAYS[written_index]}{note}: "
            "correct the weekday or the date."
        ),
        suggestion=suggestion,
        related_lines=[] if origin is None else [origin.line],
        facts=[date.isoformat(), WEEKDAYS[written_index]],
    )


def _dates(years: list[int], readings: list[tuple[int, int]]) -> list[dt.date]:
    """The dates the readings of a date can be in those years."""
    dates = []
    for year in years:
        for month, day in readings:
            try:
                dates.append(dt.date(year, month, day))
            except ValueError:
                continue  # "February 30", or "14/09" read month first
    return dates


def _claims(match: re.Match[str]) -> list[tuple[str, int, list[tuple[int, int]]]]:
    """Each weekday the match gives a date, as (weekday as written, where it
    starts, the (month, day) readings of its date): one, or one for each weekday
    of a list ("Tuesday and Wednesday, 10 and 11 March": the first with the
    first day); none for lists of different lengths."""
    if not match.groupdict().get("weekdays"):
        return [(match.group("weekday"), match.start("weekday"), _readings(match))]
    weekdays = list(re.finditer(_ANY_WEEKDAY, match.group("weekdays")))
    listed = re.findall(rf"({_MONTH})|(\d+)", match.group("days"))
    months_first = bool(listed[0][0])  # "March 9-11": each day takes the month before
    days: list[tuple[int, int]] = []
    month = 0
    for month_word, day in listed:
        if month_word:
            month = MONTHS[month_word]
            # "10 and 11 March": the days before a month take it
            days = [(d_month or month, d) for d_month, d in days]
        else:
            days.append((month if months_first else 0, int(day)))
    if len(weekdays) != len(days):
        return []
    return [
        (w.group().rstrip("."), match.start("weekdays") + w.start(), [day])
        for w, day in zip(weekdays, days, strict=True)
    ]


def _readings(match: re.Match[str]) -> list[tuple[int, int]]:
    """The (month, day) the matched date can mean: one, or two for "05/06/2026"."""
    groups = match.groupdict()
    if groups.get("bare_day"):
        earlier = list(re.finditer(_DATE, match.string[: match.start()]))
        if not earlier:
            return []  # no month to read the day in
        month_word = re.search(_MONTH, earlier[-1].group()).group()
        day = int(groups["bare_day"])
        if day < int(re.search(r"\d{1,2}", earlier[-1].group()).group()):
            return []  # "28 February ... Sunday the 1st": the month after
        return [(MONTHS[month_word], day)]
    if groups.get("range_day"):
        return [(MONTHS[groups["range_month"]], int(groups["range_day"]))]
    if groups.get("numeric"):
        parts = [int(p) for p in re.split(r"[/.\-]", groups["numeric"])]
        if parts[0] > 31:  # year first: 2026-05-22
            return [(parts[1], parts[2])]
        return list(dict.fromkeys([(parts[1], parts[0]), (parts[0], parts[1])]))
    text = groups["date"]
    day = int(re.search(r"\d{1,2}", text).group())
    month_word = re.search(rf"{_MONTH}", text).group()
    return [(MONTHS[month_word], day)]


def _year(match: re.Match[str]) -> int:
    """The year written with the date: "2026", "'26", or a numeric date's own."""
    if match.groupdict().get("year"):
        digits = match.group("year").lstrip("'\u2019")
    else:
        parts = re.split(r"[/.\-]", match.group("numeric"))
        digits = parts[0] if len(parts[0]) == 4 else parts[2]
    return int(digits) + (2000 if len(digits) == 2 else 0)


def _nearest_year(filed: dt.date, reading: tuple[int, int]) -> int:
    """The year that puts a month and day nearest the dateline's date: a story
    filed on 28 December that says "Friday, January 8" means the next January."""
    month, day = reading

    def distance(year: int) -> int:
        try:
            return abs((dt.date(year, month, day) - filed).days)
        except ValueError:
            return 10**6

    return min((filed.year, filed.year + 1, filed.year - 1), key=distance)


def _weekday_index(written: str) -> int:
    if written in WEEKDAY_ABBREVIATIONS:
        return WEEKDAY_ABBREVIATIONS[written]
    return WEEKDAYS.index(written)


CHECK = Check(
    name=NAME,
    description="A weekday that does not match its date.",
    run=find_weekday_mismatches,
)

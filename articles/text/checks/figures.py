"""figures: one fact given two values, one value written two ways, two date orders.

Figures are read as cardinals and ordinals in words or digits ("nine", "9", "the
seventh", "7th"), percentages ("4.2%", "4.2 per cent"), money ("$2.3 billion",
"€40m", "2 million euros") and quantities with a unit or a counted noun ("12 km",
"9 countries"). Each is keyed by what it counts: the unit or noun after it, the
subject named before it in the sentence, and the verb right before it ("the EU
pledged $2.3 billion in aid": EU, pledge, aid).

- The same key with two values in two stories of a source is blocking: one of them
  is false. Approximate figures ("at least 12", "about $2m") are never compared:
  both can be true. An ordinal is one fact when it counts the same named thing
  ("the sixth meeting of the Danube Commission" / "the seventh meeting of the Danube
  Commission"). Figures whose sentences name different places, bodies or times ("in
  Spain" / "in Portugal", "in 2023" / "in 2025") are different facts.
- One value written as a word and in digits for the same noun ("nine countries" /
  "9 countries"), or money written two ways ("$2.3bn" / "$2.3 billion"), is
  advisory: house style. So is a source writing dates in both orders ("5 March" /
  "March 5"). A number that opens a sentence is spelled out by most style guides
  and is not counted as a form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    is_heading,
    make_finding,
)
from articles.text.checks.number_forms import ORDINAL_WORDS
from articles.text.checks.severity import severity_of
from articles.text.tokens import name_runs, sentences, tokenize
from articles.text.vocabulary import (
    CALENDAR_WORDS,
    MONTHS,
    STOPWORDS,
    actors_in,
    words_of,
)

NAME = "figures"

_UNITS_WORDS = words_of(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_WORDS = words_of("twenty thirty forty fifty sixty seventy eighty ninety")


def _cardinal_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS_WORDS, start=1)}
    for i, tens in enumerate(_TENS_WORDS, start=2):
        words[tens] = i * 10
        for unit, word in enumerate(_UNITS_WORDS[:9], start=1):
            words[f"{tens}-{word}"] = i * 10 + unit
    words["hundred"] = 100
    words["dozen"] = 12
    return words


CARDINAL_WORDS = _cardinal_words()
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "francs": "CHF",
}
# Units written two ways, as compared.
UNIT_SYNONYMS = {
    "km": "kilometre",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "kilos": "kilogram",
    "tonnes": "tonne",
    "tons": "tonne",
    "mi": "mile",
    "miles": "mile",
    "metres": "metre",
    "meters": "metre",
    "m2": "square-metre",
    "hectares": "hectare",
    "ha": "hectare",
    "litres": "litre",
    "liters": "litre",
    "mw": "megawatt",
    "megawatts": "megawatt",
}
# Words between a verb and its figure: "pledged at least", "killed more than".
_APPROXIMATE = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|some|roughly|approximately|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|an\s+estimated|estimated|close\s+to|just\s+over|just\s+under|"
    r"upwards\s+of|tens\s+of|hundreds\s+of|thousands\s+of)\s+$)"
)
_FILLER = frozenset(
    words_of("a an the of by to for with a total another further additional new extra")
)
# Words after a number that are not what it counts.
_NOT_COUNTED = STOPWORDS | frozenset(words_of("per percent am pm"))
_NUMBER_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|tn|m|k)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<cur>US\$|[$€£¥])\s?(?P<num>{_DIGITS})(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"|\b(?P<num2>{_DIGITS})(?:\s?(?P<scale2>{_SCALE}))?\s+(?P<cur2>dollars|euros|"
    r"pounds|yen|yuan|rupees|francs)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?<![\w$€£¥.,])(?P<num>{_DIGITS}|(?i:{_NUMBER_WORD}))"
    rf"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?:\s+(?P<noun>[A-Za-z][a-z]+|km|kg|mi|mw|ha)\b)",
)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS})(?:\s?%|\s+per\s?cent\b|\s+percent\b)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    rf"\b(?P<num>(?i:{_ORDINAL_WORD})|\d{{1,3}}(?:st|nd|rd|th))\b"
    r"(?P<rest>(?:\s+[A-Za-z][\w-]*){1,4})"
)
_MONTH = "|".join(m for m in MONTHS if len(m) > 3 or m == "May")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)")


@dataclass(frozen=True)
class _Figure:
    kind: str  # "money", "count", "ordinal"
    value: float
    unit: str  # currency, unit or counted noun
    form: str  # how it is written, for the two-forms finding
    subject: str
    verb: str
    names: frozenset[str]  # for ordinals: the named thing counted
    # places, bodies and times the sentence names besides the subject: "12,000
    # hectares in Spain" and "8,000 hectares in Portugal" are two facts
    setting: frozenset[str]
    approximate: bool
    initial: bool  # opens its sentence
    para: Paragraph
    start: int
    end: int


def find_figure_problems(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield findings on figures that disagree or are written two ways."""
    prose = [p for p in paragraphs if not is_heading(p)]
    figures = [f for para in prose for f in _figures(para)]
    yield from _different_values(figures)
    yield from _two_forms(figures)
    yield from _date_forms(prose)


# --- reading figures ------------------------------------------------------------------


def _number(text: str) -> float | None:
    low = text.lower()
    if low in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def _figures(para: Paragraph) -> Iterator[_Figure]:
    for s_start, s_end in sentences(para.text):
        sentence = para.text[s_start:s_end]
        taken: list[tuple[int, int]] = []
        for match in _MONEY.finditer(sentence):
            yield from _money(para, sentence, s_start, match, taken)
        for match in _PERCENT.finditer(sentence):
            taken.append(match.span())
            number = _number(match.group("num"))
            if number is not None:
                yield _figure(
                    "percent",
                    number,
                    "%",
                    "",
                    "",
                    para,
                    sentence,
                    s_start,
                    match.span(),
                )
        for match in _COUNT.finditer(sentence):
            if any(s <= match.start() < e for s, e in taken):
                continue
            yield from _count(para, sentence, s_start, match)
        for match in _ORDINAL.finditer(sentence):
            yield from _ordinal(para, sentence, s_start, match)


def _money(
    para: Paragraph,
    sentence: str,
    offset: int,
    match: re.Match[str],
    taken: list[tuple[int, int]],
) -> Iterator[_Figure]:
    taken.append(match.span())
    number = _number(match.group("num") or match.group("num2"))
    if number is None:
        return
    currency = CURRENCIES[(match.group("cur") or match.group("cur2")).lower()]
    scale_word = (match.group("scale") or match.group("scale2") or "").lower()
    value = number * SCALES.get(scale_word, 1)
    after = re.match(
        r"\s+(?:(?:in|of|for|worth\s+of)\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})\b",
        sentence[match.end() :],
    )
    noun = after.group("noun") if after and after.group("noun") not in STOPWORDS else ""
    form = re.sub(r"[\d.,\s]+", " ", match.group()).strip().lower()
    yield _figure(
        "money", value, currency, form, noun, para, sentence, offset, match.span()
    )


def _count(
    para: Paragraph, sentence: str, offset: int, match: re.Match[str]
) -> Iterator[_Figure]:
    raw = match.group("num")
    number = _number(raw)
    noun = match.group("noun")
    if number is None or noun.lower() in _NOT_COUNTED or noun in MONTHS:
        return
    if noun[:1].isupper() and noun.lower() not in UNIT_SYNONYMS:
        return  # "Group 7", "2019 Olympics": part of a name
    if re.fullmatch(r"1[89]\d\d|20\d\d", raw):
        return  # a year
    before = sentence[: match.start()]
    if re.search(rf"(?:{_MONTH})\s+$", before):
        return  # "May 5": a date
    value = number * SCALES.get((match.group("scale") or "").lower(), 1)
    unit = UNIT_SYNONYMS.get(noun.lower(), _singular(noun.lower()))
    form = "digits" if raw[0].isdigit() else "words"
    yield _figure("count", value, unit, form, "", para, sentence, offset, match.span())


def _ordinal(
    para: Paragraph, sentence: str, offset: int, match: re.Match[str]
) -> Iterator[_Figure]:
    raw = match.group("num").lower()
    value = int(raw[:-2]) if raw[0].isdigit() else ORDINAL_WORDS[raw]
    # the counted thing: the words after the ordinal up to a small word
    head: list[str] = []
    head_end = match.start("rest")
    for word in re.finditer(r"[A-Za-z][\w-]*", match.group("rest")):
        if word.group().lower() in STOPWORDS:
            break
        head.append(word.group())
        head_end = match.start("rest") + word.end()
    if not head:
        return
    noun = _singular(head[-1].lower())
    tail = sentence[head_end:]
    named = re.match(
        r"\s+(?:of|at|in|on|for)\s+(?:the\s+)?((?:[A-Z][\w-]*\s*){1,5})", tail
    )
    names = {w.lower() for w in head[:-1] if w[:1].isupper()}
    if named:
        names |= {w.lower() for w in named.group(1).split()}
    span = (match.start(), head_end)
    figure = _figure("ordinal", value, noun, "", "", para, sentence, offset, span)
    yield replace(figure, names=frozenset(names))


def _figure(
    kind: str,
    value: float,
    unit: str,
    form: str,
    noun: str,
    para: Paragraph,
    sentence: str,
    offset: int,
    span: tuple[int, int],
) -> _Figure:
    before = sentence[: span[0]]
    subject = _subject(before)
    return _Figure(
        kind=kind,
        value=value,
        unit=unit if not noun else f"{unit}:{_singular(noun)}",
        form=form,
        subject=subject,
        verb=_verb(before),
        names=frozenset(),
        setting=_setting(sentence, subject),
        approximate=bool(_APPROXIMATE.search(before)),
        initial=not before.strip(" \"\u201c\u2018'("),
        para=para,
        start=offset + span[0],
        end=offset + span[1],
    )


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _subject(before: str) -> str:
    """The first country, body or name in the sentence before the figure; else the
    words before its verb ("the hospital trust hired 120 nurses")."""
    actors = actors_in(before)
    tokens = tokenize(before)
    runs = [
        (tokens[i].start, " ".join(t.base for t in tokens[i:j]).lower())
        for i, j in name_runs(tokens)
    ]
    found = [(s, a.lower()) for s, _, a in actors] + runs
    if found:
        return min(found)[1]
    words = re.findall(r"[A-Za-z][\w-]*", _APPROXIMATE.sub("", before))
    while words and words[-1].lower() in _FILLER:
        words.pop()
    head = [w.lower() for w in words[:-1] if w.lower() not in STOPWORDS]
    return " ".join(head[-3:]) if len(words) <= 5 else ""


def _setting(sentence: str, subject: str) -> frozenset[str]:
    """The countries, bodies, years, months and weekdays a sentence names."""
    found = {actor.lower() for _, _, actor in actors_in(sentence)}
    found |= set(re.findall(r"\b(?:1[89]|20)\d\d\b", sentence))
    found |= {w.lower() for w in re.findall(r"[A-Z][a-z]+", sentence)} & CALENDAR_WORDS
    return frozenset(found - {subject})


def _verb(before: str) -> str:
    """The word before the figure, past fillers and approximations, stemmed."""
    trimmed = _APPROXIMATE.sub("", before)
    words = re.findall(r"[A-Za-z]+", trimmed)
    while words and words[-1].lower() in _FILLER:
        words.pop()
    if not words or words[-1][:1].isupper():
        return ""
    return re.sub(r"(?:ed|d|es|s|ing)$", "", words[-1].lower())


# --- findings -------------------------------------------------------------------------


def _different_values(figures: list[_Figure]) -> Iterator[Finding]:
    groups: dict[tuple[str, ...], list[_Figure]] = defaultdict(list)
    for figure in figures:
        if figure.approximate:
            continue
        if figure.kind == "ordinal":
            if len(figure.names) >= 2:
                groups[("ordinal", figure.unit, *sorted(figure.names))].append(figure)
            continue
        known = sum(1 for part in (figure.subject, figure.verb) if part)
        if known == 2 or (known == 1 and ":" in figure.unit):
            key = (figure.kind, figure.unit, figure.subject, figure.verb)
            groups[(*key, *sorted(figure.setting))].append(figure)
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            continue
        reported: set[int] = set()
        for figure in group:
            others = [
                f
                for f in group
                if f.para.story != figure.para.story and f.value != figure.value
            ]
            if not others or figure.para.story in reported:
                continue
            reported.add(figure.para.story)
            yield _finding(
                figure,
                kind="different-value",
                message=(
                    f"“{_quote(figure)}” here, but "
                    + " / ".join(sorted({f"“{_quote(f)}”" for f in others}))
                    + " in "
                    + _where(others)
                    + " for what reads as the same fact: check which is right."
                ),
                related=others,
            )


def _two_forms(figures: list[_Figure]) -> Iterator[Finding]:
    groups: dict[tuple[str, str, float], list[_Figure]] = defaultdict(list)
    for figure in figures:
        if figure.kind in ("count", "money") and not (
            figure.initial and figure.form == "words"
        ):
            groups[(figure.kind, figure.unit.split(":")[0], figure.value)].append(
                figure
            )
    for group in groups.values():
        forms = Counter(f.form for f in group)
        if len(forms) < 2:
            continue
        preferred = max(forms, key=lambda form: (forms[form], form == "words"))
        others = [f for f in group if f.form == preferred]
        for figure in group:
            if figure.form == preferred:
                continue
            yield _finding(
                figure,
                kind="two-forms",
                message=(
                    f"“{_quote(figure)}” is written “{_quote(others[0])}” in "
                    + _where(others)
                    + ": use one form throughout."
                ),
                related=others,
                suggestion=_quote(others[0]),
            )


def _date_forms(paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
    uses: dict[str, list[tuple[Paragraph, re.Match[str]]]] = defaultdict(list)
    for para in paragraphs:
        for pattern, form in ((_DAY_MONTH, "day-month"), (_MONTH_DAY, "month-day")):
            for match in pattern.finditer(para.text):
                uses[form].append((para, match))
    if len(uses) < 2:
        return
    minority = min(uses, key=lambda form: (len(uses[form]), form))
    majority = next(form for form in uses if form != minority)
    example = uses[majority][0][1].group()
    for para, match in uses[minority]:
        yield make_finding(
            check=NAME,
            severity=severity_of(NAME, "date-forms"),
            paragraph=para,
            start=match.start(),
            end=match.end(),
            message=(
                f"“{match.group()}” puts the date in the other order from most of "
                f"this copy (“{example}”): use one order throughout."
            ),
            related_lines=[p.line for p, _ in uses[majority]],
            facts=["date-forms", minority],
        )


def _quote(figure: _Figure) -> str:
    return figure.para.text[figure.start : figure.end]


def _where(figures: list[_Figure]) -> str:
    by_story: dict[int, set[int]] = defaultdict(set)
    for figure in figures:
        by_story[figure.para.story].add(figure.para.line)
    return " and ".join(
        f"story {story + 1} (line{'s' if len(lines) > 1 else ''} "
        + ", ".join(map(str, sorted(lines)[:6]))
        + ")"
        for story, lines in sorted(by_story.items())
    )


def _finding(
    figure: _Figure,
    *,
    kind: str,
    message: str,
    related: list[_Figure],
    suggestion: str | None = None,
) -> Finding:
    return make_finding(
        check=NAME,
        severity=severity_of(NAME, kind),
        paragraph=figure.para,
        start=figure.start,
        end=figure.end,
        message=message,
        suggestion=suggestion,
        related_lines=[f.para.line for f in related],
        facts=[kind, figure.kind, figure.unit, f"{figure.value:g}"],
    )


CHECK = Check(
    name=NAME,
    description="One fact given two values, or one value written two ways.",
    run=find_figure_problems,
)

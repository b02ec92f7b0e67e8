"""Paragraphs of raw copy and what they show: kind, names, how they open."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from articles.text import vocabulary
from articles.text.duplicates import DuplicateFinder
from articles.text.names import PERSON_NAME, capitalised_runs
from articles.text.splitting.headlines import _heading_shape
from articles.text.splitting.line_roles import MODEL, LineRoleModel, debris_lines
from articles.text.splitting.words import (
    _APPOSITIVE_OPENING,
    _HABIT,
    _OPENING_DAY,
    _PRESENT_PERFECT,
    _QUOTES,
    _TRAILING_SOURCE,
    _WHEN,
    _WORD,
    CONTINUATION_OPENERS,
    CONTINUATION_PHRASES,
    STOPWORDS,
    _content_stems,
    _first_sentence,
    _midsentence_capitalised,
    _stem,
    _words_lower,
)
from articles.text.vocabulary import WEEKDAYS, is_role_head

_MONTH_NAME = r"(?P<month>" + "|".join(vocabulary.MONTHS) + r")\.?"
# A day planned, not a day something happened: "open from Monday", "results are
# expected Saturday"; the next story reports that day's news.
_PLANNED = "".join(f"(?<!{w} )" for w in ("from", "until", "expected", "next"))
# The look-ahead only lets the search skip words that cannot start a day's name.
_DAY = re.compile(
    rf"\b(?=[ADFJMNOSTW]){_PLANNED}"
    rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}){_HABIT}|{_MONTH_NAME} (?P<day>\d{{1,2}})\b)"
)
DAYS_AHEAD = {"weekday": 3, "date": 14}  # how far on the next story's day may be
LONG_SENTENCE_WORDS = 25  # a first sentence this long is typical of a lede
_GAZETTEER = frozenset(
    name
    for name in (*vocabulary.COUNTRY_NAMES, *vocabulary.CAPITALS)
    if " " not in name and name not in vocabulary.DEMONYMS
)
SUBJECT_TOKENS = 8  # a sentence names who it is about within its first words
# Lines back to look for a near or partial repeat: a paste error or a pull quote
# repeats its own story; further back, stories on one subject share wording.
DUPLICATE_WINDOW = 30


@dataclass(eq=False, slots=True)
class _Paragraph:
    line: int  # 1-based line number
    text: str  # stripped
    words: list[str]  # lower-case words
    stems: Counter[str]
    names: frozenset[str]  # capitalised name words in the paragraph
    surnames: frozenset[str]  # last words of multi-word names
    first_sentence: str
    opening_names: tuple[tuple[str, ...], ...]  # name runs in the first sentence
    # those among its first words (all, after an opening quotation: who said it)
    subject_names: tuple[tuple[str, ...], ...]
    kind: str  # "para", "heading" or "boilerplate" (page or wire debris)
    heading_shape: float  # 0..1, how much the line looks like a headline
    title_case: bool | None
    capitals: bool  # written all in capitals, as sub-headings often are
    # surnames of the people the first sentence introduces by full name and role
    introduced: frozenset[str]
    days: frozenset[tuple[str, int]]  # the days the paragraph names
    duplicate_of: int | None = None  # line of the earlier paragraph it repeats
    debris_kind: str | None = None  # for page or wire debris: which ("byline", ...)


def _build_paragraphs(
    lines: Sequence[str], roles: LineRoleModel = MODEL
) -> list[_Paragraph]:
    # Names the copy capitalises mid-sentence, and countries and capitals anywhere:
    # "Ecuador's government" opens on a name even where Ecuador is named only there.
    known = _midsentence_capitalised(lines) | _GAZETTEER
    debris = debris_lines(lines, roles)
    paragraphs: list[_Paragraph] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        tokens = text.split()
        runs = capitalised_runs(tokens, known)
        names = frozenset([w for _, run in runs for w in run])
        surnames = frozenset([run[-1] for _, run in runs if len(run) > 1])
        first_sentence = _first_sentence(text)
        opening_tokens = len(first_sentence.split())
        opening = tuple([tuple(run) for k, run in runs if k < opening_tokens])
        subject_tokens = (
            opening_tokens
            if text[0] in _QUOTES
            else min(opening_tokens, SUBJECT_TOKENS)
        )
        subject = tuple([tuple(run) for k, run in runs if k < subject_tokens])
        words = _words_lower(text)
        shape, title = _heading_shape(text)
        if number in debris:
            kind = "boilerplate"
        elif shape >= 0.5:
            kind = "heading"
        else:
            kind = "para"
        paragraphs.append(
            _Paragraph(
                line=number,
                text=text,
                words=words,
                stems=Counter(_content_stems(words)),
                names=names,
                surnames=surnames,
                first_sentence=first_sentence,
                opening_names=opening,
                subject_names=subject,
                kind=kind,
                heading_shape=shape,
                title_case=title,
                capitals=text.isupper() and sum(c.isalpha() for c in text) > 3,
                introduced=frozenset([n[-1] for n in _introduced(first_sentence)]),
                days=_days(text),
                debris_kind=debris.get(number),
            )
        )
    return paragraphs


def _mark_duplicates(
    paragraphs: list[_Paragraph], story_ends: Collection[str] = ()
) -> None:
    """Mark the paragraphs that repeat an earlier one. A near or partial repeat
    is looked for in the story so far: within DUPLICATE_WINDOW lines and after the
    last of the `story_ends` kinds of debris (a sign-off, a copyright line), after
    which a new story may open with an update of an earlier one's lede."""
    finder = DuplicateFinder(horizon=DUPLICATE_WINDOW)
    story_start = 0
    for p in paragraphs:
        if p.kind == "boilerplate":  # "Advertisement" twice is no repeated story
            if p.debris_kind in story_ends:
                story_start = p.line
            continue
        since = max(p.line - DUPLICATE_WINDOW, story_start)
        repeats = finder.find(p.words, since=since)
        if repeats:
            p.duplicate_of = repeats[0].original
        else:
            finder.add(p.line, p.words)


def _is_continuation_opening(p: _Paragraph) -> bool:
    # A pronoun in an opening quotation refers to the speaker, not to the text before.
    if not p.words or p.text[0] in _QUOTES:
        return False
    if p.words[0] in CONTINUATION_OPENERS:
        return True
    return " ".join(p.words[:4]).startswith(CONTINUATION_PHRASES)


APPOSITIVE_WORDS = 10  # words of a subject or of the name set off after it


def _opens_on_a_source(first: str) -> bool:
    """Whether the sentence opens by introducing someone who speaks: "A forensic
    accountant, Dr Jane Doe, said ...". With no day, that is how a story brings in
    a witness or an expert; a lede says what happened (or when someone said it).
    """
    parts = first.split(", ", 2)
    return (
        len(parts) == 3
        and len(parts[0].split()) <= APPOSITIVE_WORDS
        and len(parts[1].split()) <= APPOSITIVE_WORDS
        and parts[2].split(" ", 1)[0] in vocabulary.SPEECH_VERBS
    )


def _lede_likeness(p: _Paragraph) -> float:
    """0..1: how much a paragraph opens like a news lede.

    A lede is one long sentence that says when ("on Tuesday"), often in the present
    perfect ("has approved"), introduces something or someone new ("A drug maker
    ...", "The transport minister, Jane Doe, said ...") and ends with its source
    (", the ministry said.").
    """
    first = p.first_sentence
    when = bool(_OPENING_DAY.match(first) or _WHEN.search(first))
    if not when and _opens_on_a_source(first):
        return 0.0
    length = len(first.split())
    score = 0.0
    if length >= LONG_SENTENCE_WORDS:
        score += 0.35
    elif length >= LONG_SENTENCE_WORDS - 5:
        score += 0.15
    if when:
        score += 0.3
    # (Most sentences have neither "has" nor "have": the test skips the search.)
    if ("has " in first or "have " in first) and _PRESENT_PERFECT.search(first):
        score += 0.15
    if p.words and p.words[0] in ("a", "an"):
        score += 0.2
    if p.introduced and when:  # someone new on a given day, not just someone new
        score += 0.15
    if _TRAILING_SOURCE.search(first):
        score += 0.15
    return min(score, 1.0)


# "The 24-year-old": news copy describes by age someone it has named ("A
# 24-year-old" introduces).
_AGE_REFERENCE = re.compile(r"The (?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b")


def _refers_back(text: str, before: Sequence[_Paragraph]) -> bool:
    """Whether the paragraph opens with "The <noun>" for a noun used in `before`,
    or with "The <age>-year-old"."""
    if not text.startswith("The "):
        return False
    if _AGE_REFERENCE.match(text):
        return True
    opening = _WORD.findall(text[:80])[:3]
    if len(opening) < 2 or opening[0] != "The":
        return False
    noun = opening[1]
    # Only a common noun: "The Japanese yen" names something; and only the word right
    # after "The": in "The donor meeting" a new word makes it a different meeting.
    if not noun.islower() or noun in STOPWORDS:
        return False
    stem = _stem(noun.lower().replace("\u2019", "'"))
    # Used before as a common noun too, or as the last word of a name, which names
    # what it is ("St Mary's Church" is "the church"); but another word inside a
    # name does not count: "the World Health Organization" does not make "The
    # world's glaciers" a reference back.
    as_name = noun.removesuffix("'s").removesuffix("\u2019s").capitalize()
    return any(
        stem in p.stems and (as_name not in p.names or as_name in p.surnames)
        for p in before
    )


def _reintroduces(
    lede: _Paragraph, earlier_names: frozenset[str], called_alone: frozenset[str]
) -> bool:
    """Whether the paragraph's first sentence introduces, with full name and role,
    someone already named earlier ("Jane Doe, the company's founder, said ...",
    "union leader Jane Doe said ...") whom the copy elsewhere calls by surname
    alone (`called_alone`).

    Within a story a person is introduced once and then called by surname; a second
    full introduction is how a new story starts. Copy that never calls them by
    surname alone gives their full name and role every time, and a second one says
    nothing.
    """
    return not (lede.introduced & called_alone).isdisjoint(earlier_names)


# "Jane Doe, who leads the party,": a relative clause that gives a role.
_LEADS = "leads|heads|chairs|runs|directs|manages|founded|owns|represents|coaches"
# "Jane Doe, the head of ...,": a full name and an apposition holding a role.
_NAME_THEN_ROLE = re.compile(
    rf"(?:^|, |\b(?:said|told|added) )({PERSON_NAME}), "
    rf"(?:the |a |an |[A-Z]|(?P<who>who (?:{_LEADS}) )|(?=[a-z]))([^,]{{2,80}}),"
)
# "the minister, Jane Doe," or "union leader Jane Doe": a role, then the name.
# (It starts only where a word starts: inside a word it could not match either.)
_ROLE_THEN_NAME = re.compile(rf"(?<![\w'\u2019\-])([\w'\u2019\-]+),? ({PERSON_NAME})\b")
# An honorific before a name ("Dr Jane Doe", "Prof. Jane Doe") is read as if it
# were not there: "Education Secretary Prof. Jane Doe" is "Education Secretary
# Jane Doe".
_HONORIFICS = "|".join(sorted(h.capitalize() for h in vocabulary.HONORIFICS))
_HONORIFIC = re.compile(rf"\b(?:{_HONORIFICS})\.? (?=[A-Z])")
# "Mr Doe", "Dr Doe": someone called by surname once introduced, as British copy
# writes it (not "Dr Jane Doe", a full name).
# (No look-behind for the word's start: a pattern opening on its literal words
# is searched much faster, and a word ending so, "Mr" of "HMr", is rare enough.)
HONORIFIC_SURNAME = re.compile(
    rf"(?:{_HONORIFICS})\.? ([A-Z][^\W\d_]+(?:['\u2019\-][^\W\d_]+)*)"
    rf"(?![\w'\u2019\-]| [A-Z])"
)


# "Prime Minister Jane Doe", "Transport Secretary Jane Doe": a title in capitals,
# then the name, in one run of capitalised words.

_TWO_CAPITALS = re.compile(r"[A-Z][^\W\d_]+ (?:[a-z]{1,4} )?[A-Z]")


def _introduced(sentence: str) -> list[tuple[str, ...]]:
    """The people a sentence introduces by full name and role, as name words."""
    found: list[tuple[str, ...]] = []
    if not _TWO_CAPITALS.search(sentence):
        return found  # no full name in it
    sentence = _HONORIFIC.sub("", sentence)
    opening = _APPOSITIVE_OPENING.match(sentence)
    if opening:
        found.append(tuple(opening.group(1).split()))
    # The name and its role come between two commas.
    for match in _NAME_THEN_ROLE.finditer(sentence) if sentence.count(",") > 1 else ():
        role = match.group(3).split()
        if match["who"] or any(is_role_head(w.strip("'\u2019")) for w in role):
            found.append(tuple(match.group(1).split()))
    for match in _ROLE_THEN_NAME.finditer(sentence):
        role = match.group(1).removesuffix("'s").removesuffix("\u2019s")
        name = match.group(2).split()
        if is_role_head(role):
            found.append(tuple(name))
            continue
        # A title in capitals reads as part of the name: "Prime Minister Jane Doe".
        title = next(
            (k for k in range(len(name) - 3, -1, -1) if is_role_head(name[k])), None
        )
        if title is not None:
            found.append(tuple(name[title + 1 :]))
    return found


def _days(text: str) -> frozenset[tuple[str, int]]:
    """The days a text names: ("weekday", 0..6) or ("date", day of the year)."""
    found = set()
    for match in _DAY.finditer(text):
        if match["weekday"]:
            found.add(("weekday", WEEKDAYS.index(match["weekday"])))
        else:
            month = vocabulary.MONTHS[match["month"].rstrip(".")]
            found.add(("date", month * 31 + int(match["day"])))
    return frozenset(found)


def _moves_on_in_time(lede: _Paragraph, earlier: Sequence[_Paragraph]) -> bool:
    """Whether the first sentence reports a day a little after one that the
    paragraphs before name: a run of stories on one subject moves on day by day,
    while a story's later paragraphs look back ("on Monday" after "on Tuesday").
    """
    if not lede.days:
        return False
    days = _days(lede.first_sentence)
    if not days:
        return False
    before = frozenset().union(*(p.days for p in earlier))
    return any(
        kind == other_kind
        and 0 < (day - other) % (7 if kind == "weekday" else 372) <= DAYS_AHEAD[kind]
        for kind, day in days - before
        for other_kind, other in before
    )

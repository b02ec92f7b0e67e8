"""figures: one fact given two values, one value written two ways, two date orders.

Figures are read as cardinals and ordinals in words or digits ("nine", "9", "the
seventh", "7th"), percentages ("4.2%", "4.2 per cent"), money ("$2.3 billion",
"€40m", "2 million euros"), quantities with a unit or a counted noun ("12 km",
"9 countries") and ages after a name ("Ravi Sen, 45,"). Each is keyed by what it
counts: the unit or noun after it, the subject of its clause, and the verb right
before it ("the EU pledged $2.3 billion in aid": EU, pledge, aid).

- The same key with two values in two stories of a source is blocking: one of them
  is false. Approximate figures ("at least 12", "about $2m") are never compared:
  both can be true. An ordinal is one fact when it counts the same named thing
  ("the sixth meeting of the Danube Commission" / "the seventh meeting of the Danube
  Commission"). Figures whose clauses name different places, bodies or times ("in
  Spain" / "in Portugal", "in 2023" / "in 2025") are different facts; places
  named after a preposition ("in Leeds") differ only when neither figure's are
  among the other's. A common noun for subject ("the company") is the thing its
  story named before it, unless the story used that noun for something else. A
  number said of what it measures ("a crowd of 20,000") is one fact only where
  both sentences name the same thing.
- A later mention in a noun phrase tells again what another story told once: a
  group in a definite phrase ("the 14 countries that signed it", "the firm's 600
  staff"), a measure joined to its thing ("the 32-mile route"), a sum before its
  thing ("the £84m bridge"), a person called by their age ("the 43-year-old"), a
  vote's count; told with another value, it is blocking.
- One value written as a word and in digits for the same noun ("nine countries" /
  "9 countries"), or money written two ways ("$2.3bn" / "$2.3 billion"), is
  advisory: house style. So is a source writing dates in both orders ("5 March" /
  "March 5"). A number that opens a sentence is spelled out by most style guides
  and is not counted as a form, except one to nine, which most styles spell out
  everywhere ("Seven towns" / "7 towns").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    is_heading,
    make_finding,
    other_stories_phrase,
)
from articles.text.checks.figure_clauses import (
    COMPARATIVE,
    CONTRASTIVE,
    DESCRIBED,
    EDITION,
    LEVEL,
    NAMED_EDITION,
    TIME_UNITS,
    Figure,
    one_head,
    same_subject,
    sentence_places,
    stem_verb,
)
from articles.text.checks.figure_reading import (
    DAY_MONTH,
    MONTH_DAY,
    PRISON_YEARS,
    read_figures,
)
from articles.text.checks.number_mentions import UNIT_SYNONYMS
from articles.text.checks.severity import severity_of
from articles.text.tokens import name_runs, sentences, tokenize, words
from articles.text.vocabulary import (
    CALENDAR_WORDS,
    CARDINAL_WORDS,
    GENERIC_THINGS,
    STOPWORDS,
    WEEKDAYS,
    country_of,
    is_stopword,
    words_of,
)

NAME = "figures"


def find_figure_problems(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield findings on figures that disagree or are written two ways."""
    prose = [p for p in paragraphs if not is_heading(p)]
    figures: list[Figure] = []
    last_sentence: dict[int, str] = {}  # per story, for a pronoun opening a paragraph
    for para in prose:
        figures.extend(read_figures(para, last_sentence.get(para.story, "")))
        spans = list(sentences(para.text))
        if spans:
            last_sentence[para.story] = para.text[slice(*spans[-1])]
    figures = list(_name_described(figures, prose))
    different = list(_different_values(figures, prose))
    different += _different_editions(figures, {f.story for f in different})
    yield from different
    yield from _told_again(figures, {finding.story for finding in different}, prose)
    yield from _two_forms(figures)
    yield from _date_forms(prose)


def _name_described(
    figures: list[Figure], prose: Sequence[Paragraph]
) -> Iterator[Figure]:
    """Ages of someone described ("won by a 24-year-old Ethiopian") are the
    age of the person the next sentence opens by naming in full ("Tigist
    Bekele led"), when their own sentence names nobody after them; else they
    are left out."""
    following = {id(a): b for a, b in itertools.pairwise(prose) if a.story == b.story}
    for figure in figures:
        if figure.verb != DESCRIBED:
            yield figure
            continue
        name = _next_sentence_name(figure, following.get(id(figure.para)))
        if name:
            yield replace(figure, subject=name, verb="be", named=True)


def _next_sentence_name(figure: Figure, next_para: Paragraph | None) -> str:
    """The full name opening the sentence after the figure's, in its paragraph
    or the next one of its story, when the figure's sentence names no one after
    it; else ""."""
    para = figure.para
    spans = list(sentences(para.text))
    index = next((k for k, (a, b) in enumerate(spans) if a <= figure.start < b), None)
    if index is None:
        return ""
    rest = tokenize(para.text[figure.end : spans[index][1]])
    if any(j - i >= 2 for i, j in name_runs(rest)):
        return ""  # "a 24-year-old Ethiopian, ahead of Mary Kip": who is who
    if index + 1 < len(spans):
        following = para.text[slice(*spans[index + 1])]
    else:
        following = next_para.text if next_para is not None else ""
    tokens = tokenize(following)
    runs = [(i, j) for i, j in name_runs(tokens) if i == 0 and j - i >= 2]
    if not runs:
        return ""
    return " ".join(t.base for t in tokens[: runs[0][1]]).lower()


def _ledes(paragraphs: Sequence[Paragraph]) -> dict[int, frozenset[str]]:
    """The words of each story's first sentence of prose: what the story is
    about, and so what a generic noun in it ("the scheme") stands for. Later
    sentences name other things in passing ("past the central library")."""
    ledes: dict[int, frozenset[str]] = {}
    for para in paragraphs:
        if para.story in ledes:
            continue
        first = next(iter(sentences(para.text)), None)
        if first is not None:
            ledes[para.story] = frozenset(words(para.text[slice(*first)]))
    return ledes


def _generic_for_lede(
    first: Figure, second: Figure, ledes: dict[int, frozenset[str]]
) -> bool:
    """True when a generic noun in one story ("the scheme", "the race") stands for
    the thing its lede names as the other story's subject ("Councillors approved
    the tram line ... The scheme will cost")."""
    if not (first.subject and second.subject):
        return False
    head_a, head_b = first.subject.split()[-1], second.subject.split()[-1]
    lede_a = ledes.get(first.para.story, frozenset())
    lede_b = ledes.get(second.para.story, frozenset())
    return (head_a in GENERIC_THINGS and head_b in lede_a) or (
        head_b in GENERIC_THINGS and head_a in lede_b
    )


def _different_values(
    figures: list[Figure], prose: Sequence[Paragraph]
) -> Iterator[Finding]:
    """One finding per story on a fact that another story gives another value.
    Figures are grouped by what they count and their verb, and their subjects
    compared by `_same_fact`."""
    stories: dict[int, list[Paragraph]] = defaultdict(list)
    for para in prose:
        stories[para.story].append(para)
    ledes = _ledes(prose)
    groups: dict[tuple[str, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.approximate or figure.introduced or figure.unit == PRISON_YEARS:
            continue  # a prison term's person is not read: told again only
        if figure.kind == "ordinal":
            if len(figure.names) >= 2:
                groups[("ordinal", figure.unit, *sorted(figure.names))].append(figure)
            continue
        known = sum(1 for part in (figure.subject, figure.verb) if part)
        toll = not figure.subject and figure.verb in _TOLLS and figure.unit == "people"
        if known == 2 or (known == 1 and (":" in figure.unit or toll)):
            key = (figure.kind, figure.unit, figure.verb)  # subjects: _same_fact
            groups[(*key, *sorted(_fixed_setting(figure)))].append(figure)
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            continue
        reported: set[int] = set()
        for figure in group:
            others = [
                f
                for f in group
                if (f.para.story != figure.para.story or _one_story_age(f, figure))
                and f.value != figure.value
                and _told_within(f, figure)
                and _same_fact(f, figure, stories, ledes)
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
                    + other_stories_phrase(f.para for f in others)
                    + " for what reads as the same fact: check which is right."
                ),
                related=others,
            )


# A death toll or a count of the hurt, told with no subject ("Twelve people
# were killed"): the toll of the one event its story tells of.
_TOLLS = frozenset(stem_verb(v) for v in ("killed", "injured"))
# Events a toll is of: two tolls whose sentences name different ones are two.
_DISASTERS = re.compile(
    r"\b(?i:crash|collision|derailment|fire|blaze|floods?|flooding|storm|cyclone|"
    r"hurricane|typhoon|earthquake|quake|landslides?|avalanche|explosion|blast|"
    r"attack|bombing|shooting|stampede|collapse|eruption|heatwave|outbreak)\b"
)


def _other_disasters(first: Figure, second: Figure) -> bool:
    """True when two tolls' sentences each name an event and none in common
    ("died in the floods" / "were killed in the blast")."""
    here = {m.lower() for m in _DISASTERS.findall(_sentence_of(first))}
    there = {m.lower() for m in _DISASTERS.findall(_sentence_of(second))}
    return bool(here and there and not here & there)


def _different_editions(figures: list[Figure], reported: set[int]) -> list[Finding]:
    """One event given two editions in two stories ("opens for the 31st time" /
    "now in its 29th year"): the same head noun ("the book fair" / "the fair"),
    names that do not differ, one time ("last year's festival, the 13th" is
    another edition). One of them must be told as an edition, not only as "the
    tenth X Festival" ("the First World War" / "the Second World War")."""
    by_event: dict[tuple[str, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.kind == "ordinal" and figure.verb in (EDITION, NAMED_EDITION):
            head = figure.subject.split()[-1]
            by_event[(head, *sorted(_fixed_setting(figure)))].append(figure)
    findings = []
    for group in by_event.values():
        for figure in group:
            others = [
                f
                for f in group
                if (f.para.story != figure.para.story or _one_story_age(f, figure))
                and f.value != figure.value
                and EDITION in (f.verb, figure.verb)
                and (f.names <= figure.names or figure.names <= f.names)
            ]
            if not others or figure.para.story in reported:
                continue
            reported.add(figure.para.story)
            findings.append(
                _finding(
                    figure,
                    kind="different-value",
                    message=(
                        f"“{_quote(figure)}” here, but “{_quote(others[0])}” in "
                        + other_stories_phrase([others[0].para])
                        + " for the same event's edition: check which is right."
                    ),
                    related=others[:1],
                )
            )
    return findings


def _one_story_age(first: Figure, second: Figure) -> bool:
    """Two ages in one story are compared too ("Ana Ruiz, 38," / "Ruiz, who is
    36,"): a person has one age in a story, where a count may change in it."""
    return first.kind == second.kind == "age"


def _fixed_setting(figure: Figure) -> frozenset[str]:
    """The part of a figure's setting that another telling of its fact gives too:
    years and times or scopes told in words ("in 2024", "last year", "worldwide";
    an undated figure is now). Weekdays, months, countries and bodies may be
    left out by one telling ("killed 37 people in Brazil on Sunday" / "have
    killed 43 people"), so they only part two figures that both name them."""
    return frozenset(
        item
        for item in figure.setting
        if item not in CALENDAR_WORDS
        and (item.isdigit() or " " in item or item in _IN_WORDS)
    )


# Times and scopes told in one word ("worldwide", "abroad").
_IN_WORDS = frozenset(
    words_of(
        "worldwide globally nationally nationwide abroad overseas internationally away"
    )
)


def _told_within(first: Figure, second: Figure) -> bool:
    """True when one figure's setting holds the other's: what one names (a
    weekday, a country, a body) the other names too or leaves out, and the one
    that leaves it out names nothing else instead ("Shares in Halvorsen fell
    12% on Tuesday" / "Shares in its rival, Nordfjord, dropped 21%")."""
    if first.setting == second.setting:
        return True
    fewer, more = sorted((first, second), key=lambda f: len(f.setting))
    if not fewer.setting <= more.setting and not _other_calendar(first, second):
        return False
    told = set(more.mentions) | set(more.setting) | set(more.subject.split())
    return all(
        mention in told or mention in CALENDAR_WORDS or mention in more.subject
        for mention in fewer.mentions - set(fewer.subject.split())
    )


_WEEKDAYS = frozenset(w.lower() for w in WEEKDAYS)


def _other_calendar(first: Figure, second: Figure) -> bool:
    """True when two levels' settings differ only in a weekday told by one and
    a month by the other ("will rise to $2.90 from March" / "voted on Thursday
    to raise the fare to $3.10"): the day a level was decided falls in any
    month. (Counts are not levels: "on Monday" / "in March" are two periods.)"""
    if not first.verb == second.verb == LEVEL:
        return False
    here, there = first.setting - second.setting, second.setting - first.setting
    if not (here and there and here | there <= CALENDAR_WORDS):
        return False
    return (here <= _WEEKDAYS) != (there <= _WEEKDAYS)


# The kinds of figure a later mention can tell again ("the 14 countries", "the
# £84m bridge", "the 43-year-old", a vote's count).
_TOLD_AGAIN = ("count", "percent", "money", "age", "tally")


# Counted nouns too general to name one group told again.
_ANYONE = frozenset(words_of("people person"))


def _told_again(
    figures: list[Figure], reported: set[int], prose: Sequence[Paragraph]
) -> Iterator[Finding]:
    """A figure in a definite noun phrase ("the 14 countries", "the firm's 600
    staff", "the turnout of 26%") or joined to what it measures ("the 32-mile
    route") tells again what another story told of that thing, when that story
    tells it once: "eleven countries met ..." / "the 14 countries that signed it"
    is one group given two sizes. Whoever the clauses name as subject, it is one
    fact; places, scopes and times told apart, or a thing set apart ("the other
    14 countries", "a second plant"), make two. One finding per story: stories
    in `reported` have theirs."""
    stories: dict[int, list[Paragraph]] = defaultdict(list)
    for para in prose:
        stories[para.story].append(para)
    by_story: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_story[figure.para.story].append(figure)
    for figure in figures:
        if figure.approximate or figure.kind not in _TOLD_AGAIN:
            continue
        if figure.kind == "age" and (figure.subject or _names_before(figure, stories)):
            continue  # "the 43-year-old" of a story that names nobody before it
        if figure.kind == "money" and not (figure.verb == "cost" or figure.participle):
            continue
        if figure.kind == "percent" and not figure.measured:
            continue  # "the 3% pay offer": what a share is of is not told
        if figure.unit in _ANYONE:
            continue  # "the 5,000 people who live there": people of any group
        told_apart = not (figure.definite or figure.joined or figure.kind == "tally")
        if told_apart or _sets_apart(figure):
            continue
        before = figure.para.text[: figure.start]
        duration = figure.kind != "age" and figure.unit in TIME_UNITS
        if duration or _PART_OF.search(before):
            continue  # "the three months": durations of many things; "34 of the
            # 120 seats": a whole, where other stories give its parts
        for story, story_figures in sorted(by_story.items()):
            if story == figure.para.story:
                told = _told_before(figure, story_figures, stories)
            else:
                told = [
                    f
                    for f in story_figures
                    if f.kind == figure.kind
                    and not f.approximate
                    and _one_thing(figure, f, stories)
                ]
            if len(told) != 1 or told[0].value == figure.value:
                continue
            other = told[0]
            after = figure.para.text[figure.end :]
            if _RESTRICTED.match(after) and figure.value < other.value:
                continue  # "the 40 members who attended": some of the 180
            if not _one_setting(figure, other):
                continue
            if figure.para.story in reported:
                continue
            reported.add(figure.para.story)
            yield _finding(
                figure,
                kind="different-value",
                message=(
                    f"“{_quote(figure)}” here, but “{_quote(other)}” in "
                    + other_stories_phrase([other.para])
                    + " for what reads as the same thing: check which is right."
                ),
                related=[other],
            )


# Words that tell a group changed or another one: "a further", "now", "later".
_CHANGE_TOLD = re.compile(
    r"(?i:\b(?:now|since|later|then|further|more|another|other|additional|"
    r"total|rose|risen|fell|fallen|grew|increased|dropped|updated|revised)\b)"
)
# Units of measure: a figure told in them is a distance or a size, not a group.
_MEASURES = frozenset(UNIT_SYNONYMS.values()) - {"staff", "spectator"}
# A participle after a group: "the 17 miners trapped", "the 40 members elected".
_PARTICIPLE_AFTER = re.compile(r"^\s+(?P<verb>[a-z]+ed)\b")


def _told_before(
    again: Figure, figures: list[Figure], stories: dict[int, list[Paragraph]]
) -> list[Figure]:
    """What a figure in a definite phrase tells again of its own story: the one
    first telling of its group earlier in that story ("212 passengers were on
    board ... the 221 passengers"), when nothing between them tells a change or
    another group, and a participle after it ("the 17 miners trapped") is the
    first telling's own word, not a part picked out ("the eight rescued")."""
    if again.kind != "count" or again.unit.split(":")[0] in _MEASURES:
        return []  # "the 200 metres": a race, a distance, not a group told again
    told = [
        f
        for f in figures
        if f.para.story == again.para.story
        and (f.para.line, f.start) < (again.para.line, again.start)
        and f.kind == again.kind
        and not (f.approximate or f.definite or f.joined or _sets_apart(f))
        and _one_thing(again, f, stories)
        and not _PART_OF.search(f.para.text[: f.start])
    ]
    if len(told) != 1:
        return []
    first = told[0]
    if first.para is again.para:
        between = again.para.text[first.end : again.start]
    else:
        middle = [
            p.text
            for p in stories[again.para.story]
            if first.para.line < p.line < again.para.line
        ]
        between = " ".join(
            [first.para.text[first.end :], *middle, again.para.text[: again.start]]
        )
    if _CHANGE_TOLD.search(between) or _CHANGE_TOLD.search(_quote(again)):
        return []
    after = again.para.text[again.end :]
    if _RESTRICTED.match(after):
        return []  # "the 64 pupils who had waited": a group the clause picks out
    participle = _PARTICIPLE_AFTER.match(after)
    if participle and not re.search(
        rf"\b{participle.group('verb')}\b", _sentence_of(first)
    ):
        return []
    return told


def _sentence_of(figure: Figure) -> str:
    """The sentence of the figure's paragraph that holds it."""
    for start, end in sentences(figure.para.text):
        if start <= figure.start < end:
            return figure.para.text[start:end]
    return ""


# A part told of a whole: "34 of the", "most of the", "one of its" (not "each
# of the", which is all of them).
_PART_OF = re.compile(
    r"(?i:\b(?:\d[\d,.]*|"
    + "|".join(CARDINAL_WORDS)
    + r"|most|some|many|several|few|half|none|majority|minority|rest|part)"
    r"\s+of\s+(?:the|its|their)\s+(?:[a-z]+['\u2019]s\s+)?$)"
)
# A restrictive clause after a group: "the 40 members who attended", which may
# be a part of a larger group told elsewhere, never more than it.
_RESTRICTED = re.compile(r"^\s+(?:who|that|which|whose)\b")


def _names_before(figure: Figure, stories: dict[int, list[Paragraph]]) -> bool:
    """True when the figure's story names someone before it: a name that is not
    only a capital opening a sentence."""
    tokens = tokenize(_story_before(figure, stories))
    for i, j in name_runs(tokens):
        before = tokens[i - 1] if i else None
        if j - i == 1 and (before is None or before.text in '.!?"\u201c'):
            continue
        if j - i == 1 and country_of(tokens[i].text):
            continue  # "the French minister": a demonym names nobody
        return True
    return False


def _sets_apart(figure: Figure, *but: str) -> bool:
    """True when the figure's phrase or subject sets its thing apart from another
    of its kind ("the 14 other countries", "the smaller ferry's 300 seats"); the
    words in `but` do not ("the new wing", told of in another story, is the one
    "the £23m wing" tells of again)."""
    # the word before the figure too ("the other nine islands"), but "a new
    # 220-km pipeline" introduces its thing, not another of its kind
    before = re.findall(r"[a-z]+", figure.para.text[: figure.start].lower())[-1:]
    words = [
        *(w for w in before if w != "new"),
        *_quote(figure).lower().split(),
        *figure.subject.split(),
    ]
    return any(
        (w in CONTRASTIVE or COMPARATIVE.fullmatch(w)) and w not in but for w in words
    )


def _named_in(
    subject: str, figure: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """True when the last word of `subject` is named in `figure`'s story."""
    head = subject.split()[-1:]
    text = " ".join(p.text for p in stories[figure.para.story]).lower()
    return bool(head) and bool(re.search(rf"\b{re.escape(head[0])}\b", text))


def _one_thing(
    again: Figure, told: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """True when `told` can be what `again` tells again: the same counted noun
    (or unit), and for a figure joined to its noun ("the 32-mile route") or said
    of what it measures ("the turnout of 26%") the same thing measured."""
    if told is again or not one_head(again.unit.split(":")[0], told.unit.split(":")[0]):
        return False
    if (again.joined and told.joined) or _sets_apart(told, "new"):
        return False
    if again.participle:  # "the £21,000 raised by families" / "raised £18,000"
        return (
            told.verb == again.verb
            and not (told.definite or told.participle)
            and _fixed_setting(told) == _fixed_setting(again)
        )
    if again.kind == "money" and _sum_of(told, again.subject):
        return True  # "the £54,000 grant" tells again "a grant of £45,000"
    if again.kind == "money" and told.verb != "cost":
        # "the £520,000 fine" tells again what "was fined £250,000" told: the
        # noun is the verb's own
        return stem_verb(again.subject.split()[-1:][0] if again.subject else "") == (
            told.verb
        ) and bool(told.verb)
    if again.kind == "age":
        return bool(told.subject)
    if again.kind == "tally":  # one vote, when either story names who voted
        return _named_in(again.subject, told, stories) or _named_in(
            told.subject, again, stories
        )
    if again.joined or again.measured or again.kind == "money":
        things = set(again.subject.split()) - STOPWORDS
        if told.subject.split()[-1:] and told.subject.split()[-1] in things:
            return True
        opening = told.para.text[: told.start]
        opening = re.split(r"[.!?]\s+", opening)[-1].lower()
        return bool(things & set(re.findall(r"[a-z][a-z-]+", opening)))
    return one_head(again.unit, told.unit)


def _sum_of(figure: Figure, thing: str) -> bool:
    """True when a sum is told as the sum of `thing`'s head noun: "a grant of"."""
    head = thing.split()[-1:]
    before = figure.para.text[: figure.start]
    return bool(head) and bool(
        re.search(rf"\b(?:an?|the|its|their)\s+{re.escape(head[0])}\s+of\s+$", before)
    )


def _one_setting(first: Figure, second: Figure) -> bool:
    """False when two figures' sentences name different places, or their clauses
    different scopes or times."""
    if first.scope and second.scope and first.scope != second.scope:
        return False
    here, apart_here = sentence_places(first.para, first.start)
    there, apart_there = sentence_places(second.para, second.start)
    if not (here <= there or there <= here) or apart_here != apart_there:
        return False
    return (
        not first.setting
        or not second.setting
        or first.setting <= second.setting
        or second.setting <= first.setting
    )


def _same_fact(
    first: Figure,
    second: Figure,
    stories: dict[int, list[Paragraph]],
    ledes: dict[int, frozenset[str]],
) -> bool:
    """Two figures of one unit and verb in one setting tell one fact when their
    subjects name one thing, their places do not differ and, for a number said of
    what it measures ("a crowd of"), their sentences name the same thing. Two
    places named by what they are ("in the county" / "in the city") are two
    facts; one named and one not may be the same place."""
    if first.scope and second.scope and first.scope != second.scope:
        return False
    if not (first.places <= second.places or second.places <= first.places):
        return False
    if (first.measured or second.measured) and not first.mentions & second.mentions:
        # "on a turnout of 41%" is what "Turnout was 38%" tells, as two
        # subjects of one copula would be; two measures ("a crowd of") need a
        # name in common
        told = second if first.measured else first
        if (
            told.measured
            or told.verb != "be"
            or told.subject != (first.subject if second is told else second.subject)
            or not _one_setting(first, second)  # "in the neighbouring district"
        ):
            return False
    if first.joined and second.joined:
        return False  # "the 100-metre race" / "the 200-metre race": two kinds
    if first.kind == "ordinal":
        return True  # what an ordinal counts is named: "the sixth meeting of X"
    if first.kind == "age":
        return _one_person(first, second, stories)
    if first.verb in _TOLLS and _other_disasters(first, second):
        return False
    if same_subject(first.subject, second.subject):
        return (
            _may_be_one(first, second, stories)
            and _may_be_one(second, first, stories)
            and not _new_and_old(first, second, stories)
        )
    return (
        _refers_to(first, second, stories)
        or _refers_to(second, first, stories)
        or _generic_for_lede(first, second, ledes)
    )


def _new_and_old(
    first: Figure, second: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """True when one subject is "the new X", the other is not, and the copy
    tells of an old one too ("the old reservoir", "the existing bridge")."""
    new = [f for f in (first, second) if "new" in f.subject.split()]
    if len(new) != 1:
        return False
    head = re.escape(first.subject.split()[-1])
    older = rf"\b(?i:old|older|existing|former|previous|current|original)\s+{head}"
    text = " ".join(p.text for f in (first, second) for p in stories[f.para.story])
    return bool(re.search(older, text))


def _one_person(
    first: Figure, second: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """Two ages are one person's when the names are one ("Ravi Sen" / "Sen") and
    the story with the shorter name names nobody else of that name ("Anna Sen")."""
    if not same_subject(first.subject, second.subject, compounds=False):
        return False
    shorter, longer = sorted((first, second), key=lambda f: len(f.subject))
    text = " ".join(p.text for p in stories[shorter.para.story])
    tokens = tokenize(text)
    for i, j in name_runs(tokens):
        name = " ".join(t.base for t in tokens[i:j]).lower()
        if name.endswith(" " + shorter.subject) and name != longer.subject:
            return False
    return True


def _may_be_one(
    described: Figure, named: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """False when `described`'s subject is the last words of `named`'s name ("the
    festival" / "the Greyfield festival") but its story has named another such
    thing and not this one ("the Ashby festival")."""
    if described.named or not named.named or described.subject == named.subject:
        return True
    text = _story_before(described, stories)
    if re.search(rf"\b{re.escape(named.subject)}\b", text, re.IGNORECASE):
        return True
    noun = re.escape(described.subject.split()[-1])
    others = re.findall(rf"\b([A-Z][\w'\u2019-]*)\s+{noun}\b", text)
    return all(is_stopword(word) for word in others)


def _refers_to(
    described: Figure, named: Figure, stories: dict[int, list[Paragraph]]
) -> bool:
    """True when `described` has a common noun for subject ("the company", "the
    charity") where its story has named what `named` names last before it, and has
    not described anything else with that noun before ("a plant ... the plant")."""
    if described.named or not named.named or not described.subject:
        return False
    if len(described.subject.split()) > 2:
        return False
    text = _story_before(described, stories)
    noun = described.subject.split()[-1]
    return (
        _named_last(text, named.subject)
        and len(re.findall(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE)) <= 1
    )


def _story_before(figure: Figure, stories: dict[int, list[Paragraph]]) -> str:
    """The text of the figure's story before it."""
    earlier = [p.text for p in stories[figure.para.story] if p.line < figure.para.line]
    return " ".join([*earlier, figure.para.text[: figure.start]])


# Words before a name that make it a place, not a thing a noun can stand for.
_PLACE_WORDS = frozenset(words_of("in at outside near from to across into within"))


@lru_cache(maxsize=1024)
def _named_last(text: str, name: str) -> bool:
    """True when `text` names `name` and no other thing after it: places ("in
    Leeds"), what it owns ("Kelby Axle's Derby plant"), times and
    capitalised sentence openings aside."""
    found = list(re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
    if not found:
        return False
    tokens = tokenize(text)
    for i, j in name_runs(tokens):
        if tokens[i].start < found[-1].end():
            continue
        before = tokens[i - 1] if i else None
        if before and (before.is_possessive or before.lower in _PLACE_WORDS):
            continue
        if all(t.lower in CALENDAR_WORDS for t in tokens[i:j]):
            continue
        if j - i == 1 and (before is None or before.text in '.!?"\u201c'):
            continue
        return False
    return True


def _two_forms(figures: list[Figure]) -> Iterator[Finding]:
    """A value written in the less used of two forms, on that form."""
    groups: dict[tuple[str, str, float], list[Figure]] = defaultdict(list)
    for figure in figures:
        # a number opening a sentence is spelled out whatever the house style,
        # except one to nine, which most styles spell out everywhere
        if figure.kind in ("count", "money", "percent") and not (
            figure.initial and figure.form.startswith("words") and figure.value >= 10
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
                    + _where(figure, others)
                    + ": use one form throughout."
                ),
                related=others,
                suggestion=_quote(others[0]),
            )


def _date_forms(paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
    """Dates in the less used of two orders, when a source writes both."""
    uses: dict[str, list[tuple[Paragraph, re.Match[str]]]] = defaultdict(list)
    for para in paragraphs:
        for pattern, form in ((DAY_MONTH, "day-month"), (MONTH_DAY, "month-day")):
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
            related_paragraphs=[p for p, _ in uses[majority]],
            facts=["date-forms", minority],
        )


def _quote(figure: Figure) -> str:
    return figure.para.text[figure.start : figure.end]


def _where(figure: Figure, others: list[Figure]) -> str:
    """Where `others` are: this story's lines, then the other stories by name."""
    here = sorted({f.para.line for f in others if f.para.story == figure.para.story})
    elsewhere = [f.para for f in others if f.para.story != figure.para.story]
    places = []
    if here:
        plural = "s" if len(here) > 1 else ""
        unit = "paragraph" if figure.para.story_title else "line"
        places.append(f"{unit}{plural} " + ", ".join(map(str, here[:6])))
    if elsewhere:
        places.append(other_stories_phrase(elsewhere))
    return " and ".join(places)


def _finding(
    figure: Figure,
    *,
    kind: str,
    message: str,
    related: list[Figure],
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
        related_paragraphs=[f.para for f in related],
        facts=[kind, figure.kind, figure.unit, f"{figure.value:g}"],
    )


CHECK = Check(
    name=NAME,
    description="One fact given two values, or one value written two ways.",
    run=find_figure_problems,
)

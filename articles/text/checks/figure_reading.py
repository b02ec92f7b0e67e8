"""Figures read from copy, each with what it counts and whose fact it is.

A figure is a cardinal or ordinal in words or digits, a percentage, a sum of money,
a quantity with a unit or counted noun, or a person's age after their name. Each is
read with the unit or noun it counts, the subject and verb of its clause ("the EU
pledged $2.3 billion in aid": EU, pledge, aid) and the places, bodies and times its
clause names. This module finds the figures (what they count, how they are
written); figure_clauses.py reads whose fact each is, from its clause; figures.py
compares them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from articles.text.checks.base import Paragraph
from articles.text.checks.figure_clauses import (
    APPROXIMATE,
    AUXILIARIES,
    COMPARATIVE,
    CONTRASTIVE,
    COST_VERB,
    DEFINITE,
    DESCRIBED,
    EDITION,
    FILLER,
    LEVEL,
    NAMED_EDITION,
    NOT_A_NOUN,
    NOT_COUNTED,
    TIME_UNITS,
    Figure,
    Reading,
    Sentence,
    antecedent,
    make_figure,
    singular,
    stem_verb,
)
from articles.text.checks.number_mentions import (
    ATTACHED_NAMES,
    ATTACHED_UNIT,
    CURRENCIES,
    MONEY,
    SCALES,
    UNIT_SYNONYMS,
    number_value,
)
from articles.text.tokens import name_runs, sentences, tokenize
from articles.text.vocabulary import (
    CARDINAL_WORDS,
    MONTHS,
    ORDINAL_WORDS,
    RECURRING_EVENTS,
    STOPWORDS,
    country_of,
    is_stopword,
    words_of,
)

# What a length measures, after its unit: "300 metres long", "30 metres high".
_DIMENSION = re.compile(
    r"\s+(long|high|tall|wide|deep|thick|away|across|underground|below|above)\b",
    re.IGNORECASE,
)
_EMPLOYS = re.compile(r"\b(?:employ|employs|employed|employing)\s+$")
_NUMBER_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|tn|m|k)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A count: "9 countries", "twelve new wardens", "three hundred jobs", "two
# hundred thousand visitors"; a describing word before the noun is skipped.
_COUNT = re.compile(
    rf"(?<![\w$€£¥.,])(?P<num>{_DIGITS}|(?i:{_NUMBER_WORD}))"
    # "4.6m passengers", "two hundred staff", "one hundred and fifty jobs"
    r"(?:(?P<suffix>m|bn)(?=\s+(?:cubic\s+|square\s+)?(?:[a-z]+s|people)\b)"
    rf"|\s+(?P<hundred>(?i:hundred))(?:\s+and\s+(?P<rest>(?i:{_NUMBER_WORD})))?)?"
    rf"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?:\s+(?:new|extra|more|additional|further|full-time|part-time|other|"
    r"permanent|temporary|local|young|older|senior|junior|qualified|trained)(?=\s))?"
    r"(?:\s+(?P<noun>[A-Za-z][a-z]+|km|kg|mi|mw|ha|MW|GW|kW)\b"
    rf"|(?P<attached>{ATTACHED_UNIT})\b)",  # "110mph", "47.2C"
)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS}|{_NUMBER_WORD})(?:\s?%|\s+per\s?cent\b|\s+percent\b)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    rf"\b(?P<num>(?i:{_ORDINAL_WORD})|\d{{1,3}}(?:st|nd|rd|th))\b"
    r"(?P<rest>(?:\s+[A-Za-z][\w-]*){1,4})"
)
# A place in a race, a poll or a table, told by an ordinal with no noun after it:
# "finished third in the marathon", "came 4th", "was placed second overall".
_RANK = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|came|comes|come|placed|ended|ranked)\s+"
    r"(?:(?:in|a|an|the|joint|equal|overall)\s+)*"
    rf"(?P<num>(?i:{_ORDINAL_WORD})|\d{{1,3}}(?:st|nd|rd|th))\b"
    # "came second-hand", "finished third-quarter" are not places
    r"(?![\w-])(?!\s+(?!(?:in|at|on|of|behind|after|with|for|overall|and|but)\b)"
    r"[a-z]+\b(?!\s+(?:in|at|on|of)\b))"
)
# A capacity told by its verb, with no noun after the number: "the hall, which
# seats 1,500," is the "1,500-seat hall".
_SEATS = re.compile(
    rf"\bseats\s+(?:up\s+to\s+)?(?P<num>{_DIGITS}|(?i:{_NUMBER_WORD}))\b"
    r"(?![,.]?\d)(?!\s+(?!(?:and|but|in|at|on|for)\b)[a-z])"
)
# A quantity joined to the noun it describes: "the 200-bed hospital".
_COMPOUND = re.compile(
    rf"(?<![\w$€£¥.,-])(?P<num>{_DIGITS}|(?i:{_NUMBER_WORD}))-(?P<noun>[a-z]+)\b(?!-)"
    r"(?P<head>(?:\s+[a-z][a-z-]*){1,3})"
)
# A number after the noun it measures, with no counted noun of its own: "a crowd of
# 20,000", "a turnout of 61%".
_MEASURED = re.compile(
    rf"\b(?i:a|an|the|its|their)\s+(?P<measure>[a-z]{{3,}})\s+of\s+(?P<num>{_DIGITS})"
    r"(?![\d%]|\.\d|\s?(?:per\s?cent|percent)\b)"
    r"(?=\s+(?P<next>[A-Za-z]+)|\s*[^\w\s]|\s*$)"
)
# A person's age after their name: "Ravi Sen, 45, stole"; "Sen, aged 45".
_AGE = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+),\s+(?:aged\s+|who\s+is\s+)?"
    r"(?P<num>\d{1,3})(?!,\d)(?=,|\s+(?:and|who|from|of)\b|\s*[.;)]|\s*$)"
)
# An age told after the verb of a person named before it: "The writer Ana Ruiz,
# whose novels sold millions, has died aged 67".
_DIED_AGED = re.compile(
    r"\b(?:died|dies|has\s+died|was|is|retired|retires|has\s+retired)\s+"
    r"aged\s+(?P<num>\d{1,3})\b(?!,\d)"
)
# A person called by their age: "The 43-year-old said", "the 29-year-old, who";
# not a thing of that age ("a 200-year-old church").
_AGED_PERSON = re.compile(
    r"\b(?i:the)\s+(?P<num>\d{1,3})-year-old\b"
    r"(?=\s*[,.;:]|\s+(?:who|said|says|told|added|has|had|have|was|is|will|would|"
    r"can|could|won|lost|finished|[a-z]+ed)\b)"
)
# A person described by their age before the story names them: "won by a
# 24-year-old Ethiopian", "a 31-year-old climber" (not "a 200-year-old church").
_DESCRIBED_PERSON = re.compile(
    r"\b(?i:an?)\s+(?P<num>\d{1,2})-year-old\s+(?P<noun>[A-Z][a-z]+|[a-z]+)\b"
)
_PERSON_NOUNS = frozenset(
    words_of(
        "man woman boy girl runner rider driver climber swimmer player cyclist "
        "sailor skier student pupil teacher nurse doctor farmer mother father"
    )
)
# The count of a vote: "by 112 votes to 57", "by 9 votes to 3".
_TALLY = re.compile(
    r"\b(?P<yes>\d{1,3}(?:,\d{3})*)\s+votes?\s+to\s+(?P<no>\d{1,3}(?:,\d{3})*)\b"
)
# The year a thing began: "The club, founded in 1878", "was opened in 1902".
_FOUNDED = re.compile(
    r"(?:,\s+(?:which\s+|who\s+|that\s+)?(?:was\s+|were\s+)?"
    r"|\s+(?:(?:which|who|that)\s+)?(?:(?:was|were|has\s+been|had\s+been)\s+)?)"
    r"(?P<verb>founded|established|formed|opened|built|launched|set\s+up|born)"
    r"\s+in\s+(?P<year>1[5-9]\d\d|20\d\d)\b"
)
# An ordinal that counts the times an event has been held: "the fair's 30th
# edition", "the survey, now in its 12th year", "Now in its 9th year, the
# race", "the fair opens for the 31st time", "this year's festival, the 14th,".
_ORD = rf"(?:(?i:{_ORDINAL_WORD})|\d{{1,3}}(?:st|nd|rd|th))"
_EDITION_NOUN = r"(?:edition|staging|year|season)\b"
_HELD = (
    r"(?:opens|opened|open|returns|returned|is\s+held|was\s+held|will\s+be\s+held|"
    r"takes\s+place|took\s+place|is\s+staged|was\s+staged|runs|ran|starts|"
    r"started|begins|began)"
)
_EDITION_AFTER = re.compile(
    rf"['\u2019]s\s+(?P<own>{_ORD})\s+{_EDITION_NOUN}"
    r"|,?\s+(?:(?:which|that)\s+is\s+)?(?:now\s+)?in\s+its\s+"
    rf"(?P<its>{_ORD})\s+{_EDITION_NOUN}"
    rf"|,\s+the\s+(?P<apposed>{_ORD}),"
    rf"|\s+{_HELD}\b[^.;,]*?\bfor\s+the\s+(?P<time>{_ORD})\s+time\b"
)
# "the tenth Harrowgate Folk Festival": an event told by its name and its
# edition; compared only with an edition told as such ("now in its 9th year")
_NAMED_EDITION = re.compile(
    rf"\bthe\s+(?P<named>{_ORD})\s+(?P<name>(?:[A-Z][\w-]*\s+){{1,4}}[A-Z][a-z]+)\b"
)
_EDITION_BEFORE = re.compile(
    rf"^\s*(?:(?i:now)\s+)?in\s+its\s+(?P<lead>{_ORD})\s+{_EDITION_NOUN},\s+"
    r"(?P<event>(?i:the|this)\s+(?:[A-Z][\w-]*\s+){0,4}[a-z]+)"
)
_EDITION_GROUPS = ("own", "its", "apposed", "time")
_EVENT_PHRASE = re.compile(r"(?:[A-Za-z][\w'\u2019-]*\s+){0,5}[A-Za-z][\w-]*$")


def _event(phrase: str) -> tuple[str, frozenset[str]]:
    """An event's head noun and the words of its name, from the words before an
    edition ordinal: "The Lisbon book fair" -> ("fair", {"lisbon"}); "" when
    they do not end in a noun."""
    found = _EVENT_PHRASE.search(phrase.rstrip(" ,"))
    words = found.group().split() if found else []
    # the phrase starts after its last small word ("said the festival")
    small = [i for i, w in enumerate(words) if is_stopword(w.lower())]
    if small:
        words = words[small[-1] + 1 :]
    if not words or not words[-1].islower() or words[-1] in NOT_A_NOUN:
        return "", frozenset()
    names = {w.lower() for w in words[:-1] if w[:1].isupper()}
    return singular(words[-1]), frozenset(names)


def _editions(para: Paragraph, sentence: Sentence) -> Iterator[Figure]:
    """The edition ordinals of a sentence, each as the ordinal of its event: the
    event's head noun is the subject and the verb is EDITION; the words of its
    name are its names."""
    text = sentence.text
    found = [
        (
            match,
            next(g for g in _EDITION_GROUPS if match.group(g)),
            text[: match.start()],
        )
        for match in _EDITION_AFTER.finditer(text)
    ]
    leading = _EDITION_BEFORE.match(text)
    if leading:
        found.append((leading, "lead", leading.group("event")))
    for match in _NAMED_EDITION.finditer(text):
        name = match.group("name").split()
        if name[-1].lower() in RECURRING_EVENTS:
            found.append((match, "named", " ".join([*name[:-1], name[-1].lower()])))
    for match, group, phrase in found:
        head, names = _event(phrase)
        if not head:
            continue
        raw = match.group(group).lower()
        value = int(raw[:-2]) if raw[0].isdigit() else ORDINAL_WORDS[raw]
        reading = Reading(head, EDITION if group != "named" else NAMED_EDITION)
        figure = make_figure(
            "ordinal",
            value,
            EDITION,
            "",
            "",
            para,
            sentence,
            match.span(group),
            reading,
        )
        yield replace(figure, names=names)


_MONTH = "|".join(m for m in MONTHS if len(m) > 3 or m == "May")
DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b")
MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)")


# A level a thing is taken to: "raise the basic fare to $3.10", "would take
# the typical bill to £587", "Bus fares in Chicago will rise to $2.90".
_TAKEN_TO = re.compile(
    r"\b(?:raise|raises|raised|raising|take|takes|took|taking|lift|lifts|lifted|"
    r"push|pushes|pushed|bring|brings|brought|cut|cuts|lower|lowers|lowered)\s+"
    r"(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?(?P<thing>[a-z]{3,})\s+to\s+$"
)
_RISES_TO = re.compile(
    r"\b(?P<thing>[a-z]{3,})(?:\s+(?:in|at|for|to|on|of|from)\s+(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)?\s+"
    r"(?:(?:will|would|could|is\s+to|are\s+to)\s+)?"
    r"(?:rise|rises|rose|risen|increase|increases|increased|fall|falls|fell)"
    r"\s+to\s+$"
)


# A change by a share of a thing someone owns: "cut its carbon emissions by 30
# per cent", "has reduced the steelworks' carbon emissions by 23%".
_DOWN = "cut|cuts|reduce|reduces|reduced|reducing|lower|lowers|lowered|slash|slashed"
_UP = "raise|raises|raised|increase|increases|increased|lift|lifted|boost|boosted"
_CHANGED_BY = re.compile(
    rf"\b(?P<verb>{_DOWN}|{_UP})\s+(?:(?P<its>its|their)|(?i:the)\s+"
    r"(?P<owner>[a-z]{3,})['\u2019]s?|(?P<named>[A-Z][\w-]*)['\u2019]s?)\s+"
    r"(?:[a-z]+\s+){0,2}?(?P<thing>[a-z]{3,})\s+by\s+$"
)


def _changed_by(figure: Figure) -> Figure:
    """A share a thing of someone's was changed by is the fact of its owner,
    the thing and the direction, whatever else the clause says: "cut its
    emissions by 30%" and "reduced the steelworks' emissions by 23%"."""
    found = _CHANGED_BY.search(figure.para.text[: figure.start])
    if not found:
        return figure
    owner = (found.group("owner") or found.group("named") or "").lower()
    if found.group("its"):
        owner = figure.subject
    if not owner:
        return figure
    direction = "down" if re.fullmatch(_DOWN, found.group("verb")) else "up"
    verb = f"{direction} {singular(found.group('thing'))}"
    return replace(figure, subject=owner, verb=verb)


def _level(figure: Figure) -> Figure:
    """A sum or share a thing is taken to is the thing's level, whoever takes it
    there: "raise the basic fare to $3.10" and "fares will rise to $2.90" tell
    one fact (the fare), words that set the subject apart kept ("a smaller
    rise, which would take the bill to")."""
    before = figure.para.text[: figure.start]
    found = _TAKEN_TO.search(before) or _RISES_TO.search(before)
    if not found or found.group("thing") in NOT_A_NOUN:
        return figure
    apart = [
        w
        for w in figure.subject.split()
        if w in CONTRASTIVE or COMPARATIVE.fullmatch(w)
    ]
    subject = " ".join([*apart, singular(found.group("thing"))])
    return replace(figure, subject=subject, verb=LEVEL, named=False)


# A participle opening the sentence, with the figure in it, and the subject
# after the comma it is told of: "Spanning 85 metres, the bridge will link".
_OPENING_PARTICIPLE = re.compile(r"^\s*(?P<verb>[A-Z][a-z]{2,}ing)\s+(?:[a-z]+\s+)?$")
_SUBJECT_AFTER = re.compile(
    r"^[^,.;]{0,30},\s+(?i:the|its|their|this)\s+(?P<thing>(?:[a-z]+\s+){0,2}?[a-z]{3,})"
    rf"\s+(?:{'|'.join(sorted(AUXILIARIES))}|[a-z]+(?:s|ed))\b"
)


def _opening_participle(figure: Figure) -> Figure:
    """A figure in a participle phrase opening its sentence is told of the
    subject after the phrase: "Spanning 85 metres, the bridge" is the bridge's
    85 metres, as "the bridge spans 85 metres" is."""
    sentence = next(
        (a, b) for a, b in sentences(figure.para.text) if a <= figure.start < b
    )
    before = figure.para.text[sentence[0] : figure.start]
    opening = _OPENING_PARTICIPLE.match(before)
    if not opening:
        return figure
    after = _SUBJECT_AFTER.match(figure.para.text[figure.end : sentence[1]])
    if not after:
        return figure
    thing = after.group("thing").split()
    verb = stem_verb(opening.group("verb").lower())
    return replace(figure, subject=" ".join(thing[-3:]), verb=verb, named=False)


# A toll told after the count that opens its clause: "Twelve people were
# killed", "Fourteen people died in the crash".
_TOLL_AFTER = re.compile(
    r"^\s+(?:(?:were|have\s+been|had\s+been|are|was)\s+)?"
    r"(?P<verb>killed|died|injured|hurt|wounded)\b"
)


def _toll(figure: Figure) -> Figure:
    """A count of people with no subject or verb, followed by being killed or
    hurt, is the toll of the event its story tells of: its verb is that one."""
    if figure.subject or figure.verb or figure.unit != "people":
        return figure
    toll = _TOLL_AFTER.match(figure.para.text[figure.end :])
    if not toll:
        return figure
    return replace(figure, verb=stem_verb(toll.group("verb")))


def read_figures(para: Paragraph, previous: str = "") -> Iterator[Figure]:
    """Every figure in the paragraph's sentences; `previous` is the sentence before
    the paragraph in its story, for a pronoun that opens it."""
    for figure in _read_figures(para, previous):
        if figure.kind in ("money", "percent"):
            figure = _level(figure)
        if figure.kind == "percent":
            figure = _changed_by(figure)
        if figure.kind in ("count", "money", "percent"):
            figure = _opening_participle(figure)
        if figure.kind == "count":
            figure = _toll(figure)
        yield figure


def _read_figures(para: Paragraph, previous: str) -> Iterator[Figure]:
    for s_start, s_end in sentences(para.text):
        sentence = Sentence(para.text[s_start:s_end], s_start, previous)
        previous = sentence.text
        taken: list[tuple[int, int]] = []
        for match in MONEY.finditer(sentence.text):
            yield from _money(para, sentence, match, taken)
        for match in _PERCENT.finditer(sentence.text):
            taken.append(match.span())
            number = number_value(match.group("num"))
            if number is not None:
                span = match.span()
                # how the share is written: "%", "per cent", "percent"
                suffix = match.group()[match.end("num") - match.start() :]
                written = "digits" if match.group("num")[0].isdigit() else "words"
                form = f"{written} {' '.join(suffix.lower().split()) or '%'}"
                change = _CHANGE_NOUN.match(sentence.text[match.end() :])
                if change:  # "the 4.7% increase in Dublin rents": rents rose 4.7%
                    thing = [
                        w.lower()
                        for w in change.group("thing").split()
                        if not is_stopword(w.lower())
                    ]
                    reading = Reading(
                        " ".join(thing[-3:]), stem_verb(change.group("noun"))
                    )
                    yield make_figure(
                        "percent", number, "%", form, "", para, sentence, span, reading
                    )
                    continue
                yield make_figure(
                    "percent", number, "%", form, "", para, sentence, span, bare=True
                )
        for match in _COMPOUND.finditer(sentence.text):
            yield from _compound(para, sentence, match)
        for match in _MEASURED.finditer(sentence.text):
            if not any(s <= match.start("num") < e for s, e in taken):
                yield from _measured(para, sentence, match)
        for match in _SEATS.finditer(sentence.text):
            number = number_value(match.group("num"))
            if number is not None:
                span = match.span("num")
                taken.append(span)
                form = "digits" if match.group("num")[0].isdigit() else "words"
                yield make_figure(
                    "count", number, "seat", form, "", para, sentence, span, bare=True
                )
        for match in _COUNT.finditer(sentence.text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            yield from _count(para, sentence, match)
        for match in _ORDINAL.finditer(sentence.text):
            yield from _ordinal(para, sentence, match)
        for match in _RANK.finditer(sentence.text):
            yield from _rank(para, sentence, match)
        for match in _AGE.finditer(sentence.text):
            yield from _age(para, sentence, match)
        for match in _DIED_AGED.finditer(sentence.text):
            yield from _died_aged(para, sentence, match)
        for match in _DESCRIBED_PERSON.finditer(sentence.text):
            noun = match.group("noun")
            if noun.lower() in _PERSON_NOUNS or (
                noun[0].isupper() and country_of(noun)
            ):
                yield _described_person(para, sentence, match)
        for match in _AGED_PERSON.finditer(sentence.text):
            yield from _aged_person(para, sentence, match)
        for match in _TALLY.finditer(sentence.text):
            yield from _tally(para, sentence, match)
        for match in _FOUNDED.finditer(sentence.text):
            yield from _founded(para, sentence, match)
        yield from _editions(para, sentence)
        for match in _PRISON_TERM.finditer(sentence.text):
            yield from _prison_term(para, sentence, match)


def _money(
    para: Paragraph,
    sentence: Sentence,
    match: re.Match[str],
    taken: list[tuple[int, int]],
) -> Iterator[Figure]:
    taken.append(match.span())
    number = number_value(match.group("num") or match.group("num2"))
    if number is None:
        return
    currency = CURRENCIES[
        (match.group("cur") or match.group("cur2")).strip(" .").lower()
    ]
    scale_word = (match.group("scale") or match.group("scale2") or "").lower()
    value = number * SCALES.get(scale_word, 1)
    # what the money is for: "$2bn in aid", "£5m of new funding", "€40m loans"
    after = re.match(
        r"\s+(?:(?:in|of|for|worth\s+of)\s+)?(?:(?P<adj>[a-z]+)\s+)?"
        r"(?P<noun>[a-z]{3,})\b",
        sentence.text[match.end() :],
    )
    noun = ""
    if after and not {after.group("adj"), after.group("noun")} & NOT_A_NOUN:
        noun = after.group("noun")
    form = re.sub(r"[\d.,\s]+", " ", match.group()).strip().lower()
    before = sentence.text[: match.start()]
    priced = _priced(before, sentence.text[match.end() :])
    worth = _WORTH.search(before)
    if worth and worth.group("noun") not in NOT_A_NOUN | FILLER:
        priced = worth.group("noun")  # "the package, worth ¥2tn": what it is worth
    introduced = not priced and bool(_INDEFINITE.search(before))
    if introduced:  # "a ¥3.2tn stimulus package", told again as "the package"
        priced = _priced("the ", sentence.text[match.end() :])
    if priced:  # "the £84m bridge": what the bridge cost
        reading = Reading(priced, COST_VERB)
        figure = make_figure(
            "money", value, currency, form, "", para, sentence, match.span(), reading
        )
        # what the thing cost, whenever the sentence says something is done to it
        definite = figure.definite or bool(
            worth and worth.group("det").lower() not in ("a", "an")
        )
        yield replace(
            figure, setting=frozenset(), definite=definite, introduced=introduced
        )
        return
    done = _PARTICIPLE.match(sentence.text[match.end() :])
    paid_as = _PAID_AS.search(before)
    if (done and DEFINITE.search(before)) or paid_as:
        # "the £21,000 raised by families": what was done with the sum is its
        # verb; "her salary of £158,000": what it is paid as
        verb = done.group("verb") if done and not paid_as else "paid"
        reading = Reading("", stem_verb(verb))
        figure = make_figure(
            "money", value, currency, form, "", para, sentence, match.span(), reading
        )
        yield replace(figure, participle=True, definite=True)
        return
    yield make_figure(
        "money", value, currency, form, noun, para, sentence, match.span()
    )


# A change told as a noun after a share, and what changed: "a 6% rise in bus
# fares", "the 4.7% increase in Dublin rents".
_CHANGE_NOUN = re.compile(
    r"\s+(?P<noun>rise|increase|fall|drop|cut|jump|decline|reduction)\s+in\s+"
    r"(?P<thing>(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
    r"(?=[\s,.;]|$)"
)
# What a sum is paid as, in a definite phrase: "her salary of", "the pay of"
# (not "the average salary of": another sum).
_PAID_AS = re.compile(
    r"\b(?i:the|her|his|their|its)\s+(?:annual\s+|yearly\s+|new\s+)?"
    r"(?:salary|wage|pay)\s+of\s+$"
)
# A participle after a sum: "the £21,000 raised", "the €2m spent on it".
_PARTICIPLE = re.compile(
    r"\s+(?P<verb>[a-z]{3,}ed|paid|spent|lent|won|stolen|given|sold)\b(?!\s+(?:to|at)\b)"
)


# What a sum is the worth of, before it: "the package, worth", "a deal worth".
_WORTH = re.compile(
    r"\b(?P<det>(?i:the|its|their|this|an?))\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]{3,}),?"
    r"\s+(?:(?:which|that)\s+(?:is|was)\s+)?worth\s+$"
)
_INDEFINITE = re.compile(r"\b(?i:an?)\s+$")
# Participles after a sum that name what it is: "the 1.8 billion francs lent".
_SUM_NOUNS = {"lent": "loan", "loaned": "loan", "granted": "grant"}


def _priced(before: str, after: str) -> str:
    """The thing a sum in a definite noun phrase prices: "the £84m bridge" ->
    "bridge", "the £54 final tickets" -> "final tickets"; else ""."""
    if not DEFINITE.search(before):
        return ""
    head: list[str] = []
    for word in re.findall(r"\S+", after)[:3]:
        bare = word.rstrip(",.;:")
        if not re.fullmatch(r"[a-z][a-z-]+", bare) or bare in NOT_A_NOUN:
            break
        if not head and bare in _SUM_NOUNS:
            return _SUM_NOUNS[bare]  # "the £2m lent by the bank": the loan
        if bare in AUXILIARIES or bare.endswith("ed"):
            break
        head.append(bare)
        if bare != word:
            break
    return " ".join(head)


def _count(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    raw = match.group("num")
    number = number_value(raw)
    attached = (match.group("attached") or "").lower()
    noun = ATTACHED_NAMES.get(attached, attached) or match.group("noun")
    if number is None or noun.lower() in NOT_COUNTED or noun in MONTHS:
        return
    if re.fullmatch(r"[a-z]{3,}ed", noun) and _MEASURED_BEFORE.search(
        sentence.text[: match.start()]
    ):
        return  # "a crowd of 18,500 watched": what it measures reads it
    if noun[:1].isupper() and noun.lower() not in UNIT_SYNONYMS:
        return  # "Group 7", "2019 Olympics": part of a name
    if re.fullmatch(r"1[89]\d\d|20\d\d", raw):
        return  # a year
    before = sentence.text[: match.start()]
    if re.search(rf"(?:{_MONTH})\s+$", before):
        return  # "May 5": a date
    if match.group("hundred"):
        number = number * 100 + CARDINAL_WORDS.get(
            (match.group("rest") or "").lower(), 0
        )
    scale = (match.group("scale") or match.group("suffix") or "").lower()
    value = number * SCALES.get(scale, 1)
    end = match.end()
    # the noun counted may be the second word: "20 new buses", "12 potato farms"
    following = re.match(r"\s+([a-z]+)\b", sentence.text[end:])
    low = noun.lower()
    if following and following.group(1) not in NOT_A_NOUN:
        second = following.group(1)
        describes = low in CONTRASTIVE or COMPARATIVE.fullmatch(low)
        compound = (
            value != 1
            and low not in UNIT_SYNONYMS
            and not low.endswith("s")
            and re.search(r"[^s]s$", second)
        )
        if describes or compound:
            noun, end = second, end + following.end()
    unit = UNIT_SYNONYMS.get(noun.lower(), singular(noun.lower()))
    if unit == "people" and _EMPLOYS.search(APPROXIMATE.sub("", before)):
        unit = "staff"  # "employs 400 people": its 400 staff
    dimension = _DIMENSION.match(sentence.text[end:])
    if dimension:  # "300 metres long" and "30 metres high" measure two things
        unit = f"{unit}:{dimension.group(1).lower()}"
    # "4.6m" and "4.6 million" are one value written two ways, as "nine" and "9"
    form = " ".join(["digits" if raw[0].isdigit() else "words", *scale.split()])
    yield make_figure(
        "count", value, unit, form, "", para, sentence, (match.start(), end)
    )


def _compound(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "the 200-bed hospital": the hospital has 200 beds."""
    noun = match.group("noun")
    number = number_value(match.group("num"))
    if number is None or noun in NOT_A_NOUN:
        return
    # "a 12-week strike": how long the strike lasted ("the strike lasted nine
    # weeks"), the only fact a duration joined to its noun is compared with
    verb = "last" if singular(noun) in TIME_UNITS else "have"
    described: list[str] = []
    for word in match.group("head").split():
        if word in STOPWORDS or word in AUXILIARIES or re.search(r"(?:ed|ing)$", word):
            break
        described.append(word)
    if not described:
        return
    reading = Reading(" ".join(described[-3:]), verb, in_phrase=True)
    unit = UNIT_SYNONYMS.get(noun, singular(noun))
    form = "digits" if match.group("num")[0].isdigit() else "words"
    span = (match.start(), match.end("noun"))
    figure = make_figure("count", number, unit, form, "", para, sentence, span, reading)
    yield replace(figure, joined=True)


_MEASURED_BEFORE = re.compile(r"\b(?i:a|an|the|its|their)\s+[a-z]{3,}\s+of\s+$")
# A crowd is its spectators: "a crowd of 18,500" / "the 15,800 spectators".
_AUDIENCES = {"crowd": "spectator", "attendance": "spectator", "audience": "spectator"}


def _measured(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "a crowd of 20,000": a number whose unit is the noun it measures."""
    measure, following = match.group("measure"), match.group("next")
    if measure in NOT_A_NOUN | FILLER or (
        following
        and following.lower() not in NOT_COUNTED | frozenset(SCALES)
        and not re.fullmatch(r"[a-z]{3,}ed", following)  # "a crowd of 18,500 watched"
    ):
        return  # "a total of 300 people": the count reads it
    measure = _AUDIENCES.get(measure, measure)
    number = number_value(match.group("num"))
    if number is None or re.fullmatch(r"1[89]\d\d|20\d\d", match.group("num")):
        return
    span = match.span("num")
    yield make_figure(
        "count", number, measure, "digits", "", para, sentence, span, bare=True
    )


def _age(para: Paragraph, sentence: Sentence, match: re.Match[str]) -> Iterator[Figure]:
    """ "Ravi Sen, 45," or "Sen, who is 45,": the person's age, one fact wherever
    it is told."""
    tokens = tokenize(match.group("name"))
    runs = [(i, j) for i, j in name_runs(tokens) if j == len(tokens)]
    value = int(match.group("num"))
    if not runs or not 0 < value < 120:
        return
    i, j = runs[-1]
    name = " ".join(t.base for t in tokens[i:j]).lower()
    reading = Reading(name, "be", named=True)
    span = (match.start("name") + tokens[i].start, match.end("num"))
    figure = make_figure(
        "age", value, "year", "digits", "", para, sentence, span, reading
    )
    # an age is the person's now, whatever the clause around it tells of when
    yield replace(figure, setting=frozenset(), places=frozenset())


def _died_aged(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "X has died aged 67": X's age, where X is the first full name of the
    sentence."""
    value = int(match.group("num"))
    tokens = tokenize(sentence.text[: match.start()])
    runs = [(i, j) for i, j in name_runs(tokens) if j - i >= 2]
    if not runs or not 0 < value < 120:
        return
    i, j = runs[0]
    name = " ".join(t.base for t in tokens[i:j]).lower()
    reading = Reading(name, "be", named=True)
    figure = make_figure(
        "age", value, "year", "digits", "", para, sentence, match.span("num"), reading
    )
    yield replace(figure, setting=frozenset(), places=frozenset())


def _aged_person(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "The 43-year-old said": an age told again of the person the story is
    about, whom figures.py finds (the subject is left empty here)."""
    value = int(match.group("num"))
    if not 0 < value < 120:
        return
    reading = Reading("", "be")
    span = match.span()
    figure = make_figure(
        "age", value, "year", "digits", "", para, sentence, span, reading
    )
    yield replace(figure, setting=frozenset(), places=frozenset(), definite=True)


def _described_person(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Figure:
    """ "a 24-year-old Ethiopian": the age of someone the story names next;
    figures.py gives it the name (its verb is DESCRIBED until then)."""
    reading = Reading("", DESCRIBED)
    value = int(match.group("num"))
    figure = make_figure(
        "age", value, "year", "digits", "", para, sentence, match.span(), reading
    )
    return replace(figure, setting=frozenset(), places=frozenset())


# A prison sentence, however it is told: "jailed for nine years", "sentenced
# to 12 years", "his seven-year sentence", "a 10-year jail term".
_PRISON_TERM = re.compile(
    r"\b(?:jailed|imprisoned|sentenced|locked\s+up)\s+(?:to|for)\s+"
    rf"(?P<num>\d{{1,2}}|(?i:{_NUMBER_WORD}))\s+years?\b"
    rf"|\b(?P<joined>\d{{1,2}}|(?i:{_NUMBER_WORD}))-year\s+"
    r"(?:(?:prison|jail)\s+)?(?:sentence|term)\b"
)
PRISON_YEARS = "prison-year"


def _prison_term(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """A prison sentence's length: one fact of the one sentence a story tells
    of ("jailed for nine years" / "his seven-year sentence")."""
    group = "num" if match.group("num") else "joined"
    value = number_value(match.group(group))
    if value is None:
        return
    reading = Reading("sentence", "sentence")
    figure = make_figure(
        "count", value, PRISON_YEARS, "", "", para, sentence, match.span(group), reading
    )
    yield replace(figure, joined=group == "joined")


def _founded(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "The club, founded in 1878": the year the club began, one fact however
    the sentence around it goes on; its own year is not its setting."""
    # the thing is told before the verb, back to the clause's start
    before = sentence.text[: match.start()]
    head = re.split(r"[,;]", before)[-1]
    head = re.split(r"\b(?:that|which|who|and|but)\b", head)[-1]
    subject, named = antecedent(head)
    if not subject:
        return
    verb = "found" if match.group("verb") != "born" else "born"
    reading = Reading(subject, verb, named)
    span = match.span("year")
    figure = make_figure(
        "year",
        float(match.group("year")),
        verb,
        "digits",
        "",
        para,
        sentence,
        span,
        reading,
    )
    yield replace(figure, setting=frozenset(), places=frozenset())


def _tally(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "by 112 votes to 57": one vote's count, both its sides as one value."""
    yes, no = (int(match.group(g).replace(",", "")) for g in ("yes", "no"))
    figure = make_figure(
        "tally", yes * 1e6 + no, "vote", "digits", "", para, sentence, match.span()
    )
    yield figure


def _ordinal(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
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
    noun = singular(head[-1].lower())
    tail = sentence.text[head_end:]
    named = re.match(
        r"\s+(?:of|at|in|on|for)\s+(?:the\s+)?((?:[A-Z][\w-]*\s*){1,5})", tail
    )
    names = {w.lower() for w in head[:-1] if w[:1].isupper()}
    if named:
        names |= {w.lower() for w in named.group(1).split()}
    elif not names:
        names = _owner(sentence.text[: match.start()])
    span = (match.start(), head_end)
    figure = make_figure("ordinal", value, noun, "", "", para, sentence, span)
    yield replace(figure, names=frozenset(names))


def _rank(
    para: Paragraph, sentence: Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    """ "Lind finished third in Oslo": Lind's place, one fact with "came fifth"
    told of her in the same race (the race and its place are the setting)."""
    raw = match.group("num").lower()
    value = int(raw[:-2]) if raw[0].isdigit() else ORDINAL_WORDS[raw]
    form = "digits" if raw[0].isdigit() else "words"
    yield make_figure(
        "rank", value, "place", form, "", para, sentence, match.span("num"), bare=True
    )


def _owner(before: str) -> set[str]:
    """Whose ordinal it is, told before it: "the Harbour Trust's 40th" or "The
    Baltic Book Fair, now in its 11th": the name, as words."""
    possessive = re.search(
        r"((?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)['\u2019]s?\s+$", before
    )
    if possessive:
        return {w.lower() for w in possessive.group(1).split()}
    if not re.search(r"\b(?:its|their)\s+$", before):
        return set()
    tokens = tokenize(before)
    runs = [tokens[i:j] for i, j in name_runs(tokens) if j - i >= 2]
    return {t.base.lower() for t in runs[0]} if runs else set()

"""Whose fact a figure is: its clause, read as a small grammar.

figure_reading.py finds the figures; this module reads, for each, the subject, verb
and setting of the clause around it (`make_figure`), and the Figure it makes:

- a frame of reported speech before it ("The club said", "The court heard that",
  "told investors that") or after it ("..., the council said on Monday.") is not
  its subject, and the frame's time does not date it; a figure that opens what a
  frame reports ("The operator said 312 services were cancelled") is the
  speaker's fact, with its verb after it; a phrase of time opening the clause
  ("At its peak the festival drew") is left out, and so are asides between a
  subject and its verb ("the clinic, which has 20 beds, cost"; "Sen, 45,
  stole"); another clause joined to it ("..., and shops within a mile ...",
  "as it shuts a plant") is not part of it;
- its subject is, in this order: the thing before a relative or participle aside
  the figure is in ("Sen, who stole"; "the compact, signed by eight
  councils"); what it does when the figure opens the clause ("Six councils
  signed the compact"); for a pronoun, what the sentence before is about, or
  else who the frame says speaks ("It has 900 members, the club said"); a
  possessor ("the trust's 350 nurses": the trust has them; "the company's plan
  to cut 90 routes"); the noun a bare number measures ("a turnout of 61%"); what
  cost it ("cost", "built for", also in a relative clause); else the first
  name, country or body, or the words before the verb;
- its verb is the word before it, with copulas read as "be" and having ("has",
  "will have a capacity of", "the 200-bed hospital") as "have";
- its setting is the places, bodies and times of its own clause, not what the
  figure is compared with ("up from 5.1 million a year earlier"); places within
  countries ("in Ulster", "Kent County") are read as places, and places named
  by what they are ("in the county") are kept apart as its scope. What a length
  measures ("300 metres long" / "30 metres high") is part of its unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from articles.text.checks.base import Paragraph
from articles.text.tokens import Token, name_runs, sentences, tokenize
from articles.text.vocabulary import (
    CALENDAR_WORDS,
    CARDINAL_WORDS,
    IRREGULAR_PAST_TENSES,
    ORGANISATION_WORDS,
    STOPWORDS,
    actors_in,
    places_in,
    scopes_in,
    words_of,
)

# Words between a verb and its figure: "pledged at least", "killed more than".
APPROXIMATE = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|some|roughly|approximately|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|an\s+estimated|estimated|close\s+to|just\s+over|just\s+under|"
    r"upwards\s+of|tens\s+of|hundreds\s+of|thousands\s+of)\s+$)"
)
FILLER = frozenset(
    words_of("a an the of by to for with a total another further additional new extra")
)
_DETERMINERS = frozenset(words_of("the a an its their this that these those"))
_PRONOUN = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)
# A frame of reported speech before a figure's clause ("The club said (that)",
# "According to the trust,"): what is said is the fact, not who says it. The frame
# counts only when the clause goes on after it.
_FRAME_VERBS = (
    r"said|says|say|reported|reports|estimated|estimates|announced|confirmed|added|"
    r"stated|found|find|showed|shows|believes?|believed|argued|claimed|warned|noted|"
    r"insisted|expects?|expected|heard|told\s+\w+"
)
# When and how a frame says it: "said on Monday", "said in a statement last week".
_FRAME_TIME = r"(?:\s+(?:on\s+[A-Z]\w+|in\s+a\s+statement|last\s+\w+|this\s+\w+))*"
_FRAME = re.compile(
    rf"^(?P<speaker>.*)\b(?:(?:{_FRAME_VERBS}){_FRAME_TIME}\s+(?:that\s+)?"
    r"|according\s+to\s+(?P<source>[^,]+),\s+)(?=\S)"
    # "has been confirmed on 14 farms" is not a frame: what follows is no clause
    r"(?!(?:on|in|at|by|for|to|with|as|from|of|over|about|since)\b)",
    re.IGNORECASE,
)
# A frame right before the figure: "The operator said (that) 312 services were
# cancelled" (the figure then opens what is said).
_FRAME_END = re.compile(
    rf"^(?P<speaker>.*)\b(?:(?:{_FRAME_VERBS}){_FRAME_TIME}\s+(?:that\s+)?"
    r"|according\s+to\s+(?P<source>[^,]+),\s*)$",
    re.IGNORECASE,
)
# A phrase of time or circumstance opening the clause: "At its height the blaze".
_LEADING_PHRASE = re.compile(
    r"^(?i:(?:at|in|on|by|during|after|before|since|over|under|with|from)\s+"
    r"(?:[\w'-]+\s+){0,3}?)(?=(?i:the)\s)"
)
# The same frame after what is said, at the end of a sentence ("..., the council
# said on Monday."): its speaker and its time are not the figure's.
_TRAILING_FRAME = re.compile(
    rf",[\"\u201d\u2019']?\s+(?:according\s+to\s+(?P<source>[^,]+)|(?P<speaker>[^,]{{1,60}}?)\s+"
    rf"(?:{_FRAME_VERBS}){_FRAME_TIME})"
    # and a superlative told of what is said: "..., the highest since 1987."
    r"(?:,\s+(?:the\s+)?(?:[a-z]+est|most\s+[a-z]+)\b[^,]*)?"
    r"\s*[.!?]?[\"\u201d\u2019']*\s*$",
    re.IGNORECASE,
)
# A comma-enclosed aside before the figure's verb ("the clinic, which has 20
# beds, cost"; "Ravi Sen, 45, stole"; "The firm, founded in 1990, employs").
_NO_COMMA = r"(?:[^,]|,(?=\d{3}))*"  # commas inside a number ("1,200") do not count
_ASIDE = re.compile(
    r",\s+(?:which|who|whose|where|aged|\d|[a-z]+ed\b|an?\b|now\b|once\b|formerly\b"
    r"|one\s+of\b|(?:on|in|at|with|near|from|including)\s+(?:an?\s+|the\s+)?\d"
    # a superlative in apposition: "The flooding, the worst for a decade, has"
    r"|the\s+(?:[a-z]{3,}est|worst|best|most|least)\b)"
    rf"{_NO_COMMA},"
)
# Where the figure's clause starts or ends inside a sentence: a clause joined by a
# conjunction with its own subject, or a subordinate clause.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?=that\b|the\b|a\b|an\b|its\b|their\b|"
    r"his\b|her\b|it\b|they\b|[A-Z])"
    r"|;\s*"
    r"|(?<!such)(?<!much)(?<!many)(?<!well)\s(?:as|because|although|though|while|"
    r"whereas)\s+(?=(?:it|they|he|she|we|the|a|an|its|their)\s|[A-Z])"
    r"|\s(?:after|before|since|when)\s+(?=[a-z]+ing\b)"
)
# Where the figure's clause ends: also a second verb of the same subject ("sold
# 5,000 seats, and will add a second hall next spring").
_CLAUSE_END = re.compile(
    rf"{_CLAUSE_BREAK.pattern}|,\s+(?:and|but)\s+"
    r"|\s(?:and|but)\s+(?=(?:will|would|has|have|had|is|are|was|were|can|could|may)\b"
    r"|[a-z]+ed\b)"
)
# An aside the figure is in, which says what the thing before it is or did
# ("Sen, who stole £60,000"; "The compact, signed by eight councils").
_OPEN_ASIDE = re.compile(
    r"^(?P<head>.*?[A-Za-z][\w'-]*)\s*,\s+(?:which|who|that|[a-z]+ed\s+by)\b"
    rf"{_NO_COMMA}$"
)
# A figure given as an estimate of a thing: "put turnout at", "valued the site at".
_ESTIMATE = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|estimate|valued|values|value)\s+"
    r"(?P<thing>(?:the\s+|its\s+|their\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"(?:\s+(?:in|of|for)\s+[^,]*?)?\s+at\s+$"
)
# A short phrase opening a clause before its comma: "In all,", "So far,".
# A subordinate phrase opening the sentence before its subject: "Once full,
# the reservoir", "When finished, the bridge"; it is not part of the subject.
_SUBORDINATE_OPENING = re.compile(
    r"^\s*(?i:once|when|if|until|unless|while|though|although)\s+[^,]{1,40},\s+"
    r"(?=(?i:the|its|their|this)\s)"
)
_OPENING_ADVERBIAL = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}[A-Za-z]+,\s*$")
AUXILIARIES = frozenset(
    words_of("has have had is are was were be been will would can could may might")
    + words_of("must shall should did does do")
)
# A verb after a figure: where a noun phrase holding it ends.
_VERB = re.compile(rf"\b(?:{'|'.join(sorted(AUXILIARIES))}|[a-z]+ed)\b")
_COPULAS = frozenset(words_of("is are was were be been being remains remained"))
# Verbs that tell one fact, in all their forms: "cut 60 jobs" / "shed 90 jobs".
_VERB_FAMILIES = {
    form: family.split()[0]
    for family in (
        "attract attracts attracted attracting draw draws drew drawn drawing",
        "cut cuts cutting axe axes axed axing shed sheds shedding",
        "hire hires hired hiring recruit recruits recruited recruiting",
        "sell sells sold selling",
        "win wins won winning",
        # what was paid for a player, a post or a service: "paid" / "a fee of"
        "pay pays paid paying fee salary wage",
        # a place in a race or a table: "finished third" / "came fifth"
        "finish finishes finished finishing came come comes coming "
        "place placed ranked end ended",
        "handle handles handled handling carry carries carried carrying",
        "raise raises raised raising collect collects collected collecting",
        # a change told by any verb of its direction: "fell 12%" / "dropped 21%"
        "fall falls fell fallen falling drop drops dropped dropping "
        "decline declines declined declining slip slips slipped slipping "
        "slide slides slid sliding sink sinks sank sunk sinking "
        "tumble tumbles tumbled tumbling plunge plunges plunged plunging "
        "slump slumps slumped slumping dip dips dipped dipping",
        "rise rises rose risen rising increase increases increased increasing "
        "grow grows grew grown growing climb climbs climbed climbing "
        "jump jumps jumped jumping soar soars soared soaring "
        "surge surges surged surging",
        "reduce reduces reduced reducing lower lowers lowered lowering "
        "slash slashes slashed slashing curb curbs curbed curbing",
        # a death toll: "were killed" / "died"
        "die dies died dying kill kills killed killing",
        # what was given out, however it is told: "gave out" / "handed out"
        "give gives gave given giving hand hands handed handing "
        "distribute distributes distributed distributing",
        "destroy destroys destroyed destroying wipe wipes wiped wiping "
        "flatten flattens flattened flattening",
        "injure injures injured injuring hurt hurts hurting wound wounds wounded",
        # a level attained, however it is told: "reached 42C" / "recorded 47C"
        "reach reaches reached reaching hit hits hitting record records recorded "
        "recording top tops topped topping peak peaks peaked peaking "
        "register registers registered registering",
    )
    for form in family.split()
}
# Words ending like an inflection that are not one ("has", "was", "news").
_NOT_INFLECTED = frozenset(words_of("has was is this news series bus gas plus"))
# Prepositions that start a phrase qualifying a noun ("the agreement on patrols").
_QUALIFYING = frozenset(words_of("on about over between for with from to"))
# Places named after a preposition, which a figure's fact is about ("in Leeds",
# "in the county").
_PLACE_NOUNS = "city|county|country|region|town|village|district|borough|capital"
_PLACE = re.compile(
    r"\b(?i:in|at|across|near|outside|throughout)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
    rf"|(?:{_PLACE_NOUNS})\b)"
)
# A figure that opens its reported clause has its verb after it: "312 services
# had been cancelled", "40 jobs would go".
_VERB_AFTER = re.compile(
    r"^(?:\s+(?:in|at|on|of|across|from|for)\s+(?:the\s+|its\s+|their\s+)?[\w-]+)*"
    r"(?:\s+[a-z-]+)??\s+(?:(?:had|have|has|will|would|could|may|might|were|was|"
    r"are|is)\s+)?(?:(?:been|be|not)\s+)?(?P<verb>[a-z]{2,})\b"
)
# What the sentence compares its figure with: "up from 5.1 million a year
# earlier", "the most found since 2019" (the year is the comparison's, not the
# figure's).
_COMPARISON = re.compile(
    r"(?i:,?\s+(?:(?:up|down|rising|falling)\s+from|compared\s+with)\b[^;]*"
    r"|\b(?:most|highest|lowest|biggest|largest|smallest|worst|best|fewest)\b"
    r"[^;,.]*?\bsince\b[^;,]*)"
)
# Units of time: "a five-year plan" and "a 67-year-old" are not quantities of things.
TIME_UNITS = frozenset(
    words_of("year month week day hour minute second decade century season night")
)
COST_VERB = "cost"
# The unit and verb of an ordinal that counts the times an event was held.
EDITION = "edition"
# The verb of an age told of someone described, not yet named ("a 24-year-old
# Ethiopian"): figures.py names them or leaves the age out.
DESCRIBED = "described"
# The verb of a sum or share a thing is taken to ("raise the fare to $3").
LEVEL = "level"
NAMED_EDITION = "named edition"  # "the tenth Harrowgate Folk Festival"
# Building a thing for a sum, done or to come: "built for", "will build for".
_BUILD_VERB_FORMS = (
    r"(?:re)?buil(?:t|d|ds|ding)|complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?|"
    r"deliver(?:s|ed|ing)?|renovat(?:e|es|ed|ing)|refurbish(?:es|ed|ing)?|"
    r"restor(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)"
)
_BUILD_VERB = re.compile(rf"(?i:{_BUILD_VERB_FORMS})")
# Words that set one thing apart from another of its kind: "the other school".
CONTRASTIVE = frozenset(
    words_of("other another first second third new old former previous next rival")
    + words_of("sister neighbouring neighboring nearby adjacent adjoining")
)
# Small words left out of a subject; not those that set its thing apart.
_SMALL = STOPWORDS - CONTRASTIVE
# Comparatives and superlatives of size, age and place: "the smaller ferry".
COMPARATIVE = re.compile(
    r"(?:small|larg|bigg|old|new|high|low|long|short|great|young|wid|near|furth|"
    r"far|earli|lat|eld|north|south|east|west|upp|inn|out)(?:er|est|ern)"
)
# Times and scopes told in words, which make two figures two facts ("this year"
# is now, as an undated figure is).
_WHEN_WHERE = re.compile(
    r"(?i:\b(?:(?:last|next|previous|coming|past)\s+"
    r"(?:year|month|week|season|quarter|decade|summer|winter|spring|autumn)"
    r"|(?:first|second|third|fourth|final)\s+(?:quarter|half)"
    r"|a\s+year\s+(?:earlier|ago|before)"
    r"|worldwide|globally|nationally|nationwide|abroad|overseas|internationally"
    r"|at\s+home|away)\b)"
)
# What a thing cost, however the copy puts it.
_COST = re.compile(
    r"(?i:\bcost(?:s|ing)?\s+(?:(?:the|a|an|its|their)\s+[a-z]+\s+)?$"
    rf"|\b(?:{_BUILD_VERB_FORMS})\b[^,.;]{{0,30}}?\bfor\s+$"
    r"|\b(?:at\s+)?an?\s+(?:total\s+|final\s+)?cost\s+of\s+$)"
)
# A figure the clause is told of in the passive, and who did it: "£2m was raised
# by the appeal".
_PASSIVE = re.compile(
    r"\s+(?:[a-z]+\s+)??(?:was|were|is|are|has\s+been|have\s+been|had\s+been|"
    r"will\s+be|would\s+be)\s+(?P<verb>[a-z]{3,}(?:ed|en|t))\s+by\s+(?P<agent>[^,.;]+)"
)
# Where an agent's noun phrase ends: "by the organisers of the race for ...".
_AGENT_END = r"\s+(?:of|for|in|at|on|from|with|after|during|because)\b"
# Words after a number that are not what it counts.
NOT_COUNTED = STOPWORDS | frozenset(words_of("per percent am pm"))
NOT_A_NOUN = NOT_COUNTED | frozenset(CARDINAL_WORDS)


# What opens a definite noun phrase right before a figure: "the 14 countries",
# "of the 21,000 patients", "the firm's 600 staff", "the turnout of 26%"; not
# what sets its group apart ("the first 20 schools", "Leeds's 26 schools").
DEFINITE = re.compile(
    r"(?:\b(?i:the)|\b[a-z][a-z-]+['\u2019]s|\b(?i:the)\s+[a-z]{3,}\s+of)\s+$"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    offset: int  # in the paragraph
    previous: str  # the sentence before it in the paragraph, for "it" and "they"


@dataclass(frozen=True)
class Reading:
    """Whose fact a figure is, and what its clause says of it."""

    subject: str
    verb: str
    named: bool = False
    measured: bool = False
    # the figure is in a noun phrase ("the trust's 350 nurses"), not the object
    # of a verb: its setting ends where the phrase does
    in_phrase: bool = False


@dataclass(frozen=True)
class Figure:
    """One figure in a sentence, and what makes it a fact."""

    kind: str  # "money", "count", "percent", "ordinal", "age", "tally"
    value: float
    unit: str  # currency, unit or counted noun
    form: str  # how it is written, for the two-forms finding
    subject: str
    verb: str
    names: frozenset[str]  # for ordinals: the named thing counted
    # places, bodies and times the figure's clause names besides the subject:
    # "12,000 hectares in Spain" and "8,000 hectares in Portugal" are two facts
    setting: frozenset[str]
    scope: frozenset[str]  # places named by what they are: "in the county"
    approximate: bool
    initial: bool  # opens its sentence
    para: Paragraph
    start: int
    end: int
    # the subject is a name, country or body, not a common noun ("the company")
    named: bool = False
    # the subject is the noun the figure measures ("a crowd of 20,000"): said of
    # many things, so one fact only where both sentences name the same thing
    measured: bool = False
    # places named after a preposition in the figure's clause ("in Leeds"); a
    # figure that names fewer of them can be the same fact as one that names more
    places: frozenset[str] = frozenset()
    # the names of the whole sentence, frames of speech included
    mentions: frozenset[str] = frozenset()
    # a quantity joined to the noun it describes ("the 100-metre race"): it may
    # name a kind of thing, so it is compared only with a quantity told apart
    joined: bool = False
    # the figure opens a definite noun phrase ("the 14 countries", "the firm's
    # 600 staff", "the turnout of 26%"): it tells again a group told before
    definite: bool = False
    # a sum that introduces its thing ("a ¥3tn stimulus package"): compared only
    # with a later telling of that thing ("the package, worth ¥2tn")
    introduced: bool = False
    # a sum told by what was done with it ("the £21,000 raised by families") or
    # what it is paid as ("her salary of £158,000"): it tells again the sum
    # another story says was raised or paid
    participle: bool = False


@lru_cache(maxsize=256)
def _trailing_frame(sentence: str) -> re.Match[str] | None:
    return _TRAILING_FRAME.search(sentence)


def _clause(before: str) -> tuple[int, str]:
    """The figure's own clause in `before` (the sentence up to the figure), and
    where it starts: without a frame of reported speech, without asides ("the ward,
    which has 28 beds, cost"), and after the last clause joined to it."""
    start = 0
    framed = _frame(before)
    if framed:
        start = framed.end()
    for joint in _CLAUSE_BREAK.finditer(before, start):
        start = joint.end()
    return start, re.sub(r"\s+", " ", _ASIDE.sub(" ", before[start:]))


def _frame(before: str) -> re.Match[str] | None:
    """The frame of reported speech that `before` opens with, if any; not one
    inside a relative aside ("the pool, which the council says cost")."""
    framed = _FRAME.match(_ASIDE.sub(_blank, before))
    if framed and re.search(r",\s+(?:which|who|that)\b[^,]*$", framed.group("speaker")):
        return None
    return framed


def _blank(match: re.Match[str]) -> str:
    """An aside blanked out, its length kept, so that offsets still hold."""
    return " " * len(match.group())


def _speaker(before: str, trailing: re.Match[str] | None) -> str:
    """Who a frame of reported speech around the figure names as speaking."""
    framed = _frame(before)
    if framed and framed.group("speaker").strip():
        return framed.group("speaker")
    if framed and framed.group("source"):  # "According to the ministry, 40 ..."
        return framed.group("source")
    if trailing:
        return trailing.group("speaker") or trailing.group("source") or ""
    return ""


def _segment(
    text: str,
    start: int,
    span: tuple[int, int],
    trailing: re.Match[str] | None,
    in_phrase: bool = False,
) -> str:
    """The text of the figure's clause, asides left out: what sets its fact. A
    figure in a noun phrase ends with it: "the crowd of 8,000 at Tuesday's
    match" (had cheered them through the second half)."""
    aside = _OPEN_ASIDE.match(text[start : span[0]])
    if aside:
        start += aside.end("head")
    end = trailing.start() if trailing else len(text)
    joint = _CLAUSE_END.search(text, span[1], end)
    if joint:
        end = joint.start()
    if aside:
        comma = text.find(",", span[1], end)
        end = comma if comma >= 0 else end
    if in_phrase:
        verb = _VERB.search(text, span[1], end)
        end = verb.start() if verb else end
    # what the figure is compared with is not its setting: "up from 5.1 million
    # a year earlier"
    after = _COMPARISON.sub("", text[span[1] : end])
    # nor is a relative clause after it, which tells of the thing before it:
    # "paid £53m for the striker, whose contract runs until 2030"
    after = _RELATIVE_AFTER.split(after, maxsplit=1)[0]
    # nor a source told inside the clause, with its own time: "have killed 43
    # people according to the government's figures on Sunday"
    after = _SOURCE_AFTER.sub(" ", after)
    return _ASIDE.sub(" ", text[start : span[1]] + after)


_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whose|where)\b")
_SOURCE_AFTER = re.compile(r"\b(?i:according\s+to)\b[^,;]*")


def _reported(before: str, after: str, sentence: Sentence) -> Reading | None:
    """The speaker's fact when the figure opens what a frame reports, with its verb
    after it: "The operator said 312 services had been cancelled" (a pronoun
    speaker is what the sentence before is about); else None."""
    framed = _FRAME_END.match(_ASIDE.sub(_blank, before))
    later = _VERB_AFTER.match(after) if framed else None
    if later is None or later.group("verb") in STOPWORDS:
        return None
    verb = stem_verb(later.group("verb"))
    speaker = framed.group("speaker").strip() or framed.group("source") or ""
    if _PRONOUN.fullmatch(speaker):
        subject = _opening_phrase(sentence.previous)
        return Reading(subject, verb) if subject else None
    subject, named = antecedent(speaker)
    return Reading(subject, verb, named) if subject else None


_PASSIVE_AT = re.compile(
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?P<verb>[a-z]+ed)"
    r"\s+(?:at|in|on|from|across)\s+(?P<place>(?:the\s+)?[A-Z][\w'\u2019-]*"
    r"(?:\s+[A-Z][\w'\u2019-]*)*)"
)


def _read(
    clause: str,
    after: str,
    previous: str,
    speaker: str,
    bare: bool,
    framed_before: bool = False,
) -> Reading:
    """Subject and verb of the figure's clause (`clause` runs up to the figure);
    `framed_before`: the speaker's frame comes before the clause ("X said")."""
    estimate = _ESTIMATE.search(clause)
    if estimate:  # "The clerk put turnout at 24%": turnout was 24%
        return Reading(_noun_phrase_end(estimate.group("thing")), "be")
    led = _LEADING_PHRASE.sub("", clause)  # "At its peak the festival drew"
    led = _SUBORDINATE_OPENING.sub("", led)  # "Once full, the reservoir will"
    clause = led if len(led.split()) >= 2 else clause
    verb = _verb(clause)
    passive = re.match(
        r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+([a-z]+ed)\b",
        after,
    )
    measured = re.fullmatch(
        r"\s*(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}?([a-z]+)\s+of\s*",
        clause,
        re.IGNORECASE,
    )
    if (
        passive
        and measured
        and measured.group(1).lower() not in NOT_A_NOUN | FILLER
        and not _PASSIVE.match(after)  # "A total of £2m was raised by the appeal"
    ):
        # "Gusts of 110mph were recorded": the thing measured is the subject
        return Reading(measured.group(1).lower(), stem_verb(passive.group(1)))
    cost = verb == COST_VERB
    aside = _OPEN_ASIDE.match(clause)
    if aside:
        subject, named = antecedent(aside.group("head"))
        return Reading(subject, verb, named)
    passive = _PASSIVE.match(after)
    opening = _OPENING_ADVERBIAL.sub("", clause)  # "In all, 312 flights were ..."
    if passive and all(w in FILLER for w in opening.lower().split()):
        # "A total of £2m was raised by the appeal": the appeal raised it
        agent = re.split(_AGENT_END, passive.group("agent"))[0]
        subject, named = antecedent(agent)
        return Reading(subject, stem_verb(passive.group("verb")), named)
    if not clause.strip() and not bare:
        # the figure is the clause's subject: "Six councils signed the compact"
        # tells what "the compact, signed by eight councils" tells
        acted = re.match(
            r"\s+(?P<verb>[a-z]+ed)\s+(?:an?|the)\s+(?P<obj>[a-z]+)", after
        )
        if acted and acted.group("obj") not in NOT_A_NOUN:
            return Reading(acted.group("obj"), stem_verb(acted.group("verb")))
        # a figure opening what is reported is the speaker's fact, with its verb
        # after it: "The operator said 312 services had been cancelled"
        later = _VERB_AFTER.match(after)
        if later and later.group("verb") not in STOPWORDS and speaker.strip():
            subject, named = antecedent(speaker)
            return Reading(subject, stem_verb(later.group("verb")), named)
        # with no frame, a figure opening its clause in the passive is the fact of
        # the place it names: "Forty flights were cancelled at Dublin Airport"
        # is what "the airport said 24 flights were cancelled" tells
        where = _PASSIVE_AT.match(after)
        if where and where.group("verb") not in STOPWORDS:
            subject, named = antecedent(where.group("place"))
            return Reading(subject, stem_verb(where.group("verb")), named)
    if _PRONOUN.match(clause) or re.fullmatch(r"\s*(?:its|their)\s+", clause):
        # "it" is what the sentence before is about; with none, who says it ("it
        # has 900 members, the club said"), though a speaker is never what cost
        subject, named = antecedent(speaker)
        body = named or (bool(subject) and subject.split()[-1] in ORGANISATION_WORDS)
        if framed_before and body and not cost:
            # "The bank said it had raised its rate": a body speaking of itself
            return Reading(subject, verb, named)
        if previous or cost:
            return Reading(_it_stands_for(clause, previous), verb)
        return Reading(subject, verb, named)
    owner = re.match(
        r"^(?P<owner>.*\S)['\u2019]s\s+(?P<rest>(?:[a-z]+\s+to\s+[a-z]+\s+)?)$", clause
    )
    if owner:
        # "the trust's 350 nurses": the trust has them; "the company's plan to
        # cut 90 routes": the company would cut them
        subject, named = antecedent(owner.group("owner"))
        if owner.group("rest"):
            return Reading(subject, verb, named)
        return Reading(subject, "have", named, in_phrase=True)
    measure = _measure_of(clause)
    if measure and bare:
        return Reading(measure, "be", measured=True, in_phrase=True)
    if cost:
        return Reading(_cost_subject(clause), verb)
    subject, named = _subject(clause)
    return Reading(subject, verb, named)


def _measure_of(clause: str) -> str:
    """The noun a bare number measures: "a turnout of" -> "turnout"."""
    measured = re.search(r"\b(?:a|an|the|its|their)\s+([a-z]{3,})\s+of\s+$", clause)
    if not measured or measured.group(1) in NOT_A_NOUN | FILLER:
        return ""
    return measured.group(1)


_AT_PLACE = frozenset(words_of("in at near outside"))


def antecedent(text: str) -> tuple[str, bool]:
    """The thing a phrase ends on, and whether it is a name: "Drivers moved into the
    bus depot" -> "bus depot"; "The bus maker Kelby Axle" -> "kelby axle";
    "The compact on bus routes" (no verb) -> "agreement"."""
    tokens = tokenize(text)
    runs = list(name_runs(tokens))
    if runs and runs[-1][1] == len(tokens):
        i, j = runs[-1]
        where = tokens[i - 1].lower if i >= 2 else ""
        if where in _AT_PLACE and tokens[i - 2].text[:1].islower():
            # "the covered market in Cardiff": the market, which is in Cardiff
            return antecedent(text[: tokens[i - 1].start])
        return " ".join(t.base for t in tokens[i:j]).lower(), True
    actors = actors_in(text)
    if actors and not text[actors[-1][1] :].strip(" '\u2019s"):
        return actors[-1][2].lower(), True
    words = [t.lower for t in tokens if t.text[:1].isalpha()]
    verbal = any(w in AUXILIARIES or w.endswith("ed") for w in words)
    cut = next((i for i, w in enumerate(words) if i and w in _QUALIFYING), None)
    if not verbal and cut is not None:
        words = words[:cut]
    return _noun_phrase_end(" ".join(words)), False


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Prefixes that make another thing of a noun, not a kind of it: a grandparent
# is not one of the parents, a subcommittee not the committee.
_OTHER_THING_PREFIXES = ("grand", "step", "great", "sub", "vice", "co", "ex", "non")


def one_head(longer: str, shorter: str) -> bool:
    """True when two nouns can name one thing: the same word, a compound and
    its head ("wildfires" / "fires", "shipyard" / "yard", "beehives" / "hives"),
    or a noun and the event told by its "-ing" ("floods" / "the flooding")."""
    if longer == shorter:
        return True
    longer, shorter = max(longer, shorter, key=len), min(longer, shorter, key=len)
    if (
        longer.endswith("ing")
        and len(shorter) >= 3
        and longer[:-3] == singular(shorter)
    ):
        return True  # "the flooding" / "floods": an event and its noun
    prefix = longer[: len(longer) - len(shorter)]
    return (
        len(shorter) >= 4
        and len(prefix) >= 3
        and longer.endswith(shorter)
        and prefix.isalpha()
        and not prefix.startswith(_OTHER_THING_PREFIXES)
    )


_PLACE_BEFORE = re.compile(r"\b[a-z]{3,}\s+(?:in|at|near|outside)\s+$")
_PLACED_NAME = re.compile(
    r"(?<=[a-z])\s+(?:in|at|near|outside)\s+[A-Z][\w'\u2019-]*"
    r"(?:\s+[A-Z][\w'\u2019-]*)*"
)


def _subject(clause: str) -> tuple[str, bool]:
    """Whose fact the figure is: the first country, body or name in its clause,
    else the words before its verb ("the hospital trust hired 120 nurses"); and
    whether it is a name."""
    actors = actors_in(clause)
    tokens = tokenize(clause)
    runs = [
        (tokens[i].start, " ".join(t.base for t in tokens[i:j]).lower())
        for i, j in _noun_phrases(tokens)
    ]
    found = [(s, a.lower()) for s, _, a in actors] + runs
    # a name after a place preposition, with a thing before it, is where the
    # thing is, not the subject: "The new reservoir near Haltwhistle holds"
    kept = [(s, a) for s, a in found if not _PLACE_BEFORE.search(clause[:s])]
    if kept:
        return min(kept)[1], True
    if found:
        clause = _PLACED_NAME.sub("", clause)
    words = re.findall(r"[A-Za-z][\w-]*", APPROXIMATE.sub("", clause))
    auxiliary = next(
        (i for i, w in enumerate(words) if i and w.lower() in AUXILIARIES), None
    )
    if auxiliary is not None:
        # "The blight has been found on": what comes before the verb
        head = [w.lower() for w in words[:auxiliary] if w.lower() not in _SMALL]
        if head:
            return " ".join(head[-3:]), False
    while words and words[-1].lower() in FILLER:
        words.pop()
    head = [w.lower() for w in words[:-1] if w.lower() not in _SMALL]
    if len(words) <= 5:
        return " ".join(head[-3:]), False
    # a long clause with no name in it: its own words are what the fact is about
    # ("the drug cut the risk of a second stroke by"), when there are enough of them
    content = [w.lower() for w in words if w.lower() not in _SMALL]
    return (" ".join(content[-8:]) if len(content) >= 4 else ""), False


def _noun_phrases(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Name runs with the common nouns after them that come before the clause's
    verb (its last word that is not a small word): "The Kelby food bank gave out"
    -> "Kelby food bank"; "Potato blight has been found on" -> "Potato blight"; "Ashby
    Rail's rival, Tarn Trains, carried" -> "Ashby Rail rival": what a name owns
    is not the name."""
    content = [
        k for k, t in enumerate(tokens) if t.text.isalpha() and t.lower not in STOPWORDS
    ]
    verb = content[-1] if content else len(tokens)
    for i, j in name_runs(tokens):
        k = j
        # a lone capital opening the clause may be a common noun ("Youth
        # unemployment fell"), which the words after it would set apart
        while (
            (i, j) != (0, 1)
            and k < verb
            and tokens[k].text.islower()
            and tokens[k].text[:1].isalpha()
            and tokens[k].lower not in STOPWORDS
            and not _reads_as_verb(tokens[k].lower)
        ):
            k += 1
        yield i, k


def _reads_as_verb(word: str) -> bool:
    """A word after a name that is its verb, not a noun it names: "The Reserve
    Bank raised", "Storm Ingunn brought", "Tarn Trains rose"."""
    if word in _VERB_FAMILIES or word in AUXILIARIES or word in _IRREGULAR_PAST:
        return True
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


# Particles of phrasal verbs, after the verb: "wiped out", "gave away".
_PARTICLES = frozenset(words_of("out off up away"))
_IRREGULAR_PAST = frozenset(IRREGULAR_PAST_TENSES)


def _cost_subject(clause: str) -> str:
    """What cost it: "The stadium was built at a cost of" -> "stadium"; "the
    trust built the centre for" -> "centre"; "The new stand cost" -> "new stand"."""
    cost = _COST.search(clause)
    if cost and _BUILD_VERB.match(cost.group()):  # "the trust built the centre for"
        built_words = re.findall(r"[A-Za-z][\w'-]*", cost.group())[1:]
        kept = [w.lower() for w in built_words if w.lower() not in STOPWORDS]
        if kept:
            return " ".join(kept[-3:])
    words = re.findall(r"[A-Za-z][\w'-]*", clause[: cost.start()] if cost else clause)
    built = [i for i, w in enumerate(words) if _BUILD_VERB.fullmatch(w)]
    if built and built[-1] < len(words) - 1:
        words = words[built[-1] + 1 :]  # what was built
    kept = [
        w.lower()
        for w in words
        if w.lower() not in _SMALL and not _BUILD_VERB.fullmatch(w)
    ]
    return " ".join(kept[-3:])


def same_subject(first: str, second: str, *, compounds: bool = True) -> bool:
    """True when two subjects can name one thing: the same words, or one the
    other's last words ("centre" / "cancer centre"; not "city council" / "county
    council"), unless the longer one sets its thing apart from another ("the
    smaller ferry", "the other school", "the second bridge"). Two long subjects
    read from clauses with no name are one when the shorter is the longer with
    words left out, from the same first to the same last word ("the pill cut deaths
    from stroke" / "a pill that thins the blood cut deaths from stroke"). With
    `compounds`, a compound noun is its head ("the wildfires" / "the fires")."""
    a, b = first.split(), second.split()
    shorter, longer = sorted((a, b), key=len)
    ending = longer[len(longer) - len(shorter) :]
    if shorter == ending or (
        compounds
        and shorter
        and shorter[:-1] == ending[:-1]
        and one_head(ending[-1], shorter[-1])
    ):
        extra = longer[: len(longer) - len(shorter)]
    elif len(shorter) >= 4 and shorter[0] == longer[0] and shorter[-1] == longer[-1]:
        rest = iter(longer)
        if not all(word in rest for word in shorter):
            return False
        extra = [w for w in longer if w not in shorter]
    else:
        return False
    # "the new reservoir" is the reservoir a later sentence tells of; figures.py
    # parts them when the copy names an old one too
    return not any(
        (w in CONTRASTIVE and w != "new") or COMPARATIVE.fullmatch(w) for w in extra
    )


def _it_stands_for(clause: str, previous: str) -> str:
    """What a pronoun stands for: what the sentence before opens with, unless
    "it" or "its" meets a plural there ("Hoteliers welcomed the end of the levy.
    It raised"), when it is the last thing that sentence names with "the"."""
    opening = _opening_phrase(previous)
    singular_pronoun = re.match(r"\s*it", clause, re.IGNORECASE)
    if singular_pronoun and re.search(r"[^su]s$", opening):
        things = re.findall(r"\bthe\s+([a-z]{3,})\b(?!['\u2019])", previous)
        if things and not things[-1].endswith("s"):
            return things[-1]
    return opening


def _opening_phrase(sentence: str) -> str:
    """The noun phrase a sentence opens with ("The new bridge opened ..." -> "new
    bridge"), or "" when it opens otherwise."""
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    phrase: list[str] = []
    for word in words[:4]:
        low = word.lower()
        if low in STOPWORDS or (
            phrase and word.islower() and re.search(r"(?:ed|[^su]s)$", low)
        ):
            break
        phrase.append(low)
    return " ".join(phrase[-3:])


def _noun_phrase_end(text: str) -> str:
    """The last words of `text` that are not small words: "... of the cancer
    centre" -> "cancer centre"."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in STOPWORDS or len(phrase) == 3:
            break
        phrase.insert(0, word.lower())
    return " ".join(phrase)


def _setting(segment: str, subject: str) -> frozenset[str]:
    """The countries, bodies, years, months and weekdays the figure's clause names,
    and the times and scopes it gives in words ("last year", "in the first
    quarter", "worldwide")."""
    found = {actor.lower() for _, _, actor in actors_in(segment)}
    found |= set(re.findall(r"\b(?:1[89]|20)\d\d\b", segment))
    found |= {w.lower() for w in re.findall(r"[A-Z][a-z]+", segment)} & CALENDAR_WORDS
    found |= {re.sub(r"\s+", " ", m.lower()) for m in _WHEN_WHERE.findall(segment)}
    return frozenset(found - {subject})


def _places(segment: str, subject: str) -> frozenset[str]:
    """The words of places named after a preposition in the figure's clause ("in
    Leeds"), so that "at its plant in Derby" and "at Kelby Axle's Derby plant"
    name one place."""
    found = set()
    for match in _PLACE.finditer(segment):
        words = [
            re.sub(r"['\u2019]s$", "", w) for w in match.group("place").lower().split()
        ]
        found |= set(words) - CALENDAR_WORDS
    for place in places_in(segment):  # "Scotland's 120 branches", "Kent County"
        found |= set(place.split())
    return frozenset(found - set(subject.split()))


# A place set apart from another of its kind: "in the neighbouring district".
_OTHER_PLACE = re.compile(
    r"\b(?i:in|at|across|from)\s+(?:the|a|an)\s+(?P<apart>[a-z]+)\s+[a-z]+"
)


def sentence_places(
    para: Paragraph, offset: int
) -> tuple[frozenset[str], frozenset[str]]:
    """The places named in the sentence of `para` holding `offset`, frames of
    speech and leading phrases included ("In Athens, the 12 islands"), and the
    places it sets apart from another of their kind ("in the neighbouring
    district")."""
    for start, end in sentences(para.text):
        if start <= offset < end:
            text = para.text[start:end]
            apart = {
                re.sub(r"\s+", " ", m.group().lower())
                for m in _OTHER_PLACE.finditer(text)
                if m.group("apart").lower() in CONTRASTIVE
            }
            return _places(text, ""), frozenset(apart)
    return frozenset(), frozenset()


@lru_cache(maxsize=256)
def _mentions(sentence: str) -> frozenset[str]:
    """The names, countries and bodies a sentence names, each whole ("Kelby
    Water" and "Kelby Council" are two)."""
    tokens = tokenize(sentence)
    found = {
        " ".join(t.base for t in tokens[i:j]).lower() for i, j in name_runs(tokens)
    }
    # a number in words opening the sentence ("Fourteen people died") names nobody
    found -= CARDINAL_WORDS.keys()
    return frozenset(found | {a.lower() for _, _, a in actors_in(sentence)})


def _verb(before: str) -> str:
    """The word before the figure, past fillers and approximations, stemmed; "cost"
    for the ways copy gives what a thing cost ("built for", "at a cost of"); "be"
    for a copula and "have" for having ("has", "will have a capacity of")."""
    trimmed = APPROXIMATE.sub("", before)
    if _COST.search(trimmed):
        return COST_VERB
    if re.search(
        r"\b(?:has|have|had|having)\s+(?:an?\s+)?(?:[a-z]+\s+of\s+)?$", trimmed
    ):
        return "have"
    # the verb before a measure's noun: "recorded a temperature of", "reached a
    # record", "paid a fee of"
    measure = re.search(
        r"\b([a-z]+)\s+(?:an?|the|its|their)\s+(?:[a-z]+\s+)?(?:of\s+)?$", trimmed
    )
    if measure and measure.group(1) not in STOPWORDS | AUXILIARIES:
        trimmed = trimmed[: measure.end(1)]
    words = re.findall(r"[A-Za-z]+", trimmed)
    while words and words[-1].lower() in FILLER:
        words.pop()
    if len(words) >= 2 and words[-1] in _PARTICLES and _reads_as_verb(words[-2]):
        words.pop()  # "wiped out 41,000 hectares": the verb is "wiped"
    if not words or words[-1][:1].isupper():
        return ""
    if words[-1].lower() in _COPULAS:
        return "be"
    return stem_verb(words[-1].lower())


def stem_verb(verb: str) -> str:
    """A verb as compared: its family's first word, else the word stemmed."""
    if verb in _VERB_FAMILIES:
        return _VERB_FAMILIES[verb]
    if verb in _NOT_INFLECTED:
        return verb
    # the forms of one verb meet: "fined" / "fine", "dropped" / "drop", "carried"
    # / "carry"
    stem = re.sub(r"ied$|ies$", "y", verb)
    if stem == verb:
        stem = re.sub(r"(?:ed|es|s|ing)$", "", verb)
    if stem != verb and re.search(r"([b-df-hj-np-tv-z])\1$", stem):
        stem = stem[:-1]  # "dropp" -> "drop"
    return stem.removesuffix("e") if len(stem) > 3 else stem


def make_figure(
    kind: str,
    value: float,
    unit: str,
    form: str,
    noun: str,
    para: Paragraph,
    sentence: Sentence,
    span: tuple[int, int],
    reading: Reading | None = None,
    *,
    bare: bool = False,  # no counted noun: "61%", "a crowd of 20,000"
) -> Figure:
    text = sentence.text
    trailing = _trailing_frame(text)
    if trailing and trailing.start() < span[1]:
        trailing = None  # the figure is in what looked like a frame
    before = text[: span[0]]
    clause_start, clause = _clause(before)
    if reading is None:
        reading = None if bare else _reported(before, text[span[1] :], sentence)
        if reading is not None:
            clause_start = span[0]
    if reading is None:
        speaker = _speaker(before, trailing)
        framed = _frame(before)
        framed_before = bool(framed and framed.group("speaker").strip())
        reading = _read(
            clause, text[span[1] :], sentence.previous, speaker, bare, framed_before
        )
    segment = _segment(text, clause_start, span, trailing, reading.in_phrase)
    return Figure(
        kind=kind,
        value=value,
        unit=unit if not noun else f"{unit}:{singular(noun)}",
        form=form,
        subject=reading.subject,
        verb=reading.verb,
        names=frozenset(),
        setting=_setting(segment, reading.subject),
        scope=frozenset(scopes_in(segment)),
        approximate=bool(APPROXIMATE.search(before)),
        initial=not before.strip(" \"\u201c\u2018'("),
        para=para,
        start=sentence.offset + span[0],
        end=sentence.offset + span[1],
        named=reading.named,
        measured=reading.measured,
        places=_places(segment, reading.subject),
        mentions=_mentions(text),
        definite=bool(DEFINITE.search(before)),
    )

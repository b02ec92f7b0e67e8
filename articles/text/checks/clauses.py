"""The clauses a sentence tells a relation in besides its main one.

News copy often states a relation about a name inside a sentence about something
else: in a relative clause ("Tuvalu, which has no diplomatic relations with
Taiwan, said ..."), in an apposition ("Eesti Kanal, a member of the union,
said ..."), after an apposition that sets the name apart from its verb ("Rhys
Pritchard, 51, has not been charged"), or as one of a group ("Norway is among the
countries that have not ratified the treaty"). Each is told again here as a plain
clause, the name first and then its verb ("Tuvalu has no diplomatic relations with
Taiwan"), which the patterns of statement_patterns.py read as they read a
sentence. A relative clause about the object ("Helix, which Norland has not
acquired") keeps its own pattern there.

Also told again as clauses: a second verb that shares the subject ("Chile has
signed but not ratified the treaty"); a relation told as a noun ("Peru's
recognition of Kosovo", "Veltra's membership of the union ended in 2021",
"Halden's takeover of Skarn was completed") as the verb it names ("Peru
recognises Kosovo", "Veltra left the union in 2021"); a relation between two
parties ("a ceasefire between A and B has held") as one of both ("A and B agreed
a ceasefire"); and a denial ("Talvik denies that it has bought Morra", "denied
buying Morra") as the clause denied, marked so that its reader turns the state
over. Each kind is a small reader below; none is read unless a word it needs is
in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from articles.text.checks.statement_patterns import (
    DESIGNATION_VERBS,
    GENERIC_VERBS,
    REPORTING_VERBS,
)
from articles.text.names import PROPER_NAME
from articles.text.vocabulary import IRREGULAR_PARTICIPLES, ORGANISATION_KINDS

# A name ("the State of Palestine"), and what kind of body it is after it ("the
# Red Vale group").
# (a firm's name may join two with an ampersand: "Bramwell & Finch")
_NAME = (
    rf"(?P<name>{PROPER_NAME}(?:\s+&\s+{PROPER_NAME})?"
    rf"(?:\s+(?:{ORGANISATION_KINDS})\b)?)"
)
# A past participle, regular or one of the irregular verbs relations are told with.
PARTICIPLE = rf"(?:[a-z]+(?:ed|en)|{'|'.join(IRREGULAR_PARTICIPLES)})\b"
_PARTICIPLE_CAPITAL = r"(?:[A-Z][a-z]+(?:ed|en)|Bought|Sold|Held|Kept)\b"
# a person or body told by what it is before its name: "the former mayor Ilse Varga"
_DESCRIBED_NAME = rf"(?:the\s+(?:[a-z][\w-]*\s+){{1,3}}?(?=[A-Z]))?{_NAME}"
# The words that open a clause about the name: an auxiliary, an adverb or a verb
# in lower case, not a pronoun or article that would start a subject of its own.
_OWN_SUBJECT = (
    r"(?:it|its|they|their|he|his|she|her|we|our|you|i|the|a|an|this|that|these|"
    r"those|many|some|most|officials|police)"
)
_VERB_FIRST = rf"(?!{_OWN_SUBJECT}\b)[a-z]"
# Lower-case words after a comma that start no verb of the name's.
_NOT_A_VERB = (
    r"(?:and|or|but|nor|which|who|whose|where|when|while|as|if|because|though|"
    r"although|since|after|before|unless|until|so|then|not)"
)
_AUXILIARY = (
    r"(?:has|have|had|is|are|was|were|does|do|did|will|would|could|may|might|"
    r"can|cannot|must|shall|should|remains?|still|never|not|no\s+longer)\b"
)

# A party or thing told by what it is, for references.py to resolve: "The
# company", "The agreement", "The Liverpool firm".
_BODY_NAMED = (
    r"(?P<name>(?<![\w-])[Tt]he\s+(?:[A-Z][\w-]*\s+(?=[a-z]))?"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:{ORGANISATION_KINDS}|[a-z][\w-]*))"
)
# "Costa Rica, which does not recognise X," / "Kiprono, who was convicted ..." /
# "The company, which is not under sanctions, said ..."
_RELATIVE = re.compile(
    rf"\b{_NAME},\s+(?:which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
)
_BODY_RELATIVE = re.compile(
    rf"{_BODY_NAMED},\s+(?:which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
)
# "Helix, which Norland has not acquired,", "the Red Vale group, which Canada
# lists as a terrorist entity": the object told before the subject of its
# relative clause, told again in the plain order ("Norland has not acquired
# Helix").
_OBJECT_RELATIVE = re.compile(
    r"(?P<object>(?<![\w-])(?:[Tt]he\s+)?"
    rf"(?:{PROPER_NAME}(?:\s+(?:{ORGANISATION_KINDS})\b)?|"
    rf"(?<=[Tt]he\s)(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)),\s+(?:which|whom|that)\s+"
    r"(?P<body>(?=[A-Z]|(?:the|it|he|she|they)\s)[^,;:()]*)"
)
# Where the object goes in such a clause: after the verb, before what follows it.
_AFTER_VERB = re.compile(r"\s+(?:as|in|on|last|this|earlier)\b|$")
# "Taiwan, with which Paraguay has no diplomatic relations, sent": a relative
# clause led by its preposition, told again with the preposition and the name last.
_PREPOSED_RELATIVE = re.compile(
    rf"\b{_NAME},\s+(?P<prep>with|to|of|from|on|against)\s+(?:which|whom)\s+"
    r"(?P<body>[^,;:()]*)"
)
# "Eesti Kanal, a member of the union, said": the apposition says what it is.
# An apposition told with a participle says what is done to it: "Brenn, now owned
# by Kazmar, said", "Lindqvist, charged with murder, appeared in court".
_APPOSITION_BODY = (
    r"(?P<body>(?:an?|the|one\s+of\s+the)\s+[a-z][^,;:()]*|(?:(?:now|already|still|"
    r"long|once|formally)\s+)?[a-z]+(?:ed|en)\s+(?:by|as|in|with|from)\b[^,;:()]*),"
)
_APPOSITION = re.compile(rf"\b{_NAME},\s+{_APPOSITION_BODY}")
# "The company, one of the founding members of the alliance, said"
_BODY_APPOSITION = re.compile(rf"{_BODY_NAMED},\s+{_APPOSITION_BODY}")
# "Rhys Pritchard, 51, has not been charged": the name is the subject of the verb
# after the apposition (which starts in lower case or with a number, so that a
# list of names is not read as one).
_AFTER_APPOSITION = re.compile(
    rf"\b{_NAME},\s+[a-z0-9][^;:()]{{0,80}}?,\s+(?P<body>(?!{_NOT_A_VERB}\b)"
    rf"{_VERB_FIRST}[^;:()]*)"
)
# "Chile has signed but not ratified X", "Smith was charged and has not been
# convicted": a second verb that shares the sentence's subject.
# A participle after "and" shares the first verb's auxiliary too: "Fenn was
# arrested and charged with arson".
_SECOND_VERB = re.compile(
    rf"^(?:[A-Z][\w'\u2019-]*\s+)*?{_NAME}\s+"
    r"(?:(?P<aux1>(?:has|have|had)\s+been|is|are|was|were)\s+)?"
    r"(?!(?:and|but|or)\b)[a-z][^,;:()]*?\s+(?:and|but)\s+"
    rf"(?P<body>(?P<own>{_AUXILIARY}|yet\b)?(?(own)|[a-z]+(?:ed|en)\b)[^,;:()]*)"
)
# A verb of a relation ending a text: where an object told before it belongs.
_VERB_AT_END = re.compile(rf"(?:{GENERIC_VERBS.pattern}|{DESIGNATION_VERBS})$")


def _end_of_verb(body: str) -> int | None:
    """Where the verb of a relation that opens `body` ends (before "as", "in", a
    time or the text's end), or None when none ends there."""
    for after in _AFTER_VERB.finditer(body):
        if _VERB_AT_END.search(body, 0, after.start()):
            return after.start()
    return None


# A frame of reported speech before the subject it reports of: "said Chile".
_FRAMED_SUBJECT = re.compile(
    rf"\b(?:{REPORTING_VERBS})\s+(?:that\s+)?(?=[A-Z])"
    rf"(?P<name>{PROPER_NAME})\s+(?=[a-z])"
)
# What the first verb acted on, for a pronoun after the second: "the treaty",
# "the Oslo Grid Treaty", "Kosovo".
_FIRST_OBJECT = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:[A-Z][\w-]*\s+)?(?:[Tt]reaty|[Cc]onvention|"
    r"[Aa]greement|[Aa]ccord|[Pp]rotocol|[Pp]act|[Cc]harter)\b|\b[A-Z][\w-]*"
    r"(?:\s+[A-Z][\w-]*)*"
)
# "Norway is among the countries that have not ratified X"
# "Ines Duarte is one of four people charged over the fire": a group told with a
# participle is a group of whom it was done.
_ONE_OF_GROUP = re.compile(
    rf"\b{_NAME}\s+(?:is|was|are|were)\s+(?P<neg>not\s+)?(?:among|one\s+of)\s+(?:the\s+)?"
    rf"(?:[^,;:()]{{0,60}}?\b(?:that|which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
    r"|(?:[a-z0-9][\w-]*\s+){0,3}?(?:[a-z]+s|men|women|people)\s+"
    rf"(?P<participle>{PARTICIPLE}\s+(?:with|over|for|of|in|by|after)\b[^,;:()]*))"
)


# "The Kell Islands are not among the states Dunmore recognises": the name is
# the object of a group's relative clause, whose subject is named.
_IN_GROUP_OF = re.compile(
    rf"\b{_NAME}\s+(?:is|was|are|were)\s+(?P<neg>not\s+)?(?:among|one\s+of)\s+"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z]+s\s+(?:(?:that|which|whom)\s+)?"
    r"(?P<body>(?=[A-Z])[^,;:()]*)"
)


# Word orders that put a clause's subject after its verb or its verb before its
# subject, read in the plain order (each its own reader below):
# "Having ratified X, Chile said": the perfect participle's subject is the main
# clause's; "Arrested in May, Okoro was": so is a passive participle's.
_PARTICIPLE_OPENING = re.compile(
    r"^\W*(?:(?P<perfect>Having\s+(?:(?:not|never)\s+)?been\s+|Having\s+)"
    rf"(?P<body>{PARTICIPLE}[^,;:()]*)"
    rf"|(?P<passive>{_PARTICIPLE_CAPITAL}\s+(?:by|in|on|at|last|for|with|over|after)"
    r"\b[^,;:()]*)),\s+"
    rf"{_DESCRIBED_NAME}\s+[a-z]"
)
# "It was Halden that bought X": a cleft names the subject before its verb; "It
# was not X but Y that" names Y.
_CLEFT = re.compile(
    r"\bIt\s+(?:was|is)\s+(?:not\s+[^,;:()]{1,60}?\s+but\s+)?(?:the\s+)?"
    rf"{_NAME}\s+(?:that|which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
)
# "Among those arrested on Friday was X", "Among the countries that have not
# ratified it is Y": the subject after the verb it is told with.
_AMONG_INVERTED = re.compile(
    r"^\W*Among\s+(?:those|the\s+(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+"
    r"(?:(?:that|which|who)\s+(?P<body>[a-z][^,;:()]*?)"
    rf"|(?P<participle>{PARTICIPLE}[^,;:()]*?))\s+(?:is|are|was|were)\s+"
    rf"{_NAME}(?=\s*(?:[,.;]|$))"
)
# "Neither Chile nor Peru recognises X": each party, with the verb denied.
_NEITHER_NOR = re.compile(
    rf"\b[Nn]either\s+(?:the\s+)?{_NAME}\s+nor\s+(?:the\s+)?(?P<second>{PROPER_NAME})\s+"
    r"(?P<body>(?!(?:and|or|but)\b)[a-z][^,;:()]*)"
)


# "Talvik denies that it has bought Morra", "Talvik denied buying Morra"
_DENIAL = re.compile(
    rf"\b{_NAME}\s+(?:(?:has|have|had)\s+)?(?:denie[sd]|deny|denying|rejects?|"
    r"rejected)\s+(?:(?:reports?|claims?|suggestions?)\s+)?(?:that\s+)?"
    r"(?:(?:it|they|he|she)\s+)?(?P<body>[a-z][^;:()]*)"
)
# A relation told as a noun, with its owner ("Peru's recognition of X") or, for a
# listing or sanctions, without one ("the designation of X as a terrorist group").
_NOMINAL = re.compile(
    r"\b(?:(?!(?:It|Its|Their|His|Her|This|That)\b)"
    rf"{_NAME}['\u2019]s?|(?P<unowned>[Tt]he))\s+"
    r"(?:(?P<plan>planned|proposed|possible|pending|expected|intended)\s+)?"
    r"(?P<noun>membership\s+of|recognition\s+of|ratification\s+of|ban\s+on|"
    r"sanctions\s+(?:on|against)|designation\s+of)\s+(?P<body>[^,;:()]*)"
)
# Who did what a noun tells, after it: "the recognition of the union by Castleway".
_AGENT = re.compile(
    r"^(?P<what>.+?)\s+by\s+(?P<agent>(?:the\s+)?[A-Z][\w&'\u2019-]*"
    r"(?:\s+[A-Z][\w&'\u2019-]*)*)"
)
# A noun asked for, not told as done: "calls for the designation of X".
_CALLED_FOR = re.compile(
    r"(?i:\b(?:calls?|demands?|push|campaign|bid|pressure|plans?|proposals?|case|"
    r"appeal|petition)\s+(?:for|to)|\breview\s+of|\bconsidering|\bagainst|"
    r"\bwhether|\bpossible|\bproposed)\s+$"
)
# What each noun says as a verb: (done, planned, ended).
_NOMINAL_VERBS = {
    "membership": ("is a member of", "plans to join", "left"),
    "recognition": ("recognises", "plans to recognise", "withdrew its recognition of"),
    "ratification": ("has ratified", "plans to ratify", None),
    "ban": ("bans", "plans to ban", "lifted its ban on"),
    "sanctions": (
        "imposed sanctions on",
        "plans to impose sanctions on",
        "lifted sanctions on",
    ),
    "designation": ("designated", "plans to designate", "removed"),
}
_UNOWNED_NOUNS = ("designation", "sanctions")
# The noun's relation said to have ended: "Veltra's membership of X ended in 2021".
_ENDED = re.compile(
    r"^[^,;]*?\b(?:(?:ended|lapsed|expired)(?!\s+(?:his|her|its|their|the|an?)\b)|"
    r"(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:suspended|revoked|lifted|withdrawn|cancelled|ended|overturned|quashed)|"
    r"(?:has|have)\s+(?:ended|lapsed|expired))\b"
)


# The noun's relation said to be held back: "X's recognition of Y, which it has
# so far withheld, would ...".
_WITHHELD = re.compile(
    r",\s+which\s+(?:it|they|he|she)\s+(?:has|have|had)\s+(?:so\s+far\s+|"
    r"still\s+|long\s+|always\s+)?(?:withheld|refused|resisted|ruled\s+out)\b"
)


# "A ceasefire between A and B has been in force since August", "No ceasefire has
# been agreed between A and B": told again as "A and B (have not) agreed a ceasefire".
_CEASEFIRE_BETWEEN = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he|[Nn]o)\s+(?:[a-z]+\s+)?(?:ceasefire|cease-fire|truce)\s+"
    r"(?P<agreed>(?:(?:has|have|had)\s+been|was|is)\s+(?:agreed|signed|in\s+force)\s+)?"
    r"between\s+(?P<parties>[^,;:()]+?\s+and\s+[^,;:()]+?)"
    r"(?=\s+(?P<holds>(?:has|have)\s+(?:been\s+(?:in\s+force|in\s+place|agreed|"
    r"holding)|held)|is\s+(?:in\s+(?:force|place)|holding)|holds|took\s+effect|"
    r"came\s+into\s+force|was\s+(?:agreed|signed))\b|\s*(?:[,;.]|$))"
)


# "Diplomatic relations between A and B were restored in 2019"
_RELATIONS_BETWEEN = re.compile(
    r"\b(?:[Dd]iplomatic\s+)?(?:relations|ties)\s+between\s+"
    r"(?P<parties>[A-Z][^,;:()]*?\s+and\s+(?:the\s+)?[A-Z][^,;:()]*?)\s+"
    r"(?:were|was|have\s+been|had\s+been)\s+(?:(?P<made>restored|established|"
    r"resumed|normali[sz]ed)|(?P<cut>cut|severed|broken\s+off|suspended))\b"
)
# "Veltra is not an EU member (state)": "Veltra is not a member of the EU".
# Also in an apposition: "Estonia, a NATO member since 2004, said".
_MEMBER_OF = re.compile(
    rf"\b{_NAME}(?:,|\s+(?P<aux>(?:is|are|was|were|remains?|has\s+been|have\s+been)"
    r"(?:\s+(?:not|never|no\s+longer|still|already|now))*))\s+(?:an?\s+)?"
    r"(?P<body>(?P<org>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+member(?:\s+(?:state|"
    r"country|nation))?)\b"
)
# A deal told as a noun says what became of it, or it is only under way:
# "Halden Rail's takeover of Skarn was completed", "...'s planned takeover of".
_DEAL = re.compile(
    rf"\b(?!(?:It|Its|Their|His|Her|This|That)\b){_NAME}['\u2019]s?\s+"
    r"(?:(?P<plan>planned|proposed|possible|pending|expected|intended)\s+)?"
    r"(?P<noun>takeover\s+of|acquisition\s+of|purchase\s+of|merger\s+with)\s+"
    r"(?P<body>[^,;:()]*)"
)
_DEAL_DONE = re.compile(
    r"^[^,;]*?\b(?:(?:was|(?:has|had)\s+been|were)\s+(?:completed|finali[sz]ed)|completed|"
    r"went\s+through|closed)\b"
)
_DEAL_OFF = re.compile(
    r"^[^,;]*?\b(?:collapsed|fell\s+through|(?:was|(?:has|had)\s+been)\s+(?:blocked|"
    r"abandoned|called\s+off|scrapped|dropped)|(?:never|did\s+not|didn['\u2019]t)\s+"
    r"(?:went|go)\s+(?:ahead|through)|was\s+never\s+(?:completed|finali[sz]ed))\b"
)
# "The merger of Alto Bank and Brio Bank was completed": a deal of two parties.
_MERGER_OF = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:(?P<plan>planned|proposed|possible|pending|expected|"
    r"intended)\s+)?merger\s+(?:of|between)\s+(?P<first>(?:the\s+)?[A-Z][\w&'\u2019-]*"
    r"(?:\s+(?:&\s+)?[A-Z][\w&'\u2019-]*)*)\s+and\s+(?P<body>(?:the\s+)?[A-Z][\w&'\u2019-]*"
    r"(?:\s+(?:&\s+)?[A-Z][\w&'\u2019-]*)*)(?P<rest>[^,;:()]*)"
)
# What each deal says as a verb: (done, planned, off).
_DEAL_VERBS = {
    "takeover": ("has bought", "plans to buy", "abandoned its bid for"),
    "acquisition": ("has bought", "plans to buy", "abandoned its bid for"),
    "purchase": ("has bought", "plans to buy", "abandoned its bid for"),
    "merger": ("merged with", "plans to merge with", "called off its merger with"),
}
# A person's conviction or arrest told as a noun: "Roe's conviction was quashed".
_CONVICTION = re.compile(
    rf"\b(?!(?:It|Its|Their|His|Her|This|That)\b){_NAME}['\u2019]s?\s+"
    r"(?P<noun>conviction|arrest)(?!\s+(?:warrant|rate))\b(?P<body>[^,;:()]*)"
)
_QUASHED = re.compile(
    r"^[^,;]*?\b(?:was|has\s+been)\s+(?:quashed|overturned|set\s+aside)\b"
)
# "The charges against Dario Fenn were dropped"
_CHARGES_DROPPED = re.compile(
    rf"\b[Tt]he\s+charges?\s+against\s+{_NAME}\s+(?:were|was|have\s+been|has\s+been)"
    r"\s+(?:dropped|withdrawn|dismissed|discontinued)\b"
)


# "The arrest of Ana Ruiz followed a raid": an arrest or conviction told as a
# noun with its person after "of".
_COURT_OF = re.compile(
    rf"\b[Tt]he\s+(?P<noun>arrest|detention|conviction)\s+of\s+{_NAME}"
    r"(?!\s+(?:warrant|rate)\b)(?P<body>[^;:()]*)"
)
# "Quito's decision to recognise X", "the council's vote to ban Y": a decision
# told as a noun is the act it decides, done.
_DECISION = tuple(
    re.compile(
        rf"{owner}['\u2019]s?\s+(?:decision|vote|move)\s+to\s+"
        r"(?P<body>[a-z][^,;:()]*)"
    )
    for owner in (rf"\b(?!(?:It|Its|Their|His|Her|This|That)\b){_NAME}", _BODY_NAMED)
)
# "after the company's sale to the retailer Doran & Quigg": a sale told as a
# noun is the buyer's purchase, done when told as past ("after", "following").
_SALE_TO = tuple(
    re.compile(
        rf"\b(?:after|following|since)\s+(?:the\s+)?{owner}['\u2019]s?\s+sale\s+to\s+"
        r"(?:(?:the|an?)\s+(?:[A-Za-z][\w-]*-[a-z]+\s+|[a-z][\w-]*\s+){0,3})?"
        r"(?P<buyer>[A-Z][\w&'\u2019-]*(?:\s+(?:&\s+)?[A-Z][\w&'\u2019-]*)*)"
    )
    for owner in (_NAME, _BODY_NAMED.replace(r"(?<![\w-])[Tt]he\s+", r"(?<![\w-])"))
)


@dataclass(frozen=True)
class Clause:
    """A clause told again as a plain sentence, and where it is in its sentence.
    `denied`: the sentence denies what the clause says; `negated`: the sentence
    itself says it is not so ("neither ... nor"). `fallback`: read only
    where the sentence's own reading found nothing ("lifted the sanctions on X"
    is a lifting, not sanctions told as a noun)."""

    text: str
    start: int
    end: int
    denied: bool = False
    negated: bool = False
    fallback: bool = False


def appositions(text: str) -> Iterator[tuple[str, str]]:
    """(name, what the copy says it is): "Rhys Pritchard, a former director of the
    firm," gives ("Rhys Pritchard", "a former director of the firm")."""
    for match in _APPOSITION.finditer(text):
        yield match.group("name"), match.group("body")


def embedded_clauses(sentence: str) -> Iterator[Clause]:
    """The clauses about a name that the sentence tells inside itself. Each kind is
    looked for only when a word it cannot be told without is in the sentence."""
    lowered = sentence.lower()
    for words, read in _READERS:
        if any(word in lowered for word in words):
            yield from read(sentence)


def _name_clauses(sentence: str) -> Iterator[Clause]:
    """Relative clauses, appositions and a name set apart from its verb; and in
    the sentence or in such a clause, a second verb that shares its subject."""
    for pattern, verb in (
        (_RELATIVE, ""),
        (_BODY_RELATIVE, ""),
        (_APPOSITION, "is "),
        (_BODY_APPOSITION, "is "),
        (_AFTER_APPOSITION, ""),
        (_ONE_OF_GROUP, ""),
        (_CLEFT, ""),
    ):
        for match in pattern.finditer(sentence):
            told, said = _body_of(match, verb)
            if not told:
                continue
            # "Malta is not among the states that have ratified it"
            negated = bool(match.groupdict().get("neg"))
            clause = Clause(
                text=f"{match.group('name')} {said}{told}",
                start=match.start("name"),
                end=match.start(_body_group(match)) + len(told),
                negated=negated,
            )
            yield clause
            second = _second_verb(clause.text)
            if second is not None:
                yield Clause(
                    text=second[0], start=clause.start, end=clause.end, negated=negated
                )
    for match in _OBJECT_RELATIVE.finditer(sentence):
        body = match.group("body").rstrip(" .")
        verb_end = _end_of_verb(body)
        if verb_end is None:
            continue
        told, told_of = body[:verb_end], match.group("object")
        told_of = re.sub(r"^The\b", "the", told_of)
        yield Clause(
            text=f"{told} {told_of}{body[verb_end:]}",
            start=match.start("object"),
            end=match.start("body") + len(told),
        )
    for match in _PREPOSED_RELATIVE.finditer(sentence):
        body = match.group("body").rstrip(" .")
        yield Clause(
            text=f"{body} {match.group('prep')} {match.group('name')}",
            start=match.start("body"),
            end=match.start("body") + len(body),
        )
    second = _second_verb(sentence)
    if second is not None:
        text, match = second
        yield Clause(text=text, start=match.start("name"), end=match.end("body"))


def _body_group(match: re.Match[str]) -> str:
    """The group that holds what a clause reader tells of its name."""
    groups = match.re.groupindex
    if "participle" in groups and match.group("participle"):
        return "participle"
    return "body"


def _body_of(match: re.Match[str], verb: str) -> tuple[str, str]:
    """(what a reader's match tells of its name, the verb put before it): a
    participle is told as done ("charged over the fire": "was charged over")."""
    group = _body_group(match)
    told = (match.group(group) or "").rstrip(" .")
    return told, ("was " if group == "participle" else verb)


def _reordered(sentence: str) -> Iterator[Clause]:
    """A clause told with its subject out of the plain order, in the plain order:
    a participle opening the sentence, an inversion after "Among", a cleft, and
    each party of "neither ... nor" with the verb denied."""
    opening = _PARTICIPLE_OPENING.match(sentence)
    if opening is not None:
        if opening.group("perfect") is not None:
            # "Having been charged" / "Having not ratified": the perfect's own words
            aux = opening.group("perfect").split(None, 1)[1:]
            said, told, group = "has " + " ".join(aux).strip(), opening["body"], "body"
        else:
            told, group = opening["passive"], "passive"
            said, told = "was", told[0].lower() + told[1:]
        clause = Clause(
            text=f"{opening.group('name')} {said} {told}".replace("  ", " "),
            start=opening.start(group),
            end=opening.end("name"),
        )
        yield clause
        second = _second_verb(clause.text)  # "Having signed and ratified X"
        if second is not None:
            yield Clause(text=second[0], start=clause.start, end=clause.end)
    for match in _AMONG_INVERTED.finditer(sentence):
        told, said = _body_of(match, "")
        yield Clause(
            text=f"{match.group('name')} {said}{told}",
            start=match.start(_body_group(match)),
            end=match.end("name"),
        )
    for match in _IN_GROUP_OF.finditer(sentence):
        body = match.group("body").rstrip(" .")
        verb_end = _end_of_verb(body)
        if verb_end is None:
            continue
        told_of = re.sub(r"^The\b", "the", match.group("name"))
        yield Clause(
            text=f"{body[:verb_end]} {told_of}{body[verb_end:]}",
            start=match.start("body"),
            end=match.start("body") + verb_end,
            negated=bool(match.group("neg")),
        )
    for match in _NEITHER_NOR.finditer(sentence):
        body = match.group("body").rstrip(" .")
        for party in ("name", "second"):
            yield Clause(
                text=f"{match.group(party)} {body}",
                start=match.start(party),
                end=match.start("body") + len(body),
                negated=True,
            )


def _second_verb(text: str) -> tuple[str, re.Match[str]] | None:
    """The second verb of a text told with its subject, and its match; a pronoun
    object ("but has not ratified it") is the first verb's object ("the treaty").
    After a frame of reported speech ("Officials said Chile has signed and
    ratified X") the subject is the one the frame reports of."""
    match = _SECOND_VERB.match(text)
    if match is None:
        return None
    body = match.group("body").rstrip(" .")
    subject, first_verb = match.group("name"), match.end("name")
    for frame in _FRAMED_SUBJECT.finditer(text, first_verb, match.start("body")):
        subject, first_verb = frame.group("name"), frame.end("name")
    objects = _FIRST_OBJECT.findall(text, first_verb, match.start("body"))
    if objects:
        body = re.sub(r"\bit\b", objects[-1], body)
    if not match.group("own") and match.group("aux1"):
        body = f"{match.group('aux1')} {body}"
    return f"{subject} {body}", match


def _denials(sentence: str) -> Iterator[Clause]:
    for match in _DENIAL.finditer(sentence):
        # reported speech puts "has" back a tense: "denied that it had bought X"
        body = re.sub(r"^had\b", "has", match.group("body").rstrip(" ."))
        yield Clause(
            text=f"{match.group('name')} {body}",
            start=match.start("name"),
            end=match.start("body") + len(body),
            denied=True,
        )


def _between_clauses(sentence: str) -> Iterator[Clause]:
    """A ceasefire or relations between two parties, told as one of both."""
    for match in _CEASEFIRE_BETWEEN.finditer(sentence):
        denied = match.group("det").lower() == "no"
        if not (denied or match.group("agreed") or match.group("holds")):
            continue  # "talks on a ceasefire between A and B": none told
        parties = re.sub(
            r"(?:^|(?<=\sand\s))(?!the\b|[A-Z])", "the ", match.group("parties")
        )
        verb = "have not agreed" if denied else "agreed"
        yield Clause(
            text=f"{parties} {verb} a ceasefire",
            start=match.start(),
            end=match.end("parties"),
        )
    for match in _RELATIONS_BETWEEN.finditer(sentence):
        verb = "established" if match.group("made") else "severed"
        yield Clause(
            text=f"{match.group('parties')} {verb} diplomatic relations",
            start=match.start(),
            end=match.end(),
        )


def _member_clauses(sentence: str) -> Iterator[Clause]:
    for match in _MEMBER_OF.finditer(sentence):
        yield Clause(
            text=f"{match.group('name')} {match.group('aux') or 'is'} a member of the "
            f"{match.group('org')}",
            start=match.start("name"),
            end=match.end("body"),
        )


def _deal_verb(noun: str, planned: str | None, told: str) -> str | None:
    """The verb a deal told as a noun stands for: planned, called off or done, by
    what the copy says of it; None while it reads as pending."""
    done, plan, off = _DEAL_VERBS[noun]
    if planned:
        return plan
    if _DEAL_OFF.search(told):
        return off
    if _DEAL_DONE.search(told):
        return done
    return None


def _deal_clauses(sentence: str) -> Iterator[Clause]:
    for match in _DEAL.finditer(sentence):
        body = match.group("body").rstrip(" .")
        verb = _deal_verb(match.group("noun").split()[0], match.group("plan"), body)
        if verb is None:
            continue  # a deal told as a noun may still be pending
        yield Clause(
            text=f"{match.group('name')} {verb} {body}",
            start=match.start("name"),
            end=match.start("body") + len(body),
        )


def _merger_clauses(sentence: str) -> Iterator[Clause]:
    for match in _MERGER_OF.finditer(sentence):
        verb = _deal_verb("merger", match.group("plan"), match.group("rest"))
        if verb is None:
            continue  # still pending
        yield Clause(
            text=f"{match.group('first')} {verb} {match.group('body')}",
            start=match.start(),
            end=match.end("body"),
        )


def _court_clauses(sentence: str) -> Iterator[Clause]:
    """A person's conviction or arrest told as a noun, and charges dropped."""
    for match in _CONVICTION.finditer(sentence):
        body = match.group("body").rstrip(" .")
        if match.group("noun") == "conviction":
            verb = "was acquitted" if _QUASHED.search(body) else "was convicted"
        elif _ENDED.search(body):
            continue
        else:
            verb = "was arrested"
        yield Clause(
            text=f"{match.group('name')} {verb}",
            start=match.start("name"),
            end=match.start("body") + len(body),
        )
    for match in _CHARGES_DROPPED.finditer(sentence):
        yield Clause(
            text=f"{match.group('name')} has not been charged",
            start=match.start(),
            end=match.end(),
        )


# "Administrators were appointed at Harwell Joinery": an insolvency told by who
# was called in to run the business.
_OFFICERS_APPOINTED = re.compile(
    r"\b(?P<officers>[Aa]dministrators?|[Rr]eceivers?|[Ll]iquidators?)\s+"
    r"(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?:appointed|called\s+in|brought\s+in)\s+(?:at|to|for|by|over)\s+"
    rf"{_NAME}"
)
_OFFICE = {"administrator": "administration", "receiver": "receivership"}


def _insolvency_clauses(sentence: str) -> Iterator[Clause]:
    for match in _OFFICERS_APPOINTED.finditer(sentence):
        officer = match.group("officers").lower().rstrip("s")
        office = _OFFICE.get(officer, "liquidation")
        yield Clause(
            text=f"{match.group('name')} entered {office}",
            start=match.start(),
            end=match.end(),
        )


# What became of a ban told with no one owning it: "The ban on fireworks in Hove
# was lifted" (no longer banned), "... came into force" (banned).
_BAN_HELD = re.compile(
    r"^(?P<what>[^,;]*?)\s+(?:(?P<ended>(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:lifted|scrapped|revoked|overturned|dropped|ended))|came\s+into\s+force|"
    r"took\s+effect|(?:is|remains)\s+in\s+(?:force|place))\b"
)
_BAN_PLACE = re.compile(r"^(?P<thing>.+?)(?P<place>\s+(?:in|on|from|at|across)\s+.+)?$")


def _unowned_ban(match: re.Match[str]) -> Clause | None:
    """A ban told as a noun with no owner, told again in the passive: "The ban on
    fireworks in Hove was lifted" is "fireworks are not banned in Hove"."""
    held = _BAN_HELD.match(match.group("body"))
    if held is None:
        return None
    what = _BAN_PLACE.match(held.group("what"))
    if what is None:
        return None
    verb = "are not banned" if held.group("ended") else "are banned"
    return Clause(
        text=f"{what.group('thing')} {verb}{what.group('place') or ''}",
        start=match.start("unowned"),
        end=match.start("body") + held.end(),
    )


# A body that put a party out of it: "Qatar has expelled Kim Sorensen from the
# federation" is "Kim Sorensen was expelled from the federation".
_PUT_OUT = re.compile(
    rf"\b{_NAME}\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?"
    r"(?P<verb>expelled|ejected|threw\s+out|kicked\s+out)\s+"
    rf"(?P<member>(?:the\s+)?{PROPER_NAME})\s+(?P<rest>(?:from|of)\s+[^,;:()]*)"
)


def _put_out(sentence: str) -> Iterator[Clause]:
    """An expulsion told in the active, told again of the party put out."""
    for match in _PUT_OUT.finditer(sentence):
        verb = {"threw out": "thrown out", "kicked out": "kicked out"}.get(
            match.group("verb"), match.group("verb")
        )
        rest = match.group("rest").rstrip(" .")
        yield Clause(
            text=f"{match.group('member')} was {verb} {rest}",
            start=match.start("member"),
            end=match.end("rest"),
        )


# A ban told as a compound noun and ended: "The fireworks ban was lifted by the
# government", "the e-scooter ban has been scrapped".
_COMPOUND_BAN_ENDED = re.compile(
    r"\b[Tt]he\s+(?P<thing>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+ban\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?P<verb>lifted|scrapped|revoked|overturned|ended)\b"
    rf"\s+by\s+(?P<agent>(?:the\s+[a-z]+\s+of\s+)?{PROPER_NAME})"
)


def _compound_bans(sentence: str) -> Iterator[Clause]:
    """A compound ban ended by whom the copy names, told again with its verb:
    "The fireworks ban was lifted by X" is "X lifted its ban on fireworks". With
    no one named ("the parking ban was lifted for the carnival") it may be for a
    day, and is not read."""
    for match in _COMPOUND_BAN_ENDED.finditer(sentence):
        yield Clause(
            text=f"{match['agent']} {match['verb']} its ban on {match['thing']}",
            start=match.start(),
            end=match.end(),
        )


def _nominal_clauses(sentence: str) -> Iterator[Clause]:
    """A relation told as a noun, told again with the verb the noun names."""
    for match in _NOMINAL.finditer(sentence):
        if _CALLED_FOR.search(sentence, 0, match.start()):
            continue  # "calls for the designation of X": not done
        noun = match.group("noun").split()[0]
        body = match.group("body").rstrip(" .")
        owner = "It" if match.group("unowned") else match.group("name")
        agent = _AGENT.match(body) if match.group("unowned") else None
        if agent:  # "the recognition of the union by Castleway"
            owner, body = agent.group("agent"), agent.group("what")
        elif match.group("unowned") and noun == "ban":
            clause = _unowned_ban(match)
            if clause is not None:
                yield clause
            continue
        elif match.group("unowned") and noun not in _UNOWNED_NOUNS:
            continue
        done, planned, ended = _NOMINAL_VERBS[noun]
        if match.group("plan"):
            verb = planned
        elif _ENDED.search(body):
            verb = ended
        elif _WITHHELD.match(sentence, match.end("body")):
            verb = ended or planned
        else:
            verb = done
        if verb is None or not body:
            continue
        start = (
            match.start("unowned") if match.group("unowned") else match.start("name")
        )
        yield Clause(
            text=f"{owner} {verb} {body}",
            start=start,
            end=match.end("body"),
            fallback=True,
        )


# A frame of reported speech set inside what it reports: "Greece, it pointed out,
# had signed the protocol", "The union, officials said, has left the league".
_INNER_FRAME = re.compile(
    r",\s+(?:it|he|she|they|we|officials|police|(?:the\s+)?[a-z]+|"
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})\s+"
    r"(?P<verb>said|says|added|adds|pointed\s+out|points\s+out|noted|notes|argued|"
    r"argues|claimed|claims|insisted|insists|stressed|stresses)"
    r"(?:\s+(?:on|last)\s+\w+)?,\s+(?=[a-z])"
)


def _inner_frames(sentence: str) -> Iterator[Clause]:
    """A sentence told again without the frame of reported speech set inside it,
    and its second verb; a frame in the past puts "has" back a tense ("had
    signed"), which is told again as "has"."""
    frame = _INNER_FRAME.search(sentence)
    if frame is None or not re.match(rf"\W*{_NAME}$", sentence[: frame.start()]):
        return
    rest = sentence[frame.end() :]
    if frame.group("verb").endswith(("d", "out")) and frame.group("verb") != "adds":
        rest = re.sub(r"\bhad\b(?!\s+been\s+\w+ed\s+by)", "has", rest)
    text = f"{sentence[: frame.start()]} {rest}"
    yield Clause(text=text, start=0, end=len(sentence))
    second = _second_verb(text)
    if second is not None:
        yield Clause(text=second[0], start=0, end=len(sentence))


# Asked for, not told as done: "called for the arrest of X", "demanding the".
_ASKED_FOR = re.compile(
    r"(?i:\b(?:call(?:s|ed|ing)?|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|"
    r"press(?:es|ed|ing)?|push(?:es|ed|ing)?)\s+(?:for\s+)?$)"
)


def _told_as_noun(sentence: str) -> Iterator[Clause]:
    """An arrest, conviction, decision or sale told as a noun, told again as the
    verb it names ("The arrest of X" -> "X was arrested", "Y's sale to Z" -> "Z
    has bought Y", "X's decision to ban Y" -> "X bans Y")."""
    for match in _COURT_OF.finditer(sentence):
        if _CALLED_FOR.search(sentence, 0, match.start()) or _ASKED_FOR.search(
            sentence, 0, match.start()
        ):
            continue  # "calls for the arrest of X": not done
        verb = (
            "was convicted" if match.group("noun") == "conviction" else "was arrested"
        )
        yield Clause(
            text=f"{match.group('name')} {verb}",
            start=match.start(),
            end=match.end("name"),
        )
    for match in (m for pattern in _DECISION for m in pattern.finditer(sentence)):
        if _CALLED_FOR.search(sentence, 0, match.start()) or _ASKED_FOR.search(
            sentence, 0, match.start()
        ):
            continue
        body = match.group("body").rstrip(" .")
        yield Clause(
            text=f"{match.group('name')} {body}",
            start=match.start("name"),
            end=match.start("body") + len(body),
        )
    for match in (m for pattern in _SALE_TO for m in pattern.finditer(sentence)):
        yield Clause(
            text=f"{match.group('buyer')} has bought "
            + ("the " if match.group("name").islower() else "")
            + match.group("name"),
            start=match.start("name"),
            end=match.end("buyer"),
        )


_READERS = (
    (
        (",", " among ", " one of ", " and ", " but ", "it was ", "it is "),
        _name_clauses,
    ),
    (("having ", "ed ", "en ", "among ", "neither "), _reordered),
    (("den", "reject"), _denials),
    (
        (
            "membership",
            "recognition",
            "ratification",
            "ban on",
            "sanction",
            "designation",
        ),
        _nominal_clauses,
    ),
    (("between",), _between_clauses),
    (("member",), _member_clauses),
    (("takeover", "acquisition", "purchase", "merger"), _deal_clauses),
    (("merger",), _merger_clauses),
    (("conviction", "arrest", "charge"), _court_clauses),
    (("appointed", "called in", "brought in"), _insolvency_clauses),
    ((" ban was ", " ban were ", " ban has ", " ban had "), _compound_bans),
    (("expelled", "ejected", "threw out", "kicked out"), _put_out),
    (
        (
            " said, ",
            " says, ",
            " out, ",
            " added, ",
            " noted, ",
            " argued, ",
            " claimed, ",
            " insisted, ",
            " stressed, ",
            " claims, ",
            " insists, ",
        ),
        _inner_frames,
    ),
    (
        (
            "arrest of",
            "detention of",
            "conviction of",
            "decision to",
            "vote to",
            "move to",
            "sale to",
        ),
        _told_as_noun,
    ),
)

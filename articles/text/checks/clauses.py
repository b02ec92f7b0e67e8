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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A name: capitalised words, with "of (the)" inside ("the State of Palestine").
_NAME = r"(?P<name>[A-Z][\w&'\u2019-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w&'\u2019-]*)*)"
# The words that open a clause about the name: an auxiliary, an adverb or a verb
# in lower case, not a pronoun or article that would start a subject of its own.
_OWN_SUBJECT = (
    r"(?:it|its|they|their|he|his|she|her|we|our|you|i|the|a|an|this|that|these|"
    r"those|many|some|most|officials|police)"
)
_VERB_FIRST = rf"(?!{_OWN_SUBJECT}\b)[a-z]"
_AUXILIARY = (
    r"(?:has|have|had|is|are|was|were|does|do|did|will|would|could|may|might|"
    r"can|cannot|must|shall|should|remains?|still|never|not|no\s+longer)\b"
)

# "Costa Rica, which does not recognise X," / "Kiprono, who was convicted ..."
_RELATIVE = re.compile(
    rf"\b{_NAME},\s+(?:which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
)
# "Eesti Kanal, a member of the union, said": the apposition says what it is.
_APPOSITION = re.compile(rf"\b{_NAME},\s+(?P<body>an?\s+[a-z][^,;:()]*),")
# "Rhys Pritchard, 51, has not been charged": the name is the subject of the verb
# after the apposition (which starts in lower case or with a number, so that a
# list of names is not read as one).
_AFTER_APPOSITION = re.compile(
    rf"\b{_NAME},\s+[a-z0-9][^,;:()]{{0,80}}?,\s+(?P<body>{_AUXILIARY}[^;:()]*)"
)
# "Norway is among the countries that have not ratified X"
_ONE_OF_GROUP = re.compile(
    rf"\b{_NAME}\s+(?:is|was|are|were)\s+(?:among|one\s+of)\s+(?:the\s+)?"
    rf"[^,;:()]{{0,60}}?\b(?:that|which|who)\s+(?P<body>{_VERB_FIRST}[^,;:()]*)"
)


@dataclass(frozen=True)
class Clause:
    """A clause told again as a plain sentence, and where it is in its sentence."""

    text: str
    start: int
    end: int


def embedded_clauses(sentence: str) -> Iterator[Clause]:
    """The clauses about a name that the sentence tells inside itself."""
    for pattern, verb in (
        (_RELATIVE, ""),
        (_APPOSITION, "is "),
        (_AFTER_APPOSITION, ""),
        (_ONE_OF_GROUP, ""),
    ):
        for match in pattern.finditer(sentence):
            body = match.group("body").rstrip(" .")
            if not body:
                continue
            yield Clause(
                text=f"{match.group('name')} {verb}{body}",
                start=match.start("name"),
                end=match.start("body") + len(body),
            )

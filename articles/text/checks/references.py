"""What a statement's short or missing subject and object refer to in its source.

Copy names a party in full once and then short: "Joseph Kiprono" and then
"Kiprono", "the Nordic-Baltic Broadcasting Union" and then "the union", "the
regional government of Murcia" and then "the regional government", "Ferrovia
Ouest has acquired Autocars Bretons" and then "agreed to buy the company"; and a
passive may not say who did it ("X has not been designated a terrorist
organisation"). Within one source (the stories of a draft with the desk's
published articles, or one published article), such a statement is about the
party its other statements of the same relation name, when they name exactly one;
otherwise it is left as written, and a statement with no subject at all is dropped
(it cannot be compared). A person only described ("a former director of the
firm") is the one an apposition of the source describes so ("Rhys Pritchard, a
former director of the firm,"), or the one its story names in full. A name
told with an honorific ("Mr Oyelaran") is the person the copy names in full
("Graham Oyelaran"); "no one" arrested or charged is the one person the source's
other statements say was. A party told by what it is right after another party
of its kind was named ("Its customer, Ardent Trading, said ... The company,
which ...") is left as written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from articles.text.checks.relations import Relation
from articles.text.vocabulary import (
    HONORIFICS,
    ORGANISATION_KINDS,
    STOPWORDS,
    words_of,
)

if TYPE_CHECKING:
    from articles.text.checks.statements import Statement

# at most so many people a denial of everyone ("no arrests have been made") is
# read against; more are a list of other events
_FEW = 3
# What opens a party told by what it is: "the company", "its union", "our protocol".
_DEFINITE = re.compile(r"(?i:(?:the|its|our|their|his|her|my|your)\s)")

UNNAMED = ""  # the subject of a statement that does not say who did it
ANYONE = "\x00anyone"  # "Nobody has bought X": told of every party that might have
PAIR = "\x00pair"  # both parties told as one: "the two countries", "both sides"


def resolve_references(
    statements: Sequence[Statement],
    relations: dict[str, Relation],
    appositions: Sequence[tuple[str, str]] = (),
    known: Sequence[Statement] = (),
    stories: Mapping[int, str] | None = None,
) -> list[Statement]:
    """The statements with short, general and missing parties resolved;
    `appositions` are (name, what the copy says it is) pairs of the source, which
    name a person that another statement only describes ("a former director of
    the firm"); `known` are statements read elsewhere (the desk's published
    articles) whose parties the source may refer to as well; `stories` are the
    texts of the source's stories, by story, where a name told with an honorific
    ("Mr Oyelaran") is found in full and a person described in a lede ("a former
    director of the firm") is named."""
    stories = stories or {}
    by_relation: dict[str, list[Statement]] = defaultdict(list)
    # every party the source names, for a name told short in another relation
    # ("Dario Fenn was arrested" ... "Fenn, who has not been charged")
    names: dict[str, str] = {}
    for statement in (*statements, *known):
        by_relation[statement.relation].append(statement)
        for key, text in (
            (statement.subject, statement.subject_text),
            (statement.object, statement.object_text),
        ):
            if key and _is_name(text):
                names.setdefault(key, text)
    # the people the copy names in full, for a name told with an honorific; a
    # surname told as both "Mr" and "Mrs" is two people, and none of them
    people = dict(names)
    shared = _surnames_of_two_people(stories.values())
    for text in stories.values():
        for full in _FULL_NAME.findall(text):
            if full.split()[0].lower() not in HONORIFICS | STOPWORDS:
                people.setdefault(full.lower(), full)
    kinds = _names_by_kind(stories, appositions)
    resolved = []
    for statement in statements:
        relation = relations.get(statement.relation)
        by_object = relation is not None and relation.by_object
        others = by_relation[statement.relation]
        subject, subject_text = statement.subject, statement.subject_text
        if subject == PAIR:
            pair = _the_pair(others)
            if pair is not None:
                resolved.append(replace(statement, **pair))
            continue
        if not by_object:
            named = _referent(
                subject,
                subject_text,
                [
                    (s.subject, s.subject_text)
                    for s in others
                    if s.object == statement.object
                    # "not designated, unlike in Canada": a party the sentence
                    # names is the one it sets itself against
                    and not (subject == UNNAMED and _names(statement.sentence, s))
                ],
                names,
                people,
                shared,
            )
            if named is not None and not _another_named_before(
                statement, subject_text, named[1], stories
            ):
                subject, subject_text = _fuller(named, names, people, shared)
            elif named is None:
                subject, subject_text = _named_of_kind(subject, subject_text, kinds)
            if subject == UNNAMED and not (relation is not None and relation.objects):
                continue  # a thing banned or declared may be told with no one doing it
        obj, obj_text = statement.object, statement.object_text
        if by_object and obj == UNNAMED and _ANOTHER_MATTER.search(statement.sentence):
            continue  # "no arrests over a separate assault": not the arrests told
        if by_object and obj == UNNAMED:
            # "No one has been arrested": denies it of every person the source's
            # other statements of the relation say was ("A teenager arrested
            # after ..." and "The 17-year-old ... was detained" alike)
            told = {s.object: s.object_text for s in others if s.object != UNNAMED}
            if 1 < len(told) <= _FEW:
                resolved.extend(
                    replace(statement, object=key, object_text=text)
                    for key, text in told.items()
                )
                continue
            if len(told) == 1:
                obj, obj_text = next(iter(told.items()))
        if by_object and not obj_text[:1].isupper():
            described = _described(obj_text, appositions) or _named_in_story(
                obj_text,
                others,
                stories.get(statement.para.story, ""),
                names,
                people,
                shared,
            )
            if described is None:
                described = _same_head(obj_text, others, stories.values())
            if described is not None:
                obj, obj_text = described.lower(), described
        named = _referent(
            obj,
            obj_text,
            [
                (s.object, s.object_text)
                for s in others
                # "Nobody has bought X" tells of X whoever the buyer
                if by_object or s.subject in (subject, UNNAMED, ANYONE)
            ],
            names,
            people,
            shared,
        )
        if obj_text == "us" and named is not None:
            speaks_for = _speaker_body(statement.para.text)
            if speaks_for and not _same_body(speaks_for, named[1]):
                named = None  # "us" said by someone of another body
        if named is not None and not _another_named_before(
            statement, obj_text, named[1], stories
        ):
            obj, obj_text = _fuller(named, names, people, shared)
        elif named is None and not by_object:
            obj, obj_text = _named_of_kind(obj, obj_text, kinds)
        if obj == UNNAMED:
            continue
        resolved.append(
            replace(
                statement,
                subject=subject,
                subject_text=subject_text,
                object=obj,
                object_text=obj_text,
            )
        )
    return _told_of_anyone(resolved)


# A sentence that tells of some other matter than the one the source reports:
# "Officers investigating a separate assault said no arrests had been made".
_ANOTHER_MATTER = re.compile(
    r"\b(?:(?:a|the)\s+separate|(?:an|the)\s+unrelated|(?:a|the)\s+different|"
    r"another|an\s+earlier|a\s+later)\s+(?:[a-z]+\s+)?(?:case|incident|attack|assault|"
    r"fire|crash|killing|death|robbery|raid|theft|stabbing|shooting|inquiry|investigation|"
    r"matter|offence|crime|burglary|collision|protest|disturbance)s?\b"
)


def _told_of_anyone(statements: list[Statement]) -> list[Statement]:
    """A statement told of anyone ("Nobody has bought X") as one of each party
    the source's other statements of the relation and object name (a few at
    most), or none."""
    result = [s for s in statements if s.subject != ANYONE]
    for statement in statements:
        if statement.subject != ANYONE:
            continue
        parties = {
            s.subject: s.subject_text
            for s in result
            if s.relation == statement.relation
            and s.object == statement.object
            and s.subject not in (UNNAMED, PAIR)
        }
        if len(parties) <= _FEW:
            result.extend(
                replace(statement, subject=key, subject_text=text)
                for key, text in parties.items()
            )
    return result


# The body a speaker is told as being of: "said the owner of Brenn Creamery", "a
# spokesman for Halden Foods said".
_SPEAKER_OF = re.compile(
    r"\b(?:owner|founder|chairman|chairwoman|chair|director|head|spokesman|"
    r"spokeswoman|spokesperson|executive|manager|president|secretary|members?|"
    r"staff|workers?)\s+(?:of|for|at)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*)*)"
)


def _speaker_body(paragraph: str) -> str | None:
    """The body the paragraph's speaker is told as being of, or None."""
    match = _SPEAKER_OF.search(paragraph)
    return match.group("body") if match else None


def _same_body(one: str, other: str) -> bool:
    """True when two names share a word of their own ("Halden" / "Halden Foods")."""
    words = _content_words(one) & _content_words(other)
    return bool(words)


def _fuller(
    party: tuple[str, str],
    names: dict[str, str],
    people: dict[str, str],
    shared: frozenset[str],
) -> tuple[str, str]:
    """A party found in another statement, in full if that one tells it short
    ("the tycoon" -> "Samoilov" -> "Viktor Samoilov")."""
    if not _is_name(party[1]):
        return party
    return _referent(*party, [], names, people, shared) or party


def _the_pair(others: Sequence[Statement]) -> dict[str, str] | None:
    """The parties of "the two countries" or "both sides": the one pair the
    source's other statements of the relation name, or None."""
    pairs = {
        frozenset((s.subject, s.object)): s
        for s in others
        if PAIR not in (s.subject, s.object) and s.subject and s.object
    }
    if len(pairs) != 1:
        return None
    told = next(iter(pairs.values()))
    return {
        "subject": told.subject,
        "subject_text": told.subject_text,
        "object": told.object,
        "object_text": told.object_text,
    }


def _referent(
    key: str,
    text: str,
    candidates: list[tuple[str, str]],
    names: dict[str, str],
    people: dict[str, str] | None = None,
    shared: frozenset[str] | None = None,
) -> tuple[str, str] | None:
    """The one fuller party that this one refers to, or None.

    A missing party, or one described in lower case ("the union", "the company"),
    refers to the one named party among the candidates (the parties of the
    relation's other statements); a name written short ("Kiprono") to the one
    name of the source that begins or ends with it ("Joseph Kiprono"), and one
    told with an honorific ("Mr Oyelaran") to the one person the copy names in
    full so (`people`)."""
    if key == UNNAMED or text == "us" or (_DEFINITE.match(text) and not _is_name(text)):
        found = {
            k: t for k, t in candidates if k not in (key, PAIR) and k and _is_name(t)
        }
    elif _is_name(text):
        words = _without_honorific(key.split())
        found = {}
        told_with_honorific = len(words) < len(key.split())
        if told_with_honorific and words[-1] in (shared or ()):
            return None
        for k, t in (people if told_with_honorific and people else names).items():
            full = _without_honorific(k.split())
            if len(full) > len(words) and (
                full[: len(words)] == words or full[-len(words) :] == words
            ):
                found[k] = t
    else:
        return None
    return next(iter(found.items())) if len(found) == 1 else None


# A person's full name as copy first gives it: "Graham Oyelaran", "Ana de la Cruz".
_FULL_NAME = re.compile(
    r"\b[A-Z][a-z'\u2019-]+(?:\s+(?:(?:de|la|van|von|der|al|bin)\s+)*[A-Z][a-z'\u2019-]+)+"
)


_MALE = frozenset({"mr", "sir", "lord"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady"})
_HONORIFIC_NAME = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Dame|Lady)\.?\s+([A-Z][\w'-]+)"
)


def _surnames_of_two_people(texts: Iterable[str]) -> frozenset[str]:
    """The surnames the copy tells both with "Mr" and with "Mrs" or "Ms"."""
    told: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for honorific, surname in _HONORIFIC_NAME.findall(text):
            told[surname.lower()].add(honorific.lower())
    return frozenset(
        surname for surname, used in told.items() if used & _MALE and used & _FEMALE
    )


# A name of two words or more: "Ardent Trading", "West Yorkshire Police".
_LONG_NAME = re.compile(r"\b[A-Z][\w&'\u2019-]+(?:\s+[A-Z][\w&'\u2019-]+)+")


_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|at|on|from|to|into|of|near|across|for|with|against)\s+(?:the\s+)?$"
)
# a name before a noun of its own: "West African leaders", "English clubs"
_MODIFIER = re.compile(
    r"\s+(?!(?:and|or|but|said|says|has|have|had|is|are|was|"
    r"were|will|would|which|who|that)\b)[a-z]+s\b"
)


def _another_named_before(
    statement: Statement, told: str, referent: str, stories: Mapping[int, str]
) -> bool:
    """True when a party told by what it is ("the company") comes right after
    copy that names another one ("Its customer, Ardent Trading, said ... The
    company, which ..."): the nearest name of two words or more before it in
    its story, when it is not the referent, is what it more likely stands for.
    A description whose words the referent's name holds ("the transitional
    council" for "the transitional council in Bamako") is that one; a name after
    a preposition ("signed players from the English Championship") or used as a
    modifier ("West African leaders met") is a place, a thing or a kind, not a
    party the description could stand for."""
    if not _DEFINITE.match(told) or _is_name(told):
        return False
    kind = _content_words(told)
    of_kind = kind <= _content_words(referent)
    story = stories.get(statement.para.story, "")
    at = story.find(statement.para.text)
    if at < 0:
        return False
    before = [
        name
        for n in _LONG_NAME.finditer(story, 0, at + statement.start)
        if len((name := _without_stopwords(n.group())).split()) > 1
        and not _AFTER_PREPOSITION.search(story, 0, n.start())
        and not _MODIFIER.match(story, n.end())
    ]
    if not before or _told_since(referent, story, before[-1], at + statement.start):
        return False
    nearest = before[-1].lower()
    other = referent.lower() not in nearest and nearest not in referent.lower()
    if of_kind:  # only another of the kind stands between them
        return other and kind <= _content_words(nearest)
    return other


def _told_since(referent: str, story: str, other: str, at: int) -> bool:
    """True when the referent is named, in full or by a word of its name, after
    the last mention of the other name and before `at` ("The ship, the Saga
    Meridian, left ... A spokesman for Norvana said the company"): then it is the
    nearer one."""
    since = story.rfind(other, 0, at)
    if since < 0:
        return False
    words = [w for w in _without_stopwords(referent).split() if w[:1].isupper()]
    return any(
        re.search(rf"\b{re.escape(word)}\b", story[since + len(other) : at])
        for word in words
        if len(word) > 3 and word.lower() not in STOPWORDS
    )


def _without_stopwords(name: str) -> str:
    """A name without the words of grammar opening it: "The Red Coast Front"."""
    words = name.split()
    while words and words[0].lower() in STOPWORDS:
        words = words[1:]
    return " ".join(words)


# What kind of body an apposition says a name is: "Bramwell & Finch, the
# family-owned department store chain with 22 shops," is a chain.
_KIND_TOLD = re.compile(
    r"(?:an?|the)\s+(?:[\w'-]+\s+){0,4}?"
    rf"(?P<kind>{ORGANISATION_KINDS})(?=\s+(?:with|of|in|for|based|that|which|from|at|on)\b|\s*$)"
)


def _names_by_kind(
    stories: Mapping[int, str], appositions: Sequence[tuple[str, str]] = ()
) -> dict[str, set[str]]:
    """The names of two words or more the source gives, by their last word in
    lower case: "brigade" -> {"Black Reed Brigade"}; and by the kind of body an
    apposition says a name is: "chain" -> {"Bramwell & Finch"}."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for text in stories.values():
        for name in _LONG_NAME.findall(text):
            words = _without_stopwords(name).split()
            if len(words) > 1:
                kinds[words[-1].lower()].add(" ".join(words))
    for name, told in appositions:
        kind = _KIND_TOLD.match(told)
        if kind is not None and name[:1].isupper():
            kinds[kind.group("kind")].add(name)
    return kinds


def _named_of_kind(
    key: str, told: str, kinds: Mapping[str, set[str]]
) -> tuple[str, str]:
    """A body told by what it is ("the brigade", "the union") is the one name of
    that kind the source gives ("the Black Reed Brigade", "the Dock Workers'
    Union"): the one name ending in its noun (`kinds`, from _names_by_kind).
    Else as told."""
    words = told.split()
    if len(words) != 2 or not _DEFINITE.match(told) or not words[1].islower():
        return key, told
    found = kinds.get(words[1], set())
    if len(found) != 1:
        return key, told
    name = next(iter(found))
    return name.lower(), f"the {name}"


def _without_honorific(words: list[str]) -> list[str]:
    """A name's words without the honorific before them: "Mr Whitlock" is
    "Whitlock", which the copy names in full elsewhere."""
    while len(words) > 1 and words[0].rstrip(".") in HONORIFICS:
        words = words[1:]
    return words


def _named_in_story(
    description: str,
    others: Sequence[Statement],
    story: str,
    names: dict[str, str],
    people: dict[str, str],
    shared: frozenset[str],
) -> str | None:
    """The person a description in a lede stands for ("A former director of the
    firm has been charged"): the one person the relation's other statements name
    in full as the description's story names them too (news copy describes
    first and names after: "Graham Oyelaran, 52, is accused of ...")."""
    found = set()
    for other in others:
        if not other.object_text[:1].isupper():
            continue  # a description, not a name
        full = _referent(other.object, other.object_text, [], names, people, shared)
        name = full[1] if full else other.object_text
        if re.search(rf"\b{re.escape(name)}\b(?!['\u2019]s)", story):
            found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def _same_head(
    description: str, others: Sequence[Statement], texts: Iterable[str] = ()
) -> str | None:
    """The one other party of the relation a definite description stands for by
    its noun: "the woman" for "a 39-year-old woman" told before, "the pharmacist"
    for "Mr Haddad, a 45-year-old pharmacist from Luton," when the relation names
    him."""
    if not _DEFINITE.match(description):
        return None
    head = description.split()[-1].lower()
    found = set()
    named = {s.object_text for s in others if _is_name(s.object_text)}
    for other in others:
        told = other.object_text
        if told.lower() == description.lower() or _DEFINITE.match(told):
            continue
        if told.split()[-1:] == [head]:
            found.add(told)
    for text in texts:
        for name in named:
            for what in re.findall(
                rf"\b{re.escape(name)},\s+((?:an?|the)\s+[^,;]+)", text
            ):
                if _head_noun(what) == head:
                    found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def _head_noun(description: str) -> str:
    """The noun a description ends on before what places it: "a 45-year-old
    pharmacist from Luton" -> "pharmacist"."""
    words = re.split(r"\s+(?:from|of|in|at|for|with|who|which)\b", description)[0]
    return words.split()[-1].lower() if words.split() else ""


def _described(description: str, appositions: Sequence[tuple[str, str]]) -> str | None:
    """The one name the source's appositions describe as this description does:
    the words of one are all words of the other, two at least."""
    words = _content_words(description)
    names = {
        name
        for name, told in appositions
        if len(shared := words & _content_words(told)) >= 2
        and shared in (words, _content_words(told))
    }
    return next(iter(names)) if len(names) == 1 else None


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words_of(text) if w not in STOPWORDS)


def _names(sentence: str, statement: Statement) -> bool:
    """True when the sentence names the statement's subject."""
    told = statement.subject_text.removeprefix("the ")
    return bool(told) and told.lower() in sentence.lower()


def _is_name(text: str) -> bool:
    return any(ch.isupper() for ch in text)

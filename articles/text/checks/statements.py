"""Statements of relations read from copy: (subject, relation, object, state).

The terrorist designation or listing of a group and sanctions are read with their
own patterns; every other relation with the phrases of relations.py's table (the
patterns are in statement_patterns.py). relation_conflict.py compares what this
module reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from articles.text.checks.base import Paragraph, is_heading
from articles.text.checks.clauses import (
    PARTICIPLE,
    Clause,
    appositions,
    embedded_clauses,
)
from articles.text.checks.references import ANYONE, PAIR, UNNAMED, resolve_references
from articles.text.checks.relations import (
    DONE,
    NOT_DONE,
    PASSIVE,
    PROPOSED,
    UNDER_WAY,
    UNDOING,
    Phrase,
    Relation,
)
from articles.text.checks.statement_patterns import (
    ANAPHORS,
    CONDITIONAL,
    DELISTING,
    DENIED_REFUSAL,
    DESIGNATION,
    GENERIC_NEGATION,
    GENERIC_PATTERNS,
    GENERIC_PROSPECT,
    GENERIC_VERBS,
    GROUP_WORD,
    IN_PROGRESS,
    LISTED,
    LISTED_ON,
    LISTING,
    NOT_LISTED,
    ORGANS,
    PATTERN_WORDS,
    PATTERNS,
    PROSPECT,
    RELATIONS_BY_NAME,
    REPORTED,
    SANCTIONS,
)
from articles.text.names import PROPER_NAME
from articles.text.tokens import sentences
from articles.text.vocabulary import (
    CALENDAR_WORDS,
    CAPITALS,
    DEMONYMS,
    ORGANISATION_KINDS,
    STOPWORDS,
    actor_of,
    countries_in,
    country_of,
)

__all__ = [
    "DESIGNATION",
    "RELATIONS_BY_NAME",
    "SANCTIONS",
    "Statement",
    "read_statements",
]


@dataclass(frozen=True)
class Statement:
    """One statement of a relation, located in its paragraph."""

    relation: str
    subject: str  # normalised: a country's name or the lower-cased noun phrase
    subject_text: str
    object: str
    object_text: str
    state: str
    para: Paragraph
    start: int
    end: int
    sentence: str = ""
    scope: str = ""  # "park" in "banned fireworks from the park": Relation.scope

    @property
    def key(self) -> tuple[str, str, str]:
        """What two statements must share to be about the same fact."""
        relation = RELATIONS_BY_NAME.get(self.relation)
        if relation is not None and relation.symmetric:
            first, second = sorted((self.subject, self.object))
            return (self.relation, first, second)
        return (self.relation, self.subject, self.object)


# --- reading statements --------------------------------------------------------------


def read_statements(
    paragraphs: Sequence[Paragraph], known: Sequence[Statement] = ()
) -> list[Statement]:
    """Every statement of a relation in the paragraphs (questions skipped), with
    the parties told short or left out resolved within them and the `known`
    statements read elsewhere (references.py)."""
    described = [pair for para in paragraphs for pair in appositions(para.text)]
    stories: dict[int, str] = defaultdict(str)
    for para in paragraphs:
        stories[para.story] += para.text + "\n\n"
    return resolve_references(
        list(_read_paragraphs(paragraphs)),
        RELATIONS_BY_NAME,
        described,
        known,
        stories,
    )


def _read_paragraphs(paragraphs: Sequence[Paragraph]) -> Iterator[Statement]:
    story_paragraphs: dict[int, list[Paragraph]] = defaultdict(list)
    for para in paragraphs:
        if not is_heading(para):
            story_paragraphs[para.story].append(para)
    for paras in story_paragraphs.values():
        for index, para in enumerate(paras):
            for s_start, s_end in sentences(para.text):
                sentence = para.text[s_start:s_end]
                if sentence.rstrip("\"”' ").endswith("?"):
                    continue
                yield from _read_sentence(paras, index, s_start, sentence)


def _read_sentence(
    paras: list[Paragraph], index: int, offset: int, sentence: str
) -> Iterator[Statement]:
    """The statements of the sentence and of the clauses it tells inside itself
    (clauses.py); a clause's statement spans the clause, and the sentence's own
    reading skips what a clause has read (a fallback clause only reads what the
    sentence's own reading left)."""
    taken: list[tuple[int, int]] = []
    seen: set[tuple[tuple[str, str, str], str]] = set()
    clauses = list(embedded_clauses(sentence))
    for clause in clauses:
        if not clause.fallback:
            yield from _read_clause(paras, index, offset, sentence, clause, taken, seen)
    for statement in _read_text(paras, index, offset, sentence, taken):
        if (statement.key, statement.state) not in seen:
            seen.add((statement.key, statement.state))
            yield statement
    for clause in clauses:
        if clause.fallback and not any(
            s < clause.end and clause.start < e for s, e in taken
        ):
            yield from _read_clause(paras, index, offset, sentence, clause, taken, seen)


def _read_clause(
    paras: list[Paragraph],
    index: int,
    offset: int,
    sentence: str,
    clause: Clause,
    taken: list[tuple[int, int]],
    seen: set[tuple[tuple[str, str, str], str]],
) -> Iterator[Statement]:
    clause_offset = offset + clause.start
    for statement in _read_text(paras, index, clause_offset, clause.text, []):
        if statement.start != clause_offset:
            continue  # about another subject ("denied that it broke the law when
            # it bought X" does not deny buying X)
        taken.append((clause.start, clause.end))
        if clause.denied or clause.negated:
            denied = _denied(statement, by_copy=clause.negated)
            if denied is None:
                continue
            statement = denied
        if (statement.key, statement.state) in seen:
            continue
        seen.add((statement.key, statement.state))
        yield replace(
            statement, start=clause_offset, end=offset + clause.end, sentence=sentence
        )


def _denied(statement: Statement, *, by_copy: bool = False) -> Statement | None:
    """The statement a denial of it makes ("denies that it has bought X": has not
    bought X), or None when a denial says nothing sure (a plan denied, or a
    charge or arrest: "he denies the charges" is no sign he was not charged);
    what the copy itself negates (`by_copy`: "neither X nor Y has been charged")
    is so for every relation."""
    relation = RELATIONS_BY_NAME.get(statement.relation)
    if relation is not None and relation.by_object and not by_copy:
        return None
    turned = {DONE: NOT_DONE, NOT_DONE: DONE}.get(statement.state)
    return None if turned is None else replace(statement, state=turned)


def _read_text(
    paras: list[Paragraph],
    index: int,
    offset: int,
    sentence: str,
    taken: list[tuple[int, int]],
) -> Iterator[Statement]:
    para = paras[index]
    for relation, shape, pattern in PATTERNS:
        if not PATTERN_WORDS[relation].search(sentence):
            continue
        for match in pattern.finditer(sentence):
            start, end = _trimmed_span(sentence, match)
            if any(s < end and start < e for s, e in taken):
                continue
            if shape == "passive" and not _passive_is_relation(match):
                continue
            if shape == "bare" and not actor_of(match.group("subj") or ""):
                continue  # "The report lists Northwind": not a designation
            # The subject pattern can swallow a sentence-opening "If", so look for
            # a condition anywhere before the verb.
            before = sentence[: match.start("verb")]
            if CONDITIONAL.search(before) and shape != "review":
                continue
            state = _state(shape, match, before)
            if state is None:
                continue
            if not _object_is_whole(sentence, match):
                continue
            obj_text = _clean_np(match.group("obj"))
            if not obj_text:
                continue
            subject = _subject(match, paras, index, offset, obj_text)
            if subject is None:
                continue
            scope = ""
            if relation == LISTED_ON:
                told_kind, owner = _attributive_owner(match.group("subj"))
                subject, scope = _list_kind(told_kind), owner or _list_owner(match)
            taken.append((start, end))
            yield Statement(
                relation=relation,
                subject=subject[0],
                subject_text=subject[1],
                object=country_of(obj_text) or obj_text.lower(),
                object_text=_with_article(match.group("obj"), obj_text),
                state=state,
                para=para,
                start=offset + start,
                end=offset + end,
                sentence=sentence,
                scope=scope,
            )
    yield from _read_generic(paras, index, offset, sentence, taken)


def _list_kind(told: str) -> tuple[str, str]:
    """(normalised, as a message tells it) for what a list lists: "the entity
    list", "the list of non-co-operative jurisdictions" and "as a non-co-operative
    jurisdiction" are one list."""
    kind = re.sub(r"^list\s+of\s+|\s*\blist$", "", told.strip().lower())
    kind = " ".join(re.sub(r"(?<=[^s])s$", "", word) for word in kind.split())
    return kind, f"the {kind} list"


def _attributive_owner(told: str) -> tuple[str, str]:
    """(what a list lists, whose it is) for a list whose owner is told before it
    as a name ("the EU list of high-risk countries" is the EU's list of them);
    else (as told, "")."""
    words = told.split()
    for n in (2, 1):
        owner = actor_of(" ".join(words[:n]))
        if len(words) > n and owner and all(w[:1].isupper() for w in words[:n]):
            return " ".join(words[n:]), owner
    return told, ""


def _list_owner(match: re.Match[str]) -> str:
    """Whose list a listing is on, when the copy says: "the EU's list"."""
    owner = match.groupdict().get("owner") or ""
    owner = re.sub(r"['\u2019]s$", "", owner.strip())
    return actor_of(owner, capitals=True) or _clean_np(owner).lower()


def _read_generic(
    paras: list[Paragraph],
    index: int,
    offset: int,
    sentence: str,
    taken: list[tuple[int, int]],
) -> Iterator[Statement]:
    """Statements of the relations in relations.py's table."""
    if not GENERIC_VERBS.search(sentence):
        return
    verbs_found: dict[re.Pattern[str], bool] = {}
    for relation, phrase, pattern, verb in GENERIC_PATTERNS:
        if verb not in verbs_found:
            verbs_found[verb] = verb.search(sentence) is not None
        if not verbs_found[verb]:
            continue
        for match in pattern.finditer(sentence):
            start, end = _trimmed_span(sentence, match)
            if any(s < end and start < e for s, e in taken):
                continue
            before = sentence[: match.start("verb")]
            if CONDITIONAL.search(before):
                continue
            state = _generic_state(relation, phrase, match, before)
            if state is None:
                continue
            aux = match.group("aux") or ""
            if (
                phrase.shape == PASSIVE
                and re.search(r"\b(?:has|have|had)\b", aux)
                and not re.search(r"\b(?:been|being)\b", aux)
                and re.match(PARTICIPLE, match.group("verb"))
            ):
                continue  # "Kestrel Pay, which Singapore has never banned": active
            if match.groupdict().get("pair"):
                taken.append((start, end))
                told = match.group("pair")
                yield Statement(
                    relation=relation.name,
                    subject=PAIR,
                    subject_text=told,
                    object=PAIR,
                    object_text=told,
                    state=state,
                    para=paras[index],
                    start=offset + start,
                    end=offset + end,
                    sentence=sentence,
                )
                continue
            if (
                phrase.shape == PASSIVE
                and re.match(r"\w+ed\b|taken\b", match.group("verb"))
                and not re.search(r"\b(?:is|are|was|were|be|been|being)\b", aux)
                and _OBJECT_NEXT.match(sentence[match.end() :])
            ):
                continue  # "Police arrested X": active, not "X (was) arrested"
            if (
                phrase.shape == PASSIVE
                and _IN_A_PLACE.search(sentence[: match.start("obj")])
                and not _NAMED_AFTER_DESCRIPTION.match(sentence[: match.end("obj")])
            ):
                continue  # "an official in Hamilton, Ontario, was jailed": a place
            if (
                relation.objects
                and phrase.obj is None
                and state in (DONE, NOT_DONE)
                and re.search(r"\b[Nn]o\s+$", sentence[: match.start("obj")])
            ):
                # "No ceasefire has been agreed", "no state of emergency was declared"
                state = NOT_DONE if state == DONE else DONE
            nobody = relation.by_object and (
                phrase.obj == "no one"  # "no arrests have been made"
                or bool(_NOBODY.fullmatch(match.group("obj")))
            )
            if nobody:
                if phrase.obj is None and state != DONE:
                    continue
                if phrase.obj is None:
                    state = NOT_DONE  # "No one has been arrested"
                obj_text, obj_key = "no one", UNNAMED
            elif phrase.obj is not None:
                obj_text = obj_key = phrase.obj
            elif relation.objects:
                if re.match(r"['\u2019](?:s\b|\s)", sentence[match.end("obj") :]):
                    continue  # "Rovers' fans" is not Rovers
                obj_text = _clean_np(match.group("obj"))
                obj_key = re.sub(
                    r"^(?:an?|the|its|national|nationwide|general)\s+"
                    r"|^(?:use|sale|sales)\s+of\s+(?:the\s+)?",
                    "",
                    obj_text,
                ).lower()
                obj_key = relation.synonyms.get(obj_key, obj_key)
            else:
                if not _object_is_whole(sentence, match):
                    continue
                # "us" in a quotation is kept for references.py to resolve
                obj_text = _clean_np(match.group("obj")) or (
                    "us" if match.group("obj") == "us" else ""
                )
                if obj_text.islower() and _RESTRICTED.match(sentence, match.end("obj")):
                    continue  # "the company that runs the trams": some other one
                obj_key = obj_text.lower()
                if not (relation.by_object and obj_text[:1].islower()):
                    # a person described ("a British man") is not a country; a
                    # capital told alone stands for its government ("with Rabat")
                    obj_key = actor_of(obj_text) or CAPITALS.get(obj_text) or obj_key
            if not obj_text:
                continue
            if relation.by_object:
                subject: tuple[str, str] | None = ("", "")
            else:
                subject = _subject(match, paras, index, offset, obj_text)
            if _NOBODY.fullmatch(match.groupdict().get("subj") or ""):
                if state not in (DONE, NOT_DONE):
                    continue
                # "Nobody has bought X": no one has, so not the one the source's
                # other statements name either
                subject = (ANYONE, "anyone")
                state = NOT_DONE if state == DONE else DONE
            if subject is not None and subject[0] == UNNAMED and relation.held_in_place:
                # a fixed object ("remains solvent") has no group of its own, and
                # a passive tells the place after its verb ("was declared across X")
                told_to = (
                    match.end("obj")
                    if "obj" in match.re.groupindex and phrase.shape != PASSIVE
                    else match.end()
                )
                subject = _place_after(sentence, told_to) or subject
            if subject is None or (subject[0] == obj_key and not nobody):
                continue
            taken.append((start, end))
            yield Statement(
                relation=relation.name,
                subject=subject[0],
                subject_text=subject[1],
                object=obj_key,
                object_text=_object_text(relation, phrase, match, obj_text),
                state=state,
                para=paras[index],
                start=offset + start,
                end=offset + end,
                sentence=sentence,
                scope=_own_scope(
                    _scope(relation.scope, sentence[match.end() :]), subject[0]
                ),
            )


# "declared a state of emergency in Manabi": where a declared state holds
_PLACE_AFTER = re.compile(
    r"\s+(?:in|across|throughout)\s+(?:the\s+)?(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)"
)


def _place_after(sentence: str, at: int) -> tuple[str, str] | None:
    """(normalised, as written) for the place named right after an object ("a
    state of emergency in Manabi"), or None."""
    match = _PLACE_AFTER.match(sentence, at)
    if match is None:
        return None
    place = match.group("place")
    if place.split()[0].lower() in CALENDAR_WORDS:
        return None  # "in March" is a time
    country = actor_of(place, capitals=True)
    return (country, _country_display(country)) if country else (place.lower(), place)


# "from the beach", "in its parks", "on public transport": where a ban holds.
# A scope that covers every other: "of any offence", "of all charges".
_UNIVERSAL = re.compile(
    r"(?i:(?:any|all|every)\b|(?:charges?|crimes?|offen[cs]es?|wrongdoing|counts?)$)"
)


def _scope(opening: str | None, rest: str) -> str:
    """What a statement holds for, told right after it ("from the beach", "of
    fraud", "with murder"), or ""; a time ("in March", "on Friday") is not one."""
    if opening is None:
        return ""
    total = re.match(r"\s+(outright|altogether|entirely|completely)\b", rest)
    if total:
        return "outright"  # a total ban is not the ban in one place
    match = re.match(
        rf"\s+(?:guilty\s+)?(?:{opening})\s+(?:the\s+|its\s+|their\s+)?"
        r"(?:[\w-]+['\u2019]s\s+)?"
        r"(?P<scope>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)",
        rest,
    )
    if not match or _UNIVERSAL.match(match.group("scope")):
        return ""
    words = [w for w in match.group("scope").lower().split() if w not in STOPWORDS]
    if not words or words[0] in CALENDAR_WORDS or re.fullmatch(r"\d+", words[0]):
        return ""
    return " ".join(words)


def _own_scope(scope: str, subject: str) -> str:
    """A scope that is the subject itself ("not banned in Chile", by Chile) is
    all of it: no scope."""
    if scope and subject and actor_of(scope.title(), capitals=True) == subject:
        return ""
    return scope


def same_scope(first: Statement, second: Statement) -> bool:
    """True when two statements can be about the same place: the same scope, or
    one told without one ("has not banned fireworks")."""
    if not first.scope or not second.scope or first.scope == second.scope:
        return True
    # one act told with more or fewer words: "of breaching health and safety
    # laws" / "of breaching safety laws"
    one, other = first.scope.split()[0], second.scope.split()[0]
    return one == other and one.endswith("ing")


# A name that ends a place or a phrase: "in Hamilton, Ontario", "of Leeds".
_IN_A_PLACE = re.compile(
    r"\b(?:in|at|of|from|near|outside|for|by|to|with)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*,\s+)?$"
)
# "The former mayor of Szczecin, Jerzy Kowalczyk, has been charged": a person
# described and then named in full, not a place after a place
_NAMED_AFTER_DESCRIPTION = re.compile(
    r"^\W*(?:[Tt]he|[Aa]n?)\s+[a-z][^,;]*,\s+[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+$"
)
# What an active verb's object opens with: "arrested Omar", "detained two men".
_OBJECT_NEXT = re.compile(
    r"\s+(?:[A-Z]|(?:the|a|an|his|her|their|him|them|two|three|four|five|\d)\b)"
)


def _object_text(
    relation: Relation, phrase: Phrase, match: re.Match[str], obj_text: str
) -> str:
    """The object as a message shows it: "a state of emergency", "the X government"."""
    if phrase.obj is not None:
        return phrase.obj
    if relation.objects:
        return re.sub(r"\s+", " ", match.group("obj").strip())
    government = match.groupdict().get("gov") or ""
    return _with_article(match.group("obj"), obj_text) + government


def _generic_state(
    relation: Relation, phrase: Phrase, match: re.Match[str], before: str
) -> str | None:
    """The state a statement of a table relation puts it in, or None (unclear)."""
    return clause_state(
        phrase.state,
        match.group("aux") or "",
        match.group("verb"),
        before,
        match.start("aux"),
        passive=phrase.shape == PASSIVE,
        by_object=relation.by_object,
        plain_only=phrase.plain_only,
    )


def clause_state(
    base: str,
    aux: str,
    verb: str,
    before: str,
    aux_start: int,
    *,
    passive: bool,
    by_object: bool = False,
    plain_only: bool = False,
) -> str | None:
    """The state a clause puts its relation in, or None (unclear): one reading
    of polarity (negation, refusal, "has yet to"), prospect (a plan, "is to",
    "wants X to"), progress and tense for every relation. `base` is the state a
    plain statement of the verb tells ("severed relations": not done), `aux` the
    words between subject and verb, `before` the sentence before the verb."""
    aux = re.sub(r"\s+", " ", aux).strip().lower()
    verb = verb.lower()
    first = _FIRST_TO.search(before)
    if first is not None and base in (DONE, NOT_DONE):
        # "the first country to ratify X" tells a thing done, not a plan; "was not
        # the first to" says nothing sure of it
        return None if GENERIC_NEGATION.search(before, 0, first.start()) else base
    reported = bool(REPORTED.search(before[:aux_start]))
    if (
        re.search(r"\bhad\b", aux)
        and "had been" not in aux
        and not by_object
        and not reported
    ):
        # "had joined": a past state that may have changed; but "said that it
        # had joined" is "has joined", told in reported speech
        return None
    negated = bool(GENERIC_NEGATION.search(aux))
    prospect = bool(
        GENERIC_PROSPECT.search(aux)
        or PROSPECT.search(before)
        or _TO_BE_DONE.search(aux)
    )
    progressive = bool(IN_PROGRESS.search(aux)) or (
        verb.split()[0].endswith("ing") and re.search(r"\b(?:is|are)\b", aux)
    )
    if (
        re.search(r"\b(?:was|were)\b", aux)
        and not passive
        and not re.match(PARTICIPLE, verb)  # "was struck off": told as done
        and not reported
    ):
        # "was a member of": a past state that may have changed; but "said it was
        # not a member" is "is not", told in reported speech
        return None
    if plain_only and (negated or prospect or progressive):
        return None
    if base in (UNDER_WAY, PROPOSED):
        return None if negated else base
    if prospect and not negated and base == DONE and _AGAIN_VERB.match(verb):
        # "applied to rejoin the pool", "seeking to restore relations": what is
        # to be done again is not done now
        return NOT_DONE
    if negated:
        if DENIED_REFUSAL.search(aux):
            return None  # "has not ruled out joining": a possibility, no state
        if (
            base == DONE
            and not progressive
            and _REFUSAL.search(aux)
            and not PROSPECT.search(before)
        ):
            # "would not declare a state of emergency", "will not merge with":
            # a refusal tells that it has not been done
            return NOT_DONE
        if prospect or progressive:
            return None  # "may not join": a plan in doubt, not a state
        return NOT_DONE if base == DONE else DONE
    if progressive:
        return UNDER_WAY if base == DONE else UNDOING
    if prospect:
        return PROPOSED if base == DONE else UNDOING
    return base


# "the first country to ratify", "the only member to have left": an act told by
# its place in a series
_FIRST_TO = re.compile(
    r"\b(?:the|its|their)\s+(?:first|second|third|fourth|fifth|last|only|latest)\s+"
    r"(?:[\w-]+\s+){0,3}?to\s+(?:have\s+)?$"
)

# "is to join", "wants Chile to ratify", "to be listed": a thing still to do
_TO_BE_DONE = re.compile(r"(?:^|\b(?:is|are|was|were)\s)to(?:\s+be)?$|^be$")


# A verb of doing again: "rejoin", "restore", "resume".
_AGAIN_VERB = re.compile(r"re-?(?:join|stor|sum|establish)")

# A plain refusal, told as will or would: "will not", "would never", "won't".
_REFUSAL = re.compile(
    r"^(?:(?:still|also|now)\s+)*(?:will|would)\s+(?:not|never)\b|^(?:won|wouldn)['\u2019]t\b"
)

# Who a statement of an arrest or a charge denies of everyone.
_NOBODY = re.compile(r"(?i:no(?:\s+one|-one|body))")

# A description narrowed by a clause of its own: "the company that runs the trams".
_RESTRICTED = re.compile(r"\s+(?:that|which|who|whose|whom)\b")


# What a party has that is not the party: "bought Brenn shares".
_PARTS = (
    r"shares?|stakes?|assets|business(?:es)?|divisions?|units?|subsidiar(?:y|ies)|"
    r"brands?|plants?|factor(?:y|ies)|sites?|stores?|operations|staff|directors|"
    r"leaders|officials|executives|ships|vessels|tankers"
)


def _object_is_whole(sentence: str, match: re.Match[str]) -> bool:
    """False when the object is cut short ("sanctions on X's leaders" is not on X)."""
    rest = sentence[match.end("obj") :]
    if re.match(
        r"['\u2019]s\s+(?:name|independence|sovereignty|statehood|"
        r"(?:(?:new|military|interim|transitional)\s+)?government)\b",
        rest,
    ):
        return True  # "recognised Mali's new government": the government of Mali
    # "X's leaders", "X Holdings' parent company", "X of Y", "X shares"
    return not re.match(
        rf"['\u2019](?:s\b|\s)|\s+(?:of\s+)?[A-Z]|\s+(?:{_PARTS})\b", rest
    )


def _trimmed_span(sentence: str, match: re.Match[str]) -> tuple[int, int]:
    """The match without leading spaces or a sentence-opening "Although"/"But"."""
    start, end = match.span()
    while True:
        while start < end and sentence[start].isspace():
            start += 1
        word = re.match(r"[A-Za-z]+", sentence[start:end])
        if not word or word.group().lower() not in STOPWORDS or start == end:
            return start, end
        if word.group().lower() in ("it", "the"):
            return start, end
        start += word.end()


def _passive_is_relation(match: re.Match[str]) -> bool:
    """A passive only states a listing with a category or a named lister."""
    text = match.group()
    has_category = re.search(r"(?i:terror|extremist)", text) is not None
    # "banned" tells a designation of a group ("the Red Vale group is banned in
    # Germany"); of anything else it is the table's ban ("Glowtrack is not banned
    # in Estonia", as "Estonia has banned Glowtrack")
    verb = match.group("verb")
    banned = verb in ("proscribed", "outlawed") or (
        verb == "banned"
        and GROUP_WORD.search(match.string, match.start("obj"), match.start("verb"))
        is not None
    )
    lister = match.group("subj") or ""
    # "banned in the city's parks": the owner of a place, not who lists
    owner = bool(lister) and (
        re.search(r"['\u2019]s$", lister) is not None
        or re.match(r"['\u2019]s\b", match.string[match.end("subj") :]) is not None
    )
    # "Fireworks are banned in Hove": a thing in the plural opening the sentence
    thing = (
        not match.string[: match.start("obj")].strip(" \"'“")
        and len(match.group("obj").split()) == 1
        and re.search(r"\b(?:are|were)\b", match.group("aux") or "") is not None
    )
    return has_category or (banned and bool(lister) and not owner and not thing)


# The shapes of a listing or sanctions told as what is (not a verb of doing):
# "X is a proscribed organisation", "X is under sanctions", "X is on the list".
_STATE_SHAPES = frozenset({"is-listed", "passive", "on-list", "under", "listed"})


def _state(shape: str, match: re.Match[str], before: str) -> str | None:
    """The state a listing or sanctions statement puts its relation in, read as
    any clause is (clause_state); a removal told as a noun ("the removal of X
    from the list") is under way."""
    verb = match.group("verb").lower()
    if shape == "review":
        return DELISTING
    removal = shape in ("removal", "lift-ban")
    if removal and verb.endswith(("al", "ion")):
        negated = GENERIC_NEGATION.search(match.group("aux") or "")
        return LISTED if negated else DELISTING
    state = clause_state(
        NOT_LISTED if removal else LISTED,
        match.group("aux") or "",
        verb,
        before,
        match.start("aux"),
        passive=shape in _STATE_SHAPES,
    )
    return LISTING if state == UNDER_WAY else state


# Words that put a name in doubt without changing what it names: "the so-called
# government in exile" is the government in exile another sentence names.
_HEDGES = frozenset({"so-called", "self-styled", "self-declared", "self-proclaimed"})


def _clean_np(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
    words = text.split()
    while words and (words[0].lower() in STOPWORDS or words[0].lower() in _HEDGES):
        words.pop(0)
    return " ".join(words)


def _with_article(raw: str, clean: str) -> str:
    return f"the {clean}" if raw.strip().lower().startswith("the ") else clean


def _subject(
    match: re.Match[str], paras: list[Paragraph], index: int, offset: int, obj: str
) -> tuple[str, str] | None:
    """(normalised subject, subject as written for messages), or None. A subject
    the sentence does not name is UNNAMED, for references.py to resolve."""
    named = None
    for group in ("subj", "owner", "loc"):
        if group in match.re.groupindex and match.group(group):
            named = match.group(group)
            break
    if named is not None and match.groupdict().get("subj") == named:
        described = _DESCRIBED_IN_PLACE.search(match.string, 0, match.start("subj"))
        if described is not None:
            # "A regional airline in northern Norway has filed": the airline,
            # which the copy calls "the airline" after, not Norway
            # told indefinite, it is no party named elsewhere either
            return described.group("head"), described.group("described")
    if named is not None and named.strip().lower() in _PERSONAL:
        # "Sri Lanka's president said that he would not declare": the state of
        # the office holder the sentence names before; else no party told
        sentence_start = offset + match.string.rfind(". ", 0, match.start()) + 1
        held = [
            c
            for s, _, c in countries_in(paras[index].text)
            if sentence_start <= s < offset + match.start() and c != country_of(obj)
        ]
        return (held[-1], _country_display(held[-1])) if held else None
    if named is not None and named.strip().lower() not in ANAPHORS:
        country = (
            None
            if _DEMONYM_IN_NAME.search(named) or _DESCRIBED_BODY.fullmatch(named)
            else actor_of(named, capitals=True)
        )
        if country:
            return country, _country_display(country)
        cleaned = _clean_np(re.sub(r"['\u2019]s$", "", named.strip()))
        # "the brewer Arden Ales": the name, not what it is
        cleaned = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", cleaned)
        return (cleaned.lower(), _with_article(named, cleaned)) if cleaned else None
    # No subject, or "the country": the nearest country named before it in the
    # same paragraph, that is not the object. Looking further back guesses.
    text = paras[index].text
    position = offset + match.start()
    mentions = [
        c
        for s, e, c in countries_in(text)
        if s < position and c != country_of(obj) and not _DESCRIBES_BODY.match(text, e)
    ]
    if mentions:
        return mentions[-1], _country_display(mentions[-1])
    if named is not None and named.strip().lower() == "it":
        what = _what_it_is(paras, index, position, obj)
        if what is not None:
            return what
    # "Kosovo is not recognised in Spain": else the country named after it in
    # its sentence
    sentence_end = text.find(". ", position)
    after = [
        c
        for s, e, c in countries_in(text)
        if position <= s < (sentence_end if sentence_end >= 0 else len(text))
        and c != country_of(obj)
        and not _DESCRIBES_BODY.match(text, e)
        and not _SET_AGAINST.search(text, 0, s)  # "unlike in Canada"
    ]
    if after:
        return after[0], _country_display(after[0])
    return UNNAMED, UNNAMED


# A demonym inside a body's name ("The Irish Farmers' Association", "the Kenyan
# Dairy Board") names the body, not the country; one before an organ of state
# ("the Turkish Parliament") is the state's.
_DEMONYM_IN_NAME = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
    + rf")\s+(?!(?i:{ORGANS})\b)[A-Z][\w'\u2019-]*(?:\s|$)"
)


# A body described by its kind and where it is, right before the place a subject
# pattern takes for the subject: "A gold mining company in Ghana (has been)". A
# government or parliament "in" its capital is the state's own ("The parliament in
# Athens"), so organs are left to the place.
_DESCRIBED_IN_PLACE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:that|and|but)\s+)\W*(?P<described>(?:[Aa]n?|[Tt]he)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?"
    rf"(?P<head>(?!(?:{ORGANS})\b)(?:{ORGANISATION_KINDS})))\s+"
    r"(?:(?:based|registered|headquartered)\s+)?(?:in|near|outside)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$"
)


# A demonym before what a body is, in lower case ("the German freight group",
# "a Polish trucking firm"), describes the body; it does not name the state.
_DESCRIBES_BODY = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{0,3}}?(?!(?i:{ORGANS})\b)(?:{ORGANISATION_KINDS})\b"
)
_DESCRIBED_BODY = re.compile(
    r"(?:[Tt]he\s+|[Aa]n?\s+)?(?:"
    + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
    + rf"){_DESCRIBES_BODY.pattern}"
)


_DEFINITE_BODY = re.compile(r"[Tt]he\s")


_PERSONAL = frozenset({"he", "she"})


_SET_AGAINST = re.compile(
    r"\b(?:unlike|except|than|like|whereas|while|but|as|from)\s+(?:in\s+)?(?:the\s+)?$"
)


# "..., a spokesman for Pellow Homes said." / "..., Pellow Homes said."
_SPEAKER = re.compile(
    rf"(?:\b(?:for|from|at)\s+|,\s+)(?:the\s+)?(?P<name>{PROPER_NAME})(?:['\u2019]s)?\s+"
    r"(?:said|says|told|confirmed|added|stated)\b[^,]*$"
)
_OPENING_NAME = re.compile(rf"^\W*(?:The\s+)?(?P<name>{PROPER_NAME})\s+[a-z]")
# "Arden Ales said on Monday that it ...", "The brewer said that it ..."
_LEADING_SPEAKER = re.compile(
    # after an opening phrase: "In a statement, the chain said it"
    r"^\W*(?:(?:In|At|On|Later|Earlier|Speaking|Separately)\b[^,]{0,40},\s+)?"
    rf"(?:[Tt]he\s+)?(?P<name>{PROPER_NAME}|[a-z][\w-]*)\s+"
    r"(?:said|says|announced|confirmed)(?:\s+(?:on|last)\s+\w+)?\s+(?:that\s+)?it\b"
)


# The frame right before "it": "Fenmoor Foods, which tried to buy it in 2023,
# said last week that it ..."
_FRAME_BEFORE = re.compile(
    rf"\b(?:(?:[Tt]he\s+)?(?P<name>{PROPER_NAME}(?:['\u2019]\s+{PROPER_NAME})?)"
    # or a body told by a demonym and what it is: "the German freight group said it"
    rf"|(?P<body>{_DESCRIBED_BODY.pattern}))"
    r"(?:,[^,]{1,80},|,\s+whose\s+[a-z]+(?:\s+[a-z]+)?)?\s+"
    r"(?:said|says|told\s+\w+|announced|confirmed|added|insisted)"
    r"(?:\s+(?:on|last)\s+\w+)?\s+(?:that\s+)?$"
)


def _what_it_is(
    paras: list[Paragraph], index: int, offset: int, obj: str
) -> tuple[str, str] | None:
    """What "it" is, when no country is: the body a frame of reported speech
    names right before it ("Halden Foods, which ..., said that it"), after it
    ("It has not bought X, a spokesman for Pellow Homes said") or before it
    ("Pellow Homes said that it"), else the name the sentence before it opens
    with, in its paragraph or the paragraph before."""
    text = paras[index].text
    spans = list(sentences(text))
    current = next((s for s in spans if s[0] <= offset < s[1]), None)
    if current is not None:
        framed = _FRAME_BEFORE.search(text, current[0], offset)
        if framed and framed.group("body"):
            # a definite description is the party the source names (references.py)
            return (UNNAMED, UNNAMED) if _DEFINITE_BODY.match(framed["body"]) else None
        if framed:
            return _named(framed.group("name"), obj)
        speaker = _SPEAKER.search(text[slice(*current)])
        if speaker:
            return _named(speaker.group("name"), obj)
        leading = _LEADING_SPEAKER.match(text[slice(*current)])
        if leading:
            name = leading.group("name")
            # "the chain said it": told by what it is, for references.py to name
            return _named(f"the {name}" if name.islower() else name, obj)
    before = [text[a:b] for a, b in spans if b <= offset]
    if not before and index > 0:
        previous = paras[index - 1].text
        before = [previous[a:b] for a, b in sentences(previous)]
    if before:
        opening = _OPENING_NAME.match(before[-1])
        if opening:
            return _named(opening.group("name"), obj)
    return None


def _named(name: str, obj: str) -> tuple[str, str] | None:
    """(normalised, as written) for a name, unless it is the object itself."""
    actor = None if _DESCRIBED_BODY.fullmatch(name) else actor_of(name)
    key = actor or name.lower()
    if key == (country_of(obj) or obj.lower()):
        return None
    return key, (_country_display(actor) if actor else name)


def _country_display(country: str) -> str:
    plural_or_union = re.search(
        r"(?:States|Kingdom|Emirates|Republic|lands|ines|Union|Nations|Council|"
        r"Organi[sz]ation|Court|Agency|Fund|Bank|Commission|League|Committee)$",
        country,
    )
    return f"the {country}" if plural_or_union else country

"""relation-conflict: stories of one source that disagree about one relation.

The relations are the legal ones news copy states as facts and that change over
time: a government designating, listing or banning a group as a terrorist or
extremist organisation, and sanctions on a person or group. Each statement is read
with small patterns into (subject, relation, object, state), where the state is

- LISTED: asserted in the present or as done ("Canada lists X as a terrorist
  entity", "X is banned in Germany", "X remains on Japan's terror list");
- NOT_LISTED: denied or undone ("does not recognise X as...", "removed X from the
  list", "lifted the sanctions on X");
- DELISTING: a removal under review or way ("is reviewing whether to delist X",
  "the process of removing X from the list", "the proposal to remove X");
- LISTING: a designation proposed but not made ("is considering designating X").

Statements about the same subject and object in two different stories conflict when
their states do: LISTED against NOT_LISTED is blocking (one story is wrong);
LISTED against DELISTING or LISTING, and NOT_LISTED against DELISTING, are advisory
(each can be true on its own, but side by side they tell the reader different
things). Within one story such pairs are usually deliberate ("although X lists...,
it is reviewing...") and are not reported. Conditionals and questions are skipped.
A subject written as "the country" or "it", or missing ("the process of removing X
from the list"), is taken to be the nearest country named before it in the paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.text.checks._common import sentences
from articles.text.checks._lexicon import STOPWORDS, countries_in, country_of
from articles.text.checks.base import (
    ADVISORY,
    BLOCKING,
    Check,
    Finding,
    Paragraph,
    is_heading,
    make_finding,
    other_stories_phrase,
)

NAME = "relation-conflict"

LISTED = "listed"
NOT_LISTED = "not-listed"
DELISTING = "delisting"
LISTING = "listing"

DESIGNATION = "designation"
SANCTIONS = "sanctions"

_CONFLICTS = {
    frozenset({LISTED, NOT_LISTED}): BLOCKING,
    frozenset({LISTED, DELISTING}): ADVISORY,
    frozenset({LISTED, LISTING}): ADVISORY,
    frozenset({NOT_LISTED, DELISTING}): ADVISORY,
}

# --- the pattern pieces --------------------------------------------------------------

_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\-]*)"
_NP = rf"(?:the\s+)?{_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_CAP}){{0,5}}"
_OBJ = rf"(?P<obj>{_NP})(?:['\u2019]s(?:\s+name)?)?"
_SUBJ = (
    rf"(?P<subj>{_NP}(?:['\u2019]s)?(?:\s+(?:government|authorities|administration))?"
    r"|it|the\s+country|the\s+government|the\s+state|the\s+administration)"
)
_KIND = r"(?:groups?|organi[sz]ations?|entit(?:y|ies)|movements?|outfits?|networks?)"
_CATEGORY = (
    r"(?i:(?:an?\s+)?(?:(?:banned|proscribed|designated|foreign|international|"
    rf"outlawed|illegal)\s+)*(?:terrorist|terror|extremist)\s+{_KIND})"
)
_LIST = (
    r"(?i:(?:black)?list|register|registry|roster)\s+of\s+"
    r"(?i:(?:(?:banned|proscribed|designated)\s+)?"
    rf"(?:terrorist|terror|extremist|banned|proscribed|prohibited)\s+{_KIND})"
    r"|(?i:(?:terror(?:ist|ism)?|extremist)\s+(?:black)?list)"
)
_AUX = (
    r"(?P<aux>(?:(?:still|officially|formally|already|currently|now|also|has|have|"
    r"had|does|do|did|not|no\s+longer|never|will|would|could|may|might|plans\s+to|"
    r"intends\s+to|is|are|was|were|considering|expected\s+to|set\s+to|moving\s+to|"
    r"poised\s+to|to|be|been|continues\s+to|continue\s+to)\s+|n['\u2019]t\s+)*)"
)
_ACTIVE_VERB = (
    r"(?P<verb>recogni[sz](?:es?|ed|ing)|designat(?:es?|ed|ing)|list(?:s|ed|ing)?|"
    r"classif(?:y|ies|ied|ying)|consider(?:s|ed|ing)?|regard(?:s|ed|ing)?|"
    r"label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?|deem(?:s|ed|ing)?|"
    r"treat(?:s|ed|ing)?|proscrib(?:es?|ed|ing)|declar(?:es?|ed|ing)|"
    r"nam(?:es?|ed|ing))"
)
_PASSIVE_VERB = (
    r"(?P<verb>listed|designated|recogni[sz]ed|classified|considered|regarded|"
    r"labell?ed|branded|deemed|banned|proscribed|outlawed|treated)"
)
_REMOVAL_VERB = (
    r"(?P<verb>remov(?:e|es|ed|ing|al)|delist(?:s|ed|ing)?|de-list(?:s|ed|ing)?|"
    r"strik(?:e|es|ing)|struck|tak(?:e|es|ing|en)\s+off|took\s+off|"
    r"exclu(?:de|des|ded|ding|sion)|drop(?:s|ped|ping)?)"
)
_OWNER = rf"(?:(?P<owner>{_NP})['\u2019]s\s+|(?:the|its|their)\s+)?"

_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    # Canada lists the Proud Boys as a terrorist entity.
    (
        DESIGNATION,
        "active",
        re.compile(
            rf"\b{_SUBJ}(?:,\s+which)?\s+{_AUX}{_ACTIVE_VERB}\s+{_OBJ}\s+(?:as\s+)?"
            rf"{_CATEGORY}"
        ),
    ),
    # the Proud Boys, which Canada lists as a terrorist entity
    (
        DESIGNATION,
        "relative",
        re.compile(
            rf"\b{_OBJ},?\s+(?:which|whom|that)\s+{_SUBJ}\s+{_AUX}{_ACTIVE_VERB}"
            rf"\s+as\s+{_CATEGORY}"
        ),
    ),
    # The Proud Boys are listed as a terrorist entity in Canada / banned in Germany.
    (
        DESIGNATION,
        "passive",
        re.compile(
            rf"\b{_OBJ},?\s+{_AUX}{_PASSIVE_VERB}(?:\s+as\s+{_CATEGORY})?"
            rf"(?:\s+(?:in|by)\s+{_SUBJ})?"
        ),
    ),
    # X remains on Japan's terror list / on the list of terrorist groups in Japan.
    (
        DESIGNATION,
        "on-list",
        re.compile(
            rf"\b{_OBJ}\s+{_AUX}(?:remains?\s+|stays?\s+)?on\s+{_OWNER}(?:{_LIST})"
            rf"(?:\s+(?:in|of)\s+(?P<loc>{_NP}))?"
        ),
    ),
    # removing the Taliban from the list of terrorist groups (in Russia)
    (
        DESIGNATION,
        "removal",
        re.compile(
            rf"(?:\b{_SUBJ}\s+)?\b{_AUX}{_REMOVAL_VERB}\s+(?:of\s+)?{_OBJ}\s+(?:from|off)\s+{_OWNER}"
            rf"(?:{_LIST})(?:\s+(?:in|of)\s+(?P<loc>{_NP}))?"
        ),
    ),
    # reviewing whether to delist X / a review of the designation of X
    (
        DESIGNATION,
        "review",
        re.compile(
            r"\b(?P<aux>)(?P<verb>(?i:review(?:s|ed|ing)?|reconsider(?:s|ed|ing)?|"
            r"re-?examin(?:es?|ed|ing)))\s+(?:(?:of\s+)?(?:the|its|their)\s+)?"
            r"(?:(?:terrorist\s+)?(?:listing|designation|status|ban)\s+of\s+"
            r"|whether\s+to\s+(?:delist|de-list|remove|unban|lift\s+the\s+ban\s+on)\s+)"
            rf"{_OBJ}"
        ),
    ),
    # lifted the ban on X
    (
        DESIGNATION,
        "lift-ban",
        re.compile(
            rf"\b{_AUX}(?P<verb>lift(?:s|ed|ing)?)\s+(?:the|its)\s+ban\s+on\s+{_OBJ}"
        ),
    ),
    # The EU imposed sanctions on X.
    (
        SANCTIONS,
        "active",
        re.compile(
            rf"\b{_SUBJ}\s+{_AUX}(?P<verb>impos(?:es?|ed|ing)|slapp(?:ed|ing)|"
            rf"maintain(?:s|ed|ing)?|keeps?|kept)\s+(?:new\s+|fresh\s+)?sanctions\s+"
            rf"(?:on|against)\s+{_OBJ}"
        ),
    ),
    # lifting (the) sanctions on X
    (
        SANCTIONS,
        "removal",
        re.compile(
            rf"(?:\b{_SUBJ}\s+)?\b{_AUX}"
            rf"(?P<verb>lift(?:s|ed|ing)?|eas(?:es?|ed|ing)|remov(?:es?|ed|ing))"
            rf"\s+(?:the\s+|its\s+)?sanctions\s+(?:on|against)\s+{_OBJ}"
        ),
    ),
]

_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n['\u2019]t\b")
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|plans\s+to|intends\s+to|considering|"
    r"expected\s+to|set\s+to|moving\s+to|poised\s+to|to|be)\b"
)
_PROSPECT = re.compile(
    r"(?i:\b(?:review|reviewing|proposal|propose[sd]?|process|plan|plans|considering|"
    r"consider|decision\s+on|whether|move\s+to|bid\s+to|calls?\s+for|requests?)\b"
    r"[^.;]{0,40}$)"
)
_CONDITIONAL = re.compile(r"(?i:\b(?:if|unless|whether|should)\b[^,;]{0,40}$)")
_ANAPHORS = {"it", "the country", "the government", "the state", "the administration"}
_PAST = re.compile(r"(?:ed|struck|took\s+off|taken\s+off)$")


@dataclass(frozen=True)
class _Statement:
    relation: str
    subject: str  # normalised: a country's name or the lower-cased noun phrase
    subject_text: str
    object: str
    object_text: str
    state: str
    para: Paragraph
    start: int
    end: int


def find_relation_conflicts(paragraphs: Sequence[Paragraph]) -> Iterator[Finding]:
    """Yield findings on statements that conflict with another story's statement."""
    statements = list(_statements(paragraphs))
    groups: dict[tuple[str, str, str], list[_Statement]] = defaultdict(list)
    for statement in statements:
        groups[(statement.relation, statement.subject, statement.object)].append(
            statement
        )
    for group in groups.values():
        stories = sorted({s.para.story for s in group})
        for story in stories:
            mine = [s for s in group if s.para.story == story]
            theirs = [s for s in group if s.para.story != story]
            yield from _conflict_findings(mine, theirs)


def _conflict_findings(
    mine: list[_Statement], theirs: list[_Statement]
) -> Iterator[Finding]:
    for statement in mine:
        against = [
            t for t in theirs if frozenset({statement.state, t.state}) in _CONFLICTS
        ]
        if not against:
            continue
        severity = (
            BLOCKING
            if any(
                _CONFLICTS[frozenset({statement.state, t.state})] == BLOCKING
                for t in against
            )
            else ADVISORY
        )
        yield make_finding(
            check=NAME,
            severity=severity,
            paragraph=statement.para,
            start=statement.start,
            end=statement.end,
            message=_message(statement, against),
            related_lines=[t.para.line for t in against],
            related_paragraphs=[t.para for t in against],
            facts=[
                statement.relation,
                statement.subject,
                statement.object,
                statement.state,
            ],
        )
        return  # one finding per story and relation: the first statement stands for all


def _message(statement: _Statement, against: list[_Statement]) -> str:
    where = other_stories_phrase(t.para for t in against)
    said = _describe(statement)
    other_said = " / ".join(sorted({_describe(t) for t in against}))
    return (
        f"This says {said}, but {where} says {other_said}: "
        "reconcile the two accounts before publishing both."
    )


def _describe(statement: _Statement) -> str:
    subject = statement.subject_text
    obj = statement.object_text
    if statement.relation == SANCTIONS:
        return {
            LISTED: f"{subject} has sanctions on {obj}",
            NOT_LISTED: f"{subject} has lifted its sanctions on {obj}",
            DELISTING: f"{subject} is considering lifting its sanctions on {obj}",
            LISTING: f"{subject} is considering sanctions on {obj}",
        }[statement.state]
    return {
        LISTED: f"{subject} lists {obj} as a terrorist or banned organisation",
        NOT_LISTED: f"{subject} does not (or no longer) list {obj}",
        DELISTING: f"{subject} is reviewing or removing its listing of {obj}",
        LISTING: f"{subject} is considering listing {obj}",
    }[statement.state]


# --- reading statements --------------------------------------------------------------


def _statements(paragraphs: Sequence[Paragraph]) -> Iterator[_Statement]:
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
) -> Iterator[_Statement]:
    para = paras[index]
    taken: list[tuple[int, int]] = []
    for relation, shape, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            start, end = _trimmed_span(sentence, match)
            if any(s < end and start < e for s, e in taken):
                continue
            if shape == "passive" and not _passive_is_relation(match):
                continue
            # The subject pattern can swallow a sentence-opening "If", so look for
            # a condition anywhere before the verb.
            before = sentence[: match.start("verb")]
            if _CONDITIONAL.search(before) and shape != "review":
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
            taken.append((start, end))
            yield _Statement(
                relation=relation,
                subject=subject[0],
                subject_text=subject[1],
                object=country_of(obj_text) or obj_text.lower(),
                object_text=_with_article(match.group("obj"), obj_text),
                state=state,
                para=para,
                start=offset + start,
                end=offset + end,
            )


def _object_is_whole(sentence: str, match: re.Match[str]) -> bool:
    """False when the object is cut short ("sanctions on X's leaders" is not on X)."""
    rest = sentence[match.end("obj") :]
    if re.match(r"['\u2019]s\s+name\b", rest):
        return True
    return not re.match(r"['\u2019]s\b|\s+(?:of\s+)?[A-Z]", rest)


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
    banned = match.group("verb") in ("banned", "proscribed", "outlawed")
    return has_category or (banned and match.group("subj") is not None)


def _state(shape: str, match: re.Match[str], before: str) -> str | None:
    aux = re.sub(r"\s+", " ", match.group("aux") or "").strip().lower()
    verb = match.group("verb").lower()
    negated = bool(_NEGATION.search(aux))
    if shape == "review":
        return DELISTING
    if shape in ("removal", "lift-ban"):
        if negated:
            return LISTED  # "has not removed X from the list": still listed
        prospective = (
            _MODAL.search(aux)
            or _PROSPECT.search(before)
            or verb.endswith(("ing", "al", "ion"))
            or not _PAST.search(verb)
        )
        return DELISTING if prospective else NOT_LISTED
    if re.search(r"\bhad\b", aux) and "had been" not in aux:
        return None  # "had designated": a past state that may have changed
    if negated:
        return NOT_LISTED
    if _MODAL.search(aux) or verb.endswith("ing"):
        return LISTING
    return LISTED


def _clean_np(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
    words = text.split()
    while words and words[0].lower() in STOPWORDS:
        words.pop(0)
    return " ".join(words)


def _with_article(raw: str, clean: str) -> str:
    return f"the {clean}" if raw.strip().lower().startswith("the ") else clean


def _subject(
    match: re.Match[str], paras: list[Paragraph], index: int, offset: int, obj: str
) -> tuple[str, str] | None:
    """(normalised subject, subject as written for messages), or None."""
    named = None
    for group in ("subj", "owner", "loc"):
        if group in match.re.groupindex and match.group(group):
            named = match.group(group)
            break
    if named is not None and named.strip().lower() not in _ANAPHORS:
        country = country_of(named, capitals=True)
        if country:
            return country, _country_display(country)
        cleaned = _clean_np(re.sub(r"['\u2019]s$", "", named.strip()))
        return (cleaned.lower(), _with_article(named, cleaned)) if cleaned else None
    # No subject, or "the country": the nearest country named before it in the
    # same paragraph, that is not the object. Looking further back guesses.
    text = paras[index].text
    position = offset + match.start()
    mentions = [
        c for s, _, c in countries_in(text) if s < position and c != country_of(obj)
    ]
    if mentions:
        return mentions[-1], _country_display(mentions[-1])
    return None


def _country_display(country: str) -> str:
    plural_or_union = re.search(
        r"(?:States|Kingdom|Emirates|Republic|lands|ines)$", country
    )
    return f"the {country}" if plural_or_union else country


CHECK = Check(
    name=NAME,
    description="Stories of one source that disagree about a designation or sanction.",
    run=find_relation_conflicts,
)

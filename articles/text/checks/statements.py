"""Statements of relations read from copy: (subject, relation, object, state).

The terrorist designation or listing of a group and sanctions are read with their
own patterns here; every other relation with the phrases of relations.py's table.
relation_conflict.py compares what this module reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.text.checks.base import Paragraph, is_heading
from articles.text.checks.relations import (
    DONE,
    JOINT,
    NOT_DONE,
    PASSIVE,
    PROPOSED,
    RELATIONS,
    UNDER_WAY,
    UNDOING,
    Phrase,
    Relation,
)
from articles.text.tokens import sentences
from articles.text.vocabulary import STOPWORDS, actor_of, countries_in, country_of

# The states of a designation, as relations.py names the states of any relation.
LISTED = DONE
NOT_LISTED = NOT_DONE
DELISTING = UNDOING
LISTING = PROPOSED

DESIGNATION = "designation"
SANCTIONS = "sanctions"


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
    # removing a group from a country's list of terrorist groups
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

# Auxiliaries and adverbs between a subject and the verb of a relation's phrase.
_GENERIC_AUX = (
    r"(?P<aux>(?:(?:still|officially|formally|already|currently|now|also|finally|"
    r"has|have|had|does|do|did|not|no\s+longer|never|yet|will|would|could|may|"
    r"might|shall|must|is|are|was|were|be|been|being|to|considering|"
    r"(?:plans?|planning|intends?|wants?|hopes?|seeks?|seeking|agreed|agrees|"
    r"applied|applies|expected|set|moving|poised|about|continues?|fail(?:s|ed)?|"
    r"refus(?:es|ed)|in\s+talks|bid|voted|votes|decided|decides|threatened|"
    r"threatens)\s+to|in\s+the\s+process\s+of)\s+|n['\u2019]t\s+)*)"
)
_GENERIC_PROSPECT = re.compile(
    r"\b(?:will|would|could|may|might|shall|considering|plans?\s+to|planning\s+to|"
    r"intends?\s+to|wants?\s+to|hopes?\s+to|seeks?\s+to|seeking\s+to|"
    r"agreed\s+to|agrees\s+to|applied\s+to|applies\s+to|expected\s+to|set\s+to|"
    r"moving\s+to|poised\s+to|about\s+to|bid\s+to|voted\s+to|votes\s+to|"
    r"decided\s+to|decides\s+to|threatened\s+to|threatens\s+to)\b"
)
_GENERIC_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|yet\s+to|fail(?:s|ed)?\s+to|refus(?:es|ed)\s+to)\b"
    r"|n['\u2019]t\b"
)
_UNDER_WAY = re.compile(r"\bin\s+talks\s+to\b|\bin\s+the\s+process\s+of\b")
_GOVERNMENT = (
    r"(?P<gov>\s+(?:government|administration|authorities|regime|leadership))?"
)


def _generic_pattern(relation: Relation, phrase: Phrase) -> re.Pattern[str]:
    obj = (
        rf"(?P<obj>{relation.objects})" if relation.objects else rf"{_OBJ}{_GOVERNMENT}"
    )
    verb = rf"(?P<verb>{phrase.verb})"
    if phrase.shape == PASSIVE:
        return re.compile(rf"\b{obj},?\s+{_GENERIC_AUX}{verb}\b(?:\s+by\s+{_SUBJ})?")
    if phrase.shape == JOINT:
        return re.compile(rf"\b(?P<subj>{_NP})\s+and\s+{obj}\s+{_GENERIC_AUX}{verb}\b")
    subject = r"(?<![\w-])" if relation.by_object else rf"\b{_SUBJ}\s+"
    tail = "" if phrase.obj else rf"\s+{obj}"
    return re.compile(rf"{subject}{_GENERIC_AUX}{verb}\b{tail}")


# Each with its verb alone: a cheap test that spares most sentences the full pattern.
_GENERIC_PATTERNS: list[tuple[Relation, Phrase, re.Pattern[str], re.Pattern[str]]] = [
    (
        relation,
        phrase,
        _generic_pattern(relation, phrase),
        re.compile(rf"\b(?:{phrase.verb})\b"),
    )
    for relation in RELATIONS
    for phrase in relation.phrases
]
RELATIONS_BY_NAME = {relation.name: relation for relation in RELATIONS}

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

    @property
    def key(self) -> tuple[str, str, str]:
        """What two statements must share to be about the same fact."""
        relation = RELATIONS_BY_NAME.get(self.relation)
        if relation is not None and relation.symmetric:
            first, second = sorted((self.subject, self.object))
            return (self.relation, first, second)
        return (self.relation, self.subject, self.object)


# --- reading statements --------------------------------------------------------------


def read_statements(paragraphs: Sequence[Paragraph]) -> Iterator[Statement]:
    """Every statement of a relation in the paragraphs (questions skipped)."""
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
            )
    yield from _read_generic(paras, index, offset, sentence, taken)


def _read_generic(
    paras: list[Paragraph],
    index: int,
    offset: int,
    sentence: str,
    taken: list[tuple[int, int]],
) -> Iterator[Statement]:
    """Statements of the relations in relations.py's table."""
    for relation, phrase, pattern, verb in _GENERIC_PATTERNS:
        if not verb.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            start, end = _trimmed_span(sentence, match)
            if any(s < end and start < e for s, e in taken):
                continue
            before = sentence[: match.start("verb")]
            if _CONDITIONAL.search(before):
                continue
            state = _generic_state(relation, phrase, match, before)
            if state is None:
                continue
            aux = match.group("aux") or ""
            if (
                phrase.shape == PASSIVE
                and re.match(r"\w+ed\b|taken\b", match.group("verb"))
                and not re.search(r"\b(?:is|are|was|were|be|been|being)\b", aux)
            ):
                continue  # "Police arrested X": active, not "X (was) arrested"
            if phrase.obj is not None:
                obj_text = obj_key = phrase.obj
            elif relation.objects:
                obj_text = _clean_np(match.group("obj"))
                obj_key = re.sub(
                    r"^(?:an?|the|its|national|nationwide|general)\s+", "", obj_text
                ).lower()
                obj_key = relation.synonyms.get(obj_key, obj_key)
            else:
                if not _object_is_whole(sentence, match):
                    continue
                obj_text = _clean_np(match.group("obj"))
                obj_key = actor_of(obj_text) or obj_text.lower()
            if not obj_text:
                continue
            if relation.by_object:
                subject: tuple[str, str] | None = ("", "")
            else:
                subject = _subject(match, paras, index, offset, obj_text)
            if subject is None or subject[0] == obj_key:
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
    aux = re.sub(r"\s+", " ", match.group("aux") or "").strip().lower()
    verb = match.group("verb").lower()
    if re.search(r"\bhad\b", aux) and "had been" not in aux and not relation.by_object:
        return None  # "had joined": a past state that may have changed
    negated = bool(_GENERIC_NEGATION.search(aux))
    prospect = bool(_GENERIC_PROSPECT.search(aux) or _PROSPECT.search(before))
    progressive = bool(_UNDER_WAY.search(aux)) or (
        verb.split()[0].endswith("ing") and re.search(r"\b(?:is|are)\b", aux)
    )
    if phrase.state in (UNDER_WAY, PROPOSED):
        return None if negated else phrase.state
    if negated:
        if prospect or progressive:
            return None  # "will not join": a plan denied, not a state
        return NOT_DONE if phrase.state == DONE else DONE
    if progressive:
        return UNDER_WAY if phrase.state == DONE else UNDOING
    if prospect:
        return PROPOSED if phrase.state == DONE else UNDOING
    return phrase.state


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
        country = actor_of(named, capitals=True)
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
        r"(?:States|Kingdom|Emirates|Republic|lands|ines|Union|Nations|Council|"
        r"Organi[sz]ation|Court|Agency|Fund|Bank|Commission|League|Committee)$",
        country,
    )
    return f"the {country}" if plural_or_union else country

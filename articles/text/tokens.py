"""One tokenizer, one sentence splitter and one name-run finder for articles/text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.text.vocabulary import (
    ABBREVIATIONS,
    ACTOR_NAMES,
    CALENDAR_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    ROLE_HEADS,
    SENTENCE_OPENERS,
    TITLE_MODIFIERS,
    fold_accents,
    is_stopword,
)

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S.
    # words, with d'Affaires and Russia's as one word each
    r"|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*(?:['\u2019]s?)?"
    r"|\d+"
    r"|[^\w\s]"
)
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:['\u2019\-][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”\u2019')\]]*(?=\s+|$)")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")  # "u.s", "e.g": not a sentence end
# What follows a sentence end: nothing, or a sentence opening with a capital.
_NEXT_SENTENCE = re.compile(r"\s*(?:[\"“\u2018'(\[]?[A-Z0-9]|\Z)")


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark at text[start:end]."""

    text: str
    start: int
    end: int

    @property
    def base(self) -> str:
        """The word without a possessive ending."""
        return (
            re.sub(r"['\u2019]s?$", "", self.text) if self.is_possessive else self.text
        )

    @property
    def is_possessive(self) -> bool:
        return bool(re.search(r"(?:['\u2019]s|s['\u2019])$", self.text))

    @property
    def lower(self) -> str:
        return self.base.lower().replace("\u2019", "'")


def tokenize(text: str, *, offset: int = 0) -> list[Token]:
    """The tokens of `text`, their offsets shifted by `offset`."""
    return [
        Token(m.group(), m.start() + offset, m.end() + offset)
        for m in _TOKEN.finditer(text)
    ]


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, apostrophes and hyphens kept inside words."""
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text)]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of a paragraph."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (
            last_word in ABBREVIATIONS or _INITIALS.fullmatch(last_word)
        ):
            continue
        if not _NEXT_SENTENCE.match(text, end):
            continue  # "... the U.S. and" or "said: ... and then": not a sentence end
        if text[start:end].strip():
            yield start + (len(text[start:end]) - len(text[start:end].lstrip())), end
        start = end
    if text[start:].strip():
        yield (
            start + (len(text[start:]) - len(text[start:].lstrip())),
            len(text.rstrip()),
        )


def is_title_word(word: str) -> bool:
    """True for a word that can be part of a title ("deputy", "Vice-President")."""
    folded = fold_accents(word.lower())
    return all(p in ROLE_HEADS or p in TITLE_MODIFIERS for p in folded.split("-"))


def is_ordinary(word: str) -> bool:
    """True for a word, as written, that is never part of a name ("The", "Monday")."""
    low = word.lower()
    return (
        is_stopword(word)
        or low in CALENDAR_WORDS
        or low in HONORIFICS
        or low in SENTENCE_OPENERS
    )


def is_name_word(token: Token) -> bool:
    """True for a word that can be part of a person's name ("Okafor", "al-Said")."""
    base = token.base
    if re.match(r"(?:al|el|ad|as|ash|at|az)-[A-Z]", base):
        return True  # al-Baghdadi
    return (
        base[:1].isupper()
        and any(c.islower() for c in base)
        and not is_ordinary(base)
        and not is_title_word(base)
        and base not in ACTOR_NAMES
    )


def name_runs(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """(first, last+1) token indexes of runs of name words; a possessive ends a run."""
    i = 0
    while i < len(tokens):
        if not is_name_word(tokens[i]):
            i += 1
            continue
        j = i + 1
        while not tokens[j - 1].is_possessive and j < len(tokens):
            if is_name_word(tokens[j]):
                j += 1
            elif (
                tokens[j].lower in NAME_PARTICLES
                and j + 1 < len(tokens)
                and is_name_word(tokens[j + 1])
            ):
                j += 2
            else:
                break
        yield i, j
        i = j

"""Small text helpers the checks share: sentences, words, quote folding."""

from __future__ import annotations

import re
from collections.abc import Iterator

from articles.text.checks._lexicon import words_of

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    words_of(
        """
    mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep st jr sr inc ltd co corp
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e
    """
    )
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"”\u2019')\]]*(?=\s+|$)")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of a paragraph."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        before = text[start : match.start()].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last_word)
        ):
            continue
        rest = text[end:].lstrip()
        if rest and not re.match(r"[\"“\u2018'(\[]?[A-Z0-9]", rest):
            continue  # "... the U.S. and" or "said: ... and then": not a sentence end
        if text[start:end].strip():
            yield start + (len(text[start:end]) - len(text[start:end].lstrip())), end
        start = end
    if text[start:].strip():
        yield (
            start + (len(text[start:]) - len(text[start:].lstrip())),
            len(text.rstrip()),
        )


WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:['\u2019\-][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, apostrophes and hyphens kept inside words."""
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text)]

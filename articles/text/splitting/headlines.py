"""Headlines: how much a line looks like one, and one suggested from a paragraph."""

from __future__ import annotations

import re

from articles.text.splitting.words import (
    _DATELINE_PREFIX,
    _INTERVIEW_TURN,
    _QUOTES,
    _SENTENCE_END,
    _TRAILING_SOURCE,
    _WORD,
    STOPWORDS,
    _first_sentence,
)

HEADLINE_MAX_WORDS = 16
SUGGESTED_HEADLINE_MAX_WORDS = 12


def heading_shape(text: str) -> tuple[float, bool | None]:
    """How much a line looks like a headline (0..1), and whether it is in title case
    (None when too few words tell: "Pressure from Washington" could be either).
    """
    words = text.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or len(text) > 120:
        return 0.0, None
    first = text.lstrip(_QUOTES)[:1]
    if not (first.isupper() or first.isdigit()) or text[0] in _QUOTES:
        return 0.0, None
    if _INTERVIEW_TURN.match(text):  # "Q: What changed?" asks; it does not head
        return 0.0, None
    # A full stop inside closing quotes ends a sentence too: 'he said "No."'
    if text.rstrip(_QUOTES + ")]").endswith((".", ",", ";", ":")):
        return 0.0, None
    shape = 1.0
    # Two short sentences, the last without a full stop, make a headline too
    # ("Town bet on wind. Has it paid off?"), if less surely than one.
    if _SENTENCE_END.search(text):
        shape -= 0.3
    if len(words) < 2:
        shape -= 0.4
    if any(q in text for q in '"\u201c\u201d'):
        shape -= 0.2
    if text.endswith("!"):
        shape -= 0.3
    # The first word is capitalised either way, and names are in any case: judge
    # the case by the other content words, given at least two of them.
    content = [w for w in words[1:] if w.lower().strip(_QUOTES) not in STOPWORDS]
    capitalised = [w for w in content if w.strip(_QUOTES)[:1].isupper()]
    title_case = len(capitalised) >= 0.8 * len(content) if len(content) >= 2 else None
    return max(shape, 0.0), title_case


_APPOSITIVE = re.compile(r"(?<=[a-z]), (?:the|a|an) [^,]{2,60},(?= [a-z])")
_ATTRIBUTION_PREFIX = re.compile(
    r"^(?:according to|speaking (?:at|to|in))\b[^,]*,\s*", re.I
)
# "Speaker[, role] said [when/where] that CLAIM": the headline is "Speaker: CLAIM".
_REPORTED_SPEECH = re.compile(
    r"^(?P<speaker>[^,]{2,60}?)(?:, [^,]{2,80}?,?)? "
    r"(?:said|says|announced|confirmed|claimed|warned|stressed|insisted"
    r"|told [^,]{2,30}?)"
    r"(?: [^,]{0,60}?)? that (?P<claim>\S.{10,})$"
)


def suggest_headline(paragraph: str) -> str | None:
    """Return a short headline made from a paragraph's first clause, or None if it has
    no words. Editors are expected to improve it; it only saves them typing.
    """
    return _headline_from(_first_sentence(paragraph.strip()))


def _headline_from(sentence: str) -> str | None:
    """`suggest_headline` for a paragraph whose first sentence is `sentence`."""
    sentence = _DATELINE_PREFIX.sub("", sentence, count=1)
    sentence = _ATTRIBUTION_PREFIX.sub("", sentence, count=1)
    # (The pattern needs " that "; without it, its many ways to fail are skipped.)
    speech = _REPORTED_SPEECH.match(sentence) if " that " in sentence else None
    if speech and (speaker := _speaker_label(speech["speaker"])):
        claim = _first_clause(speech["claim"])
        words = f"{speaker}: {claim[0].upper()}{claim[1:]}".split()
        words = words[:SUGGESTED_HEADLINE_MAX_WORDS]
        while words[-1].lower().strip(_QUOTES + ".,;:") in STOPWORDS:
            words.pop()
        return " ".join(words).strip(_QUOTES + " .,;:\u2014\u2013-")
    # Who said it and who someone is are detail for a headline.
    sentence = _TRAILING_SOURCE.sub("", sentence)
    sentence = _APPOSITIVE.sub("", sentence)
    words = _first_clause(sentence).split()[:SUGGESTED_HEADLINE_MAX_WORDS]
    while words and words[-1].lower().strip(_QUOTES + ".,;:") in STOPWORDS:
        words.pop()
    headline = " ".join(words).strip(_QUOTES + " .,;:\u2014\u2013-")
    if not _WORD.search(headline):
        return None
    return headline[0].upper() + headline[1:]


def _first_clause(sentence: str) -> str:
    """The first clause carries the news; what follows a comma or dash is detail."""
    clause = re.split(r",\s+|\s+[\u2014\u2013]\s+|;\s+|:\s+", sentence, maxsplit=1)[0]
    return clause if len(clause.split()) >= 5 else sentence


def _speaker_label(speaker: str) -> str | None:
    """How a headline names a speaker: a person by surname, a title without "The"."""
    words = speaker.split()
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() for w in words[1:]):
        return None
    if words[0].lower() in {"the", "a", "an"}:
        return " ".join(words[1:]) or None
    if not words[0][0].isupper() or words[0].lower() in STOPWORDS:
        return None
    return words[-1]


_heading_shape = heading_shape  # the name the split page has imported

"""The splitter's words: function words, openers, calendar words, and the tokens,
stems, sentences and name runs read from copy."""

from __future__ import annotations

import re
from collections.abc import Iterable

from articles.text import vocabulary
from articles.text.names import PERSON_WORD
from articles.text.tokens import sentences

# ---------------------------------------------------------------------------
# Generic English word lists (function words, openers); nothing about any one copy
# ---------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that carry no topic: the text package's function words, the weekdays and
# honorifics (every story has them) and the reporting verbs.
STOPWORDS = (
    vocabulary.STOPWORDS
    | {day.lower() for day in vocabulary.WEEKDAYS}
    | vocabulary.HONORIFICS
    | _word_set("saying added adding first time times last new")
)

# Words that open a paragraph continuing the one before: pronouns and linking words.
CONTINUATION_OPENERS = _word_set(
    """
    he she they it its his her their this these those them him both
    however meanwhile but and also moreover furthermore additionally nevertheless
    nonetheless still yet instead indeed besides likewise similarly otherwise
    therefore thus hence then later so
    """
)
CONTINUATION_PHRASES = (
    "in addition",
    "at the same time",
    "on the other hand",
    "as a result",
    "even so",
    "despite this",
    "for his part",
    "for her part",
    "for their part",
    "in response",
    "in turn",
)
# Verbs that only continue reporting already under way.
CONTINUING_VERBS = frozenset({"added", "adds", "continued", "continues", "also"})
CALENDAR_WORDS = vocabulary.CALENDAR_WORDS | _word_set(
    "today yesterday tonight week month year morning evening night weekend"
)
# Words a sub-heading may open with but a headline does not: headlines drop their
# articles ("Council Raises Tax"), sections are named by phrases and questions
# ("A Long Wait", "What Happens Next").
PHRASE_HEADING_OPENERS = _word_set("a an the what why how when where who which")
# The label an item of a sequence opens with: an interview's question or answer
# ("Q: ...", "A: ..."), a bullet or a number ("1. ..."). Such an item goes on with
# the items before it and no story opens with one; a question is no headline
# (a numbered line may be one: a page's list of links to other stories).
_INTERVIEW_LABEL = r"(?:Q|A|Question|Answer) ?:\s"
_ITEM_LABEL = re.compile(
    rf"^(?:{_INTERVIEW_LABEL}|[\u2022\u25aa\u25cf\u25e6\u2023*]\s*\S|\d{{1,2}}[.)]\s)"
)
_INTERVIEW_TURN = re.compile(rf"^{_INTERVIEW_LABEL}")

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)
# "NAIROBI, May 6 (Reuters) - ", "KYIV, Ukraine (AP) \u2014 ", "Kabul, Oct. 4 -" or
# "London, 4 March 2026 \u2014" at the start of a paragraph.
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s*\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?"
_REGION = r"[A-Z][\w.'\u2019]*(?: [A-Z][\w.'\u2019]*){0,2}"  # "Ukraine", "D.C."
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019/\- ]{1,30}"  # a place in capitals
    # or in title case, before a date or a region and a dash
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}}"
    rf"(?=,\s*(?:{_DATE}|{_REGION}\s*[\u2014\u2013-])))"
    rf"(?:,\s*(?!{_DATE})(?=[A-Z]){_REGION})?"  # the region or country, "Ukraine"
    rf"(?:,\s*{_DATE})?"  # the date, "May 6", "4 March 2026"
    r"(?:,?\s*\([^)]{1,30}\))?"  # the agency, "(Reuters)"
    r"\s*[\u2014\u2013-]{1,2}\s+"
    # or "Mumbai, Aug 6 (Agency) ": a place, a date and an agency, with no dash
    rf"|^{_REGION}(?:,\s*(?!{_DATE}){_REGION})?,\s*{_DATE},?\s*\([^)]{{1,30}}\)\s+"
)
_DATELINE = re.compile(rf"(?:{_DATELINE_PREFIX.pattern})\S")
# "Durban: A man ...": a place in title case and a colon, as some papers write it.
_COLON_DATELINE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}: (?=[A-Z])")
# "UPDATED 3.40 pm: ", "UPDATED: Monday, 6:15 p.m. \u2014 ": a developing story's
# new version opens with the time it was filed, as a wire story with its dateline.
_UPDATE_STAMP = re.compile(
    r"^(?:UPDATED?|Updated)\b[^\n]{0,30}?(?::|\s?[\u2014\u2013]|\s-)\s+\S"
)
# A day, not a habit: "on Sundays" and "on Sunday afternoons" name no one day.
_HABIT = r"(?!s\b| (?:morning|afternoon|evening|night)s\b)"
_WEEKDAY = rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){_HABIT}"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A follow-up dates itself from the event before: "a day after", "Two days after".
_DAYS_AFTER = r"(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive) days? after\b"
# When it happened, as a lede says it: "on Tuesday", "yesterday", "October 3",
# "a day after", and "said Tuesday" as American copy writes it, with no "on".
# (The look-ahead lets the search skip words that start none of them.)
_WHEN = re.compile(
    rf"\b(?=[afotylMTWFSJAOND\d])"
    rf"(?:on {_WEEKDAY}|(?<=ed |id |ys ){_WEEKDAY}|{_DAYS_AFTER}|"
    rf"{_WEEKDAY} (?:morning|afternoon|evening|night)|yesterday|"
    rf"today|tonight|this (?:week|morning|afternoon|evening)|last (?:week|night)|"
    rf"{_MONTH} \d{{1,2}}\b|\d{{1,2}} {_MONTH})"
)
# A day a sentence opens on: "On Tuesday,", "Late Tuesday,", "Early on Sunday,".
_OPENING_DAY = re.compile(rf"(?:[A-Z][a-z]+ (?:on )?)?{_WEEKDAY}\b")
# The day something was said ("said on Sunday that"), not the day it happened: a
# story's later paragraphs quote people on later days too.
# ("said in a statement on Friday": a few words may come between.)
_SPEECH_DAY = re.compile(
    rf"\b(?:said|says|announced|told|added)(?: [\w ]{{1,40}}?)?(?: on)? {_WEEKDAY}\b"
)
_PRESENT_PERFECT = re.compile(
    r"^[^,;]{0,80}?\b(?:has|have) (?:been |)[a-z]+(?:ed|en|n|t)\b"
)
# The source at the end of the first sentence: ", the ministry said on Monday."
_TRAILING_SOURCE = re.compile(
    r",[^,]{0,60}\b(?:said|says|announced|confirmed|reported|warned|told [\w ]{1,20})"
    rf"(?: on {_WEEKDAY}| {_WEEKDAY}| yesterday| today)?[.!]?[\"\u201d\u2019]?$"
)
# "Full Name, the/a/an/Someone's role," at the start of a paragraph.
_APPOSITIVE_OPENING = re.compile(
    rf"^({PERSON_WORD}(?:\s+{PERSON_WORD})+),"
    r"\s+(?:the|a|an|[A-Z])"  # the role: "the head of ...", "Chargé d'Affaires"
)
# (The leading space lets the search jump from space to space.)
_MIDSENTENCE_CAPITAL = re.compile(
    r" (?<=[\w,;\u2019'\"\u201d)] )([A-Z][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*)"
)


def content_stems(text: str) -> list[str]:
    """Return the stemmed content words of `text` (function words removed), in order."""
    return _content_stems(_words_lower(text))


def _content_stems(words: list[str]) -> list[str]:
    # One look-up per word: a stem is never "", which stands for a function word.
    return [stem for stem in map(_CONTENT_STEMS.__getitem__, words) if stem]


class _ContentStemTable(dict[str, str]):
    """Each word's stem, or "" for a function word or a single character, worked out
    on its first look-up; bounded, and holding nothing but words and their stems.
    """

    def __missing__(self, word: str) -> str:
        stem = "" if word in STOPWORDS or len(word) < 2 else _stem(word)
        if len(self) < 200_000:
            self[word] = stem
        return stem


_CONTENT_STEMS = _ContentStemTable()


def _words_lower(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


# Stemming the same words again and again is most of the cost of reading copy; the
# cache is bounded and holds nothing but the stems of words.
_STEM_CACHE: dict[str, str] = {}


def _stem(word: str) -> str:
    # A light suffix stripper plus truncation: enough to match "minister"/"ministry"
    # and "attacks"/"attacked" for overlap counting, without a stemming library.
    stem = _STEM_CACHE.get(word)
    if stem is not None:
        return stem
    if word[0].isdigit():  # a number: no suffix to strip, and seldom seen again
        return word[:7]
    w = word.removesuffix("'s").rstrip("'")
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + replacement
            break
    stem = w[:7]
    if len(_STEM_CACHE) < 200_000:
        _STEM_CACHE[word] = stem
    return stem


def _first_sentence(text: str) -> str:
    first = next(sentences(text), None)
    return text[first[0] : first[1]] if first else text


def _midsentence_capitalised(lines: Iterable[str]) -> set[str]:
    """Words the copy capitalises after a word or comma: names, not sentence starts."""
    return {
        word.removesuffix("'s").removesuffix("\u2019s")
        for text in lines
        for word in _MIDSENTENCE_CAPITAL.findall(text)  # the pattern's one group
    }

"""Propose where the stories in multi-story raw copy start; build the editor's split.

`suggest_split` reads raw copy (one paragraph per line) and proposes stories, each with
a confidence and reasons an editor can read. `plan_split` checks the editor's chosen
boundaries against the copy and builds each story's text without losing a line.

How a boundary is scored: every gap between two paragraphs gets the signals listed in
`SIGNALS` (each a number from 0 to 1, a few from -1 to 1), and its score is `BIAS`
plus the weighted sum. A gap scoring above zero starts a new story; its confidence is
the logistic of the score, and the signals that weighed most are its reasons. A
headline-like line that does not start a story is a sub-heading. Paragraphs that
repeat an earlier one are flagged and left out of the scoring, so that a duplicated
lede does not look like a new story. Everything is linear in the length of the copy.
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise

from articles.text.rawcopy import copy_lines

# ---------------------------------------------------------------------------
# Public values
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedStory:
    """One story the splitter proposes; line numbers are 1-based and inclusive."""

    first_line: int
    last_line: int
    headline: str | None  # as written in the copy, or a suggested one
    headline_suggested: bool  # True when the headline is not a line of the copy
    headline_line: int | None  # the copy line holding the written headline
    confidence: float  # 0..1, for the boundary that starts this story
    reasons: tuple[str, ...]  # why this story starts here, strongest first
    subheading_lines: tuple[int, ...]
    duplicate_lines: tuple[int, ...]  # lines repeating an earlier paragraph
    doubts: tuple[str, ...] = ()  # signals that spoke against this boundary


@dataclass(frozen=True)
class BoundaryCandidate:
    """A gap between paragraphs where a story could start, with its score explained."""

    line: int  # the first line of the story that would start here
    score: float  # above zero: proposed as a boundary
    confidence: float  # logistic of the score
    reasons: tuple[str, ...]  # signals for a boundary, strongest first
    doubts: tuple[str, ...]  # signals against, strongest first


@dataclass(frozen=True)
class StoryChoice:
    """What the editor decided for one story."""

    first_line: int
    last_line: int
    headline: str  # may be edited; must be non-blank
    headline_line: int | None  # the copy line used as headline (not in the body)
    subheading_lines: tuple[int, ...] = ()
    drop_lines: tuple[int, ...] = ()  # flagged duplicates the editor chose to drop


@dataclass(frozen=True)
class StoryText:
    """A story built from the copy: which lines went where, and the text."""

    first_line: int
    last_line: int
    headline: str
    body: str  # paragraphs separated by "\n\n"; a sub-heading is "## " + text
    kept_lines: tuple[int, ...]  # source lines whose text is in headline or body
    dropped_lines: tuple[int, ...]  # non-blank source lines dropped as duplicates


class SplitError(ValueError):
    """The editor's choice of stories cannot be applied; the message says why."""


# ---------------------------------------------------------------------------
# The scoring model: signals, weights and the words editors see, in one place
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    weight: float  # added to the score per unit of the signal's value
    reason: str  # shown to an editor when the signal counts
    # For signals that run from -1 to 1: shown when the value is negative.
    reason_if_negative: str = ""


# The weights were set by hand from what each signal means, then checked on the
# "tune" pieces of tests/data/split; weights fitted to those pieces did no better on
# pieces left out of the fit, so the round numbers stay. Words and names of any one
# copy play no part: only generic English and news-writing conventions.
BIAS = -3.0  # most gaps inside a story show none of the signals below

SIGNALS: dict[str, Signal] = {
    # The text after the gap starts with a headline-like line, and how it is written.
    "headline": Signal(2.0, "headline-like line"),
    "title_case": Signal(1.0, "headline in title case"),
    "like_first": Signal(0.75, "written like the copy's first headline"),
    "unlike_first": Signal(  # 0.5 per difference: case, blank line after it
        -3.0, "written unlike the copy's first headline, as sub-headings are"
    ),
    "short_heading": Signal(-0.75, "a very short heading, as sub-headings are"),
    # Spacing, judged against the copy's usual spacing between paragraphs.
    "blank_more": Signal(2.0, "more blank lines than usual between paragraphs"),
    "blank": Signal(0.5, "blank line"),
    "unmarked": Signal(
        -1.5, "no blank line or headline, unlike where other stories start"
    ),
    "convention": Signal(
        -1.5, "lacks the blank lines or headline that the copy's other stories have"
    ),
    # Vocabulary on either side of the gap (TextTiling-like lexical cohesion).
    "topic_shift": Signal(
        1.5, "topic shift: little word overlap with the paragraphs before"
    ),
    "attachment": Signal(  # -1..1
        1.0,
        "the opening paragraph shares more words with what follows than before",
        "the opening paragraph shares more words with the paragraphs before",
    ),
    "new_names": Signal(0.5, "names people or places not mentioned just before"),
    "shared_names": Signal(-1.0, "names the same people and places as just before"),
    # How the first paragraph after the gap opens.
    "dateline": Signal(2.5, "opens with a dateline"),
    "lede": Signal(1.5, "opening typical of a lede"),
    "reintroduced": Signal(
        1.5,
        "introduces by full name and role someone named before, as a new story does",
    ),
    "continuation": Signal(-3.0, "opens like a continuation (pronoun or linking word)"),
    "definite_reference": Signal(
        -2.0, "opens with 'The ...' for something just mentioned"
    ),
    "surname_only": Signal(
        -1.5, "refers by surname alone to someone named just before"
    ),
    "also_added": Signal(-1.5, "'also' or 'added' continues the reporting before"),
    "quote_opening": Signal(-0.5, "opens with a quotation"),
    "lead_in": Signal(-3.0, "the paragraph before leads into this one"),
}

FULL_SIMILARITY = 0.5  # a cosine this high counts as "the same topic"
LONG_SENTENCE_WORDS = 25  # a first sentence this long is typical of a lede
SHORT_HEADING_WORDS = 3  # headings this short are more often sub-headings
CONVENTION_SHARE = 2 / 3  # of the other likely story starts that share a marker
WINDOW = 3  # paragraphs compared on each side of a gap, as in TextTiling's blocks
NEAR_DUPLICATE_WINDOW = 30  # lines back to look for a near-exact repeat
NEAR_DUPLICATE_MIN_WORDS = 8
EXACT_DUPLICATE_MIN_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.8  # share of word pairs two paragraphs must have in common
HEADLINE_MAX_WORDS = 16
SUGGESTED_HEADLINE_MAX_WORDS = 12
MIN_SHOWN_CONTRIBUTION = 0.5  # weaker signals are scored but not listed as reasons


# ---------------------------------------------------------------------------
# Generic English word lists (function words, openers); nothing about any one copy
# ---------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS = _word_set(
    """
    a about above after again against all also although am among an and any are
    around as at be because been before being below between both but by can could
    did do does doing down during each either else even ever every few for from
    further had has have having he her here hers herself him himself his how however
    i if in into is it its itself just least less like made make many may me might
    more most much must my myself near neither no nor not now of off on once one only
    or other our ours ourselves out over own per rather same she should since so some
    such than that the their theirs them themselves then there these they this those
    though through to too toward towards under until up upon us very via was we were
    what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves
    said says say saying told tell added adding according
    monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr
    """
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
CALENDAR_WORDS = _word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november
    december week month year morning evening night weekend
    """
)
# Capitalised words that are not names even in mid-sentence.
NOT_NAMES = STOPWORDS | CALENDAR_WORDS | {"i"}

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)
# "NAIROBI, May 6 (Reuters) - " or "Kabul, Oct. 4 -" at the start of a paragraph.
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019\- ]{1,30}"  # a place in capitals
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}(?=,\s*[A-Z][a-z]{2,8}\.?\s*\d))"  # or dated
    r"(?:,\s*[A-Z][A-Za-z.]{2,9}\.?\s*\d{1,2})?"  # the date, "May 6"
    r"(?:,?\s*\([^)]{1,30}\))?"  # the agency, "(Reuters)"
    r"\s*[\u2014\u2013-]{1,2}\s+"
)
_DATELINE = re.compile(_DATELINE_PREFIX.pattern + r"\S")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# When it happened, as a lede says it: "on Tuesday", "yesterday", "October 3".
_WHEN = re.compile(
    rf"\b(?:on {_WEEKDAY}|{_WEEKDAY} (?:morning|afternoon|evening|night)|yesterday|"
    rf"today|tonight|this (?:week|morning|afternoon|evening)|last (?:week|night)|"
    rf"{_MONTH} \d{{1,2}}\b|\d{{1,2}} {_MONTH})"
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
    r"^((?:[A-Z][^\W\d_]+(?:['\u2019\-][^\W\d_]+)*\s+)+[A-Z][^\W\d_]+(?:['\u2019\-][^\W\d_]+)*),"
    r"\s+(?:the|a|an|[A-Z])"  # the role: "the head of ...", "Chargé d'Affaires"
)
_MIDSENTENCE_CAPITAL = re.compile(
    r"(?<=[\w,;\u2019'\"\u201d)] )([A-Z][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*)"
)
_RUN_ENDINGS = (",", ";", ":", ".", "!", "?", *_QUOTES)
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z]")


# ---------------------------------------------------------------------------
# Paragraphs and their features
# ---------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Paragraph:
    line: int  # 1-based line number
    text: str  # stripped
    words: list[str]  # lower-case words
    stems: Counter[str]
    names: frozenset[str]  # capitalised name words in the paragraph
    surnames: frozenset[str]  # last words of multi-word names
    first_sentence: str
    opening_names: tuple[tuple[str, ...], ...]  # name runs in the first sentence
    kind: str  # "para", "heading" or "byline"
    heading_shape: float  # 0..1, how much the line looks like a headline
    title_case: bool | None
    duplicate_of: int | None = None  # line of the earlier paragraph it repeats


def content_stems(text: str) -> list[str]:
    """Return the stemmed content words of `text` (function words removed), in order."""
    return _content_stems(_words_lower(text))


def _content_stems(words: list[str]) -> list[str]:
    return [_stem(w) for w in words if w not in STOPWORDS and len(w) > 1]


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
    match = _SENTENCE_END.search(text)
    return text[: match.start() + 1] if match else text


def _name_core(token: str) -> str:
    word = token.strip(_QUOTES + "()[],.;:!?")
    return word.removesuffix("'s").removesuffix("\u2019s")


def _is_name_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and word.lower() not in NOT_NAMES


def _name_runs(
    tokens: list[str], known_names: frozenset[str] | set[str]
) -> list[tuple[int, list[str]]]:
    """Runs of consecutive capitalised name words with the index of their first
    token, e.g. (4, ["Fiona", "Marsh"]).
    """
    runs: list[tuple[int, list[str]]] = []
    run: list[str] = []
    start = 0
    sentence_start = True
    for k, raw in enumerate(tokens):
        if raw[0].islower():
            # Most words are lower case: the quick way past them.
            if run:
                runs.append((start, run))
                run = []
            sentence_start = raw[-1] in ".!?:"
            continue
        ends_run = raw.endswith(_RUN_ENDINGS)
        core = _name_core(raw)
        is_name = _is_name_word(core)
        if is_name and sentence_start and core not in known_names:
            # A capitalised word opening a sentence is a name only if the copy also
            # capitalises it mid-sentence ("Taliban" yes, "Participants" no) or a
            # name follows it ("Karen Decker").
            is_name = (
                not ends_run
                and k + 1 < len(tokens)
                and _is_name_word(_name_core(tokens[k + 1]))
            )
        if is_name:
            if not run:
                start = k
            run.append(core)
        elif run:
            runs.append((start, run))
            run = []
        if run and ends_run:
            runs.append((start, run))
            run = []
        sentence_start = raw.endswith((".", "!", "?", ":")) or raw in (
            "\u2014",
            "\u2013",
            "-",
        )
    if run:
        runs.append((start, run))
    return runs


def _midsentence_capitalised(lines: Iterable[str]) -> set[str]:
    """Words the copy capitalises after a word or comma: names, not sentence starts."""
    found: set[str] = set()
    for text in lines:
        for match in _MIDSENTENCE_CAPITAL.finditer(text):
            found.add(match.group(1).removesuffix("'s").removesuffix("\u2019s"))
    return found


def _heading_shape(text: str) -> tuple[float, bool | None]:
    """How much a line looks like a headline (0..1), and whether it is in title case
    (None when too few words tell: "Pressure from Washington" could be either).
    """
    words = text.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or len(text) > 120:
        return 0.0, None
    first = text.lstrip(_QUOTES)[:1]
    if not (first.isupper() or first.isdigit()) or text[0] in _QUOTES:
        return 0.0, None
    # A full stop inside closing quotes ends a sentence too: 'he said "No."'
    if text.rstrip(_QUOTES + ")]").endswith(
        (".", ",", ";", ":")
    ) or _SENTENCE_END.search(text):
        return 0.0, None
    shape = 1.0
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


def _build_paragraphs(lines: Sequence[str]) -> list[_Paragraph]:
    known = _midsentence_capitalised(lines)
    paragraphs: list[_Paragraph] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        tokens = text.split()
        runs = _name_runs(tokens, known)
        names = frozenset(w for _, run in runs for w in run)
        surnames = frozenset(run[-1] for _, run in runs if len(run) > 1)
        first_sentence = _first_sentence(text)
        opening_tokens = len(first_sentence.split())
        opening = tuple(tuple(run) for k, run in runs if k < opening_tokens)
        words = _words_lower(text)
        shape, title = _heading_shape(text)
        if shape and _BYLINE.match(text) and len(text.split()) <= 8:
            kind = "byline"
        elif shape >= 0.5:
            kind = "heading"
        else:
            kind = "para"
        paragraphs.append(
            _Paragraph(
                line=number,
                text=text,
                words=words,
                stems=Counter(_content_stems(words)),
                names=names,
                surnames=surnames,
                first_sentence=first_sentence,
                opening_names=opening,
                kind=kind,
                heading_shape=shape,
                title_case=title,
            )
        )
    return paragraphs


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------


class _DuplicateFinder:
    """Finds paragraphs repeating an earlier one: exactly, or nearly within a window.

    Call `see` for each non-blank line in order.
    """

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}
        # (line, number of word pairs, word pairs) of recent matchable paragraphs
        self._recent: deque[tuple[int, int, frozenset[tuple[str, str]]]] = deque()

    def see(self, line: int, words: list[str], *, matchable: bool = True) -> int | None:
        """Return the line of an earlier matchable paragraph that `words` repeat, if
        any; then remember this one, as a possible original if `matchable` and it is
        not itself a repeat.
        """
        original = None
        key = " ".join(words)
        if len(words) >= EXACT_DUPLICATE_MIN_WORDS:
            original = self._exact.get(key)
        # Keep the window bounded so that the search stays linear in the copy.
        recent = self._recent
        while recent and line - recent[0][0] > NEAR_DUPLICATE_WINDOW:
            recent.popleft()
        pairs: frozenset[tuple[str, str]] = frozenset()
        if len(words) >= NEAR_DUPLICATE_MIN_WORDS:
            pairs = frozenset(pairwise(words))
            size = len(pairs)
            if original is None:
                for other_line, other_size, other_pairs in reversed(recent):
                    # Jaccard similarity cannot reach the bar if the sizes differ
                    # too much; skip the set intersection then.
                    if min(size, other_size) < NEAR_DUPLICATE_JACCARD * max(
                        size, other_size
                    ):
                        continue
                    common = len(pairs & other_pairs)
                    if common >= NEAR_DUPLICATE_JACCARD * (size + other_size - common):
                        original = other_line
                        break
        if matchable and original is None:
            self._exact.setdefault(key, line)
            if pairs:
                recent.append((line, len(pairs), pairs))
        return original


def _mark_duplicates(paragraphs: list[_Paragraph]) -> None:
    finder = _DuplicateFinder()
    for p in paragraphs:
        p.duplicate_of = finder.see(p.line, p.words)


# ---------------------------------------------------------------------------
# Scoring the gaps between paragraphs
# ---------------------------------------------------------------------------


@dataclass
class _Gap:
    index: int  # index into the scored paragraphs of the first paragraph after the gap
    features: dict[str, float]


class _Windows:
    """Sums of the term vectors of consecutive paragraphs, with their norms, cached:
    neighbouring gaps compare the same windows, so each is summed once.
    """

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        self._vectors = vectors
        self._cache: dict[tuple[int, int], tuple[dict[str, float], float]] = {}

    def forget_before(self, index: int) -> None:
        """Drop cached windows starting before `index`: gaps are scored in order, so
        they will not be asked for again, and memory stays small on long copy.
        """
        cache = self._cache
        while cache:
            oldest = next(iter(cache))
            if oldest[0] >= index:
                break
            del cache[oldest]

    def get(self, start: int, stop: int) -> tuple[dict[str, float], float]:
        key = (max(start, 0), max(stop, 0))
        found = self._cache.get(key)
        if found is None:
            total: dict[str, float] = {}
            for vector in self._vectors[key[0] : key[1]]:
                for term, weight in vector.items():
                    total[term] = total.get(term, 0.0) + weight
            found = (total, math.sqrt(sum(w * w for w in total.values())))
            self._cache[key] = found
        return found

    def cosine(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Cosine similarity of the windows [a[0], a[1]) and [b[0], b[1])."""
        (va, na), (vb, nb) = self.get(*a), self.get(*b)
        if not na or not nb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(weight * vb[term] for term, weight in va.items() if term in vb)
        return dot / (na * nb)


def _term_vectors(paragraphs: list[_Paragraph]) -> list[dict[str, float]]:
    """Each paragraph's content words weighted by tf-idf over the copy's paragraphs.

    Words found in one paragraph only cannot link two paragraphs and are left out;
    words found everywhere (the country all the stories are about) weigh little.
    """
    count = len(paragraphs)
    df: Counter[str] = Counter()
    for p in paragraphs:
        df.update(p.stems.keys())
    vectors = []
    for p in paragraphs:
        vectors.append(
            {
                term: (1.0 + math.log(tf)) * math.log((count + 1) / df[term])
                for term, tf in p.stems.items()
                if df[term] > 1
            }
        )
    return vectors


def _is_continuation_opening(p: _Paragraph) -> bool:
    # A pronoun in an opening quotation refers to the speaker, not to the text before.
    if not p.words or p.text[0] in _QUOTES:
        return False
    if p.words[0] in CONTINUATION_OPENERS:
        return True
    opening = " ".join(p.words[:4])
    return any(opening.startswith(phrase) for phrase in CONTINUATION_PHRASES)


def _typical(values: list[int]) -> int:
    return sorted(values)[(len(values) - 1) // 2] if values else 0


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return min(max(value, low), high)


def _lede_likeness(p: _Paragraph) -> float:
    """0..1: how much a paragraph opens like a news lede.

    A lede is one long sentence that says when ("on Tuesday"), often in the present
    perfect ("has approved"), introduces something new ("A drug maker ...") and ends
    with its source (", the ministry said.").
    """
    first = p.first_sentence
    length = len(first.split())
    score = 0.0
    if length >= LONG_SENTENCE_WORDS:
        score += 0.35
    elif length >= LONG_SENTENCE_WORDS - 5:
        score += 0.15
    if _WHEN.search(first):
        score += 0.3
    if _PRESENT_PERFECT.search(first):
        score += 0.15
    if p.words and p.words[0] in ("a", "an"):
        score += 0.2
    if _TRAILING_SOURCE.search(first):
        score += 0.15
    return min(score, 1.0)


def _refers_back(text: str, before: Sequence[_Paragraph]) -> bool:
    """Whether the paragraph opens with "The <noun>" for a noun used just before."""
    opening = _WORD.findall(text[:80])[:3]
    if len(opening) < 2 or opening[0] != "The":
        return False
    noun = opening[1]
    # Only a common noun: "The Japanese yen" names something; and only the word right
    # after "The": in "The donor meeting" a new word makes it a different meeting.
    if not noun.islower() or noun in STOPWORDS:
        return False
    stem = _stem(noun.lower().replace("\u2019", "'"))
    # Used before as a common noun too, not only inside a name: "the World Health
    # Organization" does not make "The world's glaciers" a reference back.
    as_name = noun.removesuffix("'s").removesuffix("\u2019s").capitalize()
    return any(stem in p.stems and as_name not in p.names for p in before)


def _reintroduces(lede: _Paragraph, before_names: frozenset[str]) -> bool:
    """Whether the paragraph opens by introducing, with full name and role, someone
    already named just before ("Jane Doe, the company's founder, said ...").

    Within a story a person is introduced once and then called by surname; a second
    full introduction is how a new story starts.
    """
    match = _APPOSITIVE_OPENING.match(lede.text)
    if not match:
        return False
    return match.group(1).split()[-1] in before_names


class _Copy:
    """What every gap's signals are judged against: the copy's paragraphs (without
    duplicates), its usual spacing, where its headings are and how its first
    headline is written.
    """

    def __init__(self, lines: Sequence[str], paragraphs: list[_Paragraph]) -> None:
        self.scored = scored = [p for p in paragraphs if p.duplicate_of is None]
        count = len(scored)
        blank = [not line.strip() for line in lines]
        # The usual number of blank lines between neighbouring paragraphs.
        self.typical_blanks = _typical(
            [sum(blank[a.line : b.line - 1]) for a, b in pairwise(paragraphs)]
        )
        # Blank lines before each scored paragraph. Across a skipped duplicate only
        # those after it count: a blank line before a repeated paragraph comes with
        # the repetition, not with a new story.
        previous_line = {b.line: a.line for a, b in pairwise(paragraphs)}
        self.blanks_before = [0] + [
            sum(blank[previous_line[p.line] : p.line - 1]) for p in scored[1:]
        ]
        self.blanks_before.append(0)
        # Windows stop at headings: text beyond the previous or next heading belongs
        # to another story or section and says nothing about this gap.
        self.last_heading = [0] * count
        for i in range(1, count):
            self.last_heading[i] = (
                i - 1 if scored[i - 1].kind != "para" else self.last_heading[i - 1]
            )
        self.next_heading = [count] * (count + 1)
        for i in range(count - 2, -1, -1):
            self.next_heading[i] = (
                i + 1 if scored[i + 1].kind != "para" else self.next_heading[i + 1]
            )
        # The copy's own first headline shows how this copy writes headlines.
        self.first_headline_style = (
            (scored[0].title_case, self.blanks_before[1] > 0)
            if scored and scored[0].kind == "heading"
            else None
        )
        self.windows = _Windows(_term_vectors(scored))


def _gap_features(
    lines: Sequence[str], paragraphs: list[_Paragraph]
) -> tuple[list[_Gap], list[_Paragraph]]:
    """The signals of every gap where a story could start, and the scored paragraphs.

    Duplicates are left out of scoring (a repeated lede must not look like a story).
    """
    copy = _Copy(lines, paragraphs)
    gaps = []
    for i in range(1, len(copy.scored)):
        copy.windows.forget_before(i - 2 * WINDOW)
        features = _signals(copy, i)
        if features is not None:
            gaps.append(_Gap(index=i, features=features))
    # Copy that marks some gaps with extra blank lines or headlines usually marks
    # every story that way; a gap with neither is then unlikely to start one.
    if any(g.features["blank_more"] or "headline" in g.features for g in gaps):
        for g in gaps:
            if not (g.features["blank_more"] or "headline" in g.features):
                g.features["unmarked"] = 1.0
    _add_convention(gaps)
    return gaps, copy.scored


def _signals(copy: _Copy, i: int) -> dict[str, float] | None:
    """The signals (see SIGNALS) of the gap before scored paragraph i, or None where
    no story can start: right after a headline, or at a heading with no text after.
    """
    scored = copy.scored
    previous, head = scored[i - 1], scored[i]
    if previous.kind != "para":
        return None  # a headline or byline belongs to the text after it
    lede_index = next(
        (j for j in range(i, min(i + 4, len(scored))) if scored[j].kind == "para"),
        None,
    )
    if lede_index is None:
        return None
    lede = scored[lede_index]
    before = (max(i - WINDOW, copy.last_heading[i]), i)
    after = (i, min(i + WINDOW, copy.next_heading[i]))
    before_paragraphs = scored[before[0] : before[1]]
    before_names = frozenset().union(*(p.names for p in before_paragraphs))
    before_surnames = frozenset().union(*(p.surnames for p in before_paragraphs))
    after_end = min(lede_index + 2, copy.next_heading[lede_index])
    after_names = frozenset().union(*(p.names for p in scored[lede_index:after_end]))
    opening_names = {w for run in lede.opening_names for w in run}
    windows = copy.windows
    # Does the opening paragraph share more with what follows than with what
    # precedes? A lede does; a paragraph continuing a story does not.
    lede_alone = (lede_index, lede_index + 1)
    following = (
        lede_index + 1,
        min(lede_index + 1 + WINDOW, copy.next_heading[lede_index]),
    )
    attachment = (
        windows.cosine(lede_alone, following) - windows.cosine(lede_alone, before)
        if following[1] > following[0]
        else 0.0
    )
    blanks, typical = copy.blanks_before[i], copy.typical_blanks

    f: dict[str, float] = {}
    if head.kind == "heading":
        f["headline"] = head.heading_shape
        f["title_case"] = float(bool(head.title_case))
        f["short_heading"] = float(len(head.text.split()) <= SHORT_HEADING_WORDS)
        reference = copy.first_headline_style
        if reference is not None:
            differences = int((copy.blanks_before[i + 1] > 0) != reference[1])
            if head.title_case is not None and reference[0] is not None:
                differences += head.title_case != reference[0]
            if differences:
                f["unlike_first"] = differences / 2
            else:
                f["like_first"] = 1.0
    # Blank lines on both sides of a heading frame the heading; they do not
    # separate stories any more than the heading itself does.
    framed = head.kind == "heading" and copy.blanks_before[i + 1] > typical
    f["blank_more"] = float(blanks > typical and not framed)
    f["blank"] = float(blanks > 0 and not framed)
    f["topic_shift"] = _clamp(1.0 - windows.cosine(before, after) / FULL_SIMILARITY)
    f["attachment"] = _clamp(attachment / FULL_SIMILARITY, -1.0, 1.0)
    if opening_names:
        f["new_names"] = len(opening_names - before_names) / len(opening_names)
    if after_names:
        f["shared_names"] = len(after_names & before_names) / len(after_names)
    f["dateline"] = float(bool(_DATELINE.match(lede.text)))
    f["lede"] = _lede_likeness(lede)
    f["reintroduced"] = float(_reintroduces(lede, before_names))
    f["continuation"] = float(_is_continuation_opening(lede))
    f["definite_reference"] = float(_refers_back(lede.text, before_paragraphs))
    f["surname_only"] = float(
        any(len(run) == 1 and run[0] in before_surnames for run in lede.opening_names)
    )
    f["also_added"] = float(not CONTINUING_VERBS.isdisjoint(lede.words[:10]))
    f["quote_opening"] = float(lede.text[0] in _QUOTES)
    f["lead_in"] = float(previous.text.endswith(":"))
    return f


def _add_convention(gaps: list[_Gap]) -> None:
    """Mark gaps that lack what most other likely story starts in the copy have.

    Copy is pasted together in one house style: if the other stories start after
    extra blank lines (or with a headline), a gap without them is probably inside a
    story, such as a sub-heading. Needs the first-pass scores, so it runs last.
    """
    likely = [_score(g.features)[0] > 0 for g in gaps]
    total = sum(likely)
    for marker in ("blank_more", "headline"):
        having = sum(
            1
            for g, lk in zip(gaps, likely, strict=True)
            if lk and g.features.get(marker)
        )
        for g, is_likely in zip(gaps, likely, strict=True):
            if g.features.get(marker) or g.features.get("unmarked"):
                continue  # an unmarked gap is already counted as such
            others = total - is_likely
            # Most, not all: the first pass may itself have let a wrong one in.
            if others >= 2 and having >= CONVENTION_SHARE * others:
                g.features["convention"] = 1.0


def _score(features: dict[str, float]) -> tuple[float, list[str], list[str]]:
    """The gap's score, with the reasons for and against, strongest first."""
    contributions = sorted(
        (
            (SIGNALS[name].weight * value, name, value)
            for name, value in features.items()
            if name in SIGNALS and value
        ),
        key=lambda item: -abs(item[0]),
    )
    score = BIAS + sum(c for c, _, _ in contributions)
    reasons: list[str] = []
    doubts: list[str] = []
    for contribution, name, value in contributions:
        if abs(contribution) < MIN_SHOWN_CONTRIBUTION:
            continue
        if name == "blank" and "blank_more" in features and features["blank_more"]:
            continue  # one reason about blank lines is enough
        signal = SIGNALS[name]
        text = signal.reason_if_negative if value < 0 else signal.reason
        (reasons if contribution > 0 else doubts).append(text)
    return score, reasons, doubts


def _confidence(score: float) -> float:
    return round(1.0 / (1.0 + math.exp(-score)), 3)


# ---------------------------------------------------------------------------
# Proposals
# ---------------------------------------------------------------------------


@dataclass
class _Analysis:
    lines: list[str]
    paragraphs: list[_Paragraph]
    scored: list[_Paragraph]
    candidates: list[BoundaryCandidate]


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration.

    The analysis builds many small containers and no reference cycles; left on, the
    collector rescans them again and again as they accumulate, which made 10 MB of
    copy take over 12 times as long as 1 MB. Reference counting still frees memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse(text: str) -> _Analysis:
    lines = copy_lines(text)
    paragraphs = _build_paragraphs(lines)
    _mark_duplicates(paragraphs)
    gaps, scored = _gap_features(lines, paragraphs)
    candidates = []
    for gap in gaps:
        score, reasons, doubts = _score(gap.features)
        candidates.append(
            BoundaryCandidate(
                line=scored[gap.index].line,
                score=round(score, 3),
                confidence=_confidence(score),
                reasons=tuple(reasons),
                doubts=tuple(doubts),
            )
        )
    return _Analysis(lines, paragraphs, scored, candidates)


def boundary_candidates(text: str) -> tuple[BoundaryCandidate, ...]:
    """Return every gap where a story could start, scored and explained, in order.

    Those with a score above zero are the boundaries `suggest_split` proposes; the
    others help an editor who wants to move a boundary see the next best places.
    """
    with _cyclic_gc_paused():
        return tuple(_analyse(text).candidates)


def suggest_split(text: str) -> tuple[ProposedStory, ...]:
    """Return the stories proposed for raw copy, in order; () if it has no text.

    The stories cover every non-blank line: each runs from its first non-blank line
    to the last non-blank line before the next story.
    """
    with _cyclic_gc_paused():
        return _suggest_split(text)


def _suggest_split(text: str) -> tuple[ProposedStory, ...]:
    analysis = _analyse(text)
    paragraphs = analysis.paragraphs
    if not paragraphs:
        return ()
    starts: list[tuple[int, float, tuple[str, ...], tuple[str, ...]]] = [
        (paragraphs[0].line, 1.0, ("start of the copy",), ())
    ]
    starts += [
        (c.line, c.confidence, c.reasons, c.doubts)
        for c in analysis.candidates
        if c.score > 0
    ]
    stories = []
    position = 0
    for number, (_, confidence, reasons, doubts) in enumerate(starts):
        next_start = starts[number + 1][0] if number + 1 < len(starts) else None
        members = []
        while position < len(paragraphs) and (
            next_start is None or paragraphs[position].line < next_start
        ):
            members.append(paragraphs[position])
            position += 1
        stories.append(_propose_story(members, confidence, reasons, doubts))
    return tuple(stories)


def _propose_story(
    members: list[_Paragraph],
    confidence: float,
    reasons: tuple[str, ...],
    doubts: tuple[str, ...],
) -> ProposedStory:
    kept = [p for p in members if p.duplicate_of is None]
    has_text = any(p.kind == "para" for p in kept)
    # A story made only of short lines has no headline of its own: they are its text.
    head = kept[0] if kept and kept[0].kind == "heading" and has_text else None
    subheadings = tuple(
        p.line for p in kept if p.kind == "heading" and p is not head and has_text
    )
    if head is not None:
        headline: str | None = head.text
    else:
        body = [p for p in kept if p.kind == "para"] or kept
        headline = suggest_headline(body[0].text) if body else None
    return ProposedStory(
        first_line=members[0].line,
        last_line=members[-1].line,
        headline=headline,
        headline_suggested=head is None,
        headline_line=head.line if head else None,
        confidence=confidence,
        reasons=reasons,
        subheading_lines=subheadings,
        duplicate_lines=tuple(p.line for p in members if p.duplicate_of is not None),
        doubts=doubts,
    )


# ", the head of the agency," after a name.
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
    sentence = _first_sentence(paragraph.strip())
    sentence = _DATELINE_PREFIX.sub("", sentence, count=1)
    sentence = _ATTRIBUTION_PREFIX.sub("", sentence, count=1)
    speech = _REPORTED_SPEECH.match(sentence)
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


def proposals_to_choices(
    proposals: Sequence[ProposedStory],
) -> tuple[StoryChoice, ...]:
    """Return the default choice for proposals: accept every story as proposed, use
    its headline (written or suggested) and drop its flagged duplicates.
    """
    return tuple(
        StoryChoice(
            first_line=p.first_line,
            last_line=p.last_line,
            headline=p.headline
            or f"Story {number} (lines {p.first_line}-{p.last_line})",
            headline_line=p.headline_line,
            subheading_lines=p.subheading_lines,
            drop_lines=p.duplicate_lines,
        )
        for number, p in enumerate(proposals, start=1)
    )


# ---------------------------------------------------------------------------
# Applying the editor's choice, losing nothing
# ---------------------------------------------------------------------------


def plan_split(text: str, choices: Sequence[StoryChoice]) -> tuple[StoryText, ...]:
    """Validate the editor's choices against the copy and build each story's text.

    Returns one StoryText per choice, in the same order. Every non-blank line of the
    copy ends up in exactly one story's kept_lines or dropped_lines.

    Raises SplitError, naming the story and lines, when: there are no stories; a
    story starts after it ends, before line 1 or past the end of the copy; stories
    overlap or are not in the order of the copy; a non-blank line is in no story; a
    story has no text left (only blank or dropped lines, or only its headline); a
    headline is blank or more than one line; a headline, sub-heading or dropped line
    is blank or outside its story, or is used twice; a dropped line does not repeat
    an earlier paragraph that is kept.
    """
    lines = copy_lines(text)
    total = len(lines)
    if not choices:
        raise SplitError("No stories: choose at least one story.")
    for number, choice in enumerate(choices, start=1):
        _check_range(number, choice, total)
    for number in range(2, len(choices) + 1):
        previous, current = choices[number - 2], choices[number - 1]
        if current.first_line <= previous.last_line:
            if current.last_line >= previous.first_line:
                raise SplitError(
                    f"{_name(number, current)} overlaps "
                    f"{_name(number - 1, previous).lower()}."
                )
            raise SplitError(
                f"{_name(number, current)} comes before "
                f"{_name(number - 1, previous).lower()}: list the stories in the "
                "order of the copy."
            )
    _check_coverage(lines, choices)

    drops = {line for choice in choices for line in choice.drop_lines}
    finder = _DuplicateFinder()
    not_repeats: list[int] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        original = finder.see(number, _words_lower(raw), matchable=number not in drops)
        if number in drops and original is None:
            not_repeats.append(number)
    if not_repeats:
        raise SplitError(
            f"{_lines_phrase(not_repeats)} cannot be dropped: "
            f"{'it does' if len(not_repeats) == 1 else 'they do'} not repeat an "
            "earlier paragraph that is kept. Keep "
            f"{'it' if len(not_repeats) == 1 else 'them'} in the story."
        )
    return tuple(
        _build_story(number, choice, lines)
        for number, choice in enumerate(choices, start=1)
    )


def _name(number: int, choice: StoryChoice) -> str:
    return f"Story {number} (lines {choice.first_line}-{choice.last_line})"


def _lines_phrase(numbers: Sequence[int]) -> str:
    """ "Line 4", or "Lines 4-6 and 9" for several, compressed into ranges."""
    ranges: list[list[int]] = []
    for n in sorted(numbers):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in ranges]
    if len(parts) > 5:
        parts = [*parts[:5], f"{len(parts) - 5} more"]
    joined = (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    )
    return ("Line " if len(numbers) == 1 else "Lines ") + joined


def _check_range(number: int, choice: StoryChoice, total: int) -> None:
    # The choice comes from a form: check the types before the numbers.
    try:
        given = [
            choice.first_line,
            choice.last_line,
            *([] if choice.headline_line is None else [choice.headline_line]),
            *choice.subheading_lines,
            *choice.drop_lines,
        ]
    except TypeError:
        given = [None]
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in given):
        raise SplitError(f"Story {number}: line numbers must be whole numbers.")
    if not isinstance(choice.headline, str):
        raise SplitError(f"Story {number}: the headline must be text.")
    name = _name(number, choice)
    if choice.first_line > choice.last_line:
        raise SplitError(f"{name} ends before it starts.")
    if choice.first_line < 1:
        raise SplitError(f"{name} starts before line 1.")
    if choice.last_line > total:
        raise SplitError(
            f"{name} goes past the end of the copy, which has {total} "
            f"line{'s' if total != 1 else ''}."
        )


def _check_coverage(lines: Sequence[str], choices: Sequence[StoryChoice]) -> None:
    covered = bytearray(len(lines) + 2)
    for choice in choices:
        covered[choice.first_line : choice.last_line + 1] = b"\x01" * (
            choice.last_line - choice.first_line + 1
        )
    lost = [n for n, raw in enumerate(lines, start=1) if raw.strip() and not covered[n]]
    if lost:
        verb = "is" if len(lost) == 1 else "are"
        raise SplitError(
            f"{_lines_phrase(lost)} {verb} in no story: every line of text must "
            "belong to a story (or be dropped from one as a duplicate)."
        )


def _build_story(number: int, choice: StoryChoice, lines: Sequence[str]) -> StoryText:
    name = _name(number, choice)
    headline = choice.headline.strip()
    if not headline:
        raise SplitError(f"{name} needs a headline.")
    if "\n" in headline or "\r" in headline:
        raise SplitError(f"{name}: the headline must be a single line.")

    def text_of(line: int) -> str:
        return lines[line - 1].strip()

    def check_lines(kind: str, numbers: Iterable[int]) -> None:
        for n in numbers:
            if not choice.first_line <= n <= choice.last_line:
                raise SplitError(f"{name}: the {kind} line {n} is outside the story.")
            if not text_of(n):
                raise SplitError(f"{name}: the {kind} line {n} is blank.")

    headline_lines = () if choice.headline_line is None else (choice.headline_line,)
    check_lines("headline", headline_lines)
    check_lines("sub-heading", choice.subheading_lines)
    check_lines("dropped", choice.drop_lines)
    drops = set(choice.drop_lines)
    subheadings = set(choice.subheading_lines)
    for label, numbers in (("sub-heading", subheadings), ("headline", headline_lines)):
        if set(numbers) & drops:
            raise SplitError(
                f"{name}: line {min(set(numbers) & drops)} cannot be both dropped "
                f"and the {label}."
            )
    if choice.headline_line in subheadings:
        raise SplitError(
            f"{name}: line {choice.headline_line} cannot be both the headline and "
            "a sub-heading."
        )

    paragraphs: list[str] = []
    kept: list[int] = list(headline_lines)
    for n in range(choice.first_line, choice.last_line + 1):
        text = text_of(n)
        if not text or n in drops or n == choice.headline_line:
            continue
        paragraphs.append(f"## {text}" if n in subheadings else text)
        kept.append(n)
    if not paragraphs:
        what = "its headline" if headline_lines else "blank or dropped lines"
        raise SplitError(f"{name} has no text: it holds only {what}.")
    return StoryText(
        first_line=choice.first_line,
        last_line=choice.last_line,
        headline=headline,
        body="\n\n".join(paragraphs),
        kept_lines=tuple(sorted(kept)),
        dropped_lines=tuple(sorted(drops)),
    )

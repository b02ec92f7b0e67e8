"""The one duplicate detector of articles/text: paragraphs that repeat an earlier one.

The splitter sets such paragraphs aside when it proposes stories, and the
duplicate-paragraph check reports them; both ask `DuplicateFinder`, so that what
the splitter drops is what the check would call a repeat.

A paragraph repeats an earlier one
- word for word (EXACT), from EXACT_MIN_WORDS words: shorter lines repeat
  legitimately ("Reporting by ...", "Read more");
- nearly (NEAR): most of the word triples of the two are shared (MIN_JACCARD), or
  a few scattered one-word edits, which break many triples but few letters, leave
  the two alike letter for letter (MIN_RATIO);
- as a passage of it (PART), as a pull quote or a pasted extract is, or by holding
  all of it with a few words more (WHOLE): all but the triples one edit breaks of
  the shorter one are in the longer one (a pull quote stitched from two
  sentences of a quotation, or a sentence given a clause more). Near and partial
  repeats need NEAR_MIN_WORDS words in both, so that a shared phrase is not a
  repeat.

A repeat may also tell its figures another way ("forty thousand" / "40,000",
"£2.5m" / "£2.5 million", "8%" / "8 per cent") or put the same words in another
order (a clause moved, the active made passive): figures are compared by value,
and all but a few words of the one being in the other (MIN_SHARED_WORDS) is a
near repeat too.

Two paragraphs that each hold a figure the other lacks are two rows of a series
("2024: 38%", "2026: 47%"), not one printed twice; a figure changed in a pasted
copy is the figures check's to report.

Candidates are found through an index of word triples, and a triple already in
more than MAX_SHINGLE_SPREAD paragraphs (a stock phrase) is not looked up, so the
work stays linear in the copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import islice

from articles.text.vocabulary import MAGNITUDES, NUMBER_WORDS

_DIGIT = re.compile(r"\d")
_FIGURE_PART = re.compile(r"(?P<digits>\d+)(?P<scale>[a-z]*)")

EXACT_MIN_WORDS = 6
NEAR_MIN_WORDS = 12
SHINGLE = 3  # words per shingle (a triple: see _read)
MIN_JACCARD = 0.75
MIN_RATIO = 0.9
# Share of distinct words two paragraphs have in common (figures read as values)
# from which they are one paragraph told in another order.
MIN_SHARED_WORDS = 0.85
# Below this share of shared triples two paragraphs are not compared letter by
# letter (difflib is slow and, there, never reaches MIN_RATIO).
RATIO_JACCARD_FLOOR = 0.25
MIN_CONTAINED = 0.9
# One insertion, deletion or join inside a passage breaks at most this many of
# its triples.
EDIT_BREAKS = SHINGLE - 1
MAX_SHINGLE_SPREAD = 20

EXACT = "exact"
NEAR = "near"
PART = "part"  # the paragraph is a passage of the earlier one
WHOLE = "whole"  # the paragraph holds all of the earlier one
KINDS = (EXACT, NEAR, PART, WHOLE)  # strongest first


@dataclass(frozen=True, slots=True)
class Repeat:
    """An earlier paragraph (by the key it was added with) that one repeats."""

    original: int
    kind: str


@dataclass(slots=True)
class _Seen:
    words: list[str]
    shingles: frozenset[int]
    _figures: frozenset[str] | None = None
    _told: list[str] | None = None

    # Only paragraphs compared with another need these: most are compared with none.
    @property
    def figures(self) -> frozenset[str]:
        """The words written with digits, a scale written short dropped ("5m" ->
        "5", as "5 million" is read), so that a figure told two ways is one."""
        if self._figures is None:
            self._figures = frozenset(
                map(_without_scale, filter(_DIGIT.search, self.words))
            )
        return self._figures

    @property
    def values(self) -> frozenset[str]:
        """The figures' values ("three" and "3" are "#3"): the rows of a series
        differ in these, a repeat tells them another way."""
        return frozenset(w for w in self.told if w.startswith("#"))

    @property
    def told(self) -> list[str]:
        """The words with each figure as its value ("forty thousand" -> "#40000")."""
        if self._told is None:
            self._told = _with_values(self.words)
        return self._told


@dataclass(slots=True)
class _Generation:
    """Part of the index of triples: the paragraphs added in it, the last of them
    to hold each triple, and all of them for the few triples several hold."""

    keys: list[int] = field(default_factory=list)
    latest: dict[int, int] = field(default_factory=dict)
    several: dict[int, list[int]] = field(default_factory=dict)


class DuplicateFinder:
    """Remembers paragraphs and finds the earlier ones a paragraph repeats.

    Call `find` with a paragraph's words (lower-cased, in order), then `add` it
    if it may be the original of a later one. Keys are the caller's numbers (a
    line, an index) and must be added in increasing order. With `horizon`, the
    caller looks no further back than that many keys for a near or partial
    repeat (through `since`), and what is older is forgotten, so that memory and
    work stay bounded however long the copy.
    """

    def __init__(self, *, horizon: int | None = None) -> None:
        self._horizon = horizon
        self._exact: dict[str, list[int]] = {}
        self._seen: dict[int, _Seen] = {}
        # The index of triples, in generations of `horizon` keys: the last two
        # are kept, the older dropped as a whole.
        self._generations: list[_Generation] = []
        self._last: tuple[Sequence[str], _Seen] | None = None  # what `find` read

    def add(self, key: int, words: Sequence[str]) -> None:
        if len(words) >= EXACT_MIN_WORDS:
            self._exact.setdefault(" ".join(words), []).append(key)
        if len(words) < NEAR_MIN_WORDS:
            return
        last = self._last
        seen = last[1] if last and last[0] is words else _read(words)
        generations = self._generations
        if not generations or (
            self._horizon is not None and key - generations[-1].keys[0] >= self._horizon
        ):
            generations.append(_Generation())
            for old in generations[:-2]:
                for other in old.keys:
                    del self._seen[other]
            del generations[:-2]
        generation = generations[-1]
        generation.keys.append(key)
        self._seen[key] = seen
        latest, several = generation.latest, generation.several
        for shingle in seen.shingles & latest.keys():
            several.setdefault(shingle, [latest[shingle]]).append(key)
        latest.update(dict.fromkeys(seen.shingles, key))

    def find(self, words: Sequence[str], *, since: int | None = None) -> list[Repeat]:
        """The earlier paragraphs that `words` repeat, latest first: all of those
        it repeats word for word, else all it repeats nearly or in part. With
        `since`, only paragraphs added with a key from `since` on count for a
        near or partial repeat.
        """
        if len(words) >= EXACT_MIN_WORDS:
            exact = self._exact.get(" ".join(words))
            if exact:
                return [Repeat(key, EXACT) for key in reversed(exact)]
        if len(words) < NEAR_MIN_WORDS:
            return []
        this = _read(words)
        self._last = (words, this)
        shared: dict[int, int] = defaultdict(int)
        for generation in self._generations:
            latest, several = generation.latest, generation.several
            for shingle in this.shingles & latest.keys():
                owners = several.get(shingle) or (latest[shingle],)
                if len(owners) > MAX_SHINGLE_SPREAD:
                    continue
                for key in owners:
                    shared[key] += 1
        if since is not None:
            shared = {key: n for key, n in shared.items() if key >= since}
        found = []
        for key in sorted(shared, reverse=True):
            kind = _kind(this, self._seen[key], shared[key])
            if kind:
                found.append(Repeat(key, kind))
        return found


def _kind(this: _Seen, other: _Seen, common: int) -> str | None:
    if (
        this.figures - other.figures
        and other.figures - this.figures
        and this.values != other.values
    ):
        return None  # rows of a series
    size, other_size = len(this.shingles), len(other.shingles)
    jaccard = common / (size + other_size - common)
    if jaccard >= MIN_JACCARD or (
        jaccard >= RATIO_JACCARD_FLOOR
        and (
            _ratio(this.told, other.told) >= MIN_RATIO
            or _shared_words(this.told, other.told) >= MIN_SHARED_WORDS
        )
    ):
        return NEAR
    shorter = min(size, other_size)
    if common >= MIN_CONTAINED * shorter or common >= shorter - EDIT_BREAKS:
        return PART if size <= other_size else WHOLE
    return None


def _read(words: Sequence[str]) -> _Seen:
    words = words if isinstance(words, list) else list(words)
    # A triple stands for its hash: sets and lookups of ints are cheaper than of
    # tuples, and two triples that differ share a 64-bit hash next to never.
    triples = zip(words, islice(words, 1, None), islice(words, 2, None), strict=False)
    return _Seen(words, frozenset(map(hash, triples)))


def _shared_words(a: list[str], b: list[str]) -> float:
    first, second = set(a), set(b)
    return len(first & second) / len(first | second)


def _without_scale(word: str) -> str:
    if not word[-1].isalpha():
        return word
    part = _FIGURE_PART.fullmatch(word)
    return part["digits"] if part and part["scale"] in MAGNITUDES else word


def _with_values(words: list[str]) -> list[str]:
    """`words` with each run of a figure's parts (digits split at their commas and
    points, number words, scales) as one word: "#" and its value."""
    told: list[str] = []
    digits, value, scale = "", 0, 1
    in_run = False
    for word in [*words, ""]:
        number = NUMBER_WORDS.get(word)
        part = _FIGURE_PART.fullmatch(word) if number is None else None
        if part and (not part["scale"] or part["scale"] in MAGNITUDES):
            digits += part["digits"]
            scale *= MAGNITUDES.get(part["scale"], 1)
        elif number is not None:
            value += number
        elif in_run and word in MAGNITUDES:
            scale *= MAGNITUDES[word]
        elif in_run and word in ("per", "cent", "percent"):
            pass
        else:
            if in_run:
                told.append(f"#{(int(digits or 0) + value) * scale}")
                digits, value, scale = "", 0, 1
            in_run = False
            if word:
                told.append(word)
            continue
        in_run = True
    return told


def _ratio(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, " ".join(a), " ".join(b), autojunk=False).ratio()

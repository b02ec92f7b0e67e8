"""The pieces of an edit: runs of characters kept or moved, and the tokens diffed."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

# Words, numbers with their decimal or thousands separators, and single marks.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+")
Token = tuple[int, int, str]  # start, end, text
PARAGRAPH = "\n"  # the token that opens a line: it has no characters
SENTENCE_END = {".", "!", "?", PARAGRAPH}

# A run of at least this many words found deleted in one place and inserted in
# another is a move; shorter ones ("of the", "in 2024") repeat by chance.
MIN_MOVE_TOKENS = 6


@dataclass(frozen=True)
class Run:
    """old[old_start:old_start + length] == new[new_start:new_start + length]."""

    old_start: int
    new_start: int
    length: int

    @property
    def old_end(self) -> int:
        return self.old_start + self.length

    @property
    def new_end(self) -> int:
        return self.new_start + self.length


@dataclass(frozen=True)
class Gap:
    """What lies between two kept runs: old[old_start:old_end] became new[...]."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True)
class Runs:
    """Runs ordered by old position, looked up by old offset."""

    runs: tuple[Run, ...]
    # Moved runs come from several moves: the stretch between two of them is a gap
    # only if they are neighbours in the new text too.
    moved: bool = False
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _by_new: tuple[Run, ...] = field(init=False, repr=False, compare=False)
    _new_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r.old_start for r in self.runs])
        by_new = tuple(sorted(self.runs, key=lambda r: r.new_start))
        object.__setattr__(self, "_by_new", by_new)
        object.__setattr__(self, "_new_starts", [r.new_start for r in by_new])

    def runs_in_new(self, start: int, end: int) -> list[Run]:
        """The runs overlapping new[start:end]."""
        i = max(0, bisect_left(self._new_starts, start) - 1)
        found = []
        while i < len(self._by_new) and self._by_new[i].new_start < end:
            if self._by_new[i].new_end > start:
                found.append(self._by_new[i])
            i += 1
        return found

    def at(self, pos: int) -> Run | None:
        """The run holding old[pos], if any."""
        i = bisect_right(self._starts, pos) - 1
        while (
            i >= 0
            and not self.runs[i].length
            and i
            and (self.runs[i - 1].old_start == self.runs[i].old_start)
        ):
            i -= 1  # a paragraph mark shares its offset with the first word
        if i >= 0 and self.runs[i].old_start <= pos < self.runs[i].old_end:
            return self.runs[i]
        return None

    def within(self, start: int, end: int) -> list[Run]:
        """The runs overlapping old[start:end], in order."""
        i = max(0, bisect_left(self._starts, start) - 1)
        found = []
        while i < len(self.runs) and self.runs[i].old_start < end:
            if self.runs[i].old_end > start:
                found.append(self.runs[i])
            i += 1
        return found

    def gap_at(self, pos: int, old_len: int, new_len: int) -> Gap | None:
        """The stretch between the runs either side of old[pos] (pos in no run), or
        None when those runs are not neighbours in the new text."""
        i = bisect_right(self._starts, pos)
        before = self.runs[i - 1] if i else None
        after = self.runs[i] if i < len(self.runs) else None
        if self.moved and (
            before is None or after is None or before.new_end > after.new_start
        ):
            return None
        return Gap(
            old_start=before.old_end if before else 0,
            old_end=after.old_start if after else old_len,
            new_start=before.new_end if before else 0,
            new_end=after.new_start if after else new_len,
        )


@dataclass(frozen=True)
class TextEdit:
    """The edit from `old` to `new`: kept runs (in order in both) and moved runs."""

    old: str
    new: str
    kept: Runs
    moved: Runs
    both: Runs  # kept and moved together, for a span partly moved


def mostly_same_words(old_piece: str, new_piece: str) -> bool:
    """At least half the tokens of the two pieces are shared (Dice >= 0.5)."""
    a = Counter(TOKEN.findall(old_piece))
    b = Counter(TOKEN.findall(new_piece))
    size = sum(a.values()) + sum(b.values())
    return bool(size) and 2 * sum((a & b).values()) >= size / 2

"""The edit between two texts, as the runs of characters it kept, moved, or replaced.

`text_edit(old, new)` diffs line by line first (a long article with a small edit costs
one pass over its lines), then word by word inside the lines that differ, and finally
looks for runs that were cut in one place and pasted in another (moves). Annotations
are carried through the result by `articles.text.anchoring.map_anchor`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Words, numbers with their decimal or thousands separators, and single marks.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_LINE = re.compile(r"[^\n]*\S[^\n]*")

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
class TextEdit:
    """The edit from `old` to `new`: kept runs in order, and moved runs."""

    old: str
    new: str
    kept: tuple[Run, ...]  # increasing in both texts
    moved: tuple[Run, ...]  # by old position
    _kept_starts: list[int] = field(init=False, repr=False, compare=False)
    _moved_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_kept_starts", [r.old_start for r in self.kept])
        object.__setattr__(self, "_moved_starts", [r.old_start for r in self.moved])

    def kept_at(self, pos: int) -> Run | None:
        """The kept run holding old[pos], if any."""
        return _run_at(self.kept, self._kept_starts, pos)

    def moved_at(self, pos: int) -> Run | None:
        """The moved run holding old[pos], if any."""
        return _run_at(self.moved, self._moved_starts, pos)

    def gap_at(self, pos: int) -> Gap:
        """The stretch between kept runs that old[pos] falls in (pos not kept)."""
        i = bisect_right(self._kept_starts, pos)
        before = self.kept[i - 1] if i else None
        after = self.kept[i] if i < len(self.kept) else None
        return Gap(
            old_start=before.old_end if before else 0,
            old_end=after.old_start if after else len(self.old),
            new_start=before.new_end if before else 0,
            new_end=after.new_start if after else len(self.new),
        )

    def kept_within(self, start: int, end: int) -> list[Run]:
        """The kept runs overlapping old[start:end], in order."""
        i = max(0, bisect_right(self._kept_starts, start) - 1)
        found = []
        while i < len(self.kept) and self.kept[i].old_start < end:
            if self.kept[i].old_end > start:
                found.append(self.kept[i])
            i += 1
        return found

    def moved_within(self, start: int, end: int) -> list[Run]:
        i = max(0, bisect_right(self._moved_starts, start) - 1)
        found = []
        while i < len(self.moved) and self.moved[i].old_start < end:
            if self.moved[i].old_end > start:
                found.append(self.moved[i])
            i += 1
        return found


def text_edit(old: str, new: str) -> TextEdit:
    """Return the edit that turns `old` into `new`."""
    kept: list[Run] = []
    old_left: list[tuple[int, int, str]] = []  # tokens no kept run covers
    new_left: list[tuple[int, int, str]] = []
    old_lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(old)]
    new_lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(new)]
    matcher = SequenceMatcher(
        None, [line[2] for line in old_lines], [line[2] for line in new_lines], False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (os, oe, _), (ns, _, _) in zip(
                old_lines[i1:i2], new_lines[j1:j2], strict=True
            ):
                kept.append(Run(os, ns, oe - os))
            continue
        a = _tokens(old, old_lines[i1:i2])
        b = _tokens(new, new_lines[j1:j2])
        if tag == "replace":
            old_rest, new_rest = _diff_tokens(a, b, kept)
            old_left.extend(old_rest)
            new_left.extend(new_rest)
        else:
            old_left.extend(a)
            new_left.extend(b)
    moved = _find_moves(old_left, new_left)
    return TextEdit(old=old, new=new, kept=tuple(kept), moved=tuple(moved))


def _tokens(text: str, lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    found = []
    for start, end, _ in lines:
        found.extend(
            (m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)
        )
    return found


def _diff_tokens(
    a: list[tuple[int, int, str]], b: list[tuple[int, int, str]], kept: list[Run]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Add the tokens `a` and `b` share to `kept`; return the ones left over."""
    matcher = SequenceMatcher(None, [t[2] for t in a], [t[2] for t in b], False)
    opcodes = _drop_chance_equalities(matcher.get_opcodes())
    old_rest: list[tuple[int, int, str]] = []
    new_rest: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for ta, tb in zip(a[i1:i2], b[j1:j2], strict=True):
                kept.append(Run(ta[0], tb[0], ta[1] - ta[0]))
        else:
            old_rest.extend(a[i1:i2])
            new_rest.extend(b[j1:j2])
    kept.sort(key=lambda r: r.old_start)
    return old_rest, new_rest


def _drop_chance_equalities(
    opcodes: list[tuple[str, int, int, int, int]],
) -> list[tuple[str, int, int, int, int]]:
    """Merge into the edit around it any equal stretch shorter than the edit on each
    side (diff-match-patch's semantic clean-up): when a sentence is replaced by
    another, their shared "the" and commas are chance, not text that was kept.
    """
    ops = [list(op) for op in opcodes]
    changed = True
    while changed:
        changed = False
        for k in range(1, len(ops) - 1):
            tag, i1, i2 = ops[k][:3]
            if tag != "equal":
                continue
            before, after = ops[k - 1], ops[k + 1]
            if before[0] == "equal" or after[0] == "equal":
                continue
            size = i2 - i1
            edit_before = max(before[2] - before[1], before[4] - before[3])
            edit_after = max(after[2] - after[1], after[4] - after[3])
            if size <= edit_before and size <= edit_after:
                ops[k - 1 : k + 2] = [
                    ["replace", before[1], after[2], before[3], after[4]]
                ]
                changed = True
                break
    return [tuple(op) for op in ops]  # type: ignore[misc]


def _find_moves(
    old_left: list[tuple[int, int, str]], new_left: list[tuple[int, int, str]]
) -> list[Run]:
    """Runs of at least MIN_MOVE_TOKENS tokens deleted in one place, inserted in
    another, word for word."""
    if len(old_left) < MIN_MOVE_TOKENS or len(new_left) < MIN_MOVE_TOKENS:
        return []
    old_left.sort()
    new_left.sort()
    moved: list[Run] = []
    matcher = SequenceMatcher(
        None, [t[2] for t in old_left], [t[2] for t in new_left], False
    )
    # Not order-preserving: the longest shared run anywhere first, then the longest in
    # what is left, so paragraphs that swapped places are both found; no token is
    # used twice.
    old_ranges = [(0, len(old_left))]
    new_ranges = [(0, len(new_left))]
    while True:
        best = None
        for a_range in old_ranges:
            for b_range in new_ranges:
                match = matcher.find_longest_match(*a_range, *b_range)
                if match.size >= MIN_MOVE_TOKENS and (
                    best is None or match.size > best[0].size
                ):
                    best = (match, a_range, b_range)
        if best is None:
            break
        match, a_range, b_range = best
        for k in range(match.size):
            ta, tb = old_left[match.a + k], new_left[match.b + k]
            moved.append(Run(ta[0], tb[0], ta[1] - ta[0]))
        old_ranges.remove(a_range)
        old_ranges += [(a_range[0], match.a), (match.a + match.size, a_range[1])]
        new_ranges.remove(b_range)
        new_ranges += [(b_range[0], match.b), (match.b + match.size, b_range[1])]
        old_ranges = [r for r in old_ranges if r[1] - r[0] >= MIN_MOVE_TOKENS]
        new_ranges = [r for r in new_ranges if r[1] - r[0] >= MIN_MOVE_TOKENS]
    moved.sort(key=lambda r: r.old_start)
    return moved


def _run_at(runs: tuple[Run, ...], starts: list[int], pos: int) -> Run | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and runs[i].old_start <= pos < runs[i].old_end:
        return runs[i]
    return None

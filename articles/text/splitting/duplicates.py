"""Paragraphs that repeat an earlier one, exactly or nearly."""

from __future__ import annotations

from collections import deque
from itertools import pairwise

NEAR_DUPLICATE_WINDOW = 30  # lines back to look for a near-exact repeat
NEAR_DUPLICATE_MIN_WORDS = 8
EXACT_DUPLICATE_MIN_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.8  # share of word pairs two paragraphs must have in common


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

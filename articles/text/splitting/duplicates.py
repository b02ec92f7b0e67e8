"""Paragraphs that repeat an earlier one, exactly or nearly."""

from __future__ import annotations

from itertools import pairwise

NEAR_DUPLICATE_WINDOW = 30  # lines back to look for a near-exact repeat
NEAR_DUPLICATE_MIN_WORDS = 8
EXACT_DUPLICATE_MIN_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.8  # share of word pairs two paragraphs must have in common


class _DuplicateFinder:
    """Finds paragraphs repeating an earlier one: exactly, or nearly within a window.

    Call `see` for each non-blank line in order. Near repeats are looked for only
    among the recent paragraphs that share one of a few word pairs with this one
    (prefix filtering, Bayardo et al. 2007: with the pairs of every paragraph in
    one fixed order, two paragraphs similar enough share one of the first few),
    so most paragraphs are compared with none.
    """

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}
        # line -> (number of word pairs, word pairs, prefix) of recent matchable
        # paragraphs, oldest first
        self._recent: dict[int, tuple[int, frozenset[tuple[str, str]], list]] = {}
        self._by_pair: dict[tuple[str, str], list[int]] = {}  # prefix pair -> lines

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
        recent, by_pair = self._recent, self._by_pair
        while recent:
            oldest = next(iter(recent))
            if line - oldest <= NEAR_DUPLICATE_WINDOW:
                break
            for pair in recent.pop(oldest)[2]:
                lines = by_pair[pair]
                lines.remove(oldest)
                if not lines:
                    del by_pair[pair]
        pairs: frozenset[tuple[str, str]] = frozenset()
        prefix: list[tuple[str, str]] = []
        if len(words) >= NEAR_DUPLICATE_MIN_WORDS:
            pairs = frozenset(pairwise(words))
            size = len(pairs)
            prefix = sorted(pairs)[: size - int(NEAR_DUPLICATE_JACCARD * size) + 1]
            if original is None:
                candidates = {n for pair in prefix for n in by_pair.get(pair, ())}
                for other_line in sorted(candidates, reverse=True):  # latest first
                    other_size, other_pairs, _ = recent[other_line]
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
                recent[line] = (len(pairs), pairs, prefix)
                for pair in prefix:
                    by_pair.setdefault(pair, []).append(line)
        return original

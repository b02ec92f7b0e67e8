"""Moves: runs of words deleted in one place and inserted in another."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher

from articles.text.editmap.runs import (
    MIN_MOVE_TOKENS,
    PARAGRAPH,
    TOKEN,
    Run,
    Token,
    mostly_same_words,
)


def find_moves(
    old: str,
    new: str,
    old_left: list[Token],
    new_left: list[Token],
    kept: list[Run],
    moved_lines: list[Run],
) -> list[Run]:
    """`moved_lines` (the runs of whole lines found moved) and more runs deleted in
    one place and inserted in another: at least MIN_MOVE_TOKENS tokens word for
    word, extended through small rewrites on either side; and single words that
    occur once in each text (a name moved a few words along)."""
    if not old_left or not new_left:
        return moved_lines
    old_left.sort()
    new_left.sort()
    a_words = [t[2] for t in old_left]
    b_words = [t[2] for t in new_left]
    matcher = SequenceMatcher(None, a_words, b_words, False)
    moved = list(moved_lines)
    used_a: set[int] = set()
    used_b: set[int] = set()
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
        pairs = _within_sentences(
            [(match.a + k, match.b + k) for k in range(match.size)], a_words
        )
        pairs = _extend(
            pairs,
            a_words,
            b_words,
            a_range,
            b_range,
            _nearness(old, new, old_left, new_left),
        )
        moved.extend(
            Run(old_left[i][0], new_left[j][0], old_left[i][1] - old_left[i][0])
            for i, j in pairs
        )
        a_lo, a_hi = pairs[0][0], pairs[-1][0] + 1
        b_lo, b_hi = pairs[0][1], pairs[-1][1] + 1
        old_ranges.remove(a_range)
        old_ranges += [(a_range[0], a_lo), (a_hi, a_range[1])]
        new_ranges.remove(b_range)
        new_ranges += [(b_range[0], b_lo), (b_hi, b_range[1])]
        old_ranges = [r for r in old_ranges if r[1] - r[0] >= MIN_MOVE_TOKENS]
        new_ranges = [r for r in new_ranges if r[1] - r[0] >= MIN_MOVE_TOKENS]
        used_a.update(i for i, _ in pairs)
        used_b.update(j for _, j in pairs)
    moved += _unique_words_moved(
        old, new, old_left, new_left, used_a, used_b, kept, moved
    )
    moved.sort(key=lambda r: r.old_start)
    return moved


# At most this many leftover words are checked for being unique in both texts.
_MAX_UNIQUE_CHECKS = 64


def _unique_words_moved(
    old: str,
    new: str,
    old_left: list[Token],
    new_left: list[Token],
    used_a: set[int],
    used_b: set[int],
    kept: list[Run],
    moved_so_far: list[Run],
) -> list[Run]:
    kept = [r for r in kept if r.length]
    kept_starts = [r.old_start for r in kept]
    # the words that went somewhere: kept in place, or moved as part of a run
    went = sorted(kept + moved_so_far, key=lambda r: r.old_start)
    went_starts = [r.old_start for r in went]
    went_by_new = sorted(went, key=lambda r: r.new_start)
    new_starts = [r.new_start for r in went_by_new]
    rest_a = Counter(t[2] for i, t in enumerate(old_left) if i not in used_a)
    rest_b = {t[2]: j for j, t in enumerate(new_left) if j not in used_b}
    a_words = [t[2] for t in old_left]
    b_words = [t[2] for t in new_left]
    moved = []
    checks = 0
    for i, token in enumerate(old_left):
        word = token[2]
        if i in used_a or len(word) < 2 or not word[0].isalnum():
            continue
        if rest_a[word] != 1 or word not in rest_b or checks >= _MAX_UNIQUE_CHECKS:
            continue
        checks += 1
        whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        if len(whole.findall(old)) != 1 or len(whole.findall(new)) != 1:
            continue
        # where it stood, the text between the kept words around it was replaced;
        # found again inside a replacement made mostly of other words, it is a
        # word the new text happens to share, not a word that moved
        k = bisect_right(kept_starts, token[0])
        old_lo = kept[k - 1].old_end if k else 0
        old_hi = kept[k].old_start if k < len(kept) else len(old)
        lo = kept[k - 1].new_end if k else 0
        hi = kept[k].new_start if k < len(kept) else len(new)
        if lo <= new_left[rest_b[word]][0] < hi and not mostly_same_words(
            old[old_lo:old_hi], new[lo:hi]
        ):
            continue
        # found in a new sentence that reads like its own, whose other words went
        # elsewhere, it is a word of a copy of that sentence pasted there
        there = sentence_around(new, new_left[rest_b[word]][0])
        if not _overlaps_any(there, went_by_new, new_starts) and mostly_same_words(
            _kept_part(old, sentence_around(old, token[0]), went, went_starts),
            new[slice(*there)],
        ):
            continue
        pairs = _extend(
            [(i, rest_b[word])],
            a_words,
            b_words,
            (0, len(old_left)),
            (0, len(new_left)),
            _nearness(old, new, old_left, new_left),
        )
        for a, b in pairs:
            if a not in used_a and b not in used_b:
                used_a.add(a)
                used_b.add(b)
                ta, tb = old_left[a], new_left[b]
                moved.append(Run(ta[0], tb[0], ta[1] - ta[0]))
    return moved


_BREAK = re.compile(r"[.!?](?=\s)|\n")


def sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[pos]."""
    start = 0
    for found in _BREAK.finditer(text, max(0, pos - 400), pos):
        start = found.end()
    found = _BREAK.search(text, pos)
    return start, found.end() if found else len(text)


def _overlaps_any(span: tuple[int, int], by_new: list[Run], starts: list[int]) -> bool:
    """Whether any of the runs (sorted by new offset, `starts` their new starts)
    overlaps new[span[0]:span[1]]."""
    k = bisect_right(starts, span[0])
    if k and by_new[k - 1].new_end > span[0]:
        return True
    return k < len(by_new) and starts[k] < span[1]


def _kept_part(
    old: str, span: tuple[int, int], kept: list[Run], starts: list[int]
) -> str:
    """The words of old[span[0]:span[1]] that the kept runs hold."""
    k = max(0, bisect_right(starts, span[0]) - 1)
    parts = []
    while k < len(kept) and kept[k].old_start < span[1]:
        parts.append(
            old[max(span[0], kept[k].old_start) : min(span[1], kept[k].old_end)]
        )
        k += 1
    return " ".join(parts)


def _while_near(chain, near, *, backwards: bool = False) -> list[tuple[int, int]]:
    """The start of `chain` while each pair is a neighbour of the one before."""
    out = [chain[0]]
    for pair in chain[1:]:
        ok = near(pair, out[-1]) if backwards else near(out[-1], pair)
        if not ok:
            break
        out.append(pair)
    return out


# How far a move is followed past a rewrite: this many tokens may differ in between.
_MOVE_REWRITE_TOKENS = 3


def _nearness(old: str, new: str, old_left: list[Token], new_left: list[Token]):
    """Whether two matched token pairs are neighbours in both texts: at most a few
    tokens between them (leftover tokens are in text order but may lie far apart)."""

    def near(first: tuple[int, int], second: tuple[int, int]) -> bool:
        return (
            len(TOKEN.findall(old, old_left[first[0]][1], old_left[second[0]][0]))
            <= _MOVE_REWRITE_TOKENS
            and len(TOKEN.findall(new, new_left[first[1]][1], new_left[second[1]][0]))
            <= _MOVE_REWRITE_TOKENS
        )

    return near


def _within_sentences(
    pairs: list[tuple[int, int]], a: list[str]
) -> list[tuple[int, int]]:
    """`pairs` without a word or two hanging over a sentence end at either side:
    the sentence after (or before) it may be a new one that starts (or ends) alike."""
    words = [a[i] for i, _ in pairs]
    ends = [k for k, w in enumerate(words) if w in (".", "!", "?")]
    opens = [k for k, w in enumerate(words) if w == PARAGRAPH]
    hi = len(pairs)
    if ends and 0 < hi - 1 - ends[-1] < 3:
        hi = ends[-1] + 1
    if opens and 0 < hi - opens[-1] < 3:
        hi = opens[-1]
    lo = 0
    if ends and ends[0] < 2 and ends[0] + 1 < hi:
        lo = ends[0] + 1
    return pairs[lo:hi] if hi - lo >= MIN_MOVE_TOKENS else pairs


def _crosses_sentences(before: list[str], after: list[str]) -> bool:
    """Whether a sentence ends in `before` or a paragraph opens in `after` (the
    tokens either side of a step)."""
    return bool({".", "!", "?"}.intersection(before)) or PARAGRAPH in after


def _extend(
    pairs: list[tuple[int, int]],
    a: list[str],
    b: list[str],
    a_range: tuple[int, int],
    b_range: tuple[int, int],
    near,
) -> list[tuple[int, int]]:
    """`pairs` (a run matched word for word) grown on both sides through rewrites of
    a few words, as long as words keep matching after them, nearby in both texts."""
    window = 4 * _MOVE_REWRITE_TOKENS
    while True:  # forwards
        i, j = pairs[-1][0] + 1, pairs[-1][1] + 1
        block = SequenceMatcher(
            None, a[i : min(a_range[1], i + window)], b[j : min(b_range[1], j + window)]
        ).get_matching_blocks()[0]
        if not block.size or max(block.a, block.b) > _MOVE_REWRITE_TOKENS:
            break
        if block.size < 3 and _crosses_sentences(
            [a[i - 1]], [*a[i : i + block.a + 1], *b[j : j + block.b + 1]]
        ):
            break  # a word or two after a sentence end: the next may be new
        grown = [(i + block.a + k, j + block.b + k) for k in range(block.size)]
        kept = [p for p in _while_near([pairs[-1], *grown], near)][1:]
        pairs += kept
        if len(kept) < len(grown):
            break
    while True:  # backwards
        i, j = pairs[0]
        lo_a, lo_b = max(a_range[0], i - window), max(b_range[0], j - window)
        blocks = SequenceMatcher(None, a[lo_a:i], b[lo_b:j]).get_matching_blocks()
        last = blocks[-2] if len(blocks) > 1 else None
        if last is None:
            break
        gap_a = (i - lo_a) - (last.a + last.size)
        gap_b = (j - lo_b) - (last.b + last.size)
        if max(gap_a, gap_b) > _MOVE_REWRITE_TOKENS:
            break
        if last.size < 3 and _crosses_sentences(
            [*a[i - gap_a - 1 : i], *b[j - gap_b - 1 : j]],
            [*a[i - gap_a : i + 1], *b[j - gap_b : j + 1]],
        ):
            break
        grown = [(lo_a + last.a + k, lo_b + last.b + k) for k in range(last.size)]
        kept = _while_near([pairs[0], *reversed(grown)], near, backwards=True)[1:]
        pairs[:0] = list(reversed(kept))
        if len(kept) < len(grown):
            break
    return pairs

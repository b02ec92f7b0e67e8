"""The word diff of a changed block of lines: sentences paired with their rewrites,
then word by word, then what is left matched where it keeps the order."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher

from articles.text.editmap.runs import (
    PARAGRAPH,
    SENTENCE_END,
    TOKEN,
    Run,
    Token,
)

# Sentences are paired by similarity only in blocks up to this many pairs to weigh.
MAX_PAIRINGS = 900
_MIN_PAIR_SIMILARITY = 0.5


def diff_block(
    old: str, new: str, a: list[list[Token]], b: list[list[Token]], kept: list[Run]
) -> tuple[list[Token], list[Token]]:
    """Diff replaced lines sentence by sentence: each old sentence with the new one
    most like it (in order), so that a rewritten sentence is compared with its
    rewrite, not with an inserted sentence that happens to share its first words.
    Returns the tokens left over."""
    pairs = _pair_sentences(a, b) if len(a) * len(b) <= MAX_PAIRINGS else []
    block: list[Run] = []
    old_rest: list[Token] = []
    new_rest: list[Token] = []
    pa = pb = 0
    for i, j in [*pairs, (len(a), len(b))]:
        between = diff_tokens(
            [t for unit in a[pa:i] for t in unit],
            [t for unit in b[pb:j] for t in unit],
            block,
        )
        old_rest += between[0]
        new_rest += between[1]
        if i < len(a):
            paired = diff_tokens(a[i], b[j], block)
            old_rest += paired[0]
            new_rest += paired[1]
        pa, pb = i + 1, j + 1
    if pairs and old_rest and new_rest:
        # Sentences merged or split by the edit: what is left of one old sentence
        # may sit in another new one. Match the rest too, where it keeps the order.
        old_rest, new_rest = _match_rest(old, new, old_rest, new_rest, block)
    kept += block
    return old_rest, new_rest


def _match_rest(
    old: str, new: str, old_rest: list[Token], new_rest: list[Token], block: list[Run]
) -> tuple[list[Token], list[Token]]:
    """Add to `block` the runs old_rest and new_rest share that fit its order;
    return the tokens still left over. Words outrank paragraph marks: a mark that
    is out of order with the words is dropped."""
    marks = [r for r in block if not r.length]
    solid = sorted((r for r in block if r.length), key=lambda r: r.old_start)
    starts = [r.old_start for r in solid]
    skip_old: set[int] = set()
    skip_new: set[int] = set()
    for _ in range(3):
        a = [t for t in old_rest if t[0] not in skip_old or t[0] == t[1]]
        b = [t for t in new_rest if t[0] not in skip_new or t[0] == t[1]]
        found: list[Run] = []
        diff_tokens(a, b, found)
        found = [r for r in found if r.length]
        if not found:
            break
        # words matched in this round sit somewhere else of the old text: between
        # a chain and its neighbour they do not part them (a block moved in there)
        elsewhere_old = {r.old_start for r in found}
        elsewhere_new = {r.new_start for r in found}
        for chain in _chains(old, new, found):
            first, last = chain[0], chain[-1]
            k = bisect_right(starts, first.old_start)
            left = solid[k - 1] if k else None
            right = solid[k] if k < len(solid) else None
            fits = (left is None or left.new_end <= first.new_start) and (
                right is None or last.new_end <= right.new_start
            )
            # ...and, unless it is a few words long, it sits next to what sat next
            # to it: a "The" left over from a rewritten sentence start is not the
            # "The" of a sentence put before it
            close = (
                not solid
                or len(chain) >= 3
                or (
                    (
                        left is not None
                        and _few_words(
                            old, left.old_end, first.old_start, elsewhere_old
                        )
                        and _few_words(
                            new, left.new_end, first.new_start, elsewhere_new
                        )
                    )
                    or (
                        right is not None
                        and _few_words(
                            old, last.old_end, right.old_start, elsewhere_old
                        )
                        and _few_words(
                            new, last.new_end, right.new_start, elsewhere_new
                        )
                    )
                )
            )
            if fits and close:
                for offset, run in enumerate(chain):
                    solid.insert(k + offset, run)
                    starts.insert(k + offset, run.old_start)
            for run in chain:
                skip_old.add(run.old_start)
                skip_new.add(run.new_start)
    for mark in marks:
        k = bisect_right(starts, mark.old_start)
        if (k == 0 or solid[k - 1].new_end <= mark.new_start) and (
            k == len(solid) or mark.new_start <= solid[k].new_start
        ):
            solid.insert(k, mark)
            starts.insert(k, mark.old_start)
    block[:] = solid
    taken_old = {r.old_start for r in solid if r.length}
    taken_new = {r.new_start for r in solid if r.length}
    return (
        [t for t in old_rest if t[0] not in taken_old or t[1] == t[0]],
        [t for t in new_rest if t[0] not in taken_new or t[1] == t[0]],
    )


def _chains(old: str, new: str, runs: list[Run]) -> list[list[Run]]:
    """Runs that follow one another in both texts, with only spaces between."""
    chains: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: r.old_start):
        if chains:
            prev = chains[-1][-1]
            if (
                prev.old_end <= run.old_start
                and prev.new_end <= run.new_start
                and not old[prev.old_end : run.old_start].strip()
                and not new[prev.new_end : run.new_start].strip()
            ):
                chains[-1].append(run)
                continue
        chains.append([run])
    return chains


def _few_words(text: str, start: int, end: int, skip: set[int]) -> bool:
    """At most 3 tokens in text[start:end], not counting those starting in `skip`."""
    found = (m for m in TOKEN.finditer(text, start, end) if m.start() not in skip)
    return sum(1 for _ in found) <= 3


# A sentence paired with one in the paragraph its own paragraph became counts this
# much more: of two equally likely partners, the one still in its place is the
# sentence, the other a copy pasted into the next paragraph.
_SAME_PARAGRAPH_BONUS = 0.2


def _pair_sentences(
    a: list[list[Token]], b: list[list[Token]], *, by_paragraph: bool = True
) -> list[tuple[int, int]]:
    """The in-order pairing of similar sentences with the greatest total similarity,
    sentences of paired paragraphs first."""
    bags_a = [Counter(t[2] for t in unit if t[2][0].isalnum()) for unit in a]
    bags_b = [Counter(t[2] for t in unit if t[2][0].isalnum()) for unit in b]
    line_a, line_b = _line_numbers(a), _line_numbers(b)
    paired_lines: set[tuple[int, int]] = set()
    if by_paragraph and max(line_a, default=0) + max(line_b, default=0) > 0:
        paired_lines = set(
            _pair_sentences(
                _join_lines(a, line_a), _join_lines(b, line_b), by_paragraph=False
            )
        )
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            size = sum(bags_a[i].values()) + sum(bags_b[j].values())
            same = 2 * sum((bags_a[i] & bags_b[j]).values()) / size if size else 0.0
            bonus = _SAME_PARAGRAPH_BONUS * ((line_a[i], line_b[j]) in paired_lines)
            best[i + 1][j + 1] = max(
                best[i][j + 1],
                best[i + 1][j],
                best[i][j] + same + bonus if same >= _MIN_PAIR_SIMILARITY else 0.0,
            )
    pairs = []
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _line_numbers(units: list[list[Token]]) -> list[int]:
    """The line of the block each sentence is in (a line opens with a mark)."""
    numbers, line = [], -1
    for unit in units:
        line += bool(unit) and unit[0][2] == PARAGRAPH
        numbers.append(max(line, 0))
    return numbers


def _join_lines(units: list[list[Token]], lines: list[int]) -> list[list[Token]]:
    joined: list[list[Token]] = [[] for _ in range(max(lines, default=-1) + 1)]
    for unit, line in zip(units, lines, strict=True):
        joined[line].extend(unit)
    return joined


def diff_tokens(
    a: list[Token], b: list[Token], kept: list[Run]
) -> tuple[list[Token], list[Token]]:
    """Add the tokens `a` and `b` share to `kept`; return the ones left over."""
    matcher = SequenceMatcher(None, [t[2] for t in a], [t[2] for t in b], False)
    opcodes = _drop_chance_equalities(
        _shift_to_sentence_ends(matcher.get_opcodes(), a, b), a, b
    )
    old_rest: list[Token] = []
    new_rest: list[Token] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for ta, tb in zip(a[i1:i2], b[j1:j2], strict=True):
                kept.append(Run(ta[0], tb[0], ta[1] - ta[0]))
        else:
            old_rest.extend(a[i1:i2])
            new_rest.extend(b[j1:j2])
    kept.sort(key=lambda r: r.old_start)
    return old_rest, new_rest


def _shift_to_sentence_ends(
    opcodes: list[tuple[str, int, int, int, int]], a: list[Token], b: list[Token]
) -> list[list]:
    """Slide each inserted or deleted stretch, where the same words lie on both its
    sides, to start after a sentence end: a sentence inserted before "The team ..."
    that itself starts with "The" is "The side ... .", not "side ... . The"."""
    ops = [list(op) for op in opcodes]
    for k in range(1, len(ops) - 1):
        before, op, after = ops[k - 1], ops[k], ops[k + 1]
        if before[0] != "equal" or after[0] != "equal" or op[0] == "equal":
            continue
        if op[1] == op[2]:  # an insertion into b
            words, lo, hi, floor, ceil = b, op[3], op[4], before[3], after[4]
        elif op[3] == op[4]:  # a deletion from a
            words, lo, hi, floor, ceil = a, op[1], op[2], before[1], after[2]
        else:
            continue

        def score(x: int, y: int, words=words) -> int:
            starts = x == 0 or words[x - 1][2] in SENTENCE_END
            return 2 * starts + (words[y - 1][2] in SENTENCE_END)

        best, best_score = 0, score(lo, hi)
        shift = 0
        while (
            lo - shift - 1 >= floor
            and words[hi - shift - 1][2] == words[lo - shift - 1][2]
        ):
            shift += 1
            if score(lo - shift, hi - shift) > best_score:
                best, best_score = -shift, score(lo - shift, hi - shift)
        shift = 0
        while hi + shift < ceil and words[lo + shift][2] == words[hi + shift][2]:
            shift += 1
            if score(lo + shift, hi + shift) > best_score:
                best, best_score = shift, score(lo + shift, hi + shift)
        if best:
            before[2] += best
            before[4] += best
            after[1] += best
            after[3] += best
            if op[1] == op[2]:
                op[1] = op[2] = op[1] + best
                op[3] += best
                op[4] += best
            else:
                op[3] = op[4] = op[3] + best
                op[1] += best
                op[2] += best
    return [op for op in ops if op[2] > op[1] or op[4] > op[3]]


def _drop_chance_equalities(
    opcodes: list[list], a: list[Token], b: list[Token]
) -> list[list]:
    """Merge into the edit around it any equal stretch with under half the letters of
    the edit on each side (diff-match-patch's semantic clean-up): when a sentence is
    replaced by another, their shared "the" and commas are chance, not kept text.
    """

    def letters(tokens: list[Token], lo: int, hi: int) -> int:
        return sum(t[1] - t[0] for t in tokens[lo:hi])

    ops = [list(op) for op in opcodes]
    changed = True
    while changed:
        changed = False
        for k in range(1, len(ops) - 1):
            tag, i1, i2 = ops[k][:3]
            before, after = ops[k - 1], ops[k + 1]
            if tag != "equal" or before[0] == "equal" or after[0] == "equal":
                continue
            size = letters(a, i1, i2)
            edit_before = max(
                letters(a, before[1], before[2]), letters(b, before[3], before[4])
            )
            edit_after = max(
                letters(a, after[1], after[2]), letters(b, after[3], after[4])
            )
            if 2 * size < edit_before and 2 * size < edit_after:
                ops[k - 1 : k + 2] = [
                    ["replace", before[1], after[2], before[3], after[4]]
                ]
                changed = True
                break
    return ops

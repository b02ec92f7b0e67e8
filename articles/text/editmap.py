"""The edit between two texts, as the runs of characters it kept, moved, or replaced.

`text_edit(old, new)` diffs line by line first (a long article with a small edit costs
one pass over its lines), then word by word inside the lines that differ, and finally
looks for runs that were cut in one place and pasted in another (moves). Annotations
are carried through the result by `articles.text.anchoring.map_anchor`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Words, numbers with their decimal or thousands separators, and single marks.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+")
Token = tuple[int, int, str]  # start, end, text
PARAGRAPH = "\n"  # the token that opens a line: it has no characters
_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s)|$)", re.S)

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


def text_edit(old: str, new: str) -> TextEdit:
    """Return the edit that turns `old` into `new`."""
    kept: list[Run] = []
    old_left: list[Token] = []  # tokens no kept run covers
    new_left: list[Token] = []
    old_lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(old)]
    new_lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(new)]
    matcher = SequenceMatcher(
        None, [line[2] for line in old_lines], [line[2] for line in new_lines], False
    )
    opcodes = matcher.get_opcodes()
    moved_lines = _moved_lines(opcodes, old_lines, new_lines)
    edited_lines = _edited_moved_lines(opcodes, old_lines, new_lines, moved_lines)
    gone_old = {i for i, _ in moved_lines + edited_lines}
    gone_new = {j for _, j in moved_lines + edited_lines}
    moved: list[Run] = []
    for i, j in edited_lines:
        a = _sentences(old, [old_lines[i]])
        b = _sentences(new, [new_lines[j]])
        rest = _diff_tokens(
            [t for unit in a for t in unit], [t for unit in b for t in unit], moved
        )
        old_left.extend(rest[0])
        new_left.extend(rest[1])
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for (os, oe, _), (ns, _, _) in zip(
                old_lines[i1:i2], new_lines[j1:j2], strict=True
            ):
                kept.append(Run(os, ns, oe - os))
            continue
        a = _sentences(old, [old_lines[i] for i in range(i1, i2) if i not in gone_old])
        b = _sentences(new, [new_lines[j] for j in range(j1, j2) if j not in gone_new])
        if tag == "replace":
            old_rest, new_rest = _diff_block(old, new, a, b, kept)
            old_left.extend(old_rest)
            new_left.extend(new_rest)
        else:
            old_left.extend(t for unit in a for t in unit)
            new_left.extend(t for unit in b for t in unit)
    kept.sort(key=lambda r: r.old_start)
    for i, j in moved_lines:
        (os, oe, _), (ns, _, _) = old_lines[i], new_lines[j]
        moved.append(Run(os, ns, oe - os))
    moved = _find_moves(old, new, old_left, new_left, kept, moved)
    moved.sort(key=lambda r: r.old_start)
    both = sorted(kept + moved, key=lambda r: (r.old_start, r.length))
    return TextEdit(
        old=old,
        new=new,
        kept=Runs(tuple(kept)),
        moved=Runs(tuple(moved), moved=True),
        both=Runs(tuple(both), moved=True),
    )


# A paragraph this long that left one place and appears word for word, once, in
# another is a moved paragraph, even when a copy of its words was pasted elsewhere.
_MIN_MOVED_LINE = 24


def _moved_lines(
    opcodes: list[tuple[str, int, int, int, int]],
    old_lines: list[tuple[int, int, str]],
    new_lines: list[tuple[int, int, str]],
) -> list[tuple[int, int]]:
    """Whole lines deleted in one place and inserted, unchanged, in another."""
    old_out = [
        i for tag, i1, i2, _, _ in opcodes if tag != "equal" for i in range(i1, i2)
    ]
    new_in = [
        j for tag, _, _, j1, j2 in opcodes if tag != "equal" for j in range(j1, j2)
    ]
    if not old_out or not new_in:
        return []
    old_count = Counter(old_lines[i][2] for i in old_out)
    new_where: dict[str, list[int]] = {}
    for j in new_in:
        new_where.setdefault(new_lines[j][2], []).append(j)
    return [
        (i, new_where[old_lines[i][2]][0])
        for i in old_out
        if len(old_lines[i][2]) >= _MIN_MOVED_LINE
        and old_count[old_lines[i][2]] == 1
        and len(new_where.get(old_lines[i][2], ())) == 1
    ]


# A paragraph that left one place and appears with a few words rewritten in
# another shares at least this much of its words with it (Dice), and more than
# with any other paragraph that changed.
_MIN_EDITED_LINE_SIMILARITY = 0.75


def _edited_moved_lines(
    opcodes: list[tuple[str, int, int, int, int]],
    old_lines: list[tuple[int, int, str]],
    new_lines: list[tuple[int, int, str]],
    moved_lines: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Lines deleted in one place and inserted, a little edited, in another: each
    the other's most similar changed line, and not in the same changed block."""
    gone_old = {i for i, _ in moved_lines}
    gone_new = {j for _, j in moved_lines}
    block_old, block_new = {}, {}
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            block_old.update((i, k) for i in range(i1, i2) if i not in gone_old)
            block_new.update((j, k) for j in range(j1, j2) if j not in gone_new)
    if (
        not block_old
        or not block_new
        or len(block_old) * len(block_new) > _MAX_PAIRINGS
    ):
        return []
    bags_old = {i: Counter(_WORD.findall(old_lines[i][2])) for i in block_old}
    bags_new = {j: Counter(_WORD.findall(new_lines[j][2])) for j in block_new}
    best_old: dict[int, list] = {}
    best_new: dict[int, list] = {}
    for i, bag_a in bags_old.items():
        for j, bag_b in bags_new.items():
            size = sum(bag_a.values()) + sum(bag_b.values())
            score = 2 * sum((bag_a & bag_b).values()) / size if size else 0.0
            for best, key, other in ((best_old, i, j), (best_new, j, i)):
                top = best.setdefault(key, [0.0, None])
                if score > top[0]:
                    best[key] = [score, other]
                elif score == top[0]:
                    top[1] = None  # a tie: no one partner
    return [
        (i, j)
        for i, (score, j) in best_old.items()
        if j is not None
        and score >= _MIN_EDITED_LINE_SIMILARITY
        and best_new[j][1] == i
        and block_old[i] != block_new[j]
    ]


def _sentences(text: str, lines: list[tuple[int, int, str]]) -> list[list[Token]]:
    """The lines' sentences as tokens (words and marks), each line opened by an
    empty paragraph mark, so that a paragraph matches a paragraph before it matches
    a copy of its words pasted into the middle of another one."""
    found = []
    for start, end, _ in lines:
        for k, sentence in enumerate(_SENTENCE.finditer(text, start, end)):
            tokens = [(sentence.start(), sentence.start(), PARAGRAPH)] if k == 0 else []
            tokens.extend(
                (m.start(), m.end(), m.group())
                for m in _TOKEN.finditer(text, sentence.start(), sentence.end())
            )
            found.append(tokens)
    return found


# Sentences are paired by similarity only in blocks up to this many pairs to weigh.
_MAX_PAIRINGS = 900
_MIN_PAIR_SIMILARITY = 0.5


def _diff_block(
    old: str, new: str, a: list[list[Token]], b: list[list[Token]], kept: list[Run]
) -> tuple[list[Token], list[Token]]:
    """Diff replaced lines sentence by sentence: each old sentence with the new one
    most like it (in order), so that a rewritten sentence is compared with its
    rewrite, not with an inserted sentence that happens to share its first words.
    Returns the tokens left over."""
    pairs = _pair_sentences(a, b) if len(a) * len(b) <= _MAX_PAIRINGS else []
    block: list[Run] = []
    old_rest: list[Token] = []
    new_rest: list[Token] = []
    pa = pb = 0
    for i, j in [*pairs, (len(a), len(b))]:
        between = _diff_tokens(
            [t for unit in a[pa:i] for t in unit],
            [t for unit in b[pb:j] for t in unit],
            block,
        )
        old_rest += between[0]
        new_rest += between[1]
        if i < len(a):
            paired = _diff_tokens(a[i], b[j], block)
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
        _diff_tokens(a, b, found)
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


def _mostly_same_words(old_piece: str, new_piece: str) -> bool:
    """At least half the tokens of the two pieces are shared (Dice >= 0.5)."""
    a = Counter(_TOKEN.findall(old_piece))
    b = Counter(_TOKEN.findall(new_piece))
    size = sum(a.values()) + sum(b.values())
    return bool(size) and 2 * sum((a & b).values()) >= size / 2


def _few_words(text: str, start: int, end: int, skip: set[int]) -> bool:
    """At most 3 tokens in text[start:end], not counting those starting in `skip`."""
    found = (m for m in _TOKEN.finditer(text, start, end) if m.start() not in skip)
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


def _diff_tokens(
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


_SENTENCE_END = {".", "!", "?", PARAGRAPH}


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
            starts = x == 0 or words[x - 1][2] in _SENTENCE_END
            return 2 * starts + (words[y - 1][2] in _SENTENCE_END)

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


def _find_moves(
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
        if lo <= new_left[rest_b[word]][0] < hi and not _mostly_same_words(
            old[old_lo:old_hi], new[lo:hi]
        ):
            continue
        # found in a new sentence that reads like its own, whose other words went
        # elsewhere, it is a word of a copy of that sentence pasted there
        there = _sentence_around(new, new_left[rest_b[word]][0])
        if not _overlaps_any(there, went_by_new, new_starts) and _mostly_same_words(
            _kept_part(old, _sentence_around(old, token[0]), went, went_starts),
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


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
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
            len(_TOKEN.findall(old, old_left[first[0]][1], old_left[second[0]][0]))
            <= _MOVE_REWRITE_TOKENS
            and len(_TOKEN.findall(new, new_left[first[1]][1], new_left[second[1]][0]))
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

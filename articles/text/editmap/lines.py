"""The edit between two texts, line by line: kept lines, lines moved whole or a
little edited, and the changed blocks handed to the word diff."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from articles.text.editmap.blocks import MAX_PAIRINGS, diff_block, diff_tokens
from articles.text.editmap.moves import find_moves
from articles.text.editmap.runs import (
    PARAGRAPH,
    TOKEN,
    WORD,
    Run,
    Runs,
    TextEdit,
    Token,
)

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s)|$)", re.S)


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
        rest = diff_tokens(
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
            old_rest, new_rest = diff_block(old, new, a, b, kept)
            old_left.extend(old_rest)
            new_left.extend(new_rest)
        else:
            old_left.extend(t for unit in a for t in unit)
            new_left.extend(t for unit in b for t in unit)
    kept.sort(key=lambda r: r.old_start)
    for i, j in moved_lines:
        (os, oe, _), (ns, _, _) = old_lines[i], new_lines[j]
        moved.append(Run(os, ns, oe - os))
    moved = find_moves(old, new, old_left, new_left, kept, moved)
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
    if not block_old or not block_new or len(block_old) * len(block_new) > MAX_PAIRINGS:
        return []
    bags_old = {i: Counter(WORD.findall(old_lines[i][2])) for i in block_old}
    bags_new = {j: Counter(WORD.findall(new_lines[j][2])) for j in block_new}
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
                for m in TOKEN.finditer(text, sentence.start(), sentence.end())
            )
            found.append(tokens)
    return found

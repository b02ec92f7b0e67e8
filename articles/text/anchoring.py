"""Anchor annotations to text and carry them through edits of the text.

An annotation stores a W3C TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (start, end) against the revision it sits on. When a revision is
saved, the server has both texts: `follow_edit` maps each span through the edit
between them (`map_anchor`), which is exact: the words are untouched (anchored),
rewritten (changed), cut and pasted (moved) or deleted (orphaned). Only an anchor
whose text is not in the old revision (an imported selector) is searched for
(`reanchor`), and a search that cannot tell two places apart attaches to neither.
"""

from __future__ import annotations

import re
from itertools import pairwise

from articles.text.editmap import Gap, Run, Runs, TextEdit, text_edit
from articles.text.quotes import (
    CONTEXT,
    Anchor,
    AnchorState,
    Reanchored,
    anchor_for_span,
    find_quote,
    reanchor,
    word_end,
    word_start,
)

__all__ = [
    "CONTEXT",
    "Anchor",
    "AnchorState",
    "Reanchored",
    "anchor_for_span",
    "find_quote",
    "follow_edit",
    "map_anchor",
    "reanchor",
]

# A replacement of at most this many words by at most twice as many is a rewrite of
# those words: an annotation on them follows the replacement (changed). A longer
# replacement is new text: an annotation on what it replaced is orphaned.
LOCAL_REWRITE_TOKENS = 3


# --- mapping through an edit -----------------------------------------------------


def follow_edit(
    old_text: str, new_text: str, anchors: list[Anchor]
) -> tuple[Reanchored, ...]:
    """Where each of `anchors` (on `old_text`) sits in `new_text`, in order.

    An anchor whose quote is at its offsets in `old_text` is mapped through the edit
    (`map_anchor`); any other (an imported selector, a stale offset) is searched for
    (`reanchor`). The revision service and `reanchor_check` both call this.
    """
    edit: TextEdit | None = None
    results = []
    for anchor in anchors:
        if anchor.exact.strip() and old_text[anchor.start : anchor.end] == anchor.exact:
            if edit is None:
                edit = text_edit(old_text, new_text)
            results.append(map_anchor(edit, anchor))
        else:
            results.append(reanchor(anchor, new_text))
    return tuple(results)


def map_anchor(edit: TextEdit, anchor: Anchor) -> Reanchored:
    """Carry `anchor` (a span of `edit.old`) through the edit to `edit.new`.

    ANCHORED: its words are untouched (they may have shifted). CHANGED: some were
    rewritten, deleted or inserted between; the span covers what is there now.
    MOVED: its words were cut and pasted elsewhere. ORPHANED: its words are gone;
    it is never put on other words. New spans start and end on word boundaries.
    """
    start, end = _trim(edit.old, anchor.start, anchor.end)
    if start >= end:
        return _ORPHANED
    kept = [r for r in edit.kept.within(start, end) if r.length]
    moved = [r for r in edit.moved.within(start, end) if r.length]
    if kept and moved:  # part of it moved, part stayed: follow both
        found = _map_through(edit, edit.both, start, end, AnchorState.MOVED)
        if found is not None:
            return found
    if kept or not moved:
        found = _map_through(edit, edit.kept, start, end, AnchorState.ANCHORED)
        if found is not None:
            return found
    # its words went elsewhere (or were rewritten where they were)
    found = _map_through(edit, edit.moved, start, end, AnchorState.MOVED)
    if found is None:
        found = _map_through(edit, edit.kept, start, end, AnchorState.ANCHORED)
    return found or _ORPHANED


_ORPHANED = Reanchored(AnchorState.ORPHANED, None, 0.0)


def _map_through(
    edit: TextEdit, runs: Runs, start: int, end: int, untouched: AnchorState
) -> Reanchored | None:
    """The span carried along `runs` (kept in place, or moved), or None if too
    little of it went that way."""
    inside = runs.within(start, end)
    if not inside:
        gap = runs.gap_at(start, len(edit.old), len(edit.new))
        if gap is None or not _is_rewrite(edit, gap):
            return None
    elif _letters(edit.old, inside, start, end) * 3 <= _letters(
        edit.old, None, start, end
    ) and not _all_rewrites(edit, runs, inside, start, end):
        # a stray "the" or full stop left of a sentence that was deleted or replaced
        # is not the sentence: what is left must be a good part of its words
        return None
    elif any(a.new_end > b.new_start for a, b in pairwise(inside)):
        return None  # its pieces went to different places
    new_start = _map_start(edit, runs, start)
    if new_start is None:
        new_start = inside[0].new_start
    new_end = _map_end(edit, runs, end)
    if new_end is None:
        new_end = inside[-1].new_end
    new_start, new_end = _without_other_words(edit, start, end, new_start, new_end)
    new_start, new_end = _trim(edit.new, new_start, new_end)
    if not new_start < new_end <= new_start + 2 * (end - start) + 16:
        return None
    own = [
        r
        for r in (*edit.kept.within(start, end), *edit.moved.within(start, end))
        if r.length
    ]
    same = (
        inside
        and all(
            new_start <= r.new_start + max(0, start - r.old_start)
            and r.new_end - max(0, r.old_end - end) <= new_end
            for r in own
        )
        and _only_runs(edit.old, sorted(own, key=lambda r: r.old_start), start, end)
        and _only_runs(
            edit.new,
            sorted(own, key=lambda r: r.new_start),
            new_start,
            new_end,
            old=False,
        )
    )
    state = untouched if same else AnchorState.CHANGED
    if same and runs is edit.kept and any(r in edit.moved.runs for r in own):
        state = AnchorState.MOVED if untouched is AnchorState.MOVED else state
    return Reanchored(state, anchor_for_span(edit.new, new_start, new_end), 1.0)


def _without_other_words(
    edit: TextEdit, start: int, end: int, new_start: int, new_end: int
) -> tuple[int, int]:
    """new[new_start:new_end] cut back so that it holds none of the words that came
    from outside old[start:end] (a paragraph moved in next to it, say)."""
    own = [
        r
        for r in (*edit.kept.within(start, end), *edit.moved.within(start, end))
        if r.length
    ]
    if not own:  # a rewrite: the new words must be new, not words moved there
        foreign = edit.kept.runs_in_new(new_start, new_end) + edit.moved.runs_in_new(
            new_start, new_end
        )
        if any(r.length for r in foreign):
            return new_start, new_start
        return new_start, new_end
    own_lo = min(r.new_start + max(0, start - r.old_start) for r in own)
    own_hi = max(r.new_end - max(0, r.old_end - end) for r in own)
    for run in (
        *edit.kept.runs_in_new(new_start, new_end),
        *edit.moved.runs_in_new(new_start, new_end),
    ):
        if not run.length or (run.old_start < end and start < run.old_end):
            continue
        if run.new_start >= own_hi:
            new_end = min(new_end, run.new_start)
        elif run.new_end <= own_lo:
            new_start = max(new_start, run.new_end)
        elif new_start < run.new_start and run.new_end < new_end:
            # other words moved in between its own: keep the larger side
            before = sum(c.isalnum() for c in edit.new[new_start : run.new_start])
            after = sum(c.isalnum() for c in edit.new[run.new_end : new_end])
            if before >= after:
                new_end = run.new_start
            else:
                new_start = run.new_end
    return new_start, new_end


def _all_rewrites(
    edit: TextEdit, runs: Runs, inside: list[Run], start: int, end: int
) -> bool:
    """True if every part of old[start:end] outside `inside` was rewritten in place."""
    bounds = [start] + [p for r in inside for p in (r.old_start, r.old_end)] + [end]
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        lo, hi = _trim(edit.old, max(lo, start), min(hi, end))
        if lo < hi:
            gap = runs.gap_at(lo, len(edit.old), len(edit.new))
            if gap is None or not _is_rewrite(edit, gap):
                return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _letters(text: str, runs: list[Run] | None, start: int, end: int) -> int:
    """Letters and digits of text[start:end] (only those inside `runs`, if given)."""
    if runs is None:
        return sum(c.isalnum() for c in text[start:end])
    return sum(
        sum(c.isalnum() for c in text[max(start, r.old_start) : min(end, r.old_end)])
        for r in runs
    )


def _only_runs(
    text: str, runs: list[Run], start: int, end: int, *, old: bool = True
) -> bool:
    """True if text[start:end] outside the runs is only whitespace."""
    pos = start
    for run in runs:
        run_start, run_end = (
            (run.old_start, run.old_end) if old else (run.new_start, run.new_end)
        )
        if text[pos:run_start].strip():
            return False
        pos = max(pos, run_end)
    return not text[pos:end].strip()


def _map_start(edit: TextEdit, runs: Runs, start: int) -> int | None:
    run = runs.at(start)
    if run is not None:
        return run.new_start + (start - run.old_start)
    gap = runs.gap_at(start, len(edit.old), len(edit.new))
    if gap is None:
        return None
    old_first, _ = _trim(edit.old, gap.old_start, gap.old_end)
    if not _is_rewrite(edit, gap):
        tail = _rewritten_tail(edit, gap)
        if tail is not None and start <= old_first:
            return tail  # a sentence put before it, and its first words rewritten
        return gap.new_end  # what it started on was replaced by new text: skip it
    if start <= old_first:
        return _trim(edit.new, gap.new_start, gap.new_end)[0]
    return word_start(edit.new, _refine(edit, gap, start, end=False), lo=gap.new_start)


def _map_end(edit: TextEdit, runs: Runs, end: int) -> int | None:
    run = runs.at(end - 1)
    if run is not None:
        return run.new_start + (end - run.old_start)
    gap = runs.gap_at(end - 1, len(edit.old), len(edit.new))
    if gap is None:
        return None
    if not _is_rewrite(edit, gap):
        return gap.new_start
    _, old_last = _trim(edit.old, gap.old_start, gap.old_end)
    if end >= old_last:
        return _trim(edit.new, gap.new_start, gap.new_end)[1]
    return word_end(edit.new, _refine(edit, gap, end, end=True), hi=gap.new_end)


_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*")


def _rewritten_tail(edit: TextEdit, gap: Gap) -> int | None:
    """Where a rewrite of the gap's few old words starts, when new sentences were
    put before them: the words after the last sentence break of the new stretch."""
    old_words = len(_WORDS.findall(edit.old, gap.old_start, gap.old_end))
    if not 0 < old_words <= LOCAL_REWRITE_TOKENS:
        return None
    tail = None
    for found in _SENTENCE_BREAK.finditer(edit.new, gap.new_start, gap.new_end):
        tail = found.end()
    if tail is None:
        return None
    new_words = len(_WORDS.findall(edit.new, tail, gap.new_end))
    return tail if 0 < new_words <= 2 * LOCAL_REWRITE_TOKENS else None


def _is_rewrite(edit: TextEdit, gap: Gap) -> bool:
    """A few words replaced by a few others, rather than text deleted or replaced."""
    old_words = len(_WORDS.findall(edit.old, gap.old_start, gap.old_end))
    new_words = len(_WORDS.findall(edit.new, gap.new_start, gap.new_end))
    return 0 < new_words <= 2 * LOCAL_REWRITE_TOKENS and old_words <= (
        LOCAL_REWRITE_TOKENS
    )


_WORDS = re.compile(r"\d+(?:[.,]\d+)*|\w+")


def _refine(edit: TextEdit, gap: Gap, pos: int, *, end: bool) -> int:
    """Where old[pos], inside a rewritten gap, lands: word for word when as many
    words replaced as were there. Otherwise which new word stands for which old one
    cannot be told ("w0 w1" -> "n0": w1 rewritten and w0 deleted, or the reverse?),
    and the part of the span in the gap is dropped."""
    old_words = list(_WORDS.finditer(edit.old, gap.old_start, gap.old_end))
    new_words = list(_WORDS.finditer(edit.new, gap.new_start, gap.new_end))
    if len(old_words) == len(new_words):
        for old_word, new_word in zip(old_words, new_words, strict=True):
            if end and old_word.start() < pos <= old_word.end():
                return new_word.end()
            if not end and old_word.start() <= pos < old_word.end():
                return new_word.start()
    return gap.new_start if end else gap.new_end

"""Annotation anchors (a W3C quote and position) and the search for a quote in a
text, for when there is no old revision to map from: an imported selector, a stale
offset. A search that cannot tell two places apart attaches to neither.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

CONTEXT = 32

# A fuzzy match must resemble the old quote this much (difflib ratio) on its own,
# whatever its context: below it, unrelated text of the right shape gets grabbed.
MIN_QUOTE_SIMILARITY = 0.6
# ...and the weighted mix of quote and context similarity must reach this.
MIN_FUZZY_SCORE = 0.7
# Quotes shorter than this are only ever found verbatim: a fuzzy match of two or three
# words' worth of letters is as likely to be another word as an edit of the same one.
MIN_FUZZY_LENGTH = 5
# Bounds on the work per annotation, so that a long article with many annotations
# stays well under a second.
MAX_EXACT_CANDIDATES = 64
MAX_FUZZY_CANDIDATES = 8
MAX_SEED_HITS = 32
# A fuzzy candidate this good is taken without looking at the others.
GOOD_ENOUGH_SCORE = 0.95
# From this many characters on, quotes are aligned word by word.
WORD_ALIGNMENT_LENGTH = 200


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits in one revision's text (W3C quote + position)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int  # exclusive


class AnchorState(StrEnum):
    ANCHORED = "anchored"
    CHANGED = "changed"
    MOVED = "moved"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Reanchored:
    state: AnchorState
    anchor: Anchor | None  # None only when orphaned
    score: float  # 1.0 for the exact quote; lower for a fuzzy match; 0.0 when orphaned
    candidates: tuple[Anchor, ...] = ()  # orphaned because these tie


def anchor_for_span(
    text: str, start: int, end: int, *, context: int = CONTEXT
) -> Anchor:
    """Return the Anchor of text[start:end], with up to `context` characters each side.

    Raises ValueError if the span is empty or not inside the text.
    """
    if context < 0:
        raise ValueError(f"context must not be negative (got {context}).")
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"The span {start}-{end} is empty or outside the text "
            f"(0-{len(text)}): select at least one character of the text."
        )
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = ""
) -> Anchor | None:
    """Return the Anchor of the best occurrence of `exact` in `text`, or None.

    The occurrence whose surroundings best resemble `prefix`/`suffix` wins; ties go
    to the first. When the quote is not there verbatim, a match that differs only in
    whitespace (a browser selection often turns line breaks into spaces) is accepted.
    Raises ValueError if `exact` is empty or only whitespace.
    """
    if not exact.strip():
        raise ValueError("The quote is empty: select some text to annotate.")
    starts = _occurrences(text, exact)
    if starts:
        probe = Anchor(exact, prefix, suffix, 0, len(exact))
        best = max(
            starts, key=lambda s: (_context_score(probe, text, s, s + len(exact)), -s)
        )
        return anchor_for_span(text, best, best + len(exact))
    spans = _whitespace_tolerant_spans(text, exact)
    if not spans:
        return None
    probe = Anchor(exact, prefix, suffix, 0, len(exact))
    best_start, best_end = max(
        spans, key=lambda sp: (_context_score(probe, text, sp[0], sp[1]), -sp[0])
    )
    return anchor_for_span(text, best_start, best_end)


def reanchor(anchor: Anchor, new_text: str) -> Reanchored:
    """Search `new_text` for `anchor`, for when there is no old text to map from
    (an imported selector, an offset that no longer fits).

    ANCHORED: the quote is at the same position. MOVED: the quote was found
    elsewhere (score 1.0) or a slightly edited version of it was found (score < 1).
    ORPHANED: neither, or several places fit equally well (they are `candidates`):
    anchor None, score 0.0. Never raises on any text.
    """
    exact = anchor.exact
    if not exact:
        return Reanchored(AnchorState.ORPHANED, None, 0.0)
    start, end = anchor.start, anchor.end
    if new_text[start:end] == exact and _context_is_unchanged(anchor, new_text):
        return Reanchored(
            AnchorState.ANCHORED, anchor_for_span(new_text, start, end), 1.0
        )

    starts = _occurrences(new_text, exact)
    if starts:
        tied = _best_exact(anchor, new_text, starts)
        if len(tied) > 1 and start not in tied:
            # the quote and its context read the same in several places: guessing
            # would as likely put it on the wrong words as on the right ones. Where
            # the quote still reads at its old offset, that place is offered too:
            # an insertion right next to it changes its context, not its words.
            offered = sorted({*tied, start}) if start in starts else tied
            return Reanchored(
                AnchorState.ORPHANED,
                None,
                0.0,
                tuple(anchor_for_span(new_text, s, s + len(exact)) for s in offered),
            )
        best = start if start in tied else tied[0]
        state = AnchorState.ANCHORED if best == start else AnchorState.MOVED
        return Reanchored(
            state, anchor_for_span(new_text, best, best + len(exact)), 1.0
        )

    fuzzy = _fuzzy_match(anchor, new_text)
    if fuzzy is not None:
        (fstart, fend), score = fuzzy
        return Reanchored(
            AnchorState.MOVED, anchor_for_span(new_text, fstart, fend), min(score, 0.99)
        )
    return Reanchored(AnchorState.ORPHANED, None, 0.0)


# --- exact matching ------------------------------------------------------------------


def _occurrences(text: str, exact: str) -> list[int]:
    """All start offsets of `exact` in `text`, overlapping ones included."""
    found = []
    pos = text.find(exact)
    while pos != -1:
        found.append(pos)
        pos = text.find(exact, pos + 1)
    return found


def _whitespace_tolerant_spans(text: str, exact: str) -> list[tuple[int, int]]:
    pattern = r"\s+".join(re.escape(part) for part in exact.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _context_is_unchanged(anchor: Anchor, text: str) -> bool:
    before = text[max(0, anchor.start - len(anchor.prefix)) : anchor.start]
    after = text[anchor.end : anchor.end + len(anchor.suffix)]
    return before == anchor.prefix and after == anchor.suffix


def _best_exact(anchor: Anchor, text: str, starts: list[int]) -> list[int]:
    """The occurrences whose context best resembles the anchor's (several if tied)."""
    length = len(anchor.exact)
    if len(starts) > MAX_EXACT_CANDIDATES:
        # A common quote ("the") can occur hundreds of times: shortlist by how many
        # characters of context agree right next to the quote, which is cheap.
        starts = sorted(
            starts,
            key=lambda s: (
                -_adjacent_agreement(anchor, text, s, s + length),
                abs(s - anchor.start),
            ),
        )[:MAX_EXACT_CANDIDATES]
    scores = {s: round(_context_score(anchor, text, s, s + length), 6) for s in starts}
    top = max(scores.values())
    return sorted(s for s, score in scores.items() if score == top)


def _adjacent_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    agree = 0
    for a, b in zip(reversed(anchor.prefix), reversed(text[:start]), strict=False):
        if a != b:
            break
        agree += 1
    for a, b in zip(anchor.suffix, text[end:], strict=False):
        if a != b:
            break
        agree += 1
    return agree


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How much the text around [start, end) resembles the anchor's context."""
    plen, slen = len(anchor.prefix), len(anchor.suffix)
    if plen + slen == 0:
        return 1.0
    before = text[max(0, start - plen) : start]
    after = text[end : end + slen]
    return (
        _similarity(anchor.prefix, before) * plen
        + _similarity(anchor.suffix, after) * slen
    ) / (plen + slen)


# --- fuzzy matching ------------------------------------------------------------------


def _fuzzy_match(anchor: Anchor, text: str) -> tuple[tuple[int, int], float] | None:
    """The best approximate occurrence of the quote, with its score, or None.

    Candidate places come from exact "seeds" (pieces of the quote and of its context)
    found with str.find, so the cost is a few linear scans plus difflib on small
    windows, never difflib over the whole text.
    """
    exact = anchor.exact
    if len(exact.strip()) < MIN_FUZZY_LENGTH or not text:
        return None
    best: tuple[float, int, tuple[int, int]] | None = None
    for guess in _candidate_starts(anchor, text):
        aligned = _align(anchor, text, guess)
        if aligned is None:
            continue
        span, quote_sim = aligned
        if quote_sim < MIN_QUOTE_SIMILARITY:
            continue
        score = 0.75 * quote_sim + 0.25 * _context_score(anchor, text, *span)
        key = (round(score, 6), -abs(span[0] - anchor.start), span)
        if best is None or key[:2] > best[:2]:
            best = key
        if score >= GOOD_ENOUGH_SCORE:
            break  # candidates come best-supported first: no need to look further
    if best is None or best[0] < MIN_FUZZY_SCORE:
        return None
    return best[2], best[0]


def _candidate_starts(anchor: Anchor, text: str) -> list[int]:
    exact, length = anchor.exact, len(anchor.exact)
    k = 8 if length >= 24 else max(3, length // 3)
    seeds: list[
        tuple[str, int]
    ] = []  # (piece, offset of the piece from the quote start)
    offsets = list(range(0, max(1, length - k + 1), k))
    if length - k > 0 and offsets[-1] != length - k:
        offsets.append(length - k)
    seeds.extend((exact[o : o + k], o) for o in offsets)
    if len(anchor.prefix) >= k:
        seeds.append((anchor.prefix[-k:], -k))
    if len(anchor.suffix) >= k:
        seeds.append((anchor.suffix[:k], length))

    bucket = max(8, length // 4)
    votes: Counter[int] = Counter()
    for piece, offset in seeds:
        if not piece.strip():
            continue
        hits = _occurrences_capped(text, piece, MAX_SEED_HITS + 1)
        if len(hits) > MAX_SEED_HITS:
            continue  # a piece found everywhere says nothing about where the quote is
        for hit in hits:
            votes[max(0, hit - offset) // bucket] += 1
    ranked = sorted(votes, key=lambda b: (-votes[b], abs(b * bucket - anchor.start)))
    starts = [b * bucket for b in ranked[:MAX_FUZZY_CANDIDATES]]
    if (
        anchor.start < len(text)
        and anchor.start // bucket not in ranked[:MAX_FUZZY_CANDIDATES]
    ):
        starts.append(anchor.start)  # the quote may have been edited where it stood
    return starts


def _occurrences_capped(text: str, piece: str, cap: int) -> list[int]:
    found = []
    pos = text.find(piece)
    while pos != -1 and len(found) < cap:
        found.append(pos)
        pos = text.find(piece, pos + 1)
    return found


def _units(text: str, *, words: bool) -> list[tuple[str, int, int]]:
    """Characters, or words and punctuation marks, with their spans."""
    if not words:
        return [(c, i, i + 1) for i, c in enumerate(text)]
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def _align(
    anchor: Anchor, text: str, guess: int
) -> tuple[tuple[int, int], float] | None:
    """The span near `guess` that best matches the quote, and how well, or None.

    Short quotes are aligned letter by letter; long ones word by word, which is as
    good for finding a paragraph and a hundred times cheaper.
    """
    exact, length = anchor.exact, len(anchor.exact)
    slack = max(16, length // 2)
    lo = max(0, guess - slack)
    hi = min(len(text), guess + length + 2 * slack)
    by_words = length >= WORD_ALIGNMENT_LENGTH
    quote_units = _units(exact, words=by_words)
    window_units = _units(text[lo:hi], words=by_words)
    matcher = SequenceMatcher(
        None, [u[0] for u in quote_units], [u[0] for u in window_units], autojunk=False
    )
    # Each block as (quote start, quote end, text start, text end) in characters.
    blocks = [
        (
            quote_units[b.a][1],
            quote_units[b.a + b.size - 1][2],
            lo + window_units[b.b][1],
            lo + window_units[b.b + b.size - 1][2],
        )
        for b in matcher.get_matching_blocks()
        if b.size
    ]
    # Stray one- or two-letter matches at the edges would stretch the span over
    # unrelated text; drop them while enough of the quote stays matched.
    while len(blocks) > 1 and blocks[0][1] - blocks[0][0] < 3:
        blocks.pop(0)
    while len(blocks) > 1 and blocks[-1][1] - blocks[-1][0] < 3:
        blocks.pop()
    if sum(b[1] - b[0] for b in blocks) < length / 2:
        return None
    start = max(0, blocks[0][2] - blocks[0][0])
    end = min(len(text), blocks[-1][3] + (length - blocks[-1][1]))
    if end <= start:
        return None

    starts = {start}
    ends = {end}
    # If the annotation began or ended on a word boundary, so should its new span.
    if not anchor.prefix or not anchor.prefix[-1].isalnum():
        starts |= {word_start(text, start), _next_word_start(text, start)}
    if not anchor.suffix or not anchor.suffix[0].isalnum():
        ends |= {word_end(text, end), _previous_word_end(text, end)}

    def estimate(span: tuple[int, int]) -> float:
        # difflib's ratio, from the blocks already found: no new comparison
        matched = sum(
            min(e, span[1]) - max(s, span[0])
            for _, _, s, e in blocks
            if s < span[1] and span[0] < e
        )
        return 2 * matched / (length + span[1] - span[0])

    options = [(s, e) for s in starts for e in ends if s < e]
    if not options:
        return None
    best = max(options, key=lambda sp: (estimate(sp), -abs(sp[1] - sp[0] - length)))
    if by_words:
        return best, estimate(best)
    return best, _similarity(exact, text[best[0] : best[1]])


def word_start(text: str, pos: int, *, lo: int = 0) -> int:
    """`pos` moved left to the start of the word it falls inside, if any."""
    while lo < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
        pos -= 1
    return pos


def _next_word_start(text: str, pos: int) -> int:
    """`pos` moved right past the rest of its word and the spaces after it."""
    while 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
        pos += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def word_end(text: str, pos: int, *, hi: int | None = None) -> int:
    """`pos` moved right to the end of the word it falls inside, if any."""
    hi = len(text) if hi is None else hi
    while 0 < pos < hi and text[pos - 1].isalnum() and text[pos].isalnum():
        pos += 1
    return pos


def _previous_word_end(text: str, pos: int) -> int:
    """`pos` moved left past the start of its word and the spaces before it."""
    while 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum():
        pos -= 1
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos

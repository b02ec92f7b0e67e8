"""Proposed stories and boundary candidates for raw copy."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from articles.text.rawcopy import copy_lines
from articles.text.splitting.features import (
    _build_paragraphs,
    _mark_duplicates,
    _Paragraph,
)
from articles.text.splitting.headlines import _headline_from
from articles.text.splitting.plan import StoryChoice
from articles.text.splitting.scoring import (
    _MARGIN,
    END_MARKS,
    WEIGHTS,
    Weights,
    _confidence,
    _gap_features,
    _score,
)


@dataclass(frozen=True)
class ProposedStory:
    """One story the splitter proposes; line numbers are 1-based and inclusive."""

    first_line: int
    last_line: int
    headline: str | None  # as written in the copy, or a suggested one
    headline_suggested: bool  # True when the headline is not a line of the copy
    headline_line: int | None  # the copy line holding the written headline
    confidence: float  # 0..1, for the boundary that starts this story
    reasons: tuple[str, ...]  # why this story starts here, strongest first
    subheading_lines: tuple[int, ...]
    duplicate_lines: tuple[int, ...]  # lines repeating an earlier paragraph
    doubts: tuple[str, ...] = ()  # signals that spoke against this boundary
    # Web-page and wire debris (bylines, captions, share buttons ...): proposed
    # for dropping, the editor may keep any.
    boilerplate_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class BoundaryCandidate:
    """A gap between paragraphs where a story could start, with its score explained."""

    line: int  # the first line of the story that would start here
    score: float  # above zero: proposed as a boundary
    confidence: float  # logistic of the score
    reasons: tuple[str, ...]  # signals for a boundary, strongest first
    doubts: tuple[str, ...]  # signals against, strongest first


@dataclass
class _Analysis:
    lines: list[str]
    paragraphs: list[_Paragraph]
    scored: list[_Paragraph]
    candidates: list[BoundaryCandidate]


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration.

    The analysis builds many small containers and no reference cycles; left on, the
    collector rescans them again and again as they accumulate, which made 10 MB of
    copy take over 12 times as long as 1 MB. Reference counting still frees memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse(text: str, *, exact: bool = True, weights: Weights = WEIGHTS) -> _Analysis:
    """Not `exact`: only the candidates scoring above zero, which are exact."""
    lines = copy_lines(text)
    paragraphs = _build_paragraphs(lines)
    _mark_duplicates(paragraphs, story_ends=END_MARKS)
    gaps, scored = _gap_features(lines, paragraphs, exact=exact, weights=weights)
    candidates = []
    for gap in gaps:
        if not exact and gap.total <= -_MARGIN:
            continue  # cannot score above zero
        score, reasons, doubts = _score(gap.features, weights)
        candidates.append(
            BoundaryCandidate(
                line=scored[gap.index].line,
                score=round(score, 3),
                confidence=_confidence(score),
                reasons=tuple(reasons),
                doubts=tuple(doubts),
            )
        )
    return _Analysis(lines, paragraphs, scored, candidates)


def boundary_candidates(text: str) -> tuple[BoundaryCandidate, ...]:
    """Return every gap where a story could start, scored and explained, in order.

    Those with a score above zero are the boundaries `suggest_split` proposes; the
    others help an editor who wants to move a boundary see the next best places.
    """
    with _cyclic_gc_paused():
        return tuple(_analyse(text).candidates)


def suggest_split(text: str) -> tuple[ProposedStory, ...]:
    """Return the stories proposed for raw copy, in order; () if it has no text.

    The stories cover every non-blank line: each runs from its first non-blank line
    to the last non-blank line before the next story.
    """
    with _cyclic_gc_paused():
        return _suggest_split(text)


def _suggest_split(text: str, weights: Weights = WEIGHTS) -> tuple[ProposedStory, ...]:
    analysis = _analyse(text, exact=False, weights=weights)
    paragraphs = analysis.paragraphs
    if not paragraphs:
        return ()
    starts: list[tuple[int, float, tuple[str, ...], tuple[str, ...]]] = [
        (paragraphs[0].line, 1.0, ("start of the copy",), ())
    ]
    starts += [
        (c.line, c.confidence, c.reasons, c.doubts)
        for c in analysis.candidates
        if c.score > 0
    ]
    stories = []
    position = 0
    for number, (_, confidence, reasons, doubts) in enumerate(starts):
        next_start = starts[number + 1][0] if number + 1 < len(starts) else None
        members = []
        while position < len(paragraphs) and (
            next_start is None or paragraphs[position].line < next_start
        ):
            members.append(paragraphs[position])
            position += 1
        stories.append(_propose_story(members, confidence, reasons, doubts))
    return tuple(stories)


def _propose_story(
    members: list[_Paragraph],
    confidence: float,
    reasons: tuple[str, ...],
    doubts: tuple[str, ...],
) -> ProposedStory:
    kept = [p for p in members if p.duplicate_of is None and p.kind != "boilerplate"]
    debris = tuple(p.line for p in members if p.kind == "boilerplate")
    if not kept:  # nothing but debris: it is the story's text after all
        kept, debris = [p for p in members if p.duplicate_of is None], ()
    has_text = any(p.kind == "para" for p in kept)
    # A story made only of short lines has no headline of its own: they are its text.
    head = kept[0] if kept and kept[0].kind == "heading" and has_text else None
    # A sub-heading divides the text: a heading-like line between the headline and
    # the first paragraph is the standfirst, the first line of the text.
    first_text = next((p.line for p in kept if p.kind == "para"), None)
    subheadings = tuple(
        p.line
        for p in kept
        if p.kind == "heading" and first_text is not None and p.line > first_text
    )
    if head is not None:
        headline: str | None = head.text
    else:
        body = [p for p in kept if p.kind == "para"] or kept
        headline = _headline_from(body[0].first_sentence) if body else None
    return ProposedStory(
        first_line=members[0].line,
        last_line=members[-1].line,
        headline=headline,
        headline_suggested=head is None,
        headline_line=head.line if head else None,
        confidence=confidence,
        reasons=reasons,
        subheading_lines=subheadings,
        duplicate_lines=tuple(p.line for p in members if p.duplicate_of is not None),
        doubts=doubts,
        boilerplate_lines=debris,
    )


def proposals_to_choices(
    proposals: Sequence[ProposedStory],
) -> tuple[StoryChoice, ...]:
    """Return the default choice for proposals: accept every story as proposed, use
    its headline (written or suggested) and drop its flagged duplicates and debris.
    """
    return tuple(
        StoryChoice(
            first_line=p.first_line,
            last_line=p.last_line,
            headline=p.headline
            or f"Story {number} (lines {p.first_line}-{p.last_line})",
            headline_line=p.headline_line,
            subheading_lines=p.subheading_lines,
            drop_lines=tuple(sorted((*p.duplicate_lines, *p.boilerplate_lines))),
        )
        for number, p in enumerate(proposals, start=1)
    )

"""The editor's side of a split: stories from a set of chosen start lines.

The splitter proposes boundaries; the editor adds, removes and moves them. This module
turns whatever starts the editor chose into story ranges, carrying over what the
splitter found (headline lines, sub-headings, duplicates) inside each range.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from articles.text.splitting import (
    ProposedStory,
    debris_lines,
    suggest_headline,
)


@dataclass(frozen=True)
class DraftStory:
    first_line: int  # 1-based, inclusive; never a blank line
    last_line: int  # 1-based, inclusive; never a blank line
    headline: str  # as written or suggested; "" when the editor has to write one
    headline_suggested: bool
    headline_line: int | None
    confidence: (
        float | None
    )  # of the proposed boundary at first_line, None if the editor's
    reasons: tuple[str, ...]
    subheading_lines: tuple[int, ...]
    duplicate_lines: tuple[int, ...]
    # Page or wire debris inside the story: line -> its kind ("byline", ...).
    boilerplate_lines: dict[int, str] = field(default_factory=dict)


def normalise_starts(lines: Sequence[str], starts: Iterable[int]) -> list[int]:
    """Sorted story starts on non-blank lines, always including the first one."""
    content = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not content:
        return []
    allowed = set(content)
    chosen = {n for n in starts if n in allowed}
    chosen.add(content[0])
    return sorted(chosen)


def draft_stories(
    lines: Sequence[str], starts: Iterable[int], proposals: Sequence[ProposedStory]
) -> list[DraftStory]:
    """One DraftStory per start, ending at the last non-blank line before the next."""
    ordered = normalise_starts(lines, starts)
    by_first = {p.first_line: p for p in proposals}
    headline_lines = {p.headline_line for p in proposals if p.headline_line}
    subheadings = {n for p in proposals for n in p.subheading_lines}
    duplicates = {n for p in proposals for n in p.duplicate_lines}
    debris = debris_lines(lines)
    stories = []
    for index, first in enumerate(ordered):
        end = ordered[index + 1] - 1 if index + 1 < len(ordered) else len(lines)
        last = max(n for n in range(first, end + 1) if lines[n - 1].strip())
        inside = range(first, last + 1)
        proposal = by_first.get(first)
        if proposal is not None and proposal.last_line == last:
            headline, suggested = proposal.headline or "", proposal.headline_suggested
            headline_line = proposal.headline_line
        elif first in headline_lines or first in subheadings:
            # The splitter judged the line headline-shaped: a story starting on it
            # takes it as its headline.
            headline, suggested, headline_line = lines[first - 1].strip(), False, first
        else:
            headline = suggest_headline(lines[first - 1]) or ""
            suggested, headline_line = bool(headline), None
        stories.append(
            DraftStory(
                first_line=first,
                last_line=last,
                headline=headline,
                headline_suggested=suggested,
                headline_line=headline_line,
                confidence=proposal.confidence if proposal else None,
                reasons=proposal.reasons if proposal else ("chosen by the editor",),
                subheading_lines=tuple(
                    n for n in inside if n in subheadings and n != headline_line
                ),
                duplicate_lines=tuple(n for n in inside if n in duplicates),
                boilerplate_lines={n: debris[n] for n in inside if n in debris},
            )
        )
    return stories


def move_start(
    lines: Sequence[str], starts: Iterable[int], line: int, step: int
) -> list[int]:
    """Move the start at `line` to the previous (step -1) or next (+1) non-blank line.

    A move that would leave a story empty or cross another start changes nothing.
    """
    ordered = normalise_starts(lines, starts)
    if line not in ordered or ordered.index(line) == 0:
        return ordered
    content = [n for n, text in enumerate(lines, start=1) if text.strip()]
    position = content.index(line) + step
    if not 0 < position < len(content):
        return ordered
    target = content[position]
    if target in ordered:
        return ordered
    return sorted({*ordered, target} - {line})

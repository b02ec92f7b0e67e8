"""Applying the editor's choice of stories to the copy, losing nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.text.duplicates import DuplicateFinder
from articles.text.rawcopy import copy_lines
from articles.text.splitting.features import DUPLICATE_WINDOW
from articles.text.splitting.line_roles import debris_lines
from articles.text.splitting.words import _words_lower


@dataclass(frozen=True)
class StoryChoice:
    """What the editor decided for one story."""

    first_line: int
    last_line: int
    headline: str  # may be edited; must be non-blank
    headline_line: int | None  # the copy line used as headline (not in the body)
    subheading_lines: tuple[int, ...] = ()
    drop_lines: tuple[int, ...] = ()  # flagged duplicates the editor chose to drop


@dataclass(frozen=True)
class StoryText:
    """A story built from the copy: which lines went where, and the text."""

    first_line: int
    last_line: int
    headline: str
    body: str  # paragraphs separated by "\n\n"; a sub-heading is "## " + text
    kept_lines: tuple[int, ...]  # source lines whose text is in headline or body
    dropped_lines: tuple[int, ...]  # non-blank source lines dropped as duplicates


class SplitError(ValueError):
    """The editor's choice of stories cannot be applied; the message says why."""


def plan_split(text: str, choices: Sequence[StoryChoice]) -> tuple[StoryText, ...]:
    """Validate the editor's choices against the copy and build each story's text.

    Returns one StoryText per choice, in the same order. Every non-blank line of the
    copy ends up in exactly one story's kept_lines or dropped_lines.

    Raises SplitError, naming the story and lines, when: there are no stories; a
    story starts after it ends, before line 1 or past the end of the copy; stories
    overlap or are not in the order of the copy; a non-blank line is in no story; a
    story has no text left (only blank or dropped lines, or only its headline); a
    headline is blank or more than one line; a headline, sub-heading or dropped line
    is blank or outside its story, or is used twice; a dropped line is neither page
    or wire debris nor a repeat of an earlier paragraph that is kept.
    """
    lines = copy_lines(text)
    total = len(lines)
    if not choices:
        raise SplitError("No stories: choose at least one story.")
    for number, choice in enumerate(choices, start=1):
        _check_range(number, choice, total)
    for number in range(2, len(choices) + 1):
        previous, current = choices[number - 2], choices[number - 1]
        if current.first_line <= previous.last_line:
            if current.last_line >= previous.first_line:
                raise SplitError(
                    f"{_name(number, current)} overlaps "
                    f"{_name(number - 1, previous).lower()}."
                )
            raise SplitError(
                f"{_name(number, current)} comes before "
                f"{_name(number - 1, previous).lower()}: list the stories in the "
                "order of the copy."
            )
    _check_coverage(lines, choices)

    drops = {line for choice in choices for line in choice.drop_lines}
    debris = debris_lines(lines)
    finder = DuplicateFinder(horizon=DUPLICATE_WINDOW)
    not_repeats: list[int] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        words = _words_lower(raw)
        repeats = finder.find(words, since=number - DUPLICATE_WINDOW)
        if number not in drops and not repeats:
            finder.add(number, words)  # a kept paragraph may be repeated later
        if number in drops and not repeats and number not in debris:
            not_repeats.append(number)
    if not_repeats:
        raise SplitError(
            f"{_lines_phrase(not_repeats)} cannot be dropped: "
            f"{'it does' if len(not_repeats) == 1 else 'they do'} not repeat an "
            "earlier paragraph that is kept, nor is it page or wire debris (a "
            "byline, caption, share button ...). Keep "
            f"{'it' if len(not_repeats) == 1 else 'them'} in the story."
        )
    return tuple(
        _build_story(number, choice, lines)
        for number, choice in enumerate(choices, start=1)
    )


def _name(number: int, choice: StoryChoice) -> str:
    return f"Story {number} (lines {choice.first_line}-{choice.last_line})"


def _lines_phrase(numbers: Sequence[int]) -> str:
    """ "Line 4", or "Lines 4-6 and 9" for several, compressed into ranges."""
    ranges: list[list[int]] = []
    for n in sorted(numbers):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in ranges]
    if len(parts) > 5:
        parts = [*parts[:5], f"{len(parts) - 5} more"]
    joined = (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    )
    return ("Line " if len(numbers) == 1 else "Lines ") + joined


def _check_range(number: int, choice: StoryChoice, total: int) -> None:
    # The choice comes from a form: check the types before the numbers.
    try:
        given = [
            choice.first_line,
            choice.last_line,
            *([] if choice.headline_line is None else [choice.headline_line]),
            *choice.subheading_lines,
            *choice.drop_lines,
        ]
    except TypeError:
        given = [None]
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in given):
        raise SplitError(f"Story {number}: line numbers must be whole numbers.")
    if not isinstance(choice.headline, str):
        raise SplitError(f"Story {number}: the headline must be text.")
    name = _name(number, choice)
    if choice.first_line > choice.last_line:
        raise SplitError(f"{name} ends before it starts.")
    if choice.first_line < 1:
        raise SplitError(f"{name} starts before line 1.")
    if choice.last_line > total:
        raise SplitError(
            f"{name} goes past the end of the copy, which has {total} "
            f"line{'s' if total != 1 else ''}."
        )


def _check_coverage(lines: Sequence[str], choices: Sequence[StoryChoice]) -> None:
    covered = bytearray(len(lines) + 2)
    for choice in choices:
        covered[choice.first_line : choice.last_line + 1] = b"\x01" * (
            choice.last_line - choice.first_line + 1
        )
    lost = [n for n, raw in enumerate(lines, start=1) if raw.strip() and not covered[n]]
    if lost:
        verb = "is" if len(lost) == 1 else "are"
        raise SplitError(
            f"{_lines_phrase(lost)} {verb} in no story: every line of text must "
            "belong to a story (or be dropped from one as a duplicate)."
        )


def _build_story(number: int, choice: StoryChoice, lines: Sequence[str]) -> StoryText:
    name = _name(number, choice)
    headline = choice.headline.strip()
    if not headline:
        raise SplitError(f"{name} needs a headline.")
    if "\n" in headline or "\r" in headline:
        raise SplitError(f"{name}: the headline must be a single line.")

    def text_of(line: int) -> str:
        return lines[line - 1].strip()

    def check_lines(kind: str, numbers: Iterable[int]) -> None:
        for n in numbers:
            if not choice.first_line <= n <= choice.last_line:
                raise SplitError(f"{name}: the {kind} line {n} is outside the story.")
            if not text_of(n):
                raise SplitError(f"{name}: the {kind} line {n} is blank.")

    headline_lines = () if choice.headline_line is None else (choice.headline_line,)
    check_lines("headline", headline_lines)
    check_lines("sub-heading", choice.subheading_lines)
    check_lines("dropped", choice.drop_lines)
    drops = set(choice.drop_lines)
    subheadings = set(choice.subheading_lines)
    for label, numbers in (("sub-heading", subheadings), ("headline", headline_lines)):
        if set(numbers) & drops:
            raise SplitError(
                f"{name}: line {min(set(numbers) & drops)} cannot be both dropped "
                f"and the {label}."
            )
    if choice.headline_line in subheadings:
        raise SplitError(
            f"{name}: line {choice.headline_line} cannot be both the headline and "
            "a sub-heading."
        )

    paragraphs: list[str] = []
    kept: list[int] = list(headline_lines)
    for n in range(choice.first_line, choice.last_line + 1):
        text = text_of(n)
        if not text or n in drops or n == choice.headline_line:
            continue
        paragraphs.append(f"## {text}" if n in subheadings else text)
        kept.append(n)
    if not paragraphs:
        what = "its headline" if headline_lines else "blank or dropped lines"
        raise SplitError(f"{name} has no text: it holds only {what}.")
    return StoryText(
        first_line=choice.first_line,
        last_line=choice.last_line,
        headline=headline,
        body="\n\n".join(paragraphs),
        kept_lines=tuple(sorted(kept)),
        dropped_lines=tuple(sorted(drops)),
    )

"""Turn raw copy lines or a stored article body into Paragraphs for the checks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.text.checks.base import Paragraph

PARAGRAPH_SEPARATOR = "\n\n"
HEADING_MARK = "## "


def paragraphs_from_lines(
    lines: Sequence[str], stories: Sequence[tuple[int, int]]
) -> list[Paragraph]:
    """Return the paragraphs of each story, one per non-blank line of its range.

    `stories` holds a 1-based inclusive (first, last) line range per story; story i
    gets index i. Offsets are those of a body made of the story's non-blank lines,
    stripped and joined with a blank line, which is how a story becomes an article.
    Raises ValueError for a range that is empty, reversed or outside `lines`.
    """
    paragraphs: list[Paragraph] = []
    for index, (first, last) in enumerate(stories):
        if not 1 <= first <= last <= len(lines):
            raise ValueError(
                f"Story {index + 1} covers lines {first}-{last}, which is empty or "
                f"outside the file's {len(lines)} lines."
            )
        offset = 0
        for number in range(first, last + 1):
            text = lines[number - 1].strip()
            if not text:
                continue
            paragraphs.append(
                Paragraph(story=index, line=number, text=text, start=offset)
            )
            offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return paragraphs


def paragraphs_from_body(
    body: str, *, story: int = 0, title: str = ""
) -> list[Paragraph]:
    """Return the paragraphs of an article body, numbered from 1 in `line`.

    Paragraphs are separated by blank lines; a paragraph starting with "## " is a
    sub-heading, whose text (and offset) starts after the mark. Offsets point into
    `body` itself, so body[p.start:p.end] == p.text.
    """
    paragraphs: list[Paragraph] = []
    # A paragraph is a run of non-blank lines; blank (or whitespace-only) lines
    # separate paragraphs.
    for match in _PARAGRAPH.finditer(body):
        text = match.group().strip()
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        heading = text.startswith(HEADING_MARK)
        if heading:
            stripped = text[len(HEADING_MARK) :].lstrip()
            if not stripped:
                continue
            start += len(text) - len(stripped)
            text = stripped
        paragraphs.append(
            Paragraph(
                story=story,
                line=len(paragraphs) + 1,
                text=text,
                start=start,
                heading=heading,
                story_title=title,
            )
        )
    return paragraphs


_PARAGRAPH = re.compile(r"[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")

"""duplicate-paragraph: a paragraph printed twice, verbatim or nearly.

Within one story a repeat is blocking: it is a paste error the reader would see.
Across the stories of one source it is advisory: stories cut from one feed often
share a background paragraph on purpose, but an editor should decide. A line of the
page or the feed repeated with each story (a reporting credit, a copyright line, an
author bio, a series label) is no repeat. A pull quote, a paragraph that is all
quotation, repeats a passage of an earlier paragraph from EXACT_MIN_WORDS words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    is_heading,
    make_finding,
    other_stories_phrase,
)
from articles.text.checks.severity import severity_of
from articles.text.duplicates import (
    EXACT,
    EXACT_MIN_WORDS,
    KINDS,
    NEAR,
    NEAR_MIN_WORDS,
    PART,
    WHOLE,
    DuplicateFinder,
    Repeat,
)
from articles.text.splitting.boilerplate import is_furniture
from articles.text.tokens import words

NAME = "duplicate-paragraph"


def find_duplicate_paragraphs(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding on each paragraph that repeats an earlier one."""
    prose = [p for p in paragraphs if not is_heading(p)]
    finder = DuplicateFinder()
    told: list[str] = []  # each paragraph's words, spaced, for pull quotes
    for index, para in enumerate(prose):
        toks = words(para.text)
        repeats = finder.find(toks)
        finder.add(index, toks)
        told.append(f" {' '.join(toks)} ")
        if not repeats and EXACT_MIN_WORDS <= len(toks) < NEAR_MIN_WORDS:
            repeats = _pull_quote_of(para.text, told)
        if repeats and is_furniture(para.text):
            continue
        if repeats:
            kind = next(k for k in KINDS if any(r.kind == k for r in repeats))
            originals = sorted({r.original for r in repeats})
            yield _finding(para, [prose[i] for i in originals], kind)


_PULL_QUOTE = re.compile(
    r"^[\"\u201c\u2018'][^\"\u201c\u201d]+[\"\u201d\u2019'][.!?\u2026]?$"
)


def _pull_quote_of(text: str, told: list[str]) -> list[Repeat]:
    """The earlier paragraphs a pull quote (a paragraph that is all quotation, too
    short for a near repeat) was lifted from, word for word."""
    if not _PULL_QUOTE.match(text.strip()):
        return []
    words_told = told[-1]
    return [
        Repeat(index, PART)
        for index, earlier in enumerate(told[:-1])
        if words_told in earlier
    ]


def _finding(para: Paragraph, originals: list[Paragraph], kind: str) -> Finding:
    same_story = [p for p in originals if p.story == para.story]
    other_story = [p for p in originals if p.story != para.story]
    if same_story:
        where = f"{_lines(same_story)} of the same story"
        advice = "delete one of them."
    else:
        if other_story[0].story_title:
            where = other_stories_phrase(other_story)
        else:
            stories = sorted({p.story + 1 for p in other_story})
            label = "story " + ", ".join(str(s) for s in stories)
            where = f"{_lines(other_story)} ({label} of the same source)"
        advice = "keep it in one story, or rewrite it."
    what = {
        EXACT: f"repeats {where} word for word",
        NEAR: f"repeats {where} almost word for word",
        PART: f"repeats a passage of {where}",
        WHOLE: f"repeats all of {where}",
    }[kind]
    message = f"This paragraph {what}: {advice}"
    return make_finding(
        check=NAME,
        severity=severity_of(NAME, "same-story" if same_story else "across-stories"),
        paragraph=para,
        start=0,
        end=len(para.text),
        message=message,
        related_lines=[p.line for p in originals],
        related_paragraphs=originals,
        facts=[kind, "story" if same_story else "source"],
    )


def _lines(paragraphs: list[Paragraph]) -> str:
    lines = sorted({p.line for p in paragraphs})
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines)


CHECK = Check(
    name=NAME,
    description="Exact and near-duplicate paragraphs, within and across stories.",
    run=find_duplicate_paragraphs,
)

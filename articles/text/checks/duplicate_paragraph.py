"""duplicate-paragraph: a paragraph printed twice, verbatim or nearly.

Within one story a repeat is blocking: it is a paste error the reader would see.
Across the stories of one source it is advisory: stories cut from one feed often
share a background paragraph on purpose, but an editor should decide.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

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
from articles.text.tokens import words

NAME = "duplicate-paragraph"

# Shorter paragraphs repeat legitimately ("Reporting by ...", a one-line quote).
MIN_WORDS_EXACT = 6
MIN_WORDS_NEAR = 12
SHINGLE = 3
MIN_JACCARD = 0.75  # two paragraphs that share this much of their wording
MIN_CONTAINED = 0.9  # a paragraph this much contained in a longer one
MIN_RATIO = 0.9  # difflib similarity of the two paragraphs' words
# How a paragraph repeats an earlier one.
EXACT = "exact"
NEAR = "near"
PART = "part"  # this paragraph is a passage of the earlier one
WHOLE = "whole"  # this paragraph contains all of the earlier one
# A shingle in more paragraphs than this is boilerplate, not evidence of a copy.
MAX_SHINGLE_SPREAD = 20


def find_duplicate_paragraphs(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding on each paragraph that repeats an earlier one."""
    prose = [(p, words(p.text)) for p in paragraphs if not is_heading(p)]
    shingles = [_shingles(toks) for _, toks in prose]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(i)

    for j, (para, toks) in enumerate(prose):
        exact: list[Paragraph] = []
        near: list[tuple[Paragraph, str]] = []
        for i in range(j):
            other, other_toks = prose[i]
            if len(toks) >= MIN_WORDS_EXACT and toks == other_toks:
                exact.append(other)
        if not exact and len(toks) >= MIN_WORDS_NEAR:
            shared: dict[int, int] = defaultdict(int)
            for gram in shingles[j]:
                owners = index[gram]
                if len(owners) > MAX_SHINGLE_SPREAD:
                    continue
                for i in owners:
                    if i < j:
                        shared[i] += 1
            for i, count in shared.items():
                a, b = shingles[i], shingles[j]
                if len(prose[i][1]) < MIN_WORDS_NEAR:
                    continue
                jaccard = count / len(a | b)
                # how much of the shorter paragraph is found in the other
                contained = count / min(len(a), len(b))
                if _figures_differ(toks, prose[i][1]):
                    continue  # rows of a series ("2024: 38%", "2026: 47%")
                if jaccard >= MIN_JACCARD or (
                    # Several scattered one-word edits break many shingles but few
                    # letters: difflib judges those, on the pairs worth a look.
                    jaccard >= 0.25 and _ratio(toks, prose[i][1]) >= MIN_RATIO
                ):
                    near.append((prose[i][0], NEAR))
                elif contained >= MIN_CONTAINED:
                    near.append((prose[i][0], PART if len(b) <= len(a) else WHOLE))
        if exact:
            yield _finding(para, exact, EXACT)
        elif near:
            kinds = {kind for _, kind in near}
            kind = next(k for k in (NEAR, PART, WHOLE) if k in kinds)
            yield _finding(para, [p for p, _ in near], kind)


def _figures_differ(a: list[str], b: list[str]) -> bool:
    """Each paragraph has a number the other lacks: two statements of a series
    (rows of a fact box, a table told in lines), not one printed twice. A figure
    changed in a pasted copy is the figures check's to report."""
    numbers_a = {t for t in a if any(c.isdigit() for c in t)}
    numbers_b = {t for t in b if any(c.isdigit() for c in t)}
    return bool(numbers_a - numbers_b) and bool(numbers_b - numbers_a)


def _ratio(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, " ".join(a), " ".join(b), autojunk=False).ratio()


def _shingles(toks: list[str]) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


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

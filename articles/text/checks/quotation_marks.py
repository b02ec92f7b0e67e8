"""quotation-marks: double quotation marks that are unbalanced or of mixed styles.

A quotation that runs over several paragraphs opens each paragraph and closes only
in the last, so a quotation left open is fine when the next paragraph of the story
opens with a quotation mark. Copy pasted from the web often loses those paragraph
breaks: a quotation reopening after sentence-final punctuation inside one line
(`… will play. "Next paragraph`) is read as that convention, not as an error.

Single quotation marks are not checked: in running copy they cannot be told from
apostrophes (the party's, the Joneses', the '90s) reliably.

Every finding here is advisory (see severity.py): mixed styles are typography, and
an unbalanced mark is far more often typography or a lost paragraph break than words
put in the wrong mouth; the editor decides where the quotation ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    make_finding,
)
from articles.text.checks.severity import severity_of
from articles.text.tokens import sentences

NAME = "quotation-marks"

STRAIGHT = "straight"
CURLY = "curly"
GUILLEMET = "guillemet"
_GLYPHS = {
    '"': (STRAIGHT, None),
    "“": (CURLY, "open"),
    "„": (CURLY, "open"),
    "”": (CURLY, "close"),
    "«": (GUILLEMET, "open"),
    "»": (GUILLEMET, "close"),
}
_PAIRS = {STRAIGHT: ('"', '"'), CURLY: ("“", "”"), GUILLEMET: ("«", "»")}
_BEFORE_OPENING = set("([{—\u2013-/")
_AFTER_CLOSING = set(".,;:!?)]}—\u2013-…")
# Sentence-final punctuation, then space or nothing: where a lost paragraph break
# would be (pasting can lose the space with the line break: `will play."Next`).
_LOST_BREAK = re.compile(r"[.!?…]\s*$")


@dataclass(frozen=True)
class _Mark:
    pos: int
    glyph: str
    family: str
    role: str  # "open", "close" or "either"


def find_quotation_mark_problems(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield findings for mixed and unbalanced double quotation marks."""
    preferred = _preferred_family(paragraphs)
    for index, para in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        continues = (
            following is not None
            and following.story == para.story
            and _opens_with_quote(following.text)
        )
        yield from _check_paragraph(para, continues=continues, preferred=preferred)


def _marks(text: str) -> list[_Mark]:
    marks = []
    for pos, char in enumerate(text):
        if char not in _GLYPHS:
            continue
        family, role = _GLYPHS[char]
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        opens = (prev.isspace() or prev in _BEFORE_OPENING) and not nxt.isspace()
        closes = (nxt.isspace() or nxt in _AFTER_CLOSING) and not prev.isspace()
        if role is None:
            if prev.isdigit() and not opens:
                role = "inch"  # 12" or 5'10": a measurement, not a quotation
            else:
                role = (
                    "open" if opens and not closes else "close" if closes else "either"
                )
        marks.append(_Mark(pos, char, family, role))
    return marks


def _check_paragraph(
    para: Paragraph, *, continues: bool, preferred: str
) -> Iterator[Finding]:
    text = para.text
    opened: _Mark | None = None
    marks = _marks(text)
    for index, mark in enumerate(marks):
        if mark.role == "inch":
            if opened is None:
                continue
            mark = _Mark(mark.pos, mark.glyph, mark.family, "close")
        role = mark.role
        if role == "either":
            role = "close" if opened else "open"
            if opened and _reopens_after_lost_break(text, marks, index):
                role = "open"
        if role == "open":
            if opened is not None and _LOST_BREAK.search(text[: mark.pos]):
                # "… will play. “Next paragraph": paragraphs of one quotation joined
                # into one line when pasted; each paragraph reopened it.
                opened = mark
                continue
            if opened is not None:
                yield _finding(
                    para,
                    opened.pos,
                    mark.pos + 1,
                    kind="reopened",
                    message=(
                        "A quotation is opened again before the one opened here is "
                        "closed: one closing mark is missing."
                    ),
                )
            opened = mark
        elif opened is None:
            start = _sentence_start(text, mark.pos)
            yield _finding(
                para,
                start,
                mark.pos + 1,
                kind="unopened",
                message="This quotation closes but never opens: add the opening mark.",
            )
        else:
            if opened.family != mark.family:
                family = (
                    preferred
                    if preferred in (opened.family, mark.family)
                    else (opened.family)
                )
                left, right = _PAIRS[family]
                inner = text[opened.pos + 1 : mark.pos]
                yield _finding(
                    para,
                    opened.pos,
                    mark.pos + 1,
                    kind="mixed",
                    severity=severity_of(NAME, "mixed"),
                    message=(
                        f"This quotation opens with {opened.glyph} and closes with "
                        f"{mark.glyph}: use one style of quotation marks "
                        f"({left}…{right}, as in most of this copy)."
                    ),
                    suggestion=f"{left}{inner}{right}",
                )
            opened = None
    if opened is not None and not continues:
        yield _finding(
            para,
            opened.pos,
            len(text),
            kind="unclosed",
            message=(
                "This quotation is opened but never closed, and the next paragraph "
                "does not continue it: add the closing mark where the quote ends."
            ),
        )


def _finding(
    para: Paragraph,
    start: int,
    end: int,
    *,
    kind: str,
    message: str,
    severity: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    return make_finding(
        check=NAME,
        severity=severity or severity_of(NAME, "unbalanced"),
        paragraph=para,
        start=start,
        end=end,
        message=message,
        suggestion=suggestion,
        facts=[kind],
    )


def _reopens_after_lost_break(text: str, marks: list[_Mark], index: int) -> bool:
    """True when a straight mark between a sentence end and a capital, with no
    space (`proud of them."Next season`), reopens the quotation after a lost
    paragraph break rather than closing it: the marks after it pair up only if
    it opens (an odd number of them are left to close it and any others)."""
    mark = marks[index]
    after = text[mark.pos + 1 : mark.pos + 2]
    if not (_LOST_BREAK.search(text[: mark.pos]) and after.isupper()):
        return False
    later = [m for m in marks[index + 1 :] if m.family == mark.family]
    return len(later) % 2 == 1


def _opens_with_quote(text: str) -> bool:
    marks = _marks(text.lstrip())
    return bool(marks) and marks[0].pos == 0 and marks[0].role in ("open", "either")


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for s, _ in sentences(text):
        if s <= pos:
            start = s
    return start


def _preferred_family(paragraphs: Sequence[Paragraph]) -> str:
    """The quotation-mark style most of the copy uses (curly when it is a tie)."""
    counts = {STRAIGHT: 0, CURLY: 0, GUILLEMET: 0}
    for para in paragraphs:
        for char in para.text:
            if char in _GLYPHS:
                counts[_GLYPHS[char][0]] += 1
    return max((CURLY, STRAIGHT, GUILLEMET), key=lambda family: counts[family])


CHECK = Check(
    name=NAME,
    description="Unbalanced or mixed double quotation marks within a paragraph.",
    run=find_quotation_mark_problems,
)

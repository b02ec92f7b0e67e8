"""quotation-marks: double quotation marks that are unbalanced or of mixed styles.

A quotation that runs over several paragraphs opens each paragraph and closes only
in the last, so a quotation left open is fine when the next paragraph of the story
opens with a quotation mark. Copy pasted from the web often loses those paragraph
breaks: a quotation reopening after sentence-final punctuation inside one line
(`… will play. "Next paragraph`) is read as that convention, not as an error.

German-style quotations open low and close high (U+201E, then U+201C or U+201D);
guillemets may point either way (French and English, German and Danish).
Two quotations of different styles in one paragraph are mixed styles too, unless
one is inside the other as guillemets nest (« “…” », “ «…» ”). A curly
closing mark after a figure with no quotation open is an inch mark set curly.

Single quotation marks are checked only where they cannot be apostrophes: a single
mark, curly (U+2018) or straight, after a space or an opening mark and before a
word must be closed by a mark that no letter follows, inside the double quotation
it was opened in, or else by the end of the paragraph (unless the next paragraph
reopens it). An apostrophe inside or after a word (the party's, the Joneses') never
opens one, nor does one before a figure (the '90s) or an elision (til, em, tis).

A quotation that runs on into its own attribution ("We came with nothing, said
Ms X. "Then ...") lacks its closing mark, even where the lost-break reading would
accept the reopening; and a mark between a sentence's end and the next word with
no space (`a century."The company`) is a space or paragraph break lost in pasting.

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
from articles.text.vocabulary import SPEECH_VERBS

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
_LOW_OPENING = "„"  # German style: „so“, also „so” in much of central Europe
_OPEN_SINGLE, _CLOSE_SINGLE = "\u2018", "\u2019"
# Words printed with an apostrophe in front, which keyboards may set as an opening mark
_ELISIONS = frozenset(
    ("bout", "cause", "cos", "em", "n", "round", "til", "tis", "twas", "s", "t")
)
# Sentence-final punctuation, then space or nothing: where a lost paragraph break
# would be (pasting can lose the space with the line break: `will play."Next`).
# A closing bracket or single mark may end the paragraph after the punctuation.
_LOST_BREAK = re.compile(r"[.!?…][)\]'\u2019]?\s*$")
# A quotation that runs on into its own attribution: "We came with nothing, said
# Ms X. "Then ..." or "Nobody asked us, she said. "Nobody came": the quotation's
# closing mark before the comma is missing, whatever follows. The attribution is
# a speech verb with its speaker after it ("said the report, which ...") or before
# it ("she said", "the head teacher told reporters on Monday"), ending a sentence.
_SPEECH_VERB = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_DETERMINED = r"(?:the|a|an|one|his|her|their|its)"
_NOT_A_MARK = '[^"\u201c\u201d\u201e\u00ab\u00bb]*'
_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:{_SPEECH_VERB})\s+(?:{_DETERMINED}\s|[A-Z])"
    rf"|(?:he|she|they|we|I|{_DETERMINED}(?:\s+[\w'\u2019\-]+){{1,4}}"
    rf"|[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){{0,3}})\s+(?:{_SPEECH_VERB})\b)"
    rf"{_NOT_A_MARK}[.!?\u2026]\s*$"
)
# A double mark with no space between a sentence's end and the next word
# (`a century."The company`): a space or a paragraph break lost in pasting,
# unless the mark reopens a quotation (the convention above).
_SENTENCE_END = ".!?\u2026"


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
        reopens = (
            following is not None
            and following.story == para.story
            and following.text.lstrip().startswith((_OPEN_SINGLE, "'"))
        )
        yield from _check_single_quotes(para, continues=reopens)


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
            if prev.isnumeric() and not opens:
                role = "inch"  # 12", 5'10" or 3½": a measurement, not a quotation
            else:
                role = (
                    "open" if opens and not closes else "close" if closes else "either"
                )
        elif family == GUILLEMET and opens != closes:
            # German and Danish: »so«, told by the word the mark touches
            if char == "»" and opens and nxt.isalnum():
                role = "open"
            elif char == "«" and closes and (prev.isalnum() or prev in ".,;:!?…"):
                role = "close"
        marks.append(_Mark(pos, char, family, role))
    return marks


def _check_paragraph(
    para: Paragraph, *, continues: bool, preferred: str
) -> Iterator[Finding]:
    text = para.text
    opened: _Mark | None = None
    # the style of the quotations closed so far; None once a mixed one is found
    # (the paragraph's mixing is then told once, there)
    closed_family: str | None = ""
    marks = _marks(text)
    nested_until = -1  # a quotation inside the open one, in another style
    for index, mark in enumerate(marks):
        if index <= nested_until:
            continue
        if opened is not None and mark.role != "close":
            nested_until = _nested_quotation_end(marks, opened, index)
            if nested_until > index:
                continue
        if mark.role == "inch" or (mark.glyph == "”" and _after_figure(text, mark)):
            if opened is None:
                continue
            mark = _Mark(mark.pos, mark.glyph, mark.family, "close")
        role = mark.role
        if opened is not None and opened.glyph == _LOW_OPENING and mark.glyph == "“":
            role = "close"
        if role == "either":
            role = "close" if opened else "open"
            if opened and _reopens_after_lost_break(text, marks, index):
                role = "open"
        if role == "open":
            if opened is not None and _LOST_BREAK.search(text[: mark.pos]):
                # "… will play. “Next paragraph": paragraphs of one quotation joined
                # into one line when pasted; each paragraph reopened it.
                yield from _runs_into_attribution(para, opened, mark.pos)
                opened = mark
                continue
            if opened is None and _glued(text, mark.pos):
                yield _glued_finding(para, mark.pos)
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
            if _glued(text, mark.pos):
                yield _glued_finding(para, mark.pos)
                continue
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
                closed_family = None
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
            elif closed_family and closed_family != mark.family:
                yield _finding(
                    para,
                    opened.pos,
                    mark.pos + 1,
                    kind="mixed",
                    severity=severity_of(NAME, "mixed"),
                    message=(
                        "This quotation uses other quotation marks than the one "
                        "before it in this paragraph: use one style."
                    ),
                )
                closed_family = None
            elif closed_family is not None:
                closed_family = mark.family
            if _glued(text, mark.pos):
                yield _glued_finding(para, mark.pos)
            opened = None
    if opened is not None and continues:
        yield from _runs_into_attribution(para, opened, len(text))
    elif opened is not None:
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


def _nested_quotation_end(marks: list[_Mark], opened: _Mark, index: int) -> int:
    """The index of the mark that closes a quotation opened at marks[index] inside
    the one `opened` opens, when the two are of the styles one nests in the other
    (French « “…” », English “ «…» ”) and it closes before the outer one does;
    else -1."""
    inner = marks[index]
    if inner.family == opened.family or GUILLEMET not in (inner.family, opened.family):
        return -1
    for later in range(index + 1, len(marks)):
        mark = marks[later]
        if mark.family == opened.family:
            return -1  # the outer one closes first: not nested
        if mark.family == inner.family and mark.role in ("close", "either"):
            return later
    return -1


def _check_single_quotes(para: Paragraph, *, continues: bool) -> Iterator[Finding]:
    """A curly single quotation opened before a word and never closed: inside a
    double quotation it must close before that one does, outside one by the end of
    the paragraph."""
    text = para.text
    marks = _marks(text)
    for pos, char in enumerate(text):
        if char not in (_OPEN_SINGLE, "'") or not _opens_single(text, pos):
            continue
        depth_end = _double_quotation_end(text, marks, pos)
        end = len(text) if depth_end is None else depth_end
        if any(_closes_single(text, i) for i in range(pos + 1, end)):
            continue
        if depth_end is None and continues:
            continue
        yield _finding(
            para,
            pos,
            end,
            kind="unclosed-single",
            message=(
                "This single quotation is opened but never closed"
                + (" before the quotation around it ends" if depth_end else "")
                + ": add the closing mark where the quote ends."
            ),
        )


def _opens_single(text: str, pos: int) -> bool:
    prev = text[pos - 1] if pos else " "
    word = re.match(r"[^\W\d_]+", text[pos + 1 :])
    return (
        (prev.isspace() or prev in _BEFORE_OPENING or prev in '"“„«')
        and word is not None
        and word.group().lower() not in _ELISIONS
    )


def _closes_single(text: str, pos: int) -> bool:
    """A closing single mark or an apostrophe that no letter follows (a plural
    possessive may close a quotation too: the copy gets the benefit of the doubt)."""
    if text[pos] not in (_CLOSE_SINGLE, "'"):
        return False
    nxt = text[pos + 1 : pos + 2]
    return not nxt.isalpha() and pos > 0 and not text[pos - 1].isspace()


def _double_quotation_end(text: str, marks: list[_Mark], pos: int) -> int | None:
    """Where the double quotation around `pos` closes (the end of the paragraph if
    it does not), or None when `pos` is not inside one."""
    opening: _Mark | None = None
    for mark in marks:
        closes = mark.role in ("close", "either") or (
            opening is not None and opening.glyph == _LOW_OPENING and mark.glyph == "“"
        )
        if mark.pos > pos:
            if opening is not None and closes:
                return mark.pos
        elif opening is None and mark.role in ("open", "either"):
            opening = mark
        elif mark.role == "open":
            opening = mark  # reopened after a lost paragraph break
        elif closes:
            opening = None
    return len(text) if opening is not None else None


def _after_figure(text: str, mark: _Mark) -> bool:
    """A closing mark straight after a figure: an inch mark set curly."""
    return mark.pos > 0 and text[mark.pos - 1].isnumeric()


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


def _runs_into_attribution(
    para: Paragraph, opened: _Mark, end: int
) -> Iterator[Finding]:
    """A finding when the quotation opened at `opened`, left open up to `end` (a
    reopening mark or the paragraph's end), ends its last sentence with its own
    attribution: the closing mark before that was left out."""
    quoted = para.text[opened.pos + 1 : end]
    attribution = _ATTRIBUTION.search(quoted)
    if attribution is None:
        return
    yield _finding(
        para,
        opened.pos,
        opened.pos + 1 + attribution.start(),
        kind="unclosed",
        message=(
            "This quotation runs on into the words that attribute it: add the "
            "closing mark before them."
        ),
    )


def _glued(text: str, pos: int) -> bool:
    """A mark with a sentence's end on one side and a word on the other, no space."""
    return (
        0 < pos < len(text) - 1
        and text[pos - 1] in _SENTENCE_END
        and text[pos + 1].isalpha()
    )


def _glued_finding(para: Paragraph, pos: int) -> Finding:
    return _finding(
        para,
        pos - 1,
        pos + 2,
        kind="lost-break",
        severity=severity_of(NAME, "lost-break"),
        message=(
            "A space or a paragraph break is missing next to this quotation mark: "
            "the sentence before it ends, and the next word touches it."
        ),
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

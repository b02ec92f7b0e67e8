"""Word-level differences between two revisions of a text."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True)
class DiffPart:
    kind: str  # "equal" | "insert" | "delete"
    text: str


def word_diff(old: str, new: str) -> tuple[DiffPart, ...]:
    """The parts that turn `old` into `new`, word by word; adjacent parts are merged.

    Joining the "equal" and "delete" parts gives `old`; "equal" and "insert", `new`.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[DiffPart] = []
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            _append(parts, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _append(parts, "insert", "".join(b[j1:j2]))
        if tag == "equal":
            _append(parts, "equal", "".join(a[i1:i2]))
    return tuple(parts)


def _append(parts: list[DiffPart], kind: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1].kind == kind:
        parts[-1] = DiffPart(kind, parts[-1].text + text)
    else:
        parts.append(DiffPart(kind, text))


def diff_paragraphs(parts: Sequence[DiffPart]) -> tuple[tuple[DiffPart, ...], ...]:
    """The parts of a diff regrouped by paragraph (blank lines separate them), so that
    a page can show each paragraph as one; the breaks themselves are left out.
    """
    paragraphs: list[list[DiffPart]] = [[]]
    for part in parts:
        pieces = _PARAGRAPH_BREAK.split(part.text)
        for index, piece in enumerate(pieces):
            if index:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(DiffPart(part.kind, piece))
    return tuple(tuple(p) for p in paragraphs if p)

"""The input and output of the consistency checks, and the runner that applies them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

BLOCKING = "blocking"
ADVISORY = "advisory"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a story, located in the source file and in the story body."""

    story: int  # index of the story in the source, 0-based
    line: int  # 1-based line of the source file (or paragraph number in a body)
    text: str
    start: int  # character offset of `text` in its story's body
    heading: bool = False  # a sub-heading ("## " in a body), not running copy
    story_title: str = ""  # the story's headline, when the story is an article

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Finding:
    """One problem a check found, anchored to a span of one story's body."""

    check: str
    severity: str  # BLOCKING or ADVISORY
    story: int
    line: int
    start: int  # span within the story's body: quote == body[start:end]
    end: int
    quote: str
    message: str
    suggestion: str | None
    related_lines: tuple[int, ...]
    fingerprint: str
    # (story, start, end) of the paragraphs in other stories that the finding is about
    related: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class PublishedArticle:
    """An article the desk has published, as plain text, for comparing a draft with."""

    label: str  # how a finding names it: its headline
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class CheckContext:
    """What the checks know beyond the copy: the desk's registry and memory.

    `aliases` maps a name as written to the registry's name for that entity
    ("Sergei Ivanov" -> "Sergey Ivanov"); `published` holds published articles
    about the same entities, which a draft must not contradict.
    """

    aliases: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    published: tuple[PublishedArticle, ...] = ()


NO_CONTEXT = CheckContext()


@dataclass(frozen=True)
class Check:
    """A named check: a function from the paragraphs of one source to findings."""

    name: str
    description: str
    run: Callable[[Sequence[Paragraph], CheckContext], Iterable[Finding]]


def run_checks(
    paragraphs: Sequence[Paragraph],
    *,
    checks: Sequence[Check] | None = None,
    context: CheckContext = NO_CONTEXT,
) -> tuple[Finding, ...]:
    """Return the findings of `checks` (default: all of them) on `paragraphs`.

    Findings come sorted by story, position and check name. Fingerprints are unique
    within a story: when a check reports the same problem twice in one story (the
    same paragraph repeated three times), the later ones get an occurrence number.
    """
    if checks is None:
        from articles.text.checks import ALL_CHECKS  # the registry imports this module

        checks = ALL_CHECKS
    findings = [f for check in checks for f in check.run(paragraphs, context)]
    findings.sort(key=lambda f: (f.story, f.start, f.end, f.check))
    findings = _once_per_place(findings)
    seen: Counter[tuple[int, str]] = Counter()
    unique = []
    for finding in findings:
        seen[(finding.story, finding.fingerprint)] += 1
        count = seen[(finding.story, finding.fingerprint)]
        if count > 1:
            finding = replace(
                finding,
                fingerprint=fingerprint(
                    finding.check, finding.fingerprint, f"#{count}"
                ),
            )
        unique.append(finding)
    return tuple(unique)


def _once_per_place(findings: list[Finding]) -> list[Finding]:
    """Findings of two checks on the same words with the same severity told once
    (figures and number-forms both read "£4.5 million" written as "£4.5m")."""
    kept: list[Finding] = []
    places: dict[tuple[int, int, int, int, str], str] = {}
    for finding in findings:
        place = (
            finding.story,
            finding.line,
            finding.start,
            finding.end,
            finding.severity,
        )
        if places.setdefault(place, finding.check) != finding.check:
            continue
        kept.append(finding)
    return kept


def make_finding(
    *,
    check: str,
    severity: str,
    paragraph: Paragraph,
    start: int,
    end: int,
    message: str,
    suggestion: str | None = None,
    related_lines: Iterable[int] = (),
    related_paragraphs: Iterable[Paragraph] = (),
    facts: Iterable[str] = (),
) -> Finding:
    """Return a Finding for paragraph.text[start:end] (offsets within the paragraph).

    The fingerprint is built from the check, the normalised quote and `facts`, never
    from positions, so that it survives edits elsewhere in the text. Those of
    `related_paragraphs` in other stories become the finding's `related` passages.
    """
    quote = paragraph.text[start:end]
    return Finding(
        check=check,
        severity=severity,
        story=paragraph.story,
        line=paragraph.line,
        start=paragraph.start + start,
        end=paragraph.start + end,
        quote=quote,
        message=message,
        suggestion=suggestion,
        related_lines=tuple(sorted(set(related_lines))),
        fingerprint=fingerprint(check, quote, *facts),
        related=tuple(
            sorted(
                {
                    (p.story, p.start, p.end)
                    for p in related_paragraphs
                    if p.story != paragraph.story
                }
            )
        ),
    )


def other_stories_phrase(paragraphs: Iterable[Paragraph]) -> str:
    """Where paragraphs of other stories are, for a message.

    An article's story is named by its headline and paragraph numbers ("“Flood
    warning issued” (paragraphs 2, 4)"); a story of raw copy by its number and source
    lines ("story 3 (lines 1, 3, 5) of this source").
    """
    by_story: dict[int, list[Paragraph]] = {}
    for p in paragraphs:
        by_story.setdefault(p.story, []).append(p)
    places = []
    untitled = False
    for story, members in sorted(by_story.items()):
        numbers = sorted({p.line for p in members})
        listed = ", ".join(str(n) for n in numbers)
        plural = "s" if len(numbers) > 1 else ""
        title = members[0].story_title
        if title:
            places.append(f"“{title}” (paragraph{plural} {listed})")
        else:
            untitled = True
            places.append(f"story {story + 1} (line{plural} {listed})")
    return " and ".join(places) + (" of this source" if untitled else "")


def fingerprint(check: str, quote: str, *facts: str) -> str:
    """Return a stable id for a finding: a hash of check, normalised quote and facts."""
    key = "\x1f".join([check, normalise(quote), *(normalise(f) for f in facts)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


_QUOTE_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "—": "-",
    }
)


def normalise(text: str) -> str:
    """Text folded for comparison: NFKC, straight quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD)
    return re.sub(r"\s+", " ", text).strip().lower()


def is_heading(paragraph: Paragraph) -> bool:
    """True for a sub-heading or headline: marked as one, or shaped like one.

    Raw copy carries its headings as bare lines ("Emphasis on continuing talks"), so
    a line that does not end like a sentence and is short (at most 8 words) or in
    title case counts as one.
    """
    if paragraph.heading:
        return True
    text = paragraph.text.strip()
    if not text:
        return True
    if re.search(r"[.!?:;\u2026\"\u201d\u2019')\]]$", text) or not text[0].isupper():
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) <= 8 or capitalised >= 0.7 * len(words)

"""Find registry entities, and names the registry does not know yet, in a text.

Matching uses an Aho-Corasick automaton (pyahocorasick) built once per registry
version and reused for every text. One regular expression alternating all the
names would be a backtracking matcher that tries the alternatives one after
another at every position, so its cost grows with the number of names: 5,000
generated names as one case-insensitive alternation scanned 100 KB in 1.7 s,
100 times slower than 50 names. Aho-Corasick runs in time linear in the text
plus the matches whatever the number of names (the same 100 KB: 4 ms), so
scanning with 5,000 entities costs about what scanning with 50 does; what
grows is only the number of mentions found.

Rules, in the order they are applied:

* The text is normalised for matching without losing offsets: curly and other
  apostrophes become "'", dashes become "-", any whitespace becomes a space, a
  run of whitespace collapses to one space (or to a line break if it holds a
  blank line, so names never match across paragraphs), a zero-width space
  counts as a space, soft hyphens and zero-width joiners are dropped. An
  offset map turns every span back into exact offsets of the original text.
* Word boundaries: a match must not touch a letter, digit or combining mark on
  either side ("ISIS" is not found in "crISIS"), nor start just after a letter
  and an apostrophe ("Neill" is not found in "O'Neill"). Hyphens and
  apostrophes are boundaries, so "US-led" holds "US" and "Russia's" holds
  "Russia".
* Case: an alias with no lower-case letter ("ISIS-K", "UN", "US", "G7") is an
  acronym and matches by exact case only ("us" is not "US"). Any other alias
  matches in the cases copy actually uses: as registered, in capitals, or
  with its first words capitalised and the rest in lower case ("Moscow
  Format" is found in "MOSCOW FORMAT", "Moscow Format" and "Moscow format").
  A name that starts with a capital is never found in lower case ("Afghan"
  is not found in "afghan"); one registered in lower case ("al-Qaeda") is
  also found capitalised and all in lower case. These forms are keys of the
  automaton, so the case rule costs nothing per match.
* Possessives ("Russia's" with a straight or curly apostrophe, "ISIS'")
  match; the span covers the name only, never the "'s". Plurals of
  organisations ("Unions", "Agencies", "NGOs") match too; there the span
  covers the whole word, plural ending included, so a highlight never stops
  mid-word.
* Overlaps: the longest match wins ("AFL-CIO" is one mention, and "Maria Elena
  Ortiz" is not also "Ortiz"); among equally long overlapping matches the
  leftmost wins.
* Several entities on one span: a match written exactly as an alias beats one
  in another case ("ISIS" is the acronym, not "Isis" in capitals), and an
  alias beats a plural form. If entities still tie, each is reported, all with
  `ambiguous=True` and the same span, so the caller decides (link all, or skip
  ambiguous ones).

Candidates (names the registry does not know) are described at
`find_candidates`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

import ahocorasick

from articles.text.splitting.headlines import heading_shape
from articles.text.vocabulary import (
    ABBREVIATIONS,
    CALENDAR_WORDS,
    DEMONYMS,
    EVENT_WORDS,
    HYPHEN_PARTICLES,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    STOPWORDS,
)

KINDS = frozenset({"person", "organisation", "place", "event", "other"})

__all__ = [
    "KINDS",
    "AliasSpec",
    "Candidate",
    "EntityMatch",
    "EntityMatcher",
    "find_candidates",
    "normalize_name",
]


@dataclass(frozen=True)
class AliasSpec:
    entity_id: int  # opaque key of the entity (a database id on the Django side)
    text: str  # the name or an alias as the registry holds it
    kind: str  # one of KINDS


@dataclass(frozen=True)
class EntityMatch:
    entity_id: int
    alias: str  # the registry alias that matched
    start: int  # character offsets into the original text, end exclusive;
    end: int  # a possessive "'s" is outside the span, a plural "s" inside
    text: str  # text[start:end]
    ambiguous: bool = False  # True when other entities share this exact span


@dataclass(frozen=True)
class Candidate:
    text: str  # the name as most often written
    count: int
    contexts: tuple[str, ...]  # up to three snippets around occurrences
    kind_hint: str | None  # "person", "organisation", "event" or None
    first_start: int  # offset of the first occurrence
    # Partial names counted in this one ("Smith" for "John Smith"), as written.
    partial_names: tuple[str, ...] = ()


# --- normalisation ------------------------------------------------------------

# Every character here maps to one character (or none), so spans survive.
_CHAR_MAP = {
    **dict.fromkeys("\u2019\u2018\u02bc\u201b\u2032\uff07`\u00b4", "'"),
    **dict.fromkeys(
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"
    ),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    # Soft hyphen, zero-width (non-)joiners, word joiners: inside words.
    **dict.fromkeys("\u00ad\u200c\u200d\u2060\ufeff", ""),
}
# Unicode whitespace other than the plain space (what str.isspace() accepts),
# and the zero-width space, which marks a break between words.
_ZERO_WIDTH_SPACE = "\u200b"
_OTHER_SPACE = _ZERO_WIDTH_SPACE + (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A single character class lets the regex engine skip through ordinary text
# at C speed; alternations that also match the plain space run 5x slower.
_RARE_RE = re.compile(
    "[" + "".join(re.escape(c) for c in (_OTHER_SPACE + "".join(_CHAR_MAP))) + "]"
)
_SPACES_RE = re.compile(r"  +")
_SPACE_RUN_RE = re.compile(r"[\s\u200b]+")


@dataclass(frozen=True)
class _Prepared:
    text: str  # unified text
    # Offset map: from breaks[i] on, original offset = offset + shifts[i].
    breaks: tuple[int, ...]
    shifts: tuple[int, ...]


def _prepare(text: str) -> _Prepared:
    # A C-level scan finds the few places that change; the text between them
    # is copied in slices, so the cost stays close to a plain copy.
    events = [m.start() for m in _RARE_RE.finditer(text)]
    if "  " in text:
        events += [m.start() for m in _SPACES_RE.finditer(text)]
        events.sort()
    parts: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    pos = shift = 0
    for a in events:
        if a < pos:
            continue  # inside a whitespace run already replaced
        char = text[a]
        if char in _CHAR_MAP:
            b = a + 1
            replacement = _CHAR_MAP[char]
        else:
            while a > pos and text[a - 1] == " ":  # "word \n" starts at the space
                a -= 1
            b = _SPACE_RUN_RE.match(text, a).end()  # type: ignore[union-attr]
            # A blank line stays a break so that names never span paragraphs.
            line_breaks = len((text[a:b] + "x").splitlines()) - 1
            replacement = "\n" if line_breaks >= 2 else " "
        parts.append(text[pos:a])
        parts.append(replacement)
        pos = b
        if len(replacement) != b - a:
            shift += b - a - len(replacement)
            breaks.append(b - shift)
            shifts.append(shift)
    if not parts:
        return _Prepared(text, (), ())
    parts.append(text[pos:])
    return _Prepared("".join(parts), tuple(breaks), tuple(shifts))


def normalize_name(text: str) -> str:
    """Return the comparison key of a name: the same key means the same name.

    NFKC-normalised, apostrophes, quotes and dashes unified, whitespace
    collapsed and stripped, casefolded. Used for ignored names and for alias
    uniqueness.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_CHAR_MAP.get(c, c) for c in text)
    return " ".join(text.replace(_ZERO_WIDTH_SPACE, " ").split()).casefold()


def _is_acronym(text: str) -> bool:
    return any(c.isupper() for c in text) and not any(c.islower() for c in text)


def _plurals(form: str, *, acronym: bool) -> list[str]:
    last = form[-1]
    if not last.isalpha():
        return []
    if acronym:
        # "NGO" -> "NGOs"; "ISIS" + "s" would be noise, not a plural.
        return [] if last in "Ss" else [form + "s"]
    low = form.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return [form + "es"]
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return [form[:-1] + "ies"]
    return [form + "s"]


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _case_variants(form: str) -> set[str]:
    """Return the ways copy writes a (non-acronym) name: see the module rules."""
    words = form.split(" ")
    variants = {form, form.upper(), form[:1].upper() + form[1:]}
    # "Lisbon Water Forum", "Lisbon Water forum", "Lisbon water forum":
    # capitalised words first, the rest in lower case.
    for k in range(1, len(words) + 1):
        variants.add(
            " ".join(
                [_capitalised(w) for w in words[:k]] + [w.lower() for w in words[k:]]
            )
        )
    if not form[:1].isupper():
        variants.add(form.lower())  # "al-Qaeda" is also written "al-qaeda"
    return variants


# --- matcher ------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    entity_id: int
    alias: str  # as the registry holds it
    form: str  # the alias as normalised (plural ending included, if any)
    plural: bool


_Hit = tuple[int, int, tuple[_Target, ...]]


class EntityMatcher:
    """Finds registry aliases in texts; build once per registry version, reuse."""

    def __init__(
        self,
        automaton: ahocorasick.Automaton | None,
        known: frozenset[str],
        alias_count: int,
    ) -> None:
        self._automaton = automaton
        self._known = known
        self.alias_count = alias_count

    @classmethod
    def build(cls, aliases: Iterable[AliasSpec]) -> EntityMatcher:
        """Return a matcher for these aliases (an entity's name is one of them).

        Raises ValueError for an unknown kind or an alias that is blank.
        """
        table: dict[str, dict[tuple[int, str], _Target]] = {}
        known: set[str] = set()
        count = 0
        for spec in aliases:
            if spec.kind not in KINDS:
                raise ValueError(
                    f"Alias {spec.text!r} has unknown kind {spec.kind!r}; "
                    f"use one of {', '.join(sorted(KINDS))}."
                )
            base = _prepare(spec.text).text.strip()
            if not base:
                raise ValueError(f"Entity {spec.entity_id} has a blank alias.")
            count += 1
            known.add(normalize_name(spec.text))
            acronym = _is_acronym(base)
            forms = [(base, False)]
            if spec.kind == "organisation":
                forms += [(p, True) for p in _plurals(base, acronym=acronym)]
            for form, plural in forms:
                target = _Target(spec.entity_id, spec.text, form, plural)
                keys = {form} if acronym else _case_variants(form)
                # Some copy keeps accents decomposed ("e" + U+0301).
                keys |= {unicodedata.normalize("NFD", key) for key in keys}
                for key in keys:
                    slot = table.setdefault(key, {})
                    previous = slot.get((spec.entity_id, form))
                    if previous is None or (previous.plural and not plural):
                        slot[(spec.entity_id, form)] = target
        automaton = None
        if table:
            automaton = ahocorasick.Automaton()
            for key, slot in table.items():
                automaton.add_word(key, (len(key), tuple(slot.values())))
            automaton.make_automaton()
        return cls(automaton, frozenset(known), count)

    def knows(self, name: str) -> bool:
        """Return True if `name` is, under normalize_name, one of the aliases."""
        return normalize_name(name) in self._known

    def find(self, text: str) -> tuple[EntityMatch, ...]:
        """Return the registry's mentions in `text`, sorted by start.

        Spans never overlap, except that ambiguous matches (same span, several
        entities) are all reported with `ambiguous=True`.
        """
        if not text or self._automaton is None:
            return ()
        prepared = _prepare(text)
        unified = prepared.text
        breaks, shifts = prepared.breaks, prepared.shifts
        # Spans come in text order, so the offset map is walked once; most
        # spans lie before the next break and need no lookup at all.
        next_break, shift = 0, 0
        limit = breaks[0] if breaks else len(unified)
        matches: list[EntityMatch] = []
        append = matches.append
        for start, end, targets in _resolve(*self._hits(unified)):
            if end <= limit:
                orig_start, orig_end = start + shift, end + shift
            else:
                while next_break < len(breaks) and breaks[next_break] <= start:
                    shift = shifts[next_break]
                    next_break += 1
                orig_start = start + shift
                end_shift, probe = shift, next_break
                while probe < len(breaks) and breaks[probe] < end:
                    end_shift = shifts[probe]
                    probe += 1
                orig_end = end + end_shift
                limit = breaks[next_break] if next_break < len(breaks) else len(unified)
            written = text[orig_start:orig_end]
            if len(targets) == 1:
                target = targets[0]
                append(
                    EntityMatch(
                        target.entity_id, target.alias, orig_start, orig_end, written
                    )
                )
                continue
            winners = _best_targets(targets, unified[start:end])
            for target in winners:
                append(
                    EntityMatch(
                        entity_id=target.entity_id,
                        alias=target.alias,
                        start=orig_start,
                        end=orig_end,
                        text=written,
                        ambiguous=len(winners) > 1,
                    )
                )
        return tuple(matches)

    def _hits(
        self, unified: str
    ) -> tuple[list[int], list[int], list[tuple[_Target, ...]]]:
        """Return the key occurrences at word boundaries, as parallel lists.

        They come sorted by end (the automaton scans left to right).
        """
        # The hot loop. The automaton yields every key occurrence, including
        # those inside longer words; cheap character tests reject those.
        # Parallel lists rather than a tuple per hit: less garbage to collect.
        size = len(unified)
        starts: list[int] = []
        ends: list[int] = []
        found: list[tuple[_Target, ...]] = []
        for last, (length, targets) in self._automaton.iter(unified):  # type: ignore[union-attr]
            start = last - length + 1
            if start:
                before = unified[start - 1]
                if (
                    before.isalnum()
                    or (before == "'" and start > 1 and unified[start - 2].isalpha())
                    or (before > "\x7f" and _is_mark(before))
                ):
                    continue
            if last + 1 < size:
                after = unified[last + 1]
                if after.isalnum() or (after > "\x7f" and _is_mark(after)):
                    continue
            starts.append(start)
            ends.append(last + 1)
            found.append(targets)
        return starts, ends, found


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _resolve(
    starts: list[int], ends: list[int], found: list[tuple[_Target, ...]]
) -> Iterator[_Hit]:
    """Yield non-overlapping hits in text order; the longest wins an overlap.

    The hits (parallel lists) must be sorted by end. Hits on one span merge.
    """
    # Group hits that overlap, directly or through a chain, in one pass: a new
    # hit ends at or after every earlier one, so it can only overlap the
    # groups at the top of the stack, and a group is a run of consecutive
    # hits. Almost every group is a single hit.
    group_first: list[int] = []  # index of the group's first hit
    group_start: list[int] = []
    group_end: list[int] = []
    for i, start in enumerate(starts):
        if group_end and group_end[-1] > start:
            first = start
            while group_end and group_end[-1] > start:
                group_end.pop()
                first = min(first, group_start.pop())
                index = group_first.pop()
            group_first.append(index)
            group_start.append(first)
        else:
            group_first.append(i)
            group_start.append(start)
        group_end.append(ends[i])
    group_first.append(len(starts))
    for g, index in enumerate(group_first[:-1]):
        stop = group_first[g + 1]
        if stop == index + 1:
            yield starts[index], ends[index], found[index]
        else:
            members = [(starts[i], ends[i], found[i]) for i in range(index, stop)]
            yield from _resolve_group(group_start[g], group_end[g], members)


def _resolve_group(first: int, last: int, members: list[_Hit]) -> list[_Hit]:
    # Usually one hit covers the whole group ("Maria Elena Ortiz" around
    # "Ortiz"): it wins, merged with any other hit on the same span.
    covering = [hit for hit in members if hit[0] == first and hit[1] == last]
    if covering:
        targets = covering[0][2]
        for hit in covering[1:]:
            targets += hit[2]
        return [(first, last, targets)]
    by_span: dict[tuple[int, int], tuple[_Target, ...]] = {}
    for start, end, targets in members:
        by_span[start, end] = by_span.get((start, end), ()) + targets
    taken: list[tuple[int, int]] = []
    for span in sorted(by_span, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= a or span[0] >= b for a, b in taken):
            taken.append(span)
    return [(a, b, by_span[a, b]) for a, b in sorted(taken)]


def _best_targets(targets: tuple[_Target, ...], written: str) -> list[_Target]:
    """Return one target per winning entity; several only when they tie."""

    def rank(target: _Target) -> tuple[bool, bool, str]:
        return (target.plural, written != target.form, target.alias)

    best: dict[int, _Target] = {}
    for target in sorted(targets, key=rank):
        best.setdefault(target.entity_id, target)
    top = min(rank(t)[:2] for t in best.values())
    return sorted(
        (t for t in best.values() if rank(t)[:2] == top), key=lambda t: t.entity_id
    )


# --- candidates ---------------------------------------------------------------


# The word lists are the shared vocabulary's; nothing here is about any one text.
_STOPWORDS = STOPWORDS
_TITLES = PERSON_TITLES
_ORG_WORDS = ORGANISATION_WORDS
_EVENT_WORDS = EVENT_WORDS
_CALENDAR = CALENDAR_WORDS
_CONNECTORS = frozenset({"of", "for", "and", "the"}) | NAME_PARTICLES
_HYPHEN_PARTICLES = HYPHEN_PARTICLES
_ABBREVIATIONS = ABBREVIATIONS
_APOSTROPHE_CHARS = "'\u2019\u02bc"
_OPENERS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{"
_QUOTE_OPENERS = '"\u201c\u2018\u00ab'
_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:\w|[-'\u2019\u02bc](?=[^\W_]))*")
_ROMAN_RE = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


@dataclass
class _Token:
    start: int
    end: int
    word: str
    name: bool  # capitalised (or "al-Qaeda"-like), usable in a name
    acronym: bool
    roman: bool
    initial: bool  # starts a sentence or a line
    closed: bool  # a possessive or hyphenated tail ends any name here

    @property
    def low(self) -> str:
        return self.word.lower()


def find_candidates(
    text: str,
    *,
    matcher: EntityMatcher,
    ignored: Collection[str] = (),
    mentions: Sequence[EntityMatch] | None = None,
) -> tuple[Candidate, ...]:
    """Return names in `text` the registry does not know, most frequent first.

    A name is a run of capitalised words on one line (joined by "of", "for",
    "and", "the" and name particles), an acronym, or the name after a title
    ("Special Representative Tom West" gives "Tom West", hinted as a person).
    Ordinary words that only start sentences, month and weekday names, roles
    on their own and demonyms ("Afghan", "Russians") are skipped; on a
    headline or sub-heading line ("## ...", or one shaped like a headline),
    where every word may be capitalised, only words the text capitalises
    inside its sentences count as names. Names whose every
    word lies in a mention, names the matcher knows, and names in `ignored`
    are left out (all compared with normalize_name). A partial name ("Smith",
    "Mr Smith") is folded into the one full name it belongs to ("John Smith")
    and counted there; one belonging to a name the matcher found is left out.
    `mentions` is `matcher.find(text)` when the caller already has it. Raises
    nothing.
    """
    line_spans = [m.span() for m in re.finditer(r"[^\n]+", text)]
    lines = [_tokenise(text, start, end) for start, end in line_spans]
    headings = [
        _is_subheading(text[start:end]) or _is_title_case_headline(text[start:end], t)
        for (start, end), t in zip(line_spans, lines, strict=True)
    ]
    lowercase_seen: set[str] = set()
    capital_seen_midsentence: set[str] = set()
    acronyms_seen: set[str] = set()  # in sentences: "UN" in "the UN said"
    for tokens, heading in zip(lines, headings, strict=True):
        for tok in tokens:
            if heading and tok.word[:1].isupper():
                continue  # a heading capitalises its words: that says nothing
            if tok.word.islower():
                lowercase_seen.add(tok.word)
            elif tok.name and not tok.initial:
                capital_seen_midsentence.add(tok.low)
            if tok.acronym:
                acronyms_seen.add(tok.word)

    ignored_keys = {normalize_name(name) for name in ignored}
    if mentions is None:
        mentions = matcher.find(text)
    covered = [(m.start, m.end) for m in mentions]
    covered_starts = [start for start, _ in covered]

    def is_covered(tok: _Token) -> bool:
        i = bisect_right(covered_starts, tok.start) - 1
        return i >= 0 and covered[i][1] >= tok.end

    found: list[tuple[int, int, str | None]] = []
    for tokens, heading in zip(lines, headings, strict=True):
        for run, before in _runs(text, tokens):
            if heading:
                run = _heading_name(
                    run,
                    lowercase_seen,
                    capital_seen_midsentence,
                    acronyms_seen=acronyms_seen,
                    in_capitals=_in_capitals(tokens),
                )
                if not run:
                    continue
            run = _strip_ordinary_start(run, lowercase_seen, capital_seen_midsentence)
            if not run or all(tok.word in DEMONYMS for tok in run if tok.name):
                continue
            run, hint = _apply_titles(run)
            if not run:
                continue
            if len(run) == 1 and (run[0].low in _CALENDAR or run[0].roman):
                continue
            if all(is_covered(tok) for tok in run if tok.name):
                continue
            if hint is None:
                hint = _hint(text, run, before)
            found.append((run[0].start, run[-1].end, hint))

    known_surnames = {
        key.rsplit(" ", 1)[-1]
        for key in (normalize_name(m.text) for m in mentions)
        if " " in key
    }
    return _group(
        text,
        found,
        matcher=matcher,
        ignored_keys=ignored_keys,
        known_surnames=known_surnames,
    )


def _is_subheading(line: str) -> bool:
    """A body's sub-heading ("## Talks resume") or a line shaped like a headline."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return True
    return heading_shape(stripped)[0] >= 0.5


def _in_capitals(tokens: list[_Token]) -> bool:
    """Whether a line is written all in capitals ("WHAT COMES NEXT")."""
    words = [tok for tok in tokens if not tok.word[0].isdigit()]
    return len(words) >= 2 and all(tok.acronym or tok.roman for tok in words)


def _heading_name(
    run: list[_Token],
    lowercase_seen: set[str],
    capital_seen: set[str],
    *,
    acronyms_seen: Collection[str] = (),
    in_capitals: bool = False,
) -> list[_Token]:
    """The name in a run on a heading line, where every word may be capitalised:
    from the first word the text capitalises inside a sentence elsewhere (and
    never writes in lower case), up to the next word that is not one. On a
    heading in capitals every word looks like an acronym: there only those the
    text writes in capitals in its sentences too ("UN") are acronyms.
    """

    def is_name(tok: _Token) -> bool:
        acronym = tok.acronym and (not in_capitals or tok.word in acronyms_seen)
        return acronym or (
            tok.low not in lowercase_seen
            and tok.low not in _STOPWORDS
            and tok.low in capital_seen
        )

    start = next((k for k, tok in enumerate(run) if tok.name and is_name(tok)), None)
    if start is None:
        return []
    end = start + 1
    while end < len(run) and (not run[end].name or is_name(run[end])):
        end += 1
    while end > start and not run[end - 1].name:
        end -= 1  # a connector does not end a name
    return run[start:end]


def _tokenise(text: str, line_start: int, line_end: int) -> list[_Token]:
    tokens: list[_Token] = []
    previous: _Token | None = None
    for m in _TOKEN_RE.finditer(text, line_start, line_end):
        start, end = m.span()
        word = m.group()
        closed = False
        if word[-2:].lower() in ("'s", "\u2019s", "\u02bcs"):
            word, end, closed = word[:-2], end - 2, True
        elif end < line_end and text[end] in _APOSTROPHE_CHARS:
            closed = True
        parts = word.split("-")
        name = word[0].isupper()
        if len(parts) > 1:
            if name:
                keep = 1
                while keep < len(parts) and parts[keep][:1].isupper():
                    keep += 1
                if keep < len(parts):  # "US-led": the name is "US"
                    word = "-".join(parts[:keep])
                    end, closed = start + len(word), True
            elif parts[0] in _HYPHEN_PARTICLES and parts[1][:1].isupper():
                name = True  # "al-Qaeda"
        letters = [c for c in word if c.isalpha()]
        roman = bool(_ROMAN_RE.fullmatch(word)) and word.isupper()
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and not roman
        tok = _Token(
            start=start,
            end=end,
            word=word,
            name=name and len(letters) >= 2,
            acronym=acronym,
            roman=roman,
            initial=_starts_sentence(text, line_start, start, previous),
            closed=closed,
        )
        tokens.append(tok)
        previous = tok
    return tokens


def _starts_sentence(
    text: str, line_start: int, start: int, previous: _Token | None
) -> bool:
    if start > line_start and text[start - 1] in _QUOTE_OPENERS:
        return True  # the first word of a quotation: 'saying, "We take'
    i = start - 1
    while i >= line_start and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    if i < line_start:
        return True
    if text[i] not in ".!?:\u2026":
        return False
    # "Mr. Smith" and "the U.S. Embassy" do not start sentences.
    return not (
        previous is not None
        and text[i] == "."
        and (previous.low in _ABBREVIATIONS or previous.word.endswith("."))
    )


def _is_title_case_headline(line: str, tokens: list[_Token]) -> bool:
    # "Ortiz Confirms Union's Cooperation With Foreign Buyers" would
    # otherwise read as one long name.
    if len(tokens) < 3 or line.rstrip().rstrip(_OPENERS).endswith((".", "!", "?")):
        return False
    long_words = [t for t in tokens if len(t.word) > 3 and not t.word[0].isdigit()]
    capitalised = [t for t in long_words if t.word[0].isupper()]
    return len(long_words) >= 3 and len(capitalised) >= 0.75 * len(long_words)


def _runs(
    text: str, tokens: list[_Token]
) -> Iterator[tuple[list[_Token], _Token | None]]:
    """Yield runs of name tokens (connectors included) with the token before."""
    run: list[_Token] = []
    pending: list[_Token] = []
    before: _Token | None = None
    previous: _Token | None = None
    for tok in tokens:
        joined = (
            previous is not None
            and not previous.closed
            and text[previous.end : tok.start] in (" ", "\u00a0")
        )
        if tok.name and not (tok.roman and not run):
            if run and joined:
                run.extend(pending)
                run.append(tok)
            else:
                if run:
                    yield run, before
                run, before = [tok], previous
            pending = []
        elif run and joined and _connector_allowed(tok, run, pending):
            pending.append(tok)
        else:
            if run:
                yield run, before
            run, pending = [], []
        previous = tok
    if run:
        yield run, before


def _connector_allowed(tok: _Token, run: list[_Token], pending: list[_Token]) -> bool:
    word = tok.word
    if word not in _CONNECTORS:
        return False
    if word == "and":
        # "Promotion of Virtue and Prevention of Vice", but not "Russia and Iran".
        return not pending and any(t.word in ("of", "for") for t in run)
    if word == "the":
        return bool(pending) and pending[-1].word in ("of", "for", "and")
    return not pending


def _strip_ordinary_start(
    run: list[_Token], lowercase_seen: set[str], capital_seen: set[str]
) -> list[_Token]:
    first = run[0]
    if first.acronym or first.low in _TITLES:
        return run
    if len(run) == 1 and first.low in _STOPWORDS:
        return []
    if not first.initial:
        return run
    ordinary = first.low in _STOPWORDS or first.low in lowercase_seen
    if len(run) == 1:
        # A lone capitalised word that only ever starts sentences is a word.
        return [] if ordinary or first.low not in capital_seen else run
    if not ordinary:
        return run
    rest = run[1:]
    while rest and not rest[0].name:
        rest = rest[1:]
    return rest


def _apply_titles(run: list[_Token]) -> tuple[list[_Token], str | None]:
    """Drop a leading role ("Chilean Finance Minister") from a run."""
    titles = [i for i, tok in enumerate(run) if tok.name and tok.low in _TITLES]
    if not titles:
        return run, None
    last = titles[-1]
    rest = run[last + 1 :]
    if any(tok.low in _ORG_WORDS for tok in rest):
        return run, "organisation"  # "General Assembly", not a General called so
    hint = "person" if rest and rest[0].name else None
    while rest and not rest[0].name:
        rest = rest[1:]
    return rest, hint


def _hint(text: str, run: list[_Token], before: _Token | None) -> str | None:
    if (
        before is not None
        and before.low in _TITLES
        and not before.closed
        and text[before.end : run[0].start] in (" ", "\u00a0")
    ):
        return "person"
    # An apposition with a role: "Ana Ortiz, Chile's special representative".
    after = text[run[-1].end : run[-1].end + 80]
    if after.startswith(", "):
        clause = re.split(r"[,.;:()\n]", after[2:], maxsplit=1)[0]
        if any(tok.low in _TITLES for tok in _tokenise(clause, 0, len(clause))[:5]):
            return "person"
    last = run[-1].low
    if last in _ORG_WORDS:
        return "organisation"
    if last in _EVENT_WORDS:
        return "event"
    if len(run) == 1 and run[0].acronym:
        return "organisation"
    return None


def _group(
    text: str,
    found: list[tuple[int, int, str | None]],
    *,
    matcher: EntityMatcher,
    ignored_keys: set[str],
    known_surnames: set[str],
) -> tuple[Candidate, ...]:
    spellings: dict[str, Counter[str]] = {}
    starts: dict[str, list[tuple[int, int]]] = {}
    hints: dict[str, Counter[str]] = {}
    for start, end, hint in found:
        written = text[start:end]
        key = normalize_name(written)
        if key in ignored_keys or matcher.knows(written):
            if " " in key:  # its surname alone is that name too
                known_surnames = known_surnames | {key.rsplit(" ", 1)[-1]}
            continue
        spellings.setdefault(key, Counter())[written] += 1
        starts.setdefault(key, []).append((start, end))
        hints.setdefault(key, Counter())
        if hint:
            hints[key][hint] += 1

    # A partial name is the full name it belongs to, when it belongs to one only:
    # "Smith" (or "Mr Smith") after "John Smith". Not for organisations and events:
    # "the Council" after "Arts Council" may be another council.
    full_names: dict[str, list[str]] = {}
    for key in spellings:
        hint_counter = hints[key]
        if " " in key and not {"organisation", "event"} & set(hint_counter):
            full_names.setdefault(key.rsplit(" ", 1)[-1], []).append(key)
    partials: dict[str, list[str]] = {}
    for key in list(spellings):
        if " " in key:
            continue
        owners = full_names.get(key, [])
        if key in known_surnames and not owners:
            del spellings[key]  # part of a name the registry knows or one ignored
            continue
        if len(owners) != 1:
            continue
        owner = owners[0]
        partials.setdefault(owner, []).extend(spellings.pop(key))
        starts[owner] = sorted(starts[owner] + starts.pop(key))
        hints[owner].update(hints.pop(key))
    candidates = []
    for key, spelled in spellings.items():
        hint_counter = hints[key]
        if "person" in hint_counter:
            hint: str | None = "person"
        elif hint_counter:
            hint = hint_counter.most_common(1)[0][0]
        else:
            hint = None
        spans = starts[key]
        candidates.append(
            Candidate(
                # the commonest spelling; of equals, one in a sentence ("Dravo")
                # rather than on a heading in capitals ("DRAVO")
                text=max(spelled, key=lambda w: (spelled[w], not w.isupper())),
                count=len(spans),
                contexts=tuple(_context(text, s, e) for s, e in spans[:3]),
                kind_hint=hint,
                first_start=spans[0][0],
                partial_names=tuple(sorted(set(partials.get(key, ())))),
            )
        )
    candidates.sort(key=lambda c: (-c.count, c.first_start))
    return tuple(candidates)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """Return the words around text[start:end] on its line, "…" where cut."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    # Do not cut words in half at either edge.
    if left > line_start:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < line_end:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    snippet = " ".join(text[left:right].split())
    return (
        ("\u2026" if left > line_start else "")
        + snippet
        + ("\u2026" if right < line_end else "")
    )

"""number-forms: one number or name written in two forms within one source.

Covered: an ordinal as a word and in digits for the same thing ("the sixth meeting"
and "the 6th meeting": counted as the same thing when the words after them share a
content word), "per cent" / "percent" / "%", dotted and undotted abbreviations
("U.S." / "US"), and British / American spellings of one word ("organisation" /
"organization"). Each finding is on a form used less often than the other, with the
majority form as the suggestion; on a tie, ordinals one to nine are spelled out (as
most style guides ask) and otherwise the form used first wins. Always advisory.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    make_finding,
)
from articles.text.checks.number_mentions import number_mentions
from articles.text.checks.severity import severity_of
from articles.text.tokens import WORD
from articles.text.vocabulary import MONTHS, ORDINAL_WORDS, STOPWORDS

NAME = "number-forms"

_WORD_FOR = {value: word for word, value in ORDINAL_WORDS.items()}
_ORDINAL_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_MONTHS = frozenset(month.lower() for month in MONTHS)
_ORDINAL_DIGITS = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")
_PERCENT = re.compile(
    r"(\d[\d.,]*)(\s*%|\s+per\s+cent\b|\s+percent\b|\s?pc\b)", re.IGNORECASE
)
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")
# An honorific before a name, with its full stop or without: "Mr." / "Mr".
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof)(\.?)(?=\s+[A-Z])")
_UPPER = re.compile(r"(?<![\w.])[A-Z]{2,5}(?![a-z0-9])")

# (pattern, replacement) turning a British spelling into the American one. Both
# spellings must occur in the source for a finding, so a rule that would make a
# non-word ("detour" -> "detor") never fires.
_SPELLING_RULES = [
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    # not "-yses": "analyses" is also the plural of "analysis"
    (re.compile(r"^(\w{2,})ys(e|ed|ing)$"), r"\1yz\2"),
    (
        re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ably|ful|less|er|ers)?$"),
        r"\1or\2",
    ),
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{3,})tred$"), r"\1tered"),
    # "fibre" / "fiber", "calibre" / "caliber"
    (re.compile(r"^(\w{2,})bre(s)?$"), r"\1ber\2"),
    # "paediatric" / "pediatric", "oestrogen" / "estrogen", "anaemia" / "anemia":
    # a vowel pair before a consonant and at least three more letters
    (re.compile(r"^(\w*?)(?:ae|oe)([b-df-hj-np-tv-z]\w{2,})$"), r"\1e\2"),
    # "counsellor" / "counselor", "councillor" / "councilor"
    (re.compile(r"^(\w{3,}[aeiou])llor(s)?$"), r"\1lor\2"),
    (re.compile(r"^(\w{2,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(\w{3,})ogu(ed|ing)$"), r"\1og\2"),
]
_SPELLING_WORDS = {
    "defence": "defense",
    "offence": "offense",
    "pretence": "pretense",
    "judgement": "judgment",
    "judgements": "judgments",
    "grey": "gray",
    "aluminium": "aluminum",
    "sceptic": "skeptic",
    "sceptics": "skeptics",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "ageing": "aging",
    "fulfil": "fulfill",
    "enrol": "enroll",
}


@dataclass(frozen=True)
class _Use:
    key: str  # what the forms have in common: ("ordinal", 6, "meeting"), "US", ...
    form: str  # the form as normalised for counting: "sixth", "6th"
    para: Paragraph
    start: int
    end: int


def find_number_form_variants(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding on each use of a minority form of a number or name."""
    uses = [
        *_ordinal_uses(paragraphs),
        *_percent_uses(paragraphs),
        *_abbreviation_uses(paragraphs),
        *_spelling_uses(paragraphs),
        *_value_uses(paragraphs),
    ]
    groups: dict[str, list[_Use]] = defaultdict(list)
    for use in uses:
        groups[use.key].append(use)
    for key, group in groups.items():
        forms = Counter(use.form for use in group)
        if len(forms) < 2:
            continue
        preferred = _preferred(key, group, forms)
        for use in group:
            if use.form == preferred:
                continue
            yield _finding(use, group, preferred)


def _preferred(key: str, group: list[_Use], forms: Counter[str]) -> str:
    top = max(forms.values())
    leaders = [form for form, count in forms.items() if count == top]
    if len(leaders) == 1:
        return leaders[0]
    if key.startswith("count:"):
        # as the figures check prefers: a count spelled out, on a tie
        spelled = [f for f in leaders if f.startswith("words")]
        if spelled:
            return spelled[0]
    if key.startswith("ordinal:"):
        value = float(key.split(":")[1])
        spelled = [f for f in leaders if not f[0].isdigit() and f != "digits"]
        digits = [f for f in leaders if f[0].isdigit() or f == "digits"]
        if value <= 9 and spelled:
            return spelled[0]
        if value > 9 and digits:
            return digits[0]
    first = min(group, key=lambda u: (u.para.story, u.para.line, u.start))
    return first.form if first.form in leaders else leaders[0]


def _finding(use: _Use, group: list[_Use], preferred: str) -> Finding:
    quote = use.para.text[use.start : use.end]
    others = [u for u in group if u.form == preferred]
    suggestion = _display(preferred, quote, use, group)
    lines = sorted({u.para.line for u in others})
    where = (
        "line " + str(lines[0])
        if len(lines) == 1
        else "lines " + ", ".join(map(str, lines[:6]))
    )
    return make_finding(
        check=NAME,
        severity=severity_of(NAME, "two-forms"),
        paragraph=use.para,
        start=use.start,
        end=use.end,
        message=(
            f"“{quote}” is written “{suggestion}” elsewhere in this copy ({where}): "
            "use one form throughout."
        ),
        suggestion=suggestion,
        related_lines=lines,
        facts=[use.key, use.form],
    )


def _display(form: str, quote: str, use: _Use, group: list[_Use]) -> str:
    """`form` shaped to replace `quote`: the number kept, the capital kept."""
    if use.key.startswith("spelling:"):
        return _respelled(quote, form, group)
    if use.key.startswith("style:"):
        return _restyled(quote, form)
    if use.key.startswith(("count:", "money:", "unit:", "large:")):
        example = next(u for u in group if u.form == form)
        return example.para.text[example.start : example.end]
    if use.key.startswith("percent"):
        number = re.match(r"\d[\d.,]*", quote).group()
        return number + (form if form in ("%", "pc") else f" {form}")
    if quote[:1].isupper() or (quote[:1].isdigit() and _starts_sentence(use)):
        return form[:1].upper() + form[1:]
    return form


def _restyled(quote: str, form: str) -> str:
    """`quote` in the style `form`: "3000" -> "3,000", "8 p.m." -> "8pm"."""
    if form in ("separated", "plain"):
        number = int(quote.replace(",", ""))
        return f"{number:,}" if form == "separated" else str(number)
    number, half = re.match(r"(\d{1,2}(?:[.:]\d\d)?)\s?([ap])", quote.lower()).groups()
    suffix = half + form.removeprefix("spaced ")
    return number + (" " if form.startswith("spaced") else "") + suffix


def _value_uses(paragraphs: Sequence[Paragraph]) -> Iterator[_Use]:
    """One value of one thing written two ways ("nine countries" / "the 9
    countries", "£4.5m" / "£4.5 million", "five kilometres" / "5km", "1.5
    million" / "1,500,000"), and the styles of a whole copy: thousands with and
    without a separator ("3,000" / "3000"), times of day ("8pm" / "8 p.m.")."""
    for mention in number_mentions(paragraphs):
        yield _Use(mention.key, mention.form, mention.para, mention.start, mention.end)


def _starts_sentence(use: _Use) -> bool:
    return not use.para.text[: use.start].strip() or bool(
        re.search(r"[.!?][\"”\u2019')]?\s+$", use.para.text[: use.start])
    )


def _context_words(text: str, end: int, count: int = 4) -> set[str]:
    """The first content words after `end`, singular; a capitalised one (a name,
    a month: "of May") also marked as one, "^word"."""
    found: set[str] = set()
    taken = 0
    for match in WORD.finditer(text, end):
        word = match.group().lower()
        capital = match.group()[:1].isupper()
        if capital and word in _MONTHS:
            found.add("^" + word)
        if word in STOPWORDS or word.isdigit() or len(word) < 3:
            continue
        word = word[:-1] if word.endswith("s") and len(word) > 3 else word
        found |= {word, "^" + word} if capital else {word}
        taken += 1
        if taken == count:
            break
    return found


def _ordinal_uses(paragraphs: Sequence[Paragraph]) -> Iterator[_Use]:
    by_value: dict[int, list[tuple[_Use, set[str]]]] = defaultdict(list)
    for para in paragraphs:
        for pattern in (_ORDINAL_WORD, _ORDINAL_DIGITS):
            for match in pattern.finditer(para.text):
                form = match.group().lower()
                value = (
                    int(match.group(1)) if form[0].isdigit() else ORDINAL_WORDS[form]
                )
                use = _Use("", form, para, *match.span())
                context = _context_words(para.text, match.end())
                if _in_name(use):
                    # a name's ordinal ("1st Battalion") is the same thing only
                    # where the name is ("the 1st Battalion" / "the first time
                    # the battalion")
                    context = {w for w in context if w.startswith("^")}
                by_value[value].append((use, context))
    # Uses of one value are linked when the words after them share a content word
    # ("sixth meeting of the Lisbon Forum" / "6th Lisbon Forum Meeting"), and a
    # linked group that mixes words and digits is an inconsistency. Ordinals first
    # to ninth are spelled out by house style, so those are also linked whatever
    # each counts ("finished sixth" / "his 6th attempt"), unless one may be part
    # of a name ("5th Avenue", "2nd Battalion").
    for value, items in by_value.items():
        contexts = [
            context | ({_ANY} if value <= 9 and not _in_name(use) else set())
            for use, context in items
        ]
        linked = _link(contexts)
        components: dict[int, list[tuple[_Use, set[str]]]] = defaultdict(list)
        for i, item in enumerate(items):
            components[linked[i]].append(item)
        for members in components.values():
            if len({use.form[0].isdigit() for use, _ in members}) < 2:
                continue
            topic = Counter(
                w for _, context in members for w in context if w[:1] != "^"
            ) or Counter({"": 1})
            label = min(topic, key=lambda w: (-topic[w], w))
            for use, _ in members:
                yield _Use(
                    f"ordinal:{value}:{label}", use.form, use.para, use.start, use.end
                )


_ANY = "\x00"  # a context word every linked use shares


def _in_name(use: _Use) -> bool:
    """True for an ordinal that is part of a name: followed by a capitalised word,
    and capitalised itself when written in words ("Fifth Avenue", "3rd Army")."""
    text = use.para.text
    after = re.match(r"\s+([A-Z])", text[use.end :])
    written = text[use.start : use.end]
    return after is not None and (written[0].isdigit() or written[0].isupper())


def _link(contexts: list[set[str]]) -> list[int]:
    """A group id per item; items whose contexts share a word are in one group."""
    parent = list(range(len(contexts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(contexts)):
        for b in range(a + 1, len(contexts)):
            if contexts[a] & contexts[b]:
                parent[root(a)] = root(b)
    return [root(i) for i in range(len(contexts))]


def _percent_uses(paragraphs: Sequence[Paragraph]) -> Iterator[_Use]:
    for para in paragraphs:
        for match in _PERCENT.finditer(para.text):
            form = re.sub(r"\s+", " ", match.group(2).strip().lower())
            yield _Use("percent", form, para, *match.span())


def _abbreviation_uses(paragraphs: Sequence[Paragraph]) -> Iterator[_Use]:
    for para in paragraphs:
        for match in _HONORIFIC.finditer(para.text):
            yield _Use(f"abbr:{match.group(1)}", match.group(), para, *match.span())
    dotted_keys = {
        m.group().replace(".", "") for p in paragraphs for m in _DOTTED.finditer(p.text)
    }
    for para in paragraphs:
        spans = []
        for match in _DOTTED.finditer(para.text):
            spans.append(match.span())
            yield _Use(
                f"abbr:{match.group().replace('.', '')}",
                match.group(),
                para,
                *match.span(),
            )
        for match in _UPPER.finditer(para.text):
            if match.group() in dotted_keys and not any(
                s <= match.start() < e for s, e in spans
            ):
                yield _Use(f"abbr:{match.group()}", match.group(), para, *match.span())


# "-ise" / "-ize" words are one family whatever their ending: "recognise" and
# "recognized" are the two spellings of one word, inflected apart.
_ISE_FAMILY = re.compile(r"^(\w{3,})i[sz](e|es|ed|ing|ation|ations|er|ers)$")


@lru_cache(maxsize=16384)
def _american(word: str) -> str:
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    for pattern, replacement in _SPELLING_RULES:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=16384)
def _spelling_key(word: str) -> str:
    """What a word's spellings have in common: its American spelling, or for an
    "-ise" / "-ize" word its stem, so that inflections of one word meet."""
    family = _ISE_FAMILY.match(word)
    if family:
        return f"spelling:{family.group(1)}ize"
    return f"spelling:{_american(word)}"


def _spelling_uses(paragraphs: Sequence[Paragraph]) -> Iterator[_Use]:
    found: list[tuple[str, str, Paragraph, int, int]] = []
    spellings: dict[str, set[str]] = defaultdict(set)
    for para in paragraphs:
        for match in WORD.finditer(para.text):
            # Capitalised words are skipped: a name keeps its own spelling ("the
            # Labour Party", "Lincoln Center") whatever the copy's house spelling.
            if not match.group().isalpha() or not match.group().islower():
                continue
            word = match.group()
            key = _spelling_key(word)
            form = "american" if _american(word) == word else "british"
            found.append((key, form, para, *match.span()))
            spellings[key].add(form)
    for key, form, para, start, end in found:
        if len(spellings[key]) > 1:
            yield _Use(key, form, para, start, end)


def _respelled(word: str, spelling: str, group: list[_Use]) -> str:
    """`word` in the other spelling ("recognized" -> "recognised")."""
    if spelling == "american":
        return _american(word)
    family = _ISE_FAMILY.match(word)
    if family:
        return f"{family.group(1)}is{family.group(2)}"
    return next(u.para.text[u.start : u.end] for u in group if u.form == "british")


CHECK = Check(
    name=NAME,
    description="One number or name written in two forms (sixth / 6th, US / U.S.).",
    run=find_number_form_variants,
)

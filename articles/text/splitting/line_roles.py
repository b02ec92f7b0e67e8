"""A learned line classifier: how likely each short line of raw copy is a headline,
a sub-heading, page or wire debris, or text.

The features are the line's shape and its place in the copy only (length, case,
punctuation, digits, generic English word lists, blank lines around it, its
neighbours' length, whether it is written like the copy's first line, whether the
text under it takes up its words), never words learnt from any copy: a model that
memorised a corpus's vocabulary would special-case its texts. The weights are a
multinomial logistic regression fitted by tests/benchmarks/fit_line_roles.py and
written to `line_role_weights`. Lines longer than LONG_LINE_WORDS are paragraphs of
text and are not scored, so the cost is a dot product per short line asked about.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import mul

from articles.text.splitting import line_role_weights
from articles.text.splitting.boilerplate import (
    _MONTH_WORDS,
    _TIME_WORDS,
    _WEEKDAY_WORDS,
    _WIDGET_WORDS,
    LEDE_MIN_WORDS,
    SECTION_WORDS,
    STORY_END_KINDS,
    boilerplate_lines,
)
from articles.text.splitting.words import (
    _QUOTES,
    _SENTENCE_END,
    PHRASE_HEADING_OPENERS,
    STOPWORDS,
    _words_lower,
)

ROLES = ("text", "headline", "subheading", "debris")
LONG_LINE_WORDS = 25  # a line of more words is a paragraph of text
ECHO_LETTERS = 5  # a word's first letters, enough to find it in its other forms
SHORT_WORDS = 8  # neighbours this short are headings or debris, not paragraphs
_SECTIONS = frozenset(SECTION_WORDS)
_TIMES = _TIME_WORDS | _MONTH_WORDS | _WEEKDAY_WORDS
_SEPARATOR_MARKS = frozenset("|\u2022\u00b7\u203a\u00bb>/")
_PUNCTUATION_END = {".": "period", "?": "question", "!": "exclaim", ":": "colon"}

# The features, in the order the weights list them.
FEATURES = (
    "words",
    "one_word",
    "few_words",
    "end_period",
    "end_question",
    "end_exclaim",
    "end_colon",
    "end_comma_or_dash",
    "end_bracket",
    "end_word",
    "start_quote",
    "start_digit",
    "start_lower",
    "start_symbol",
    "start_bracket",
    "capitals",
    "title_case",
    "few_content_words",
    "stopword_share",
    "first_stopword",
    "first_phrase_opener",
    "two_sentences",
    "digit_share",
    "colon_inside",
    "separator",
    "address",
    "widget_share",
    "time_share",
    "section_share",
    "quote_inside",
    "first_line",
    "position",
    "blank_before",
    "wide_before",
    "widest_before",
    "paragraphs_since_short",
    "blank_after",
    "wide_after",
    "copy_unspaced",
    "previous_long",
    "previous_short",
    "next_long",
    "next_short",
    "next_none",
    "next_lede",
    "next_time_share",
    "under_like_first",
    "short_run",
    "relative_length",
    "repeated",
    "like_first",
    "first_is_heading",
    "echoed",
)


@dataclass(frozen=True)
class LineRoleModel:
    """The fitted weights: per role, the bias then one weight per feature."""

    features: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]

    @cached_property
    def _headline_over_subheading(self) -> tuple[float, ...]:
        return tuple(
            h - s
            for h, s in zip(
                self.weights["headline"], self.weights["subheading"], strict=True
            )
        )

    def headline_share(self, x: Sequence[float]) -> float:
        """P(headline) / (P(headline) + P(sub-heading)): one dot product."""
        w = self._headline_over_subheading
        z = w[0] + sum(map(mul, w[1:], x))
        return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))

    def probabilities(self, x: Sequence[float]) -> dict[str, float]:
        scores = {
            role: w[0] + sum(map(mul, w[1:], x)) for role, w in self.weights.items()
        }
        top = max(scores.values())
        exp = {role: math.exp(s - top) for role, s in scores.items()}
        total = sum(exp.values())
        return {role: e / total for role, e in exp.items()}


MODEL = LineRoleModel(line_role_weights.FEATURES, line_role_weights.WEIGHTS)


def _end_class(text: str) -> str:
    end = text.rstrip(_QUOTES)[-1:]
    if end in _PUNCTUATION_END:
        return _PUNCTUATION_END[end]
    if end in ",;-\u2013\u2014\u2026":
        return "comma_or_dash"
    if end in ")]":
        return "bracket"
    return "word"


def _case(words: Sequence[str]) -> tuple[bool, float, bool]:
    """All capitals; the share of content words after the first that are
    capitalised; whether there are too few content words to tell."""
    letters = "".join(words)
    capitals = letters.isupper() and sum(c.isalpha() for c in letters) > 3
    content = [w for w in words[1:] if w.lower().strip(_QUOTES) not in STOPWORDS]
    content = [w for w in content if w.strip(_QUOTES + "(")[:1].isalpha()]
    if len(content) < 2:
        return capitals, 0.0, True
    upper = sum(w.strip(_QUOTES + "(")[:1].isupper() for w in content)
    return capitals, upper / len(content), False


def _time_share(text: str) -> float:
    """The share of a line's words that are dates, clock times and time words."""
    lower = _words_lower(text)
    return sum(w in _TIMES or w[0].isdigit() for w in lower) / max(len(lower), 1)


def _shape(text: str) -> tuple[int, bool, bool, str]:
    """What "written alike" compares: length band, capitals, title case, ending."""
    words = text.split()
    capitals, title, few = _case(words)
    return (
        min(len(words), 12) // 4,
        capitals,
        title >= 0.8 and not few,
        _end_class(text),
    )


class _CopyContext:
    """What a line's features are judged against: the copy's non-blank lines, the
    blank lines around each, its usual spacing, its first line's shape and how often
    each short line recurs."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.numbers: list[int] = []
        self.texts: list[str] = []
        self.blanks_before: list[int] = []
        self.lengths: list[int] = []
        blanks = 0
        for number, raw in enumerate(lines, start=1):
            text = raw.strip()
            if not text:
                blanks += 1
                continue
            self.numbers.append(number)
            self.texts.append(text)
            self.blanks_before.append(blanks)
            self.lengths.append(text.count(" ") + 1)
            blanks = 0
        self.index = {n: k for k, n in enumerate(self.numbers)}
        gaps = sorted(self.blanks_before[1:])
        self.typical = gaps[(len(gaps) - 1) // 2] if gaps else 0
        self.widest = gaps[-1] if gaps else 0
        # Lines since the last short line: headings and debris come in short runs
        # between paragraphs; a sub-heading comes a few paragraphs into a story.
        self.since_short = []
        since = 0
        for count in self.lengths:
            self.since_short.append(since)
            since = 0 if count <= SHORT_WORDS else since + 1
        self.recurring = Counter(
            t for t, n in zip(self.texts, self.lengths, strict=True) if n <= SHORT_WORDS
        )
        self.first_shape = _shape(self.texts[0]) if self.texts else None
        # A page stamps every headline alike: is the line under the first short?
        self.first_over_short = len(self.lengths) > 1 and (
            self.lengths[1] <= SHORT_WORDS
        )
        self.first_is_heading = bool(self.texts) and (
            self.lengths[0] <= LONG_LINE_WORDS // 2
            and _end_class(self.texts[0]) not in ("period", "colon", "comma_or_dash")
        )

    def features(self, k: int) -> list[float]:
        text, count = self.texts[k], self.lengths[k]
        words = text.split()
        lower = _words_lower(text)
        end = _end_class(text)
        capitals, title, few = _case(words)
        first = text[0]
        last = len(self.texts) - 1
        after = self.blanks_before[k + 1] if k < last else 0
        before = self.blanks_before[k] if k else 0
        previous = self.lengths[k - 1] if k else 0
        following = self.lengths[k + 1] if k < last else 0
        next_text = self.texts[k + 1] if k < last else ""
        n_lower = max(len(lower), 1)
        # The text under a headline takes up its words: a word's first letters
        # found there (a cheap stem) count.
        content = [w[:ECHO_LETTERS] for w in lower if w not in STOPWORDS]
        under = " ".join(self.texts[k + 1 : k + 3]).lower()
        echoed = sum(w in under for w in content) / len(content) if content else 0.0
        neighbours = (previous + following) / 2 or 1
        x = {
            "words": min(count, 25) / 10,
            "one_word": float(count == 1),
            "few_words": float(count <= 3),
            f"end_{end}": 1.0,
            "start_quote": float(first in _QUOTES),
            "start_digit": float(first.isdigit()),
            "start_lower": float(first.islower()),
            "start_symbol": float(not first.isalnum() and first not in _QUOTES + "(["),
            "start_bracket": float(first in "(["),
            "capitals": float(capitals),
            "title_case": title,
            "few_content_words": float(few),
            "stopword_share": sum(w in STOPWORDS for w in lower) / n_lower,
            "first_stopword": float(bool(lower) and lower[0] in STOPWORDS),
            "first_phrase_opener": float(
                bool(lower) and lower[0] in PHRASE_HEADING_OPENERS
            ),
            "two_sentences": float(bool(_SENTENCE_END.search(text))),
            "digit_share": sum(w[0].isdigit() for w in words) / count,
            "colon_inside": float(":" in text[:-1]),
            "separator": float(not _SEPARATOR_MARKS.isdisjoint(text)),
            "address": float("@" in text or "http" in text or "www." in text),
            "widget_share": sum(w in _WIDGET_WORDS for w in lower) / n_lower,
            "time_share": _time_share(text),
            "section_share": sum(w in _SECTIONS for w in lower) / n_lower,
            "quote_inside": float(any(q in text[1:] for q in '"\u201c\u201d')),
            "first_line": float(k == 0),
            "position": k / max(last, 1),
            "blank_before": float(before > 0),
            "wide_before": float(before > self.typical),
            "widest_before": float(before == self.widest > self.typical),
            "paragraphs_since_short": min(self.since_short[k], 10) / 10,
            "blank_after": float(after > 0),
            "wide_after": float(after > self.typical),
            "copy_unspaced": float(self.typical == 0),
            "previous_long": float(previous > LONG_LINE_WORDS),
            "previous_short": float(0 < previous <= SHORT_WORDS),
            "next_long": float(following > LONG_LINE_WORDS),
            "next_short": float(0 < following <= SHORT_WORDS),
            "next_none": float(k == last),
            "next_lede": float(following >= 15 and _end_class(next_text) == "period"),
            "next_time_share": _time_share(next_text) if 0 < following <= 12 else 0.0,
            "under_like_first": float(
                k > 0 and (0 < following <= SHORT_WORDS) == self.first_over_short
            ),
            "short_run": float(
                0 < previous <= SHORT_WORDS and 0 < following <= SHORT_WORDS
            ),
            "relative_length": min(count / neighbours, 2.0),
            "repeated": float(count <= SHORT_WORDS and self.recurring[text] > 1),
            "like_first": float(
                k > 0
                and (min(len(words), 12) // 4, capitals, title >= 0.8 and not few, end)
                == self.first_shape
            ),
            "first_is_heading": float(self.first_is_heading),
            "echoed": echoed,
        }
        return [x.get(name, 0.0) for name in FEATURES]


def line_features(
    lines: Sequence[str], numbers: Iterable[int] | None = None
) -> dict[int, list[float]]:
    """The features (FEATURES) of the copy's short lines (`numbers` only, if
    given), by 1-based line number."""
    wanted = None if numbers is None else list(numbers)
    if wanted == []:
        return {}
    copy = _CopyContext(lines)
    if wanted is None:
        wanted = copy.numbers
    return {
        n: copy.features(copy.index[n])
        for n in wanted
        if n in copy.index and copy.lengths[copy.index[n]] <= LONG_LINE_WORDS
    }


def role_probabilities(
    lines: Sequence[str],
    numbers: Iterable[int] | None = None,
    model: LineRoleModel = MODEL,
) -> dict[int, dict[str, float]]:
    """Each non-blank line's (`numbers` only, if given) probability of each role
    (ROLES), by 1-based line number. A long line is text."""
    scored = line_features(lines, numbers)
    copy_numbers = (
        [n for n, raw in enumerate(lines, start=1) if raw.strip()]
        if numbers is None
        else list(numbers)
    )
    text_only = {role: float(role == "text") for role in ROLES}
    return {
        n: model.probabilities(scored[n]) if n in scored else dict(text_only)
        for n in copy_numbers
        if lines[n - 1].strip()
    }


def headline_shares(
    lines: Sequence[str], numbers: Iterable[int], model: LineRoleModel = MODEL
) -> dict[int, float]:
    """For the lines `numbers` (headings), P(headline) / (P(headline) +
    P(sub-heading)): how much more a headline than a sub-heading each reads."""
    return {
        n: model.headline_share(x) for n, x in line_features(lines, numbers).items()
    }


def line_roles(lines: Sequence[str]) -> dict[int, str]:
    """The most likely role of every non-blank line, by 1-based line number."""
    return {n: max(p, key=p.__getitem__) for n, p in role_probabilities(lines).items()}


# A short line the classifier reads as debris this surely, next to debris the hand
# rules know (or at the edge of a copy that has some), is debris too.
RUN_DEBRIS_PROBABILITY = 0.7
# Right over a paragraph of text is where headings sit: there it must be surer.
RUN_DEBRIS_OVER_TEXT = 0.8
RUN_KIND = "furniture"  # what the editor sees: no rule names its kind


def debris_lines(lines: Sequence[str], model: LineRoleModel = MODEL) -> dict[int, str]:
    """The copy's debris lines (1-based line number -> kind): the hand rules' kinds
    (`boilerplate_lines`) and the debris runs around them.

    Each page and feed has furniture no rule has seen; it comes in runs with the
    furniture the rules know (a stamp, a sign-off, buttons) and is short and shaped
    like it (widget words, digits, separators, handles, no sentence). So a line next
    to known debris, or opening or closing a copy that carries some, is debris where
    the classifier gives it a debris probability of RUN_DEBRIS_PROBABILITY or more;
    the run grows from each line added. Copy with no known debris is not scored.
    A line over a lede where a story has just ended (or the copy begins) heads the
    next story, whatever its shape (a wire slug), and is left to the splitter.
    """
    found = boilerplate_lines(lines)
    if not found:
        return found
    copy = _CopyContext(lines)
    order = copy.numbers
    last = len(order) - 1
    judged: dict[int, bool] = {}

    def over_text(k: int) -> bool:
        return k < last and (
            order[k + 1] not in found and copy.lengths[k + 1] > LEDE_MIN_WORDS
        )

    def heads_story(k: int) -> bool:
        return over_text(k) and (k == 0 or found.get(order[k - 1]) in STORY_END_KINDS)

    def is_debris(k: int) -> bool:
        if k not in judged:
            needed = RUN_DEBRIS_OVER_TEXT if over_text(k) else RUN_DEBRIS_PROBABILITY
            judged[k] = copy.lengths[k] <= LONG_LINE_WORDS and (
                model.probabilities(copy.features(k))["debris"] >= needed
            )
        return judged[k]

    edges = [k for k in (0, last) if order[k] not in found]
    frontier = [copy.index[n] for n in found if n in copy.index]
    pending = edges + [j for k in frontier for j in (k - 1, k + 1)]
    while pending:
        k = pending.pop()
        if not 0 <= k <= last or order[k] in found or heads_story(k):
            continue
        if not is_debris(k):
            continue
        found[order[k]] = RUN_KIND
        pending.extend((k - 1, k + 1))
    return found

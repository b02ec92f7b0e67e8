"""The scoring model: signals, weights and the words editors see, in one place; and
the signals of every gap between paragraphs."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise
from operator import mul

from articles.text.splitting.boilerplate import STORY_END_KINDS
from articles.text.splitting.cohesion import _term_vectors, _Windows
from articles.text.splitting.features import (
    HONORIFIC_SURNAME,
    _is_continuation_opening,
    _lede_likeness,
    _moves_on_in_time,
    _Paragraph,
    _refers_back,
    _reintroduces,
)
from articles.text.splitting.line_roles import MODEL, LineRoleModel, headline_shares
from articles.text.splitting.words import (
    _COLON_DATELINE,
    _DATELINE,
    _ITEM_LABEL,
    _QUOTES,
    _SPEECH_DAY,
    _UPDATE_STAMP,
    _WORD,
    CONTINUING_VERBS,
    PHRASE_HEADING_OPENERS,
    _content_stems,
    _words_lower,
)
from articles.text.vocabulary import NAME_PARTICLES


@dataclass(frozen=True)
class Signal:
    weight: float  # added to the score per unit of the signal's value
    reason: str  # shown to an editor when the signal counts
    # For signals that run from -1 to 1: shown when the value is negative.
    reason_if_negative: str = ""


# The weights were set by hand from what each signal means, then checked on the
# "tune" pieces of tests/data/split. Weights fitted by tests/benchmarks/fit_split.py
# (logistic regression on every gap, pulled toward these, signs kept) were compared
# with them by leave-one-round-out cross-validation over the corpus's ten rounds:
# mean F1 over the rounds left out 0.931 fitted, 0.936 hand; false splits in single
# stories 4 fitted, 8 hand (on round eight, the one round these weights were not
# learnt from: F1 0.592 / 4 false splits fitted, 0.571 / 9 hand). The fitted
# weights did not beat these on the mean, so these stay (README of the corpus).
# After the signals were widened for round eight's kinds of copy (lists and
# interviews, update times, datelines with a colon or without a dash), the hand
# weights' mean out-of-fold F1 is 0.951, with 1 false split in single stories.
# `headline_role` is the learned line classifier's (line_roles.py) say on whether
# a heading is a headline or a sub-heading; its weight and the hand heading
# signals it made unneeded (title case, capitals) were chosen by
# tests/benchmarks/fit_line_roles.py's leave-one-round-out runs (corpus README).
# Words and names of any one copy play no part: only generic English and
# news-writing conventions.
BIAS = -3.0  # most gaps inside a story show none of the signals below

SIGNALS: dict[str, Signal] = {
    # The text after the gap starts with a headline-like line, and how it is written.
    "headline": Signal(2.0, "headline-like line"),
    "like_first": Signal(0.75, "written like the copy's first headline"),
    "unlike_first": Signal(  # 0.5 per difference: case, blank line after, length
        -3.0, "written unlike the copy's first headline, as sub-headings are"
    ),
    "short_heading": Signal(-0.75, "a very short heading, as sub-headings are"),
    "no_lede": Signal(
        -1.0,
        "the text under the heading does not open like a lede, as text under "
        "sub-headings does",
    ),
    "phrase_heading": Signal(
        -1.5,
        "opens with an article or a question word, as sub-headings do and "
        "headlines do not",
    ),
    "headline_role": Signal(  # -1..1
        3.0,
        "written and placed as headlines are (the line classifier)",
        "written and placed as sub-headings are (the line classifier)",
    ),
    "unechoed": Signal(
        -2.0,
        "the text under the heading takes up none of its words, as a headline's "
        "lede does",
    ),
    "stamped": Signal(
        2.5, "a byline or timestamp under it, as under a web page's headline"
    ),
    "unstamped": Signal(
        -1.5,
        "no byline or timestamp under it, where the copy's first headline has one",
    ),
    "capitals_in_text": Signal(
        -1.0,
        "in capitals in copy that opens on text, not a headline: a story's sub-heading",
    ),
    "hugs_text": Signal(
        -1.5,
        "closer to the text below than the copy's paragraphs are to each other, "
        "as sub-headings are",
    ),
    "after_end": Signal(
        2.0, "after a sign-off, credit or copyright line, as at a story's end"
    ),
    # Spacing, judged against the copy's usual spacing between paragraphs.
    "blank_more": Signal(2.0, "more blank lines than usual between paragraphs"),
    "blank": Signal(0.5, "blank line"),
    "unmarked": Signal(
        -1.5, "no blank line or headline, unlike where other stories start"
    ),
    "convention": Signal(
        -1.5, "lacks the blank lines or headline that the copy's other stories have"
    ),
    # Vocabulary on either side of the gap (TextTiling-like lexical cohesion).
    "topic_shift": Signal(
        1.5, "topic shift: little word overlap with the paragraphs before"
    ),
    "attachment": Signal(  # -1..1
        1.0,
        "the opening paragraph shares more words with what follows than before",
        "the opening paragraph shares more words with the paragraphs before",
    ),
    "new_names": Signal(0.5, "names people or places not mentioned just before"),
    "shared_names": Signal(-1.0, "names the same people and places as just before"),
    # How the first paragraph after the gap opens.
    "dateline": Signal(2.5, "opens with a dateline or an update's time"),
    "lede": Signal(1.5, "opening typical of a lede"),
    "news_lede": Signal(
        1.0,
        "a lede that moves on: a new day, a dateline or someone introduced again",
    ),
    "plain_lede": Signal(
        1.0, "opening typical of a lede, in copy with no blank lines or headlines"
    ),
    "fresh_subject": Signal(
        1.0,
        "opens on something the paragraphs before do not mention, in copy with no "
        "blank lines or headlines",
    ),
    "reintroduced": Signal(
        1.5,
        "introduces by full name and role someone named before, as a new story does",
    ),
    "new_day": Signal(
        1.0, "opens on a day not mentioned before, as the next day's story does"
    ),
    "continuation": Signal(-3.0, "opens like a continuation (pronoun or linking word)"),
    "definite_reference": Signal(
        -2.0, "opens with 'The ...' for something just mentioned"
    ),
    "surname_only": Signal(
        -1.5, "refers by surname alone to someone named just before"
    ),
    "also_added": Signal(-1.5, "'also' or 'added' continues the reporting before"),
    "quote_opening": Signal(-0.5, "opens with a quotation"),
    "list_item": Signal(
        -3.0,
        "an item of a list or an interview's question or answer, or the text right "
        "after a list: no story opens so",
    ),
    "one_paragraph_story": Signal(
        -4.0,
        "the paragraph before would be a story of one paragraph, and its start "
        "is the better marked",
    ),
    "lead_in": Signal(-3.0, "the paragraph before leads into this one"),
    "shift_opens": Signal(
        2.0,
        "the words change here more than at the likely start a paragraph later: "
        "this long opening sentence is the lede, the paragraph after it its source "
        "or its day",
    ),
    "shift_above": Signal(
        -3.0,
        "the words changed a paragraph before, where a long opening sentence "
        "starts the story this paragraph goes on with",
    ),
    "no_opening": Signal(
        -1.0,
        "neither a headline, a dateline nor a lede's opening (nor, in copy "
        "without headlines, extra blank lines): nothing starts a story here",
    ),
}


@dataclass(frozen=True)
class Weights:
    """What a gap's score is made of: the bias and a weight per signal. The
    splitter uses WEIGHTS (from SIGNALS); tests/benchmarks/fit_split.py tries others.
    """

    bias: float
    of: Mapping[str, float]  # by signal name, every signal of SIGNALS

    @property
    def most_from_cohesion(self) -> float:
        """The most the word-overlap signals can add to a score. Leaving them out
        where a gap cannot score above zero (`exact=False`) relies on it, and on
        the weights of the signals the weighing passes add being negative: keep
        every weight to its sign."""
        return self.of["topic_shift"] + self.of["attachment"]


WEIGHTS = Weights(BIAS, {name: signal.weight for name, signal in SIGNALS.items()})

FULL_SIMILARITY = 0.5  # a cosine this high counts as "the same topic"
LONG_SENTENCE_WORDS = 25  # a first sentence this long is typical of a lede
SHORT_HEADING_WORDS = 3  # headings this short are more often sub-headings
UNMARKED_SHARE = 1 / 3  # of likely starts unmarked, above which no convention
CONVENTION_SHARE = 2 / 3  # of the other likely story starts that share a marker
STRONG_LEDE = 0.6
NEW_DAY_LEDE = 0.4  # a lede on a later day needs less to read as a new story
SAID_ON_DAY_LEDE = 0.5  # the lede a day someone said something needs
MIN_LEDE = 0.3  # lede-likeness from which a paragraph's opening counts as one
NAME_MEMORY = 12  # paragraphs back in which a surname alone refers to someone
WINDOW = 3  # paragraphs compared on each side of a gap, as in TextTiling's blocks
_MARGIN = 1e-6  # far below any weight, far above rounding in a sum of them
STAMPS = frozenset({"byline", "timestamp"})  # debris kinds under a headline
# Debris kinds that close a story: what comes after them is the next one.
END_MARKS = STORY_END_KINDS
# A first sentence this long may be a lede whose story's start the next paragraph
# (its source, its day) took: 96% of the study runs' ledes open on one this long, a
# story's last paragraph on 15 words (the median).
LEDE_SENTENCE_WORDS = 19
DEEPER_SHIFT = 0.25  # how much more the words change at a gap than a paragraph later
SHIFT_ATTACHMENT = 0.4  # how much more a lede shares with what follows than before
MIN_SHOWN_CONTRIBUTION = 0.5  # weaker signals are scored but not listed as reasons


@dataclass
class _Gap:
    index: int  # index into the scored paragraphs of the first paragraph after the gap
    features: dict[str, float]
    weights: Weights = WEIGHTS
    total: float = 0.0  # the score so far; kept up to date by `set`

    def __post_init__(self) -> None:
        self.total = _total(self.features, self.weights)

    def set(self, name: str, value: float) -> None:
        """Set one signal, keeping the running score in step."""
        self.total += self.weights.of[name] * (value - self.features.get(name, 0.0))
        self.features[name] = value


def _typical(values: list[int]) -> int:
    return sorted(values)[(len(values) - 1) // 2] if values else 0


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return min(max(value, low), high)


class _Copy:
    """What every gap's signals are judged against: the copy's paragraphs (without
    duplicates), its usual spacing, where its headings are and how its first
    headline is written.
    """

    def __init__(
        self,
        lines: Sequence[str],
        paragraphs: list[_Paragraph],
        roles: LineRoleModel = MODEL,
    ) -> None:
        self.scored = scored = [
            p for p in paragraphs if p.duplicate_of is None and p.kind != "boilerplate"
        ]
        # How headline-like each heading is rather than sub-heading-like, -1..1.
        self.headline_role = {
            line: 2 * share - 1
            for line, share in headline_shares(
                lines, [p.line for p in scored if p.kind == "heading"], roles
            ).items()
        }
        count = len(scored)
        blank = [not line.strip() for line in lines]
        # The usual number of blank lines between neighbouring paragraphs of text.
        self.typical_blanks = _typical(
            [
                sum(blank[a.line : b.line - 1])
                for a, b in pairwise(paragraphs)
                if a.kind != "boilerplate" and b.kind != "boilerplate"
            ]
        )
        # Blank lines before each scored paragraph. Across a skipped duplicate only
        # those after it count: a blank line before a repeated paragraph comes with
        # the repetition, not with a new story. Across skipped page debris the
        # widest gap counts: the page's furniture has its own spacing.
        position = {p.line: k for k, p in enumerate(paragraphs)}
        self.blanks_before = [0]
        for p in scored[1:]:
            k = position[p.line]
            widest = 0
            while k > 0:
                widest = max(
                    widest, sum(blank[paragraphs[k - 1].line : paragraphs[k].line - 1])
                )
                if paragraphs[k - 1].kind != "boilerplate":
                    break
                k -= 1
            self.blanks_before.append(widest)
        self.blanks_before.append(0)
        # A web page puts its byline and timestamp under a story's headline, never
        # under a sub-heading: which scored paragraphs have them right after.
        # Wire copy and pages end a story with a sign-off, credits or a copyright
        # line: which scored paragraphs come after one.
        self.stamped = stamped = [False] * count
        self.after_end = [False] * count
        k = -1
        ended = False
        for p in paragraphs:
            if p.duplicate_of is None and p.kind != "boilerplate":
                k += 1
                self.after_end[k], ended = ended, False
            elif k >= 0 and p.debris_kind in STAMPS:
                self.stamped[k] = True
            elif k >= 0 and p.debris_kind in END_MARKS:
                ended = True
        # Windows stop at headings: text beyond the previous or next heading belongs
        # to another story or section and says nothing about this gap.
        self.last_heading = [0] * count
        for i in range(1, count):
            self.last_heading[i] = (
                i - 1 if scored[i - 1].kind != "para" else self.last_heading[i - 1]
            )
        self.next_heading = [count] * (count + 1)
        for i in range(count - 2, -1, -1):
            self.next_heading[i] = (
                i + 1 if scored[i + 1].kind != "para" else self.next_heading[i + 1]
            )
        # A page that stamps its first story's headline (or the standfirst under
        # it) stamps every story's.
        self.first_stamped = (
            count > 1 and scored[0].kind == "heading" and (stamped[0] or stamped[1])
        )
        # The copy's own first headline shows how this copy writes headlines.
        self.first_headline_style = (
            (
                scored[0].title_case,
                self.blanks_before[1] > 0,
                scored[0].capitals,
                len(scored[0].words),
            )
            if scored and scored[0].kind == "heading"
            else None
        )
        self.windows = _Windows(_term_vectors(scored))

    @cached_property
    def called_alone(self) -> frozenset[str]:
        """The names the first sentences of the copy's paragraphs give as one word:
        surnames of people introduced before ("Doe said ...", "..., Dr Doe said",
        "De Graaf said ..." of Piet de Graaf), and the like; and the surnames the
        copy gives after an honorific anywhere ('"...," Ms Doe said')."""
        return frozenset(
            run[-1]
            for p in self.scored
            for run in p.opening_names
            if len(run) == 1 or (len(run) == 2 and run[0].lower() in NAME_PARTICLES)
        ) | frozenset(HONORIFIC_SURNAME.findall("\n".join(p.text for p in self.scored)))

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The words the copy writes in lower case somewhere."""
        words = frozenset(chain.from_iterable(p.text.split() for p in self.scored))
        return frozenset(_WORD.findall(" ".join(filter(str.islower, words))))


def _gap_features(
    lines: Sequence[str],
    paragraphs: list[_Paragraph],
    *,
    exact: bool = True,
    weights: Weights = WEIGHTS,
) -> tuple[list[_Gap], list[_Paragraph]]:
    """The signals of every gap where a story could start, and the scored paragraphs.

    Duplicates are left out of scoring (a repeated lede must not look like a story).
    Not `exact`: gaps that cannot score above zero may miss signals that would only
    lower their score further; which gaps score above zero does not change.
    """
    signals, scored = _gap_signals(lines, paragraphs, exact=exact, weights=weights)
    return _weigh(signals, scored, weights), scored


def _gap_signals(
    lines: Sequence[str],
    paragraphs: list[_Paragraph],
    *,
    exact: bool = True,
    weights: Weights = WEIGHTS,
    roles: LineRoleModel = MODEL,
) -> tuple[list[tuple[int, dict[str, float]]], list[_Paragraph]]:
    """The signals each gap shows by itself, by the index of the scored paragraph
    after it, and the scored paragraphs. `exact`, they do not depend on `weights`;
    the signals that compare a gap with the copy's other likely starts are added
    by `_weigh`.
    """
    copy = _Copy(lines, paragraphs, roles)
    signals = []
    for i in range(1, len(copy.scored)):
        copy.windows.forget_before(i - 2 * WINDOW)
        features = _signals(copy, i, exact=exact, weights=weights)
        if features is not None:
            signals.append((i, features))
    # Copy with no blank line or headline anywhere has only its writing to show
    # where stories start, and a lede is the clearest sign of that.
    if not any(f["blank"] or "headline" in f for _, f in signals):
        for i, f in signals:
            f["plain_lede"] = _plain_lede(f)
            f["fresh_subject"] = float(
                (
                    f["lede"] >= NEW_DAY_LEDE
                    or (f["lede"] >= MIN_LEDE and _opens_on_a_name(copy, i))
                )
                and not f["continuation"]
                and _opens_on_something_new(copy, i)
            )
    return signals, copy.scored


def _weigh(
    signals: Sequence[tuple[int, dict[str, float]]],
    scored: list[_Paragraph],
    weights: Weights = WEIGHTS,
) -> list[_Gap]:
    """The gaps scored with `weights`, with the signals that depend on the copy's
    other likely story starts. `signals` is left as it was.
    """
    gaps = [_Gap(i, dict(features), weights) for i, features in signals]
    first_headed = bool(scored) and scored[0].kind == "heading"
    if _add_unmarked(gaps, first_headed=first_headed):
        _add_convention(gaps)
    _add_earlier_shift(gaps, scored)
    _add_one_paragraph_doubt(gaps, scored)
    return gaps


def _signals(
    copy: _Copy, i: int, *, exact: bool, weights: Weights
) -> dict[str, float] | None:
    """The signals (see SIGNALS) of the gap before scored paragraph i, or None where
    no story can start: right after a headline, or at a heading with no text after.
    """
    scored = copy.scored
    previous, head = scored[i - 1], scored[i]
    if previous.kind != "para":
        return None  # a headline or byline belongs to the text after it
    if head.kind == "para" and copy.stamped[i - 1]:
        # A byline or timestamp comes between a headline (however long) and its
        # story's text: the text under one goes on with the line above it.
        return None
    if (
        i + 1 < len(scored)
        and not _ends_sentence(scored[i + 1])
        and _in_labelled_box(scored, i)
    ):
        return None  # inside a box's list of items: the items before and after it
    lede_index = next(
        (j for j in range(i, min(i + 4, len(scored))) if scored[j].kind == "para"),
        None,
    )
    if lede_index is None:
        return None
    lede = scored[lede_index]
    before = (max(i - WINDOW, copy.last_heading[i]), i)
    before_paragraphs = scored[before[0] : before[1]]
    before_names = frozenset().union(*(p.names for p in before_paragraphs))
    # Someone is called by surname alone anywhere in a story once introduced, also
    # after its sub-headings: look further back for them than for topic words.
    earlier = scored[max(i - NAME_MEMORY, 0) : i]
    after_end = min(lede_index + 2, copy.next_heading[lede_index])
    after_names = frozenset().union(*(p.names for p in scored[lede_index:after_end]))
    opening_names = {w for run in lede.opening_names for w in run}
    blanks, typical = copy.blanks_before[i], copy.typical_blanks
    lede_likeness = _lede_likeness(lede)
    f: dict[str, float] = {}
    if head.kind == "heading":
        f["headline"] = head.heading_shape
        f["headline_role"] = copy.headline_role[head.line]
        f["short_heading"] = float(len(head.text.split()) <= SHORT_HEADING_WORDS)
        # Under a byline or timestamp, spacing and style are the page's own.
        stamped = copy.stamped[i]
        f["stamped"] = float(stamped)
        f["unstamped"] = float(
            copy.first_stamped
            and not stamped
            and not (i + 1 < len(copy.stamped) and copy.stamped[i + 1])
        )
        f["hugs_text"] = float(not stamped and copy.blanks_before[i + 1] < typical)
        # Copy that opens without a headline opens on a story's text; a heading in
        # capitals there divides that story (headlines in capitals head the copy).
        f["capitals_in_text"] = float(
            head.capitals and copy.first_headline_style is None
        )
        f["no_lede"] = float(lede_likeness == 0)
        f["phrase_heading"] = float(
            bool(head.words) and head.words[0] in PHRASE_HEADING_OPENERS
        )
        # A headline sums up its story, so the lede repeats some of its words; a
        # sub-heading names a part of the story the paragraphs need not repeat.
        under = scored[lede_index : min(lede_index + 2, copy.next_heading[lede_index])]
        f["unechoed"] = float(
            bool(head.stems)
            and not any(not p.stems.keys().isdisjoint(head.stems) for p in under)
        )
        reference = copy.first_headline_style
        if reference is not None and not stamped:
            differences = int((copy.blanks_before[i + 1] > 0) != reference[1])
            if head.capitals != reference[2]:
                differences += 1
            elif head.title_case is not None and reference[0] is not None:
                differences += head.title_case != reference[0]
            if f["short_heading"]:  # a heading of a few words beside a long headline
                differences += (len(head.words) * 2 < reference[3]) + (
                    len(head.words) * 3 < reference[3]
                )
            if differences:
                f["unlike_first"] = differences / 2
            else:
                f["like_first"] = 1.0
    # Blank lines on both sides of a heading frame the heading; they do not
    # separate stories any more than the heading itself does.
    framed = head.kind == "heading" and copy.blanks_before[i + 1] > typical
    f["blank_more"] = float(blanks > typical and not framed)
    f["after_end"] = float(copy.after_end[i])
    f["blank"] = float(blanks > 0 and not framed)
    f["topic_shift"] = f["attachment"] = 0.0  # below, if they can matter
    if opening_names:
        f["new_names"] = len(opening_names - before_names) / len(opening_names)
    if after_names:
        f["shared_names"] = len(after_names & before_names) / len(after_names)
    f["dateline"] = float(
        bool(
            _DATELINE.match(lede.text)
            or _UPDATE_STAMP.match(lede.text)
            or _colon_dateline(copy, lede)
        )
    )
    f["lede"] = lede_likeness
    # Introducing someone again is how a new story's lede starts, when it reads
    # like a lede; later in a story it is the reporter being thorough.
    f["reintroduced"] = float(
        _reintroduces(lede, before_names, copy.called_alone)
        or (
            f["lede"] >= MIN_LEDE
            and (
                (
                    bool(lede.introduced)
                    and _reintroduces(
                        lede,
                        frozenset().union(*(p.names for p in earlier)),
                        copy.called_alone,
                    )
                )
                or _names_in_full_again(lede, earlier)
            )
        )
    )
    # A later day reported as when something happened ("won on Thursday") moves on
    # more surely than a later day someone said something.
    f["new_day"] = float(
        f["lede"] >= MIN_LEDE
        and bool(lede.days)
        and (
            f["lede"] >= SAID_ON_DAY_LEDE or not _SPEECH_DAY.search(lede.first_sentence)
        )
        and _moves_on_in_time(lede, earlier)
    )
    if f["new_day"]:
        # The next day's story on the same event names the same people and places
        # and uses the same words: there, sharing them is no sign of continuity.
        f.pop("shared_names", None)
    f["continuation"] = float(_is_continuation_opening(lede))
    # "The church" refers back to a church named anywhere in the story so far, as
    # surnames do, also across a sub-heading or a repeated paragraph.
    f["definite_reference"] = float(_refers_back(lede.text, earlier))
    f["surname_only"] = float(
        any(
            len(run) == 1 and any(run[0] in p.surnames for p in earlier)
            for run in lede.subject_names
        )
    )
    f["news_lede"] = float(
        (f["lede"] >= STRONG_LEDE and bool(f["reintroduced"] or f["dateline"]))
        or (f["lede"] >= NEW_DAY_LEDE and bool(f["new_day"]))
    )
    f["also_added"] = float(not CONTINUING_VERBS.isdisjoint(lede.words[:10]))
    f["quote_opening"] = float(lede.text[0] in _QUOTES)
    # A list belongs to a story, and so does the text right after it unless a
    # headline starts another; a numbered heading ("3. What happens next?") is
    # one section of a story told in numbered parts.
    f["list_item"] = float(
        bool(_ITEM_LABEL.match(lede.text) or _ITEM_LABEL.match(head.text))
        or (head.kind != "heading" and bool(_ITEM_LABEL.match(previous.text)))
    )
    f["lead_in"] = float(previous.text.endswith(":"))
    # Every story starts with a headline, a dateline, a wider gap or a lede; word
    # overlap alone is how a story's sections differ.
    # Where the copy's first story has a headline, wider spacing alone is not
    # such an opening either: the spacing may just be irregular.
    f["no_opening"] = float(
        head.kind != "heading"
        and not f["after_end"]
        and (not f["blank_more"] or copy.first_headline_style is not None)
        and not f["dateline"]
        and f["lede"] < MIN_LEDE
    )
    # The word overlaps are the costliest signals. Where the gap cannot score above
    # zero even with the most they and the later passes could add, they are left
    # out, unless every gap's exact score is wanted. (The margin keeps rounding in
    # the sums from deciding.)
    most = (
        _total(f, weights)
        + weights.most_from_cohesion
        + _plain_lede(f) * weights.of["plain_lede"]
        + _may_open_shift(lede, f) * weights.of["shift_opens"]
    )
    if exact or most > -_MARGIN:
        _add_cohesion(copy, f, i, lede_index, same_event=bool(f["new_day"]))
    return f


BOX_ITEMS = 8  # lines a box under a label ("Key points:") lists at most


_CLOSING = _QUOTES + ")]"


def _ends_sentence(p: _Paragraph) -> bool:
    return p.text.rstrip(_CLOSING).endswith((".", "!", "?", ";"))


def _in_labelled_box(scored: Sequence[_Paragraph], i: int) -> bool:
    """Whether scored paragraph i follows an item of a box under a label ending in
    a colon ("Key points:", "At a glance:"): lines written without a sentence's
    end punctuation, each its own line. The box belongs to the story around it.
    """
    for k in range(i - 1, max(i - 1 - BOX_ITEMS, 0), -1):
        if scored[k].text.endswith(":"):
            return k < i - 1
        if _ends_sentence(scored[k]):
            return False
    return False


def _colon_dateline(copy: _Copy, lede: _Paragraph) -> bool:
    """Whether the paragraph opens on "Place: " and a lede's sentence. A label
    ("Photo: ", "Background: ") is a common noun, which the copy also writes in
    lower case; a place's name it does not.
    """
    match = _COLON_DATELINE.match(lede.text)
    if not match or len(lede.first_sentence.split()) < LONG_SENTENCE_WORDS // 2:
        return False
    place = lede.text[: match.end() - 2].lower().split()
    return copy.lower_case_words.isdisjoint(place)


def _names_in_full_again(lede: _Paragraph, earlier: Sequence[_Paragraph]) -> bool:
    """Whether the lede opens on the full name of someone whom the first sentences
    before call by surname alone ("Doe, 24, scored"): a story calls people by
    surname once it has named them, the next story names them in full. (Later in
    a sentence, a full name is often a reporter's recap.)
    """
    alone = {run[0] for p in earlier for run in p.opening_names if len(run) == 1}
    if not alone:
        return False
    alone &= frozenset().union(*(p.surnames for p in earlier))  # named in full once
    return any(len(run) > 1 and run[-1] in alone for run in lede.subject_names)


def _add_cohesion(
    copy: _Copy, f: dict[str, float], i: int, lede_index: int, *, same_event: bool
) -> None:
    """Add the signals of word overlap across the gap before scored paragraph i."""
    windows = copy.windows
    before = (max(i - WINDOW, copy.last_heading[i]), i)
    after = (i, min(i + WINDOW, copy.next_heading[i]))
    f["topic_shift"] = _clamp(1.0 - windows.cosine(before, after) / FULL_SIMILARITY)
    # Does the opening paragraph share more with what follows than with what
    # precedes? A lede does; a paragraph continuing a story does not.
    lede_alone = (lede_index, lede_index + 1)
    following = (
        lede_index + 1,
        min(lede_index + 1 + WINDOW, copy.next_heading[lede_index]),
    )
    if following[1] > following[0]:
        attachment = windows.cosine(lede_alone, following) - windows.cosine(
            lede_alone, before
        )
        # The next day's story on the same event uses the same words.
        f["attachment"] = _clamp(
            attachment / FULL_SIMILARITY, 0.0 if same_event else -1.0, 1.0
        )


OPENING_WORDS = 3  # content words that say what a paragraph opens on


def _opens_on_something_new(copy: _Copy, i: int) -> bool:
    """Whether the first words of scored paragraph i's first sentence are new to the
    paragraphs before it: a story goes on about what it has named, the next one
    opens on something else.
    """
    opening = [
        s
        for s in _content_stems(_words_lower(copy.scored[i].first_sentence))
        if not s[0].isdigit()
    ][:OPENING_WORDS]
    earlier = copy.scored[max(i - NAME_MEMORY, 0) : i]
    return bool(opening) and not any(s in p.stems for s in opening for p in earlier)


def _opens_on_a_name(copy: _Copy, i: int) -> bool:
    """Whether scored paragraph i opens on a name ("Acme Bank said", "The Acme
    Festival will"): a short lede then says whom a new story is about.
    """
    p = copy.scored[i]
    words = p.text.split(maxsplit=2)
    first = words[1] if words[0] == "The" and len(words) > 1 else words[0]
    return first.removesuffix("'s").removesuffix("\u2019s") in p.names


def _plain_lede(f: dict[str, float]) -> float:
    """How much a gap's lede counts in copy with no blank lines or headlines: a
    strong lede fully, a lede that moves on (a later day, ...) with less of a
    lede's shape too.
    """
    lede = f["lede"]
    return lede if lede >= STRONG_LEDE or f["news_lede"] else 0.0


def _may_open_shift(lede: _Paragraph, f: dict[str, float]) -> bool:
    """Whether the gap's paragraph could be a lede that `_add_earlier_shift` moves
    a story's start up to: a long first sentence that opens as no paragraph
    inside a story does."""
    return len(lede.first_sentence.split()) >= LEDE_SENTENCE_WORDS and not any(
        f.get(name)
        for name in (
            "continuation",
            "definite_reference",
            "surname_only",
            "also_added",
            "list_item",
            "lead_in",
            "quote_opening",
        )
    )


def _add_earlier_shift(gaps: list[_Gap], scored: list[_Paragraph]) -> None:
    """Move a likely story start up a paragraph where the words change there.

    A lede with nothing but its subject to show (no name, no day: "In Place,
    farmers ...", "Traders at ...") reads as less of a start than the paragraph
    after it, which introduces the story's source in full or gives its day. But
    the vocabulary changes at the lede: the window before the paragraph after it
    already holds the lede's words, and the lede shares more with what follows
    than with what precedes. A story's last paragraph, which also shares words
    with the next story on one subject, is short.
    """
    for first, second in pairwise(gaps):
        if second.index != first.index + 1 or scored[first.index].kind != "para":
            continue
        if round(first.total, 3) > 0 or round(second.total, 3) <= 0:
            continue
        a, b = first.features, second.features
        if _is_marked(second) or b["dateline"] or b["reintroduced"]:
            continue  # the paragraph after is set apart as a start
        if (
            _may_open_shift(scored[first.index], a)
            and a["topic_shift"] >= b["topic_shift"] + DEEPER_SHIFT
            and a["attachment"] >= SHIFT_ATTACHMENT
        ):
            first.set("shift_opens", 1.0)
            second.set("shift_above", 1.0)


def _is_marked(g: _Gap) -> bool:
    f = g.features
    return bool(f["blank_more"] or f["after_end"] or "headline" in f)


def _add_unmarked(gaps: list[_Gap], *, first_headed: bool) -> bool:
    """Mark gaps with neither extra blank lines nor a headline, in copy that marks
    its stories so.

    Copy that marks some gaps that way usually marks every story; a gap with
    neither is then unlikely to start one. But copy where many gaps that read
    like story starts are unmarked (a run of stories with half the headlines
    missing) does not keep to that convention, and there the absence says little.
    Likely starts, marked or not, are the gaps whose first-pass score is above
    zero: an unmarked gap that scores so without the convention's doubt reads
    like a story start as surely as a marked one.
    Returns whether the copy keeps to it.
    """
    marked = [_is_marked(g) for g in gaps]
    if not any(marked):
        return True
    likely = [g.total > 0 for g in gaps]
    marked_likely = sum(lk and m for lk, m in zip(likely, marked, strict=True))
    unmarked_likely = sum(lk and not m for lk, m in zip(likely, marked, strict=True))
    if not first_headed and any("headline" in g.features for g in gaps):
        return False  # the first story has no headline: the copy has no such habit
    # One exception is a doubtful paragraph; two or more are a habit of the copy.
    kept = unmarked_likely < max(2, UNMARKED_SHARE * (marked_likely + unmarked_likely))
    for g, is_marked in zip(gaps, marked, strict=True):
        if not is_marked:
            g.set("unmarked", 1.0 if kept else 0.0)
    return kept


def _add_convention(gaps: list[_Gap]) -> None:
    """Mark gaps that lack what most other likely story starts in the copy have.

    Copy is pasted together in one house style: if the other stories start after
    extra blank lines (or with a headline), a gap without them is probably inside a
    story, such as a sub-heading. Needs the first-pass scores, so it runs last.
    """
    likely = [g.total > 0 for g in gaps]
    total = sum(likely)
    for marker in ("blank_more", "headline"):
        having = sum(
            1
            for g, lk in zip(gaps, likely, strict=True)
            if lk and g.features.get(marker)
        )
        for g, is_likely in zip(gaps, likely, strict=True):
            if g.features.get(marker) or g.features.get("unmarked"):
                continue  # an unmarked gap is already counted as such
            if g.features["after_end"]:
                continue  # the story before has ended: the copy marks it so
            others = total - is_likely
            # Most, not all: the first pass may itself have let a wrong one in.
            if others >= 2 and having >= CONVENTION_SHARE * others:
                g.set("convention", 1.0)


def _add_one_paragraph_doubt(gaps: list[_Gap], scored: list[_Paragraph]) -> None:
    """Of two likely story starts one paragraph apart, keep the better marked one.

    A story of one paragraph happens (a brief), but then blank lines, a headline or
    a dateline set it apart; without them the second paragraph of a story that
    re-introduces someone or names a new day is more likely than a new story, and
    of two unmarked starts the one naming someone in full again wins, then the
    one not giving the day someone spoke (as the paragraph after a lede does),
    then the one that reads more like a lede. The copy's
    first or last paragraph alone is a story only where marked too.
    """

    def marked(g: _Gap) -> bool:
        f = g.features
        return bool(
            f.get("blank_more")
            or f.get("headline")
            or f.get("dateline")
            or f.get("after_end")
        )

    def rank(g: _Gap) -> tuple[float, bool, float, float]:
        f = g.features
        said_on_day = bool(_SPEECH_DAY.search(scored[g.index].first_sentence))
        return (f["reintroduced"], not said_on_day, f["lede"], g.total)

    last_index = len(scored) - 1
    for g in (gaps[:1] if gaps and gaps[0].index == 1 else []) + (
        gaps[-1:] if gaps and gaps[-1].index == last_index else []
    ):
        if not marked(g):
            g.set("one_paragraph_story", 1.0)  # the copy's first or last paragraph
    for first, second in pairwise(gaps):
        # Under a headline (and a standfirst), the story's text starts lower.
        text_start = first.index
        while text_start < second.index and scored[text_start].kind != "para":
            text_start += 1
        if second.index != text_start + 1:
            continue
        a, b = first.total, second.total
        if a <= 0 or b <= 0 or (marked(first) and marked(second)):
            continue
        if marked(first) != marked(second):
            loser = second if marked(first) else first
        else:
            loser = second if rank(first) >= rank(second) else first
        loser.set("one_paragraph_story", 1.0)


def _total(features: dict[str, float], weights: Weights = WEIGHTS) -> float:
    """The gap's score alone, for the passes that need only that."""
    return weights.bias + sum(
        map(mul, map(weights.of.__getitem__, features), features.values())
    )


def _score(
    features: dict[str, float], weights: Weights = WEIGHTS
) -> tuple[float, list[str], list[str]]:
    """The gap's score, with the reasons for and against, strongest first."""
    contributions = sorted(
        (
            (weights.of[name] * value, name, value)
            for name, value in features.items()
            if value
        ),
        key=lambda item: -abs(item[0]),
    )
    score = weights.bias + sum(c for c, _, _ in contributions)
    reasons: list[str] = []
    doubts: list[str] = []
    for contribution, name, value in contributions:
        if abs(contribution) < MIN_SHOWN_CONTRIBUTION:
            continue
        if name == "blank" and "blank_more" in features and features["blank_more"]:
            continue  # one reason about blank lines is enough
        signal = SIGNALS[name]
        text = signal.reason_if_negative if value < 0 else signal.reason
        (reasons if contribution > 0 else doubts).append(text)
    return score, reasons, doubts


def _confidence(score: float) -> float:
    return round(1.0 / (1.0 + math.exp(-score)), 3)

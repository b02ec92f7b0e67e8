"""Fit the splitter's weights (BIAS and SIGNALS) to tests/data/split, and measure by
leave-one-round-out cross-validation whether fitted weights beat the hand weights on
rounds they were not fitted on.

Every gap's signals come from the splitter's own code (`_gap_signals`), once per
piece; a set of weights is judged by scoring with the splitter's own passes (`_weigh`:
the signals that compare a gap with the copy's other likely starts) and its decision
(a gap scoring above zero starts a story), as `suggest_split` does with those weights
(`test_the_fitting_tool_decodes_as_the_splitter_does` checks it).

Fits (`--method=`):
- `logistic` (the default): logistic regression on every gap (a boundary or not),
  negatives in single stories weighed SINGLE_COST times, an L2 pull toward the hand
  weights, each weight kept to its hand sign (the reason an editor reads says which
  way a signal speaks); refitted once with the passes' signals under the first fit's
  weights; rounded to multiples of STEP.
- `logistic+bias`: the same, then the bias (the decision threshold) set by grid
  search for the best `objective` on the fitted pieces.
- `search`: coordinate search on `objective` itself, from the hand weights.

`objective`: the mean over kinds of copy of boundary F1, where single stories (no
boundary to find) count as 1 - SINGLE_COST * false splits / pieces instead, less
PULL times the squared distance from the hand weights.

Cross-validation leaves out one round of the corpus at a time (ROUNDS: the pieces
one writer wrote together, see tests/data/split/README.md), fits on the others and
decodes the round left out with the hand and the fitted weights. Run from the
repository's root (plain Python, a minute or two of CPU):

    .venv/bin/python -m tests.benchmarks.fit_split             # CV, then the fit
    .venv/bin/python -m tests.benchmarks.fit_split --fit-only  # the fit on all rounds
    .venv/bin/python -m tests.benchmarks.fit_split --method=search --pull=0.01
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from articles.text.rawcopy import copy_lines
from articles.text.splitting.features import (
    _build_paragraphs,
    _mark_duplicates,
    _Paragraph,
)
from articles.text.splitting.line_roles import MODEL, LineRoleModel
from articles.text.splitting.scoring import (
    END_MARKS,
    SIGNALS,
    WEIGHTS,
    Weights,
    _gap_signals,
    _weigh,
)
from tests.benchmarks.bench_split import KINDS, Piece, load_corpus

# The corpus's rounds: first and last piece number of each (README, "Sets").
ROUNDS = (
    (1, 32),
    (33, 46),
    (47, 67),
    (68, 73),
    (74, 79),
    (80, 91),
    (92, 103),
    (104, 121),
    (122, 139),
    (140, 157),
    (158, 175),
    (176, 193),
    (194, 211),
)
STEP = 0.25  # fitted weights are multiples of it
LARGEST = 6.0  # no weight's size beyond this


@dataclass(frozen=True)
class Settings:
    method: str = "logistic"
    single_cost: float = 3.0  # a false split in a single story counts this much
    pull: float = 0.002  # objective: cost of the squared distance from the hand weights
    logistic_pull: float = 0.001  # logistic: L2 pull toward the hand weights
    sweeps: int = 4  # search: at most this many passes over the weights
    iterations: int = 400  # logistic: gradient steps per fit


def round_of(piece: Piece) -> int:
    """The index in ROUNDS of the round a piece was written in."""
    number = int(piece.name.rsplit("_", 1)[1])
    return next(k for k, (a, b) in enumerate(ROUNDS) if a <= number <= b)


@dataclass(frozen=True)
class Sample:
    """One piece's gaps with the signals each shows alone, and its boundaries."""

    piece: Piece
    signals: list[tuple[int, dict[str, float]]]
    scored: list[_Paragraph]
    truth: frozenset[int]  # first lines of the stories after the first
    present: frozenset[str]  # signals some gap shows before the weighing passes

    @property
    def kind(self) -> str:
        return self.piece.kind


def sample_of(piece: Piece, roles: LineRoleModel = MODEL) -> Sample:
    """The piece's gaps, their signals judged with the line classifier `roles`."""
    lines = copy_lines(piece.text)
    paragraphs = _build_paragraphs(lines, roles)
    _mark_duplicates(paragraphs, story_ends=END_MARKS)
    signals, scored = _gap_signals(lines, paragraphs, exact=True, roles=roles)
    present = frozenset(name for _, f in signals for name, v in f.items() if v)
    return Sample(piece, signals, scored, frozenset(piece.starts[1:]), present)


def boundaries(sample: Sample, weights: Weights) -> set[int]:
    """The boundaries the splitter proposes for the piece with these weights."""
    gaps = _weigh(sample.signals, sample.scored, weights)
    # As in proposals: the score is rounded to 3 places and must be above zero.
    return {sample.scored[g.index].line for g in gaps if round(g.total, 3) > 0}


Counts = tuple[int, int, int]  # per piece: true positives, proposed, true boundaries


def counts(sample: Sample, weights: Weights) -> Counts:
    found = boundaries(sample, weights)
    return len(found & sample.truth), len(found), len(sample.truth)


def _f1(tp: int, proposed: int, actual: int) -> float:
    return 2 * tp / (proposed + actual) if proposed + actual else 1.0


def _sum(rows: Sequence[Counts]) -> Counts:
    tp, proposed, actual = (sum(column) for column in zip(*rows, strict=True))
    return tp, proposed, actual


@dataclass(frozen=True)
class KindScore:
    pieces: int
    f1: float
    false_splits: int


def per_kind(samples: Sequence[Sample], rows: Sequence[Counts]) -> dict[str, KindScore]:
    """Boundary F1 (over the kind's boundaries) and false splits, by kind."""
    table = {}
    for kind in KINDS:
        mine = [c for s, c in zip(samples, rows, strict=True) if s.kind == kind]
        if mine:
            tp, proposed, actual = _sum(mine)
            table[kind] = KindScore(len(mine), _f1(tp, proposed, actual), proposed - tp)
    return table


def quality(table: Mapping[str, KindScore], settings: Settings) -> float:
    """The mean over kinds of boundary F1; single stories count instead as
    1 - single_cost * false splits / pieces (at least -1)."""
    terms = [
        max(-1.0, 1.0 - settings.single_cost * score.false_splits / score.pieces)
        if kind == "single"
        else score.f1
        for kind, score in table.items()
    ]
    return sum(terms) / len(terms)


def _distance(weights: Weights) -> float:
    return (weights.bias - WEIGHTS.bias) ** 2 + sum(
        (weights.of[name] - WEIGHTS.of[name]) ** 2 for name in SIGNALS
    )


def objective(
    table: Mapping[str, KindScore], weights: Weights, settings: Settings
) -> float:
    return quality(table, settings) - settings.pull * _distance(weights)


# ---------------------------------------------------------------------------
# The fits
# ---------------------------------------------------------------------------

# Signals set by the weighing passes: any piece may gain or lose them.
_WEIGHED = frozenset(
    {"unmarked", "convention", "one_paragraph_story", "shift_opens", "shift_above"}
)


def _sizes(sign: float) -> list[float]:
    """A weight's grid: multiples of STEP up to LARGEST, of the given sign, never
    zero (a signal that weighs nothing should be deleted instead)."""
    return [sign * STEP * k for k in range(1, round(LARGEST / STEP) + 1)]


def fit_search(
    samples: Sequence[Sample],
    settings: Settings,
    start: Weights = WEIGHTS,
    only: Sequence[str] = (),
) -> Weights:
    """Coordinate search from `start` for the best `objective`: each weight (`only`
    those named, "BIAS" or signal names, if given) in turn set to its best value
    on the grid, until a pass changes none or `sweeps` passes are done.
    """
    bias, of = start.bias, dict(start.of)
    current = [counts(s, start) for s in samples]
    best = objective(per_kind(samples, current), start, settings)
    for _ in range(settings.sweeps):
        changed = False
        for name in only or ["BIAS", *SIGNALS]:
            is_bias = name == "BIAS"
            touched = [
                k
                for k, s in enumerate(samples)
                if is_bias or name in s.present or name in _WEIGHED
            ]
            now = bias if is_bias else of[name]
            grid = _sizes(-1.0 if is_bias else math.copysign(1.0, SIGNALS[name].weight))
            chosen = None
            for value in grid:
                if value == now or not touched:
                    continue
                trial = (
                    Weights(value, of)
                    if is_bias
                    else Weights(bias, {**of, name: value})
                )
                rows = list(current)
                for k in touched:
                    rows[k] = counts(samples[k], trial)
                score = objective(per_kind(samples, rows), trial, settings)
                if score > best + 1e-12:
                    best, chosen = score, (value, rows)
            if chosen is not None:
                changed = True
                value, current = chosen
                if is_bias:
                    bias = value
                else:
                    of[name] = value
        if not changed:
            break
    return Weights(bias, of)


def fit_logistic(samples: Sequence[Sample], settings: Settings) -> Weights:
    """Logistic regression on every gap (see the module's docstring)."""
    names = ["BIAS", *SIGNALS]
    position = {name: j for j, name in enumerate(names)}
    hand = [WEIGHTS.bias, *(WEIGHTS.of[n] for n in SIGNALS)]
    sign = [-1.0, *(math.copysign(1.0, WEIGHTS.of[n]) for n in SIGNALS)]
    w, weights = list(hand), WEIGHTS
    for _ in range(2):  # the passes' signals under the hand weights, then the fit's
        rows = []  # (sparse signals, is a boundary, cost)
        for s in samples:
            for g in _weigh(s.signals, s.scored, weights):
                x = [(0, 1.0)] + [(position[n], v) for n, v in g.features.items() if v]
                y = float(s.scored[g.index].line in s.truth)
                cost = settings.single_cost if s.kind == "single" and not y else 1.0
                rows.append((x, y, cost))
        total = sum(cost for _, _, cost in rows)
        for _ in range(settings.iterations):  # gradient descent, projected on signs
            grad = [
                2 * settings.logistic_pull * (a - b)
                for a, b in zip(w, hand, strict=True)
            ]
            for x, y, cost in rows:
                z = max(min(sum(w[j] * v for j, v in x), 30.0), -30.0)
                error = cost * (1 / (1 + math.exp(-z)) - y) / total
                for j, v in x:
                    grad[j] += error * v
            w = [
                sign[j] * min(max(sign[j] * (w[j] - grad[j]), 0.0), LARGEST)
                for j in range(len(w))
            ]
        weights = Weights(w[0], dict(zip(SIGNALS, w[1:], strict=True)))
    rounded = [
        sign[j] * max(STEP, round(abs(v) / STEP) * STEP) for j, v in enumerate(w)
    ]
    return Weights(rounded[0], dict(zip(SIGNALS, rounded[1:], strict=True)))


def fit_logistic_then_bias(samples: Sequence[Sample], settings: Settings) -> Weights:
    return fit_search(
        samples, settings, fit_logistic(samples, settings), only=("BIAS",)
    )


FITS: dict[str, Callable[[Sequence[Sample], Settings], Weights]] = {
    "logistic": fit_logistic,
    "logistic+bias": fit_logistic_then_bias,
    "search": fit_search,
}


# ---------------------------------------------------------------------------
# Cross-validation and the report
# ---------------------------------------------------------------------------


def _row(label: str, table: Mapping[str, KindScore], overall: Counts, q: float) -> str:
    cells = []
    for kind in KINDS:
        score = table.get(kind)
        if score is None:
            cells.append(f"{'':>9}")
        elif kind == "single":
            cells.append(f"{'-':>5} /{score.false_splits:>2}")
        else:
            cells.append(f"{score.f1:5.3f} /{score.false_splits:>2}")
    tp, proposed, actual = overall
    return (
        f"{label:<16}" + " ".join(cells) + f"  {_f1(tp, proposed, actual):.3f}"
        f" /{proposed - tp:>3}  {q:+.3f}"
    )


@dataclass
class _Tally:
    """What one set of weights scored on the rounds left out."""

    qualities: list[float]
    f1s: list[float]
    by_kind: dict[str, list[float]]
    single_false_splits: int = 0

    def add(self, table: Mapping[str, KindScore], overall: Counts, q: float) -> None:
        self.qualities.append(q)
        self.f1s.append(_f1(*overall))
        for kind, score in table.items():
            if kind != "single":
                self.by_kind.setdefault(kind, []).append(score.f1)
        self.single_false_splits += table.get("single", KindScore(0, 1, 0)).false_splits

    def summary(self) -> str:
        def mean(values: Sequence[float]) -> float:
            return sum(values) / len(values)

        kinds = ", ".join(f"{k} {mean(v):.3f}" for k, v in self.by_kind.items())
        return (
            f"mean over folds: F1 {mean(self.f1s):.3f}, quality "
            f"{mean(self.qualities):+.3f}; F1 by kind: {kinds}; false splits in "
            f"single stories: {self.single_false_splits}"
        )


def cross_validate(samples: Sequence[Sample], settings: Settings) -> bool:
    """Print, for each round left out, the hand and the fitted weights' F1 / false
    splits per kind, F1 / false splits over all its pieces and quality; then the
    means over folds. Returns whether the fitted weights beat the hand weights:
    a higher mean F1 and quality, and no more false splits in single stories.
    """
    fit = FITS[settings.method]
    header = " ".join(f"{kind[:9]:>9}" for kind in KINDS)
    print(f"{'left out':<16}{header}  all F1 / false  quality")
    tallies = {"hand": _Tally([], [], {}), "fitted": _Tally([], [], {})}
    for k, (a, b) in enumerate(ROUNDS):
        test = [s for s in samples if round_of(s.piece) == k]
        if not test:  # a round wholly held out
            continue
        fitted = fit([s for s in samples if round_of(s.piece) != k], settings)
        for label, weights in (("hand", WEIGHTS), ("fitted", fitted)):
            rows = [counts(s, weights) for s in test]
            table = per_kind(test, rows)
            q = quality(table, settings)
            print(_row(f"{a}-{b} {label}", table, _sum(rows), q))
            tallies[label].add(table, _sum(rows), q)
    hand, fitted_tally = tallies["hand"], tallies["fitted"]
    print(f"\nhand:   {hand.summary()}\nfitted: {fitted_tally.summary()}")
    return (  # the same number of folds on both sides: compare the sums
        sum(fitted_tally.f1s) > sum(hand.f1s)
        and sum(fitted_tally.qualities) > sum(hand.qualities)
        and fitted_tally.single_false_splits <= hand.single_false_splits
    )


def print_weights(weights: Weights) -> None:
    """The weights side by side with the hand weights, as they would go in SIGNALS."""
    print(f"BIAS {weights.bias:+.2f} (hand {WEIGHTS.bias:+.2f})")
    for name in SIGNALS:
        weight, hand = weights.of[name], WEIGHTS.of[name]
        moved = "" if weight == hand else "  moved"
        print(f"  {name:<20} {weight:+.2f} (hand {hand:+.2f}){moved}")


def main(arguments: Sequence[str]) -> int:
    settings = Settings()
    for argument in arguments:
        key, _, value = argument.removeprefix("--").partition("=")
        field = key.replace("-", "_")
        if value and field in Settings.__dataclass_fields__:
            kind = type(getattr(settings, field))
            settings = replace(settings, **{field: kind(value)})
    if settings.method not in FITS:
        print(f"--method is one of {', '.join(FITS)}")
        return 2
    print(settings)
    # held-out pieces are neither fitted on nor scored: their use is the benchmark's
    samples = [sample_of(p) for p in load_corpus() if p.set != "heldout"]
    if "--fit-only" not in arguments:
        better = cross_validate(samples, settings)
        print(f"fitted weights beat the hand weights out of fold: {better}\n")
    fitted = FITS[settings.method](samples, settings)
    print("fitted on all rounds:")
    print_weights(fitted)
    for label, weights in (("all, hand", WEIGHTS), ("all, fitted", fitted)):
        rows = [counts(s, weights) for s in samples]
        table = per_kind(samples, rows)
        print(_row(label, table, _sum(rows), quality(table, settings)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

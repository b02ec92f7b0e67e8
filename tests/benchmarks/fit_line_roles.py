"""Fit the splitter's line classifier (articles/text/splitting/line_roles.py) to the
line roles of tests/data/split, and judge it by leave-one-round-out cross-validation
against the hand rules it would replace.

Every non-blank line of a study piece (set "tune" or "dev"; held-out pieces are
never read) has one role from its sidecar: debris (`boilerplate_lines`), sub-heading
(`subheading_lines`), headline (`headline_lines`, less sub-headings) or text. The
model is a multinomial logistic regression on the line's generic shape and context
features (line_roles.FEATURES), fitted by full-batch gradient descent (Adam) with an
L2 penalty; plain Python, a few seconds per fit.

The hand rules' roles are what the splitter proposes: debris, the stories' written
headlines, their sub-headings, and text for the rest.

    .venv/bin/python -m tests.benchmarks.fit_line_roles            # line-role LORO
    .venv/bin/python -m tests.benchmarks.fit_line_roles --boundaries  # and boundaries
    .venv/bin/python -m tests.benchmarks.fit_line_roles --write    # refit on all, write
    (--cache=PATH keeps the folds' models between runs.)
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from articles.text.rawcopy import copy_lines
from articles.text.splitting import line_roles
from articles.text.splitting.line_roles import FEATURES, ROLES, LineRoleModel
from articles.text.splitting.proposals import _suggest_split
from articles.text.splitting.scoring import WEIGHTS, Weights
from tests.benchmarks.bench_split import DATA, Piece, load_corpus
from tests.benchmarks.fit_split import (
    ROUNDS,
    Settings,
    _row,
    _sum,
    _Tally,
    counts,
    per_kind,
    quality,
    round_of,
    sample_of,
)

WEIGHTS_MODULE = (
    Path(__file__).resolve().parents[2]
    / "articles"
    / "text"
    / "splitting"
    / "line_role_weights.py"
)
L2 = 0.003  # penalty on the squared weights (not the biases), per example
ITERATIONS = 400
LEARNING_RATE = 0.05
WITHOUT_CLASSIFIER = Weights(WEIGHTS.bias, {**WEIGHTS.of, "headline_role": 0.0})


def study_pieces() -> list[Piece]:
    """The tune and dev pieces; held-out ones are left out before anything reads
    their lines or roles."""
    return [p for p in load_corpus() if p.set != "heldout"]


def true_roles(piece: Piece) -> dict[int, str]:
    """The role of every non-blank line, from the piece's sidecar."""
    meta = json.loads((DATA / f"{piece.name}.json").read_text())
    sub = set(meta["subheading_lines"])
    head = set(meta["headline_lines"]) - sub
    debris = set(meta["boilerplate_lines"])
    roles = {}
    for n, raw in enumerate(copy_lines(piece.text), start=1):
        if raw.strip():
            roles[n] = (
                "debris"
                if n in debris
                else "subheading"
                if n in sub
                else "headline"
                if n in head
                else "text"
            )
    return roles


def hand_roles(piece: Piece) -> dict[int, str]:
    """The roles the splitter's hand rules give (see the module's docstring): the
    splitter without the classifier's signal."""
    roles = {
        n: "text"
        for n, raw in enumerate(copy_lines(piece.text), start=1)
        if raw.strip()
    }
    for story in _suggest_split(piece.text, WITHOUT_CLASSIFIER):
        if story.headline_line is not None and not story.headline_suggested:
            roles[story.headline_line] = "headline"
        for n in story.subheading_lines:
            roles[n] = "subheading"
        for n in story.boilerplate_lines:
            roles[n] = "debris"
    return roles


Example = tuple[list[tuple[int, float]], int]  # sparse features, role index


def examples(pieces: Sequence[Piece]) -> list[Example]:
    """The short lines of the pieces as (sparse features, role index)."""
    rows = []
    for piece in pieces:
        roles = true_roles(piece)
        for n, x in line_roles.line_features(copy_lines(piece.text)).items():
            sparse = [(j, v) for j, v in enumerate(x) if v]
            rows.append((sparse, ROLES.index(roles[n])))
    return rows


def fit(rows: Sequence[Example], l2: float = L2) -> LineRoleModel:
    """Multinomial logistic regression by Adam on the full batch."""
    d, r = len(FEATURES) + 1, len(ROLES)
    w = [[0.0] * d for _ in range(r)]
    m = [[0.0] * d for _ in range(r)]
    v = [[0.0] * d for _ in range(r)]
    data = [([(0, 1.0)] + [(j + 1, x) for j, x in sparse], y) for sparse, y in rows]
    n = len(data)
    for step in range(1, ITERATIONS + 1):
        grad = [[2 * l2 * w[c][j] if j else 0.0 for j in range(d)] for c in range(r)]
        for x, y in data:
            scores = [sum(wc[j] * value for j, value in x) for wc in w]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            for c in range(r):
                error = (exp[c] / total - (c == y)) / n
                gc = grad[c]
                for j, value in x:
                    gc[j] += error * value
        for c in range(r):
            for j in range(d):
                g = grad[c][j]
                m[c][j] = 0.9 * m[c][j] + 0.1 * g
                v[c][j] = 0.999 * v[c][j] + 0.001 * g * g
                m_hat = m[c][j] / (1 - 0.9**step)
                v_hat = v[c][j] / (1 - 0.999**step)
                w[c][j] -= LEARNING_RATE * m_hat / (math.sqrt(v_hat) + 1e-8)
    return LineRoleModel(
        FEATURES,
        {role: tuple(round(x, 3) for x in w[c]) for c, role in enumerate(ROLES)},
    )


def predicted_roles(piece: Piece, model: LineRoleModel) -> dict[int, str]:
    probabilities = line_roles.role_probabilities(copy_lines(piece.text), model=model)
    return {n: max(p, key=p.__getitem__) for n, p in probabilities.items()}


@dataclass
class RoleCounts:
    """Per role: true positives, lines given the role, lines with the role."""

    tp: dict[str, int]
    given: dict[str, int]
    actual: dict[str, int]

    @classmethod
    def empty(cls) -> RoleCounts:
        return cls(*({role: 0 for role in ROLES} for _ in range(3)))

    def add(self, truth: Mapping[int, str], found: Mapping[int, str]) -> None:
        for n, role in truth.items():
            self.actual[role] += 1
            self.given[found[n]] += 1
            self.tp[role] += found[n] == role

    def f1(self, role: str) -> float:
        total = self.given[role] + self.actual[role]
        return 2 * self.tp[role] / total if total else 1.0

    def row(self, label: str) -> str:
        cells = []
        for role in ROLES:
            p = self.tp[role] / self.given[role] if self.given[role] else 1.0
            rc = self.tp[role] / self.actual[role] if self.actual[role] else 1.0
            cells.append(f"{role} {p:.3f}/{rc:.3f}/{self.f1(role):.3f}")
        return f"{label:<10} " + "  ".join(cells)


def fold_models(
    pieces: Sequence[Piece], cache: Path | None = None
) -> dict[int, LineRoleModel]:
    """For each round with study pieces, the model fitted on the other rounds
    (read from `cache` if it holds them for the same features, then written)."""
    if cache is not None and cache.exists():
        saved = json.loads(cache.read_text())
        if tuple(saved["features"]) == FEATURES:
            return {
                int(k): LineRoleModel(FEATURES, {r: tuple(w) for r, w in m.items()})
                for k, m in saved["models"].items()
            }
    models = {
        k: fit(examples([p for p in pieces if round_of(p) != k]))
        for k in range(len(ROUNDS))
        if any(round_of(p) == k for p in pieces)
    }
    if cache is not None:
        cache.write_text(
            json.dumps(
                {
                    "features": FEATURES,
                    "models": {k: dict(m.weights) for k, m in models.items()},
                }
            )
        )
    return models


def cross_validate_roles(
    pieces: Sequence[Piece], models: Mapping[int, LineRoleModel]
) -> None:
    """Line-role precision/recall/F1 per role, pooled over the rounds left out, of
    the model fitted on the other rounds, and of the hand rules on the same lines."""
    learned, hand = RoleCounts.empty(), RoleCounts.empty()
    for k, model in models.items():
        a, b = ROUNDS[k]
        test = [p for p in pieces if round_of(p) == k]
        fold_learned, fold_hand = RoleCounts.empty(), RoleCounts.empty()
        for piece in test:
            truth = true_roles(piece)
            for tally, found in (
                (fold_learned, predicted_roles(piece, model)),
                (fold_hand, hand_roles(piece)),
            ):
                tally.add(truth, found)
        for total, fold in ((learned, fold_learned), (hand, fold_hand)):
            for field in ("tp", "given", "actual"):
                for role in ROLES:
                    getattr(total, field)[role] += getattr(fold, field)[role]
        print(f"{a}-{b}:\n  {fold_hand.row('hand')}\n  {fold_learned.row('learned')}")
    print("pooled over the rounds left out (precision/recall/F1):")
    print(hand.row("hand"))
    print(learned.row("learned"))


# The hand signals on how a heading is written that remain beside the classifier's.
HAND_HEADING_SIGNALS = (
    "like_first",
    "unlike_first",
    "short_heading",
    "hugs_text",
    "capitals_in_text",
    "phrase_heading",
)


def variants() -> dict[str, Weights]:
    """The splitter's weights compared: as installed, without the classifier's
    signal, with it weighed otherwise, and with each remaining hand heading
    signal left out (does the classifier make it unneeded?)."""

    def with_(changes: Mapping[str, float]) -> Weights:
        return Weights(WEIGHTS.bias, {**WEIGHTS.of, **changes})

    table = {"installed": WEIGHTS, "no classifier": WITHOUT_CLASSIFIER}
    for w in (2.0, 4.0):
        table[f"role {w}"] = with_({"headline_role": w})
    for name in HAND_HEADING_SIGNALS:
        table[f"-{name}"] = with_({name: 0.0})
    return table


def cross_validate_boundaries(
    pieces: Sequence[Piece], models: Mapping[int, LineRoleModel]
) -> None:
    """fit_split's leave-one-round-out table for each of `variants`, the round left
    out judged with the classifier fitted on the other rounds."""
    settings = Settings()
    weights = variants()
    tallies = {label: _Tally([], [], {}) for label in weights}
    for k, model in models.items():
        a, b = ROUNDS[k]
        test = [sample_of(p, model) for p in pieces if round_of(p) == k]
        for label, w in weights.items():
            rows = [counts(s, w) for s in test]
            table = per_kind(test, rows)
            q = quality(table, settings)
            print(_row(f"{a}-{b} {label}", table, _sum(rows), q))
            tallies[label].add(table, _sum(rows), q)
    for label, tally in tallies.items():
        print(f"{label:<14} {tally.summary()}")


def render(model: LineRoleModel, pieces: Sequence[Piece]) -> str:
    """The weights module's source."""
    numbers = sorted(int(p.name.rsplit("_", 1)[1]) for p in pieces)
    lines = [
        '"""Generated by tests/benchmarks/fit_line_roles.py --write: do not edit.',
        "",
        f"A multinomial logistic regression (L2 {L2}, {ITERATIONS} Adam steps)",
        f"fitted on the line roles of the {len(pieces)} tune and dev pieces of",
        f"tests/data/split (pieces {numbers[0]}-{numbers[-1]} less the held-out",
        "ones), features as in articles/text/splitting/line_roles.py.",
        '"""',
        "",
        "FEATURES = (",
        *(f'    "{name}",' for name in model.features),
        ")",
        "# per role: the bias, then one weight per feature",
        "WEIGHTS = {",
    ]
    for role, weights in model.weights.items():
        lines.append(f'    "{role}": (')
        lines.extend(f"        {x!r}," for x in weights)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(arguments: Sequence[str]) -> int:
    pieces = study_pieces()
    if "--write" in arguments:
        model = fit(examples(pieces))
        WEIGHTS_MODULE.write_text(render(model, pieces))
        print(f"wrote {WEIGHTS_MODULE}")
        return 0
    cache = next(
        (Path(a.split("=", 1)[1]) for a in arguments if a.startswith("--cache=")),
        None,
    )
    models = fold_models(pieces, cache)
    cross_validate_roles(pieces, models)
    if "--boundaries" in arguments:
        cross_validate_boundaries(pieces, models)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

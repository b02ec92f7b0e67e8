"""The weight-fitting tool (tests/benchmarks/fit_split.py) judges weights by
decoding cached signals; it must propose what the splitter itself would propose
with those weights, or its cross-validation says nothing about the splitter."""

from articles.text.splitting.proposals import _analyse
from articles.text.splitting.scoring import WEIGHTS, Weights
from tests.benchmarks.bench_split import load_corpus
from tests.benchmarks.fit_split import ROUNDS, boundaries, round_of, sample_of

# Other weights: a lower bias, wider spacing worth less, ledes and the
# passes' signals weighed differently.
OTHER = Weights(
    WEIGHTS.bias - 0.5,
    {**WEIGHTS.of, "blank_more": 1.0, "lede": 2.5, "unmarked": -0.5, "convention": -3},
)


def _splitter_boundaries(text: str, weights: Weights) -> set[int]:
    analysis = _analyse(text, exact=False, weights=weights)
    return {c.line for c in analysis.candidates if c.score > 0}


def test_the_fitting_tool_decodes_as_the_splitter_does():
    differing = 0
    for piece in load_corpus():
        sample = sample_of(piece)
        for weights in (WEIGHTS, OTHER):
            assert boundaries(sample, weights) == _splitter_boundaries(
                piece.text, weights
            ), piece.name
        differing += boundaries(sample, OTHER) != boundaries(sample, WEIGHTS)
    assert differing  # the other weights are used, not the splitter's own


def test_every_corpus_piece_belongs_to_one_round():
    rounds = {round_of(piece) for piece in load_corpus()}
    assert rounds == set(range(len(ROUNDS)))

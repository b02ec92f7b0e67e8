from hypothesis import given
from hypothesis import strategies as st

from articles.text.highlight import Run, Span, highlight_runs


def test_overlapping_spans_become_runs_with_both_keys():
    runs = highlight_runs("abcdefgh", [Span(1, 5, "a1"), Span(3, 7, "m2")])
    assert runs == (
        Run("a", 0, ()),
        Run("bc", 1, ("a1",)),
        Run("de", 3, ("a1", "m2")),
        Run("fg", 5, ("m2",)),
        Run("h", 7, ()),
    )


def test_spans_outside_the_text_are_clipped_or_ignored():
    assert highlight_runs("abc", [Span(2, 10, "x"), Span(5, 9, "y")]) == (
        Run("ab", 0, ()),
        Run("c", 2, ("x",)),
    )


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
)
def test_runs_rebuild_the_text_and_respect_every_span(text, pairs):
    spans = [Span(a, b, f"k{i}") for i, (a, b) in enumerate(pairs)]
    runs = highlight_runs(text, spans)
    assert "".join(run.text for run in runs) == text
    for run in runs:
        for span in spans:
            covered = span.start <= run.start and run.start + len(run.text) <= span.end
            assert (span.key in run.keys) == (covered and bool(run.text))

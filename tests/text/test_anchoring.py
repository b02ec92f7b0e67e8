"""Annotations keep their place in the text across revisions."""

import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from articles.text.anchoring import (
    Anchor,
    AnchorState,
    anchor_for_span,
    find_quote,
    reanchor,
)

ARTICLE = (
    "Although Russia recognises the Taliban as a terrorist group, it has diplomatic "
    "relations with the group.\n\nThe foreign minister said the talks would continue "
    "next week in Moscow.\n\nThe group's spokesman said the talks would continue, "
    "and that the group expected closer ties."
)
QUOTE = "Russia recognises the Taliban as a terrorist group"


def _anchor(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return anchor_for_span(text, start, start + len(quote))


# --- anchor_for_span ----------------------------------------------------------------


def test_anchor_for_span_records_quote_context_and_position():
    anchor = anchor_for_span("abcdefghij", 3, 5, context=2)
    assert anchor == Anchor(exact="de", prefix="bc", suffix="fg", start=3, end=5)


def test_anchor_for_span_context_is_cut_at_the_ends_of_the_text():
    anchor = anchor_for_span("abc", 0, 3)
    assert (anchor.prefix, anchor.suffix) == ("", "")


@pytest.mark.parametrize("start,end", [(3, 3), (5, 2), (-1, 2), (0, 99)])
def test_anchor_for_span_rejects_empty_or_out_of_range_spans(start, end):
    with pytest.raises(ValueError, match="empty or outside"):
        anchor_for_span("abcdefghij", start, end)


# --- find_quote ---------------------------------------------------------------------


def test_find_quote_returns_the_occurrence_whose_context_matches():
    found = find_quote(ARTICLE, "the talks would continue", prefix="spokesman said ")
    assert found is not None
    assert found.start == ARTICLE.index("the talks would continue", 150)
    assert ARTICLE[found.start : found.end] == "the talks would continue"


def test_find_quote_without_context_returns_the_first_occurrence():
    found = find_quote(ARTICLE, "the talks would continue")
    assert found is not None and found.start == ARTICLE.index(
        "the talks would continue"
    )


def test_find_quote_accepts_a_selection_whose_line_breaks_became_spaces():
    found = find_quote(ARTICLE, "relations with the group. The foreign minister")
    assert found is not None
    assert ARTICLE[found.start : found.end] == (
        "relations with the group.\n\nThe foreign minister"
    )


def test_find_quote_returns_none_for_a_quote_not_in_the_text():
    assert find_quote(ARTICLE, "Russia lists the Taliban") is None


def test_find_quote_rejects_an_empty_quote():
    with pytest.raises(ValueError, match="empty"):
        find_quote(ARTICLE, "   ")


# --- reanchor -----------------------------------------------------------------------


def test_unchanged_text_keeps_the_annotation_anchored():
    anchor = _anchor(ARTICLE, QUOTE)
    result = reanchor(anchor, ARTICLE)
    assert result.state is AnchorState.ANCHORED
    assert result.anchor == anchor and result.score == 1.0


def test_text_inserted_before_moves_the_annotation_with_its_quote():
    anchor = _anchor(ARTICLE, QUOTE)
    edited = "MOSCOW (Agencies) - " + ARTICLE
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED and result.score == 1.0
    assert result.anchor.start == anchor.start + len("MOSCOW (Agencies) - ")
    assert edited[result.anchor.start : result.anchor.end] == QUOTE


def test_an_edit_after_the_quote_leaves_it_anchored():
    anchor = _anchor(ARTICLE, QUOTE)
    edited = ARTICLE.replace("next week in Moscow", "on Monday in Moscow")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.ANCHORED
    assert result.anchor.start == anchor.start


def test_a_repeated_quote_is_found_at_the_occurrence_with_the_same_context():
    anchor = _anchor(ARTICLE, "the talks would continue", occurrence=1)
    edited = ARTICLE.replace("The foreign minister", "Russia's foreign minister")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED
    assert edited[
        result.anchor.start - len("spokesman said ") : result.anchor.start
    ] == ("spokesman said ")


def test_a_slightly_edited_quote_is_found_fuzzily_with_a_lower_score():
    anchor = _anchor(ARTICLE, QUOTE)
    edited = "Update: " + ARTICLE.replace("Russia recognises", "Russia designates")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED
    assert 0.7 <= result.score < 1.0
    assert result.anchor.exact == "Russia designates the Taliban as a terrorist group"


def test_a_fuzzy_match_snaps_to_whole_words():
    anchor = _anchor(ARTICLE, QUOTE)
    edited = ARTICLE.replace("a terrorist group", "a banned terrorist group")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED
    assert (
        result.anchor.exact
        == "Russia recognises the Taliban as a banned terrorist group"
    )


def test_a_deleted_quote_is_orphaned_rather_than_attached_to_other_text():
    anchor = _anchor(ARTICLE, QUOTE)
    edited = ARTICLE.replace(QUOTE + ", it has", "Moscow has")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.ORPHANED
    assert result.anchor is None and result.score == 0.0


def test_a_short_quote_that_was_rewritten_is_orphaned():
    anchor = _anchor(ARTICLE, "Moscow")
    result = reanchor(anchor, ARTICLE.replace("Moscow", "Kazan"))
    assert result.state is AnchorState.ORPHANED


def test_a_long_quote_edited_inside_is_found_word_by_word():
    paragraph = " ".join(
        f"Sentence {i} of the paragraph names the harbour, the budget and item {i}."
        for i in range(12)
    )
    text = f"Opening paragraph.\n\n{paragraph}\n\nClosing paragraph."
    anchor = _anchor(text, paragraph)
    edited = "New lede.\n\n" + text.replace("item 5.", "the fifth item.")
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED and result.score > 0.9
    assert result.anchor.exact == paragraph.replace("item 5.", "the fifth item.")


def test_reanchoring_onto_empty_text_orphans():
    assert reanchor(_anchor(ARTICLE, QUOTE), "").state is AnchorState.ORPHANED


def test_reanchoring_is_fast_on_a_long_article():
    paragraphs = [
        f"Paragraph {i}: the council met on the {i}th day and discussed item {i * 7}, "
        f"the budget, and the harbour plan; member {i % 13} objected."
        for i in range(120)
    ]
    text = "\n\n".join(paragraphs)
    assert len(text) > 10_000
    anchors = [
        _anchor(text, f"discussed item {i * 7}, the budget") for i in range(0, 120, 4)
    ]
    anchors.append(_anchor(text, "the"))  # a quote found hundreds of times
    edited = "A new first paragraph.\n\n" + text.replace("budget", "spending plan")
    started = time.perf_counter()
    results = [reanchor(anchor, edited) for anchor in anchors]
    elapsed = time.perf_counter() - started
    assert all(r.state is not AnchorState.ORPHANED for r in results)
    assert elapsed < 2.0, f"{len(anchors)} annotations took {elapsed:.2f}s"


# --- properties ---------------------------------------------------------------------

texts = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]))


@st.composite
def text_and_span(draw):
    text = draw(texts.filter(lambda t: len(t) >= 1))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@given(text_and_span())
def test_property_reanchoring_onto_the_same_text_is_anchored_at_the_same_span(case):
    text, start, end = case
    result = reanchor(anchor_for_span(text, start, end), text)
    assert result.state is AnchorState.ANCHORED
    assert (result.anchor.start, result.anchor.end) == (start, end)


@given(text_and_span(), texts.filter(bool), st.data())
def test_property_text_inserted_outside_the_span_keeps_the_quote(case, inserted, data):
    text, start, end = case
    anchor = anchor_for_span(text, start, end)
    where = data.draw(
        st.one_of(st.integers(0, start), st.integers(end, len(text))), label="where"
    )
    edited = text[:where] + inserted + text[where:]
    result = reanchor(anchor, edited)
    shift = len(inserted) if where <= start else 0
    if result.state is AnchorState.ORPHANED:
        # the quote now reads the same in several places: the search refuses to
        # choose, and names them, the true one among them
        assert len(result.candidates) > 1
        assert {c.exact for c in result.candidates} == {anchor.exact}
        assert start + shift in {c.start for c in result.candidates}
        return
    assert result.state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert result.score == 1.0
    assert edited[result.anchor.start : result.anchor.end] == anchor.exact
    if edited.count(anchor.exact) == 1:
        assert result.anchor.start == start + shift
        expected = AnchorState.MOVED if shift else AnchorState.ANCHORED
        assert result.state is expected


def test_an_orphaned_quote_offers_the_place_it_still_reads_at():
    # Text inserted right after the quote repeats it: the old place has lost its
    # context, two others have it. The search cannot choose, and the editor is
    # offered all three, the true one (the old place) among them.
    text = "Agreed. Then the vote."
    anchor = anchor_for_span(text, 0, len("Agreed."))
    inserted = "Agreed. Then the vote. Agreed."
    edited = text[:7] + inserted + text[7:]
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.ORPHANED
    assert [c.start for c in result.candidates] == [0, 7, 30]
    assert {edited[c.start : c.end] for c in result.candidates} == {"Agreed."}


@given(text_and_span(), texts.filter(bool))
def test_property_text_inserted_before_the_span_moves_it(case, inserted):
    text, start, end = case
    anchor = anchor_for_span(text, start, end)
    edited = inserted + text
    assume(edited.count(anchor.exact) == 1)
    result = reanchor(anchor, edited)
    assert result.state is AnchorState.MOVED
    assert edited[result.anchor.start : result.anchor.end] == anchor.exact
    assert result.anchor.start == start + len(inserted)


@given(text_and_span(), texts, st.data())
def test_property_any_edit_gives_a_consistent_result(case, replacement, data):
    text, start, end = case
    anchor = anchor_for_span(text, start, end)
    a = data.draw(st.integers(0, len(text)), label="edit start")
    b = data.draw(st.integers(a, len(text)), label="edit end")
    edited = text[:a] + replacement + text[b:]
    result = reanchor(anchor, edited)
    if result.state is AnchorState.ORPHANED:
        assert result.anchor is None and result.score == 0.0
    else:
        new = result.anchor
        assert 0 <= new.start < new.end <= len(edited)
        assert edited[new.start : new.end] == new.exact
        assert 0.0 < result.score <= 1.0
        assert (result.score == 1.0) == (new.exact == anchor.exact)

"""Annotations carried through an edit by the diff between the two texts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.text.anchoring import (
    Anchor,
    AnchorState,
    anchor_for_span,
    follow_edit,
    reanchor,
)

TEXT = (
    "Oil rose to 20 dlrs a barrel on Monday, traders said.\n\n"
    "The 25 call expired when prices fell. In every area the rains came.\n\n"
    "Prices were 20 dlrs a barrel in May, the ministry said."
)


def _follow(old: str, new: str, exact: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = old.index(exact, start + 1)
    return follow_edit(old, new, [anchor_for_span(old, start, start + len(exact))])[0]


def _lands_on(result, new: str, exact: str, nth: int = 0) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = new.index(exact, start + 1)
    return (result.anchor.start, result.anchor.end) == (start, start + len(exact))


def test_words_shifted_by_an_insertion_before_them_are_anchored():
    new = "Markets were calm. " + TEXT
    result = _follow(TEXT, new, "20 dlrs", nth=1)
    assert result.state is AnchorState.ANCHORED
    assert _lands_on(result, new, "20 dlrs", nth=1)


def test_a_rewritten_word_inside_the_span_makes_it_changed_on_the_new_words():
    new = TEXT.replace("rose to 20 dlrs", "rose to 21 dlrs")
    result = _follow(TEXT, new, "20 dlrs")
    assert result.state is AnchorState.CHANGED
    assert result.anchor.exact == "21 dlrs"
    assert _lands_on(result, new, "21 dlrs")  # not the other sentence's "20 dlrs"


def test_a_rewritten_number_is_covered_whole():
    new = TEXT.replace("The 25 call", "The 24.5 call")
    result = _follow(TEXT, new, "25")
    assert (result.state, result.anchor.exact) == (AnchorState.CHANGED, "24.5")


def test_a_changed_context_word_leaves_the_span_anchored():
    new = TEXT.replace("The 25 call expired", "The 25 call lapsed")
    result = _follow(TEXT, new, "The 25 call")
    assert result.state is AnchorState.ANCHORED
    assert result.anchor.exact == "The 25 call"


def test_a_deleted_sentence_orphans_its_annotation_and_nothing_else_gets_it():
    new = TEXT.replace(" In every area the rains came.", "")
    assert _follow(TEXT, new, "In every area").state is AnchorState.ORPHANED
    assert _follow(TEXT, new, "the rains").anchor is None


def test_a_sentence_replaced_by_another_orphans_what_was_on_it():
    new = TEXT.replace("In every area the rains came.", "Nobody in the area knew.")
    result = _follow(TEXT, new, "In every area the rains came.")
    assert result.state is AnchorState.ORPHANED


def test_a_moved_paragraph_takes_its_annotations_along():
    first, second, third = TEXT.split("\n\n")
    new = "\n\n".join([second, third, first])
    result = _follow(TEXT, new, "traders said")
    assert result.state in (AnchorState.MOVED, AnchorState.ANCHORED)
    assert _lands_on(result, new, "traders said")


def test_a_duplicated_sentence_does_not_pull_the_annotation_onto_the_copy():
    copy = "Oil rose to 20 dlrs a barrel on Monday, traders said."
    new = TEXT + "\n\n" + copy
    result = _follow(TEXT, new, "20 dlrs")
    assert result.state is AnchorState.ANCHORED
    assert _lands_on(result, new, "20 dlrs")


def test_new_spans_end_on_word_boundaries():
    new = TEXT.replace("The 25 call expired", "The 25 callback expired")
    result = _follow(TEXT, new, "The 25 call")
    assert result.state is AnchorState.CHANGED
    assert result.anchor.exact == "The 25 callback"


def test_a_revert_maps_back_onto_the_original_words():
    edited = TEXT.replace("rose to 20 dlrs", "rose to 21 dlrs")
    there = _follow(TEXT, edited, "20 dlrs")
    back = follow_edit(edited, TEXT, [there.anchor])[0]
    assert back.anchor.exact == "20 dlrs"
    assert _lands_on(back, TEXT, "20 dlrs")


def test_two_edits_in_turn_are_mapped_step_by_step():
    step1 = "Markets were calm. " + TEXT
    step2 = step1.replace("The 25 call", "The 25 put")
    one = _follow(TEXT, step1, "The 25 call expired")
    two = follow_edit(step1, step2, [one.anchor])[0]
    assert one.state is AnchorState.ANCHORED
    assert (two.state, two.anchor.exact) == (AnchorState.CHANGED, "The 25 put expired")


def test_an_anchor_not_on_the_old_text_is_searched_for():
    anchor = Anchor("rains came", "area the ", ".", 0, 10)  # stale offsets
    result = follow_edit(TEXT, TEXT, [anchor])[0]
    assert result.anchor.exact == "rains came"
    assert _lands_on(result, TEXT, "rains came")


def test_a_search_that_cannot_tell_two_places_apart_refuses_with_candidates():
    text = "Turnout was 20 dlrs.\n\nTurnout was 20 dlrs."
    result = reanchor(Anchor("20 dlrs", "", "", 500, 507), text)
    assert result.state is AnchorState.ORPHANED and result.anchor is None
    assert [c.start for c in result.candidates] == [12, 34]


# --- properties ----------------------------------------------------------------------

# Words are unique, so which words are "the same" is never a matter of opinion (a
# full stop is not: one is as good as another); some end a paragraph, and keep doing
# so wherever they go.
WORDS = [f"w{i}" for i in range(200)]


def _render(tokens: list[tuple[str, object]]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for word, origin in tokens:
        spans.append((len(text), len(text) + len(word)))
        ends_paragraph = origin[0] == "old" and origin[1] % 9 == 8
        text += word + ("\n\n" if ends_paragraph else " ")
    return text.rstrip(), spans


@st.composite
def edit_cases(draw, *, outside_only: bool):
    n = draw(st.integers(4, 40))
    tokens = [(WORDS[i], ("old", i)) for i in range(n)]
    first = draw(st.integers(0, n - 1))
    last = draw(st.integers(first, min(n - 1, first + 5)))
    fresh = iter(f"n{i}" for i in range(1000))
    for _ in range(draw(st.integers(1, 4))):
        inside = [i for i, (_, o) in enumerate(tokens) if _in_span(o, first, last)]
        lo, hi = (inside[0], inside[-1]) if inside else (len(tokens), -1)
        kinds = ["insert", "delete", "replace", "move"]
        if not outside_only:
            # "w0 w1" -> "n0 n1" reads the same whether both words were rewritten or
            # w0 deleted, w1 rewritten and a word inserted: deletions next to
            # rewrites have no one true answer, so this property leaves them out
            kinds.remove("delete")
        kind = draw(st.sampled_from(kinds))
        if kind == "insert":
            choices = [p for p in range(len(tokens) + 1) if p <= lo or p > hi]
            if not outside_only:
                choices = list(range(len(tokens) + 1))
            tokens.insert(draw(st.sampled_from(choices)), (next(fresh), ("new",)))
            continue
        positions = [p for p in range(len(tokens)) if p < lo or p > hi]
        if not outside_only:
            positions = list(range(len(tokens)))
        if len(tokens) < 3 or not positions:
            continue
        p = draw(st.sampled_from(positions))
        if kind == "delete":
            del tokens[p]
        elif kind == "replace":
            origin = tokens[p][1]
            tokens[p] = (next(fresh), ("for", origin))
        else:
            length = draw(st.integers(1, 6))
            block = tokens[p : p + length]
            if outside_only and any(lo <= q <= hi for q in range(p, p + length)):
                continue
            if any(o[0] != "old" for _, o in block):
                continue  # a rewritten word moved away reads as a new word inserted
            del tokens[p : p + length]
            inside = [i for i, (_, o) in enumerate(tokens) if _in_span(o, first, last)]
            lo, hi = (inside[0], inside[-1]) if inside else (len(tokens), -1)
            places = range(len(tokens) + 1)
            at = draw(
                st.sampled_from(
                    [q for q in places if q <= lo or q > hi] if outside_only else places
                )
            )
            tokens[at:at] = block
    return n, first, last, tokens


def _in_span(origin, first: int, last: int) -> bool:
    if origin[0] == "old":
        return first <= origin[1] <= last
    if origin[0] == "for":
        return _in_span(origin[1], first, last)
    return False


@settings(max_examples=300, deadline=None)
@given(edit_cases(outside_only=True))
def test_property_a_span_whose_words_are_untouched_maps_onto_the_same_words(case):
    n, first, last, tokens = case
    old, old_spans = _render([(WORDS[i], ("old", i)) for i in range(n)])
    new, new_spans = _render(tokens)
    start, end = old_spans[first][0], old_spans[last][1]
    result = follow_edit(old, new, [anchor_for_span(old, start, end)])[0]
    where = [i for i, (_, o) in enumerate(tokens) if _in_span(o, first, last)]
    expected = (new_spans[where[0]][0], new_spans[where[-1]][1])
    assert result.state in (AnchorState.ANCHORED, AnchorState.MOVED), (old, new)
    assert (result.anchor.start, result.anchor.end) == expected, (old, new)


@settings(max_examples=300, deadline=None)
@given(edit_cases(outside_only=False))
def test_property_a_span_never_lands_on_words_it_was_not_about(case):
    n, first, last, tokens = case
    old, old_spans = _render([(WORDS[i], ("old", i)) for i in range(n)])
    new, new_spans = _render(tokens)
    start, end = old_spans[first][0], old_spans[last][1]
    result = follow_edit(old, new, [anchor_for_span(old, start, end)])[0]
    if result.anchor is None:
        return
    covered = [
        origin
        for (s, e), (_, origin) in zip(new_spans, tokens, strict=True)
        if s < result.anchor.end and result.anchor.start < e
    ]
    # Other words of the original text; a rewritten word is new text (moved into
    # the span it reads as a word inserted there, which the span takes in).
    others = [o for o in covered if o[0] == "old" and not _in_span(o, first, last)]
    assert others == [], (old, new, result)
    for pos in (result.anchor.start, result.anchor.end):
        inside_word = (
            0 < pos < len(new) and new[pos - 1].isalnum() and new[pos].isalnum()
        )
        assert not inside_word


def test_words_left_in_place_before_a_block_moved_in_keep_their_annotation():
    """Found by the property above: "w9 w10" stay, w21-w26 move in after them."""
    old = (
        "w0 w1 w2 w3 w4 w5 w6 w7 w8\n\nw9 w10 w11 w12 w13 w14 w15 w16 w17\n\n"
        "w18 w19 w20 w21 w22 w23 w24 w25 w26\n\nw27 w28"
    )
    new = (
        "w0 w1 w2 w3 w4 w5 w6 w7 w8\n\nw9 w10 w21 w22 w23 w24 w25 w26\n\n"
        "w11 w12 w13 w14 w15 w16 w17\n\nw18 w19 w20 w27 w28"
    )
    start = old.index("w10")
    result = follow_edit(old, new, [anchor_for_span(old, start, start + 3)])[0]
    assert result.state == AnchorState.ANCHORED
    assert new[result.anchor.start : result.anchor.end] == "w10"


# --- duplicates and moves ------------------------------------------------------------

STORY = (
    "Ferries to the island ran late on Monday, the operator said.\n\n"
    "The harbour board met on Tuesday. Fares rose by 12 percent in May.\n\n"
    "Work on the new pier starts in June. The board expects 40 crossings a day.\n\n"
    "Divers inspected the old hull twice, the coastguard said."
)


def test_a_moved_paragraph_with_a_word_rewritten_keeps_it_though_a_copy_exists():
    first, second, third, fourth = STORY.split("\n\n")
    copy = first
    moved = first.replace("ran late", "ran very late")
    new = "\n\n".join([second, moved, third + " " + copy, fourth])
    result = _follow(STORY, new, "the operator said")
    assert _lands_on(result, new, "the operator said")  # the moved paragraph's
    assert result.anchor.start < new.index(third)


def test_a_sentence_rewritten_in_place_keeps_it_when_a_copy_went_before_it():
    sentence = "Fares rose by 12 percent in May."
    said = "the operator said."
    # a verbatim copy at the end of the paragraph before; the original, in its
    # place, has its number rewritten
    new = STORY.replace(sentence, sentence.replace("12", "14")).replace(
        said, f"{said} {sentence}"
    )
    result = _follow(STORY, new, "12")
    assert (result.state, result.anchor.exact) == (AnchorState.CHANGED, "14")


def test_a_word_rewritten_in_place_is_not_pulled_onto_a_copy_of_its_sentence():
    sentence = "Fares rose by 12 percent in May."
    new = STORY.replace(sentence, "Fares rose by 13 percent in May.").replace(
        "Divers inspected", sentence + " Divers inspected"
    )
    result = _follow(STORY, new, "12")
    assert (result.state, result.anchor.exact) == (AnchorState.CHANGED, "13")
    assert result.anchor.start < new.index("Work on the new pier")


def test_a_sentence_put_before_one_in_a_moved_paragraph_does_not_take_its_place():
    first, second, third, fourth = STORY.split("\n\n")
    put = "The board said the harbour was calm. "
    moved = third.replace("The board expects", put + "The board expects")
    new = "\n\n".join([first, second, fourth, moved])
    exact = "The board expects 40 crossings a day."
    result = _follow(STORY, new, exact)
    assert result.state is AnchorState.MOVED
    assert _lands_on(result, new, exact)


# Counterexamples Hypothesis found for the property above, kept as known bugs: a
# span partly moved, next to a short word the diff left unaligned (it reads as
# inserted there) or next to another moved word, takes that word in. The word diff
# drops short equalities as chance matches; with short words everywhere it drops
# words that did not change. Remove the mark once the mapping keeps to its words.
@pytest.mark.xfail(
    strict=True, reason="known bug: a partly moved span takes in a neighbour"
)
@pytest.mark.parametrize(
    ("n", "first", "last", "order"),
    [
        (29, 3, 4, [0, 1, 2, 3, *range(9, 28), 4, 5, 6, 7, 8, 28]),
        (8, 3, 5, [3, 4, 0, 1, 7, 2, 5, 6]),
    ],
)
def test_a_partly_moved_span_keeps_to_its_own_words(n, first, last, order):
    old, old_spans = _render([(WORDS[i], ("old", i)) for i in range(n)])
    tokens = [(WORDS[i], ("old", i)) for i in order]
    new, new_spans = _render(tokens)
    start, end = old_spans[first][0], old_spans[last][1]
    result = follow_edit(old, new, [anchor_for_span(old, start, end)])[0]
    assert result.anchor is not None
    covered = [
        origin
        for (s, e), (_, origin) in zip(new_spans, tokens, strict=True)
        if s < result.anchor.end and result.anchor.start < e
    ]
    assert all(_in_span(o, first, last) for o in covered), new[
        result.anchor.start : result.anchor.end
    ]


@pytest.mark.xfail(strict=True, reason="known bug: words left between moved blocks")
def test_words_left_between_moved_blocks_are_still_found():
    # Found by Hypothesis: two blocks moved past the words w7 and w8, which are
    # untouched (once in each text), and a span on them comes out orphaned.
    order = [*range(7), *range(21, 27), *range(7, 21)]
    old, old_spans = _render([(WORDS[i], ("old", i)) for i in range(27)])
    tokens = [(WORDS[i], ("old", i)) for i in order]
    new, new_spans = _render(tokens)
    start, end = old_spans[7][0], old_spans[8][1]
    result = follow_edit(old, new, [anchor_for_span(old, start, end)])[0]
    assert result.state in (AnchorState.ANCHORED, AnchorState.MOVED)
    where = order.index(7), order.index(8)
    assert (result.anchor.start, result.anchor.end) == (
        new_spans[where[0]][0],
        new_spans[where[1]][1],
    )

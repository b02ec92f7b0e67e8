import re

from hypothesis import given
from hypothesis import strategies as st

from articles.text.diff import DiffPart, diff_paragraphs, word_diff


def test_a_changed_word_is_one_deletion_and_one_insertion():
    parts = word_diff("Russia recognises the group.", "Russia lists the group.")
    assert parts == (
        DiffPart("equal", "Russia "),
        DiffPart("delete", "recognises"),
        DiffPart("insert", "lists"),
        DiffPart("equal", " the group."),
    )


def test_identical_texts_are_one_equal_part():
    assert word_diff("Same text.", "Same text.") == (DiffPart("equal", "Same text."),)


@given(st.text(), st.text())
def test_the_parts_rebuild_both_texts(old, new):
    parts = word_diff(old, new)
    assert "".join(p.text for p in parts if p.kind != "insert") == old
    assert "".join(p.text for p in parts if p.kind != "delete") == new


def test_a_diff_is_regrouped_into_the_paragraphs_of_the_text():
    old = "The harbour reopened.\n\nBoats returned at dawn."
    new = "The harbour reopened on Monday.\n\nBoats returned at dawn.\n\nA new line."

    paragraphs = diff_paragraphs(word_diff(old, new))

    assert paragraphs == (
        (
            DiffPart("equal", "The harbour reopened"),
            DiffPart("insert", " on Monday"),
            DiffPart("equal", "."),
        ),
        (DiffPart("equal", "Boats returned at dawn."),),
        (DiffPart("insert", "A new line."),),
    )


@given(
    st.lists(st.text("ab .", min_size=1), max_size=4),
    st.lists(st.text("ab .", min_size=1), max_size=4),
)
def test_the_paragraphs_of_a_diff_hold_both_texts_but_the_breaks(old_paras, new_paras):
    old, new = "\n\n".join(old_paras), "\n\n".join(new_paras)

    paragraphs = diff_paragraphs(word_diff(old, new))

    def side(kinds):
        return "".join(p.text for para in paragraphs for p in para if p.kind in kinds)

    assert side({"equal", "delete"}) == re.sub(r"\n[^\S\n]*\n\s*", "", old)
    assert side({"equal", "insert"}) == re.sub(r"\n[^\S\n]*\n\s*", "", new)
    assert all(paragraphs)

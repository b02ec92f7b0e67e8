from hypothesis import given
from hypothesis import strategies as st

from articles.text.diff import DiffPart, word_diff


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

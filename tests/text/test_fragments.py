"""Links that open a page at a passage (URL text fragments)."""

from articles.text.fragments import text_fragment


def test_a_short_passage_is_the_whole_fragment_with_its_syntax_escaped():
    fragment = text_fragment("Smith-Jones, 5 & 6")
    assert fragment == "#:~:text=Smith%2DJones%2C%205%20%26%206"


def test_a_long_passage_is_named_by_its_first_and_last_words():
    passage = "The council approved the budget on Tuesday after a long, bitter debate."
    assert text_fragment(passage) == (
        "#:~:text=The%20council%20approved%20the,a%20long%2C%20bitter%20debate."
    )


def test_a_passage_without_words_gives_no_fragment():
    assert text_fragment("  \n ") == ""

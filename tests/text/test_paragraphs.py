"""Raw lines and stored bodies become Paragraphs whose offsets point into the body."""

import pytest

from articles.text.checks.base import Paragraph
from articles.text.paragraphs import paragraphs_from_body, paragraphs_from_lines

LINES = [
    "Headline of the first story",
    "",
    "  First paragraph.  ",
    "Second paragraph.",
    "",
    "",
    "Other story, only paragraph.",
]


def test_lines_become_one_paragraph_per_non_blank_line_with_file_line_numbers():
    paragraphs = paragraphs_from_lines(LINES, [(1, 4), (6, 7)])
    assert [(p.story, p.line, p.text) for p in paragraphs] == [
        (0, 1, "Headline of the first story"),
        (0, 3, "First paragraph."),
        (0, 4, "Second paragraph."),
        (1, 7, "Other story, only paragraph."),
    ]


def test_line_offsets_are_those_of_the_story_body_joined_with_blank_lines():
    paragraphs = paragraphs_from_lines(LINES, [(1, 4), (6, 7)])
    first_story = [p for p in paragraphs if p.story == 0]
    body = "\n\n".join(p.text for p in first_story)
    assert all(body[p.start : p.end] == p.text for p in first_story)
    assert paragraphs[-1].start == 0  # each story's body starts afresh


def test_lines_keep_their_line_endings_out_of_the_text():
    paragraphs = paragraphs_from_lines(["One.\r\n", "Two.\n"], [(1, 2)])
    assert [p.text for p in paragraphs] == ["One.", "Two."]


@pytest.mark.parametrize("ranges", [[(0, 2)], [(3, 2)], [(1, 8)]])
def test_lines_reject_a_story_range_outside_the_file_or_reversed(ranges):
    with pytest.raises(ValueError, match="Story 1 covers lines"):
        paragraphs_from_lines(LINES, ranges)


def test_body_paragraphs_are_numbered_and_point_into_the_body():
    body = (
        "First paragraph.\n\n## A sub-heading\n\nSecond paragraph,\nwrapped.\n\n\nLast."
    )
    paragraphs = paragraphs_from_body(body, story=2)
    assert [(p.line, p.text, p.heading) for p in paragraphs] == [
        (1, "First paragraph.", False),
        (2, "A sub-heading", True),
        (3, "Second paragraph,\nwrapped.", False),
        (4, "Last.", False),
    ]
    assert all(p.story == 2 for p in paragraphs)
    assert all(body[p.start : p.end] == p.text for p in paragraphs)


def test_body_surrounding_whitespace_is_not_part_of_a_paragraph():
    body = "\n\n  Indented start.  \n \n\tTabbed.\n"
    paragraphs = paragraphs_from_body(body)
    assert [p.text for p in paragraphs] == ["Indented start.", "Tabbed."]
    assert all(body[p.start : p.end] == p.text for p in paragraphs)


def test_an_empty_body_has_no_paragraphs():
    assert paragraphs_from_body("") == []
    assert paragraphs_from_body("\n\n  \n") == []


def test_body_and_lines_agree_on_offsets_for_the_same_story():
    from_lines = paragraphs_from_lines(LINES, [(1, 4)])
    body = "\n\n".join(p.text for p in from_lines)
    from_body = paragraphs_from_body(body)
    assert [p.start for p in from_body] == [p.start for p in from_lines]
    assert isinstance(from_body[0], Paragraph)

"""duplicate-paragraph finds a paragraph printed twice, verbatim or nearly."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING
from articles.text.checks.duplicate_paragraph import find_duplicate_paragraphs
from tests.text.checks.clean_copy import CLEAN_SOURCES, source

LEDE = (
    "The city council approved a new budget for the harbour on Monday, ending a "
    "month of arguments over the cost of dredging the main channel."
)
OTHER = (
    "The mayor said the vote showed that the council could still agree on big projects."
)


def _findings(*bodies):
    return list(find_duplicate_paragraphs(source(*bodies)))


def test_a_lede_printed_twice_in_one_story_is_blocking_and_anchored_on_the_repeat():
    body = f"{LEDE}\n\n{LEDE}\n\n{OTHER}"
    [finding] = _findings(body)
    assert finding.severity == BLOCKING
    assert (finding.line, finding.related_lines) == (2, (1,))
    assert body[finding.start : finding.end] == finding.quote == LEDE
    assert "repeats line 1" in finding.message


def test_whitespace_case_and_quote_style_do_not_hide_a_repeat():
    quoted = (
        "He said the plan was “too expensive by half” and would vote against it today."
    )
    retyped = (
        'he  said the plan was "too expensive by half" and would vote against it today'
    )
    [finding] = _findings(f"{quoted}\n\n{OTHER}\n\n{retyped}")
    assert finding.line == 3 and "word for word" in finding.message


def test_a_near_duplicate_with_one_word_changed_is_found():
    changed = LEDE.replace("on Monday", "on Tuesday")
    [finding] = _findings(f"{LEDE}\n\n{OTHER}\n\n{changed}")
    assert finding.severity == BLOCKING
    assert "almost word for word" in finding.message


def test_a_near_duplicate_with_scattered_small_edits_is_found():
    edited = LEDE.replace("city", "town").replace("new", "fresh").replace("main", "old")
    [finding] = _findings(f"{LEDE}\n\n{OTHER}\n\n{edited}")
    assert finding.line == 3 and "almost word for word" in finding.message


def test_a_repeat_in_another_story_of_the_source_is_advisory():
    [finding] = _findings(
        f"{LEDE}\n\n{OTHER}", f"Another story begins here today.\n\n{LEDE}"
    )
    assert finding.severity == ADVISORY
    assert finding.story == 1 and finding.related_lines == (1,)
    assert "story 1 of the same source" in finding.message


def test_a_sentence_copied_whole_into_another_story_is_found():
    second = (
        "At the same time, the mayor asked the port to publish its dredging contracts."
    )
    first = f"{LEDE} {second}"
    [finding] = _findings(first, f"{OTHER}\n\n{second}")
    assert finding.severity == ADVISORY
    assert finding.quote == second
    assert "repeats a passage of line 1 (story 1" in finding.message


def test_a_paragraph_grown_around_an_earlier_one_is_found():
    longer = f"{LEDE} The mayor called it a fair deal for the port and the town."
    [finding] = _findings(f"{LEDE}\n\n{OTHER}\n\n{longer}")
    assert finding.severity == BLOCKING
    assert "repeats all of line 1" in finding.message


@pytest.mark.parametrize(
    "repeated",
    [
        "## Background",
        "Reporting by Ana Ruiz.",
        "Read more:",
        "He declined to comment.",
    ],
)
def test_short_lines_and_sub_headings_may_repeat(repeated):
    assert _findings(f"{LEDE}\n\n{repeated}", f"{OTHER}\n\n{repeated}") == []


def test_rows_of_a_series_that_differ_in_their_figures_are_not_duplicates():
    rows = [
        "Share of households in the district with a working smoke alarm fitted, "
        f"{year}: {share}%"
        for year, share in ((2019, 61), (2022, 74), (2025, 88))
    ]
    assert _findings("\n\n".join(rows)) == []
    # the same row twice is still a repeat
    [finding] = _findings(f"{rows[0]}\n\n{rows[1]}\n\n{rows[0]}")
    assert finding.line == 3 and finding.severity == BLOCKING


def test_paragraphs_built_on_the_same_template_are_not_duplicates():
    first = (
        "The index closed 1.2 per cent higher at 4,512 points on Tuesday, led by gains "
        "in energy stocks after oil prices rose for a third day."
    )
    second = (
        "The index closed 0.8 per cent lower at 4,470 points on Wednesday, dragged "
        "down by losses in technology shares as bond yields climbed again."
    )
    assert _findings(f"{first}\n\n{second}") == []


def test_each_repeat_is_reported_once_with_every_earlier_copy():
    findings = _findings(f"{LEDE}\n\n{LEDE}\n\n{LEDE}")
    assert [(f.line, f.related_lines) for f in findings] == [(2, (1,)), (3, (1, 2))]


def test_fingerprint_survives_edits_elsewhere_in_the_text():
    [before] = _findings(f"{LEDE}\n\n{LEDE}")
    [after] = _findings(
        f"A new opening paragraph was added.\n\n{LEDE}\n\n{OTHER}\n\n{LEDE}"
    )
    assert before.fingerprint == after.fingerprint


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_duplicates(name):
    assert list(find_duplicate_paragraphs(CLEAN_SOURCES[name])) == []


@pytest.mark.parametrize(
    ("first", "again"),
    [
        (
            "the bridge, which cost £4.5m, opened",
            "the bridge, which cost £4.5 million, opened",
        ),
        ("drew forty thousand people last spring", "drew 40,000 people last spring"),
        (
            "rents rose 12% across the district",
            "rents rose 12 per cent across the district",
        ),
    ],
)
def test_a_repeat_that_writes_its_figures_another_way_is_found(first, again):
    lede = (
        "Figures published on Friday show that {} and the council expects the "
        "same again next year, its finance officer said."
    )
    [finding] = _findings(f"{lede.format(first)}\n\n{OTHER}\n\n{lede.format(again)}")
    assert finding.severity == BLOCKING and finding.line == 3


def test_a_repeat_told_in_the_passive_is_found():
    active = (
        "The county board approved a plan for a new school on the old dairy site "
        "on Wednesday, despite objections from the farmers who rent the land."
    )
    passive = (
        "A plan for a new school on the old dairy site was approved by the county "
        "board on Wednesday, despite objections from the farmers who rent the land."
    )
    [finding] = _findings(f"{active}\n\n{OTHER}\n\n{passive}")
    assert finding.severity == BLOCKING and "almost word for word" in finding.message


def test_two_rows_of_a_series_told_alike_are_not_a_repeat():
    assert not _findings(
        "In the east ward, turnout was 44 per cent, up three points on the last "
        "vote, and the sitting councillor held the seat.\n\n"
        "In the west ward, turnout was 39 per cent, down five points on the last "
        "vote, and the Greens took the seat from the sitting councillor."
    )


def test_a_short_pull_quote_lifted_from_a_paragraph_is_a_repeat():
    quote = (
        "“We will keep every ward open while I run this trust,” the chief "
        "executive told staff on Monday."
    )
    pull = "“We will keep every ward open while I run this trust”"
    [finding] = _findings(f"{quote}\n\n{OTHER}\n\n{pull}")
    assert finding.severity == BLOCKING and "a passage of line 1" in finding.message


def test_a_short_quotation_whose_words_are_in_no_earlier_paragraph_is_no_repeat():
    quote = "“We will keep every ward open,” the chief executive told staff."
    assert not _findings(f"{quote}\n\n{OTHER}\n\n“We will keep the wards we can.”")


@pytest.mark.parametrize(
    "line",
    [
        "Additional reporting by Tomas Lind in Oslo; editing by Rhea Banks.",
        "Copyright 2026 The Daily Courier. All rights reserved.",
        "Part of our series on living with rising rents in small towns.",
        "Nadia Ferris is a science correspondent based in Leeds and has covered "
        "climate research for a decade.",
    ],
)
def test_a_line_of_the_page_repeated_with_each_story_is_no_repeat(line):
    assert not _findings(f"{LEDE}\n\n{line}", f"{OTHER}\n\n{line}")

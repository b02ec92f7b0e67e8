"""weekday-date finds a weekday that does not fit the date beside it."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING
from articles.text.checks.weekday_date import find_weekday_mismatches
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_weekday_mismatches(source(*bodies)))


def test_weekday_in_brackets_after_it_is_checked_against_the_paragraph_year():
    body = "In 2024 the summit opened on Friday (October 5) in Geneva."
    [finding] = _findings(body)
    assert finding.severity == BLOCKING
    assert finding.quote == "Friday (October 5)"
    assert body[finding.start : finding.end] == finding.quote
    assert finding.suggestion == "Saturday (October 5)"
    assert "October 5, 2024 was a Saturday, not a Friday" in finding.message


@pytest.mark.parametrize(
    "text,suggestion",
    [
        (
            "It began on Wednesday, October 3, 2024, in Dubai.",
            "Thursday, October 3, 2024",
        ),
        (
            "Putin spoke on May 29, 2024 (Thursday) in Tashkent.",
            "May 29, 2024 (Wednesday)",
        ),
        ("Talks resumed on Saturday 4 October 2024.", "Friday 4 October 2024"),
        ("Talks resumed on Monday morning, October 7, 2024.", None),
        ("The vote is on Tuesday, the 5th of November, 2024.", None),
    ],
)
def test_the_usual_date_forms_are_read(text, suggestion):
    findings = _findings(text)
    assert [f.suggestion for f in findings] == ([suggestion] if suggestion else [])


def test_the_year_can_come_from_elsewhere_in_the_source_and_is_then_advisory():
    [finding] = _findings(
        "The report was published in March 2024.",
        "The meeting began on Thursday, October 4, in Dubai.",
    )
    assert finding.severity == ADVISORY
    assert finding.suggestion == "Friday, October 4"
    assert finding.related_lines == (1,)
    assert "taken from line 1" in finding.message


def test_the_latest_year_in_the_source_is_used():
    findings = _findings(
        "The war began in 2021.",
        "Fighting stopped in 2024.",
        "Talks opened on Friday, October 4.",  # a Friday in 2024, not in 2021
    )
    assert findings == []


def test_without_any_year_the_weekday_is_not_guessed():
    assert _findings("The meeting began on Monday, October 4, in Dubai.") == []


def test_a_weekday_that_fits_one_of_the_paragraph_years_is_accepted():
    body = (
        "A year after the 2023 floods, rebuilding began on Wednesday, October 4, 2023."
    )
    assert _findings(body) == []
    body = "After the 2023 floods, the 2024 season opened on Friday, October 4."
    assert _findings(body) == []


def test_an_impossible_date_is_left_alone():
    assert _findings("The deadline is Monday, February 30, 2024.") == []


def test_a_weekday_without_a_date_is_left_alone():
    assert (
        _findings("In 2024 officials met on Friday to discuss October's budget.") == []
    )


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_weekday_mismatches(name):
    assert list(find_weekday_mismatches(CLEAN_SOURCES[name])) == []

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


@pytest.mark.parametrize(
    "text,suggestion",
    [
        ("Auditions are on Wed., Mar. 9, 2027, in the hall.", "Tue., Mar. 9, 2027"),
        ("Auditions are on Weds 9 Mar 2027 in the hall.", "Tue 9 Mar 2027"),
        ("Auditions are on Tue 9 Mar 2027 in the hall.", None),
        ("Auditions are on Thurs, March 9th, 2027.", "Tue, March 9th, 2027"),
    ],
)
def test_short_weekday_names_are_read_and_corrected_in_the_same_style(text, suggestion):
    findings = _findings(text)
    assert [f.suggestion for f in findings] == ([suggestion] if suggestion else [])


def test_the_sun_is_a_newspaper_not_a_weekday():
    assert _findings("The Sun, 9 March 2027, led with the story.") == []


@pytest.mark.parametrize(
    "text,blocking",
    [
        ("The plant shuts on Thursday 09/03/2027 for a refit.", True),
        ("The plant shuts on Tuesday 09/03/2027 for a refit.", False),  # 9 March
        ("The plant shuts on Friday 03/12/2027 for a refit.", False),  # 12 March
        ("The plant shuts on Monday 12.3.27 for a refit.", True),
        ("The plant shuts on Friday 12.3.27 for a refit.", False),
        ("The plant shuts on Sunday (2027-03-14) for a refit.", False),
        ("The plant shuts on Monday 2027-03-14 for a refit.", True),
        ("The plant shuts on Monday 31/02/2027 for a refit.", False),  # no such day
    ],
)
def test_numeric_dates_are_read_in_either_order_where_they_can_be(text, blocking):
    findings = _findings(text)
    assert [f.severity for f in findings] == ([BLOCKING] if blocking else [])


@pytest.mark.parametrize(
    "text,quote",
    [
        (
            "The vote is on 20 October 2026, a Wednesday.",
            "20 October 2026, a Wednesday",
        ),
        ("The vote is on October 20 (a Monday) in 2026.", "October 20 (a Monday"),
        ("The vote is on 20 October 2026, a Tuesday.", None),
    ],
)
def test_a_weekday_named_after_its_date_is_checked(text, quote):
    assert [f.quote for f in _findings(text)] == ([quote] if quote else [])


def test_the_first_day_of_a_range_takes_the_month_and_year_of_the_last():
    [finding] = _findings("The fair runs from Saturday 12 to Sunday 14 March 2027.")
    assert finding.quote == "Saturday 12"
    assert "March 12, 2027 was a Friday" in finding.message
    assert _findings("The fair runs from Friday 12 to Sunday 14 March 2027.") == []
    assert _findings("The fair runs Friday 12th - Sunday 14th March 2027.") == []


def test_a_year_written_short_is_read():
    [finding] = _findings("The fair opens on Saturday 9 March '27.")
    assert "March 9, 2027 was a Tuesday" in finding.message


def test_the_dateline_gives_the_story_its_year_and_the_finding_blocks():
    findings = _findings(
        "MADRID, 17 November 2026\n\n"
        "Delegates return on Thursday 20 November, the organisers said."
    )
    [finding] = findings
    assert finding.severity == BLOCKING
    assert finding.related_lines == (1,)
    assert "taken from the dateline on line 1" in finding.message


def test_a_date_after_new_year_is_read_in_the_year_after_the_dateline():
    dateline = "OSLO, Dec. 28, 2026 (AP) - The trial was adjourned.\n\n"
    text = "Hearings resume on Friday, January 8, the court said."
    assert _findings(dateline + text) == []
    [finding] = _findings(dateline + text.replace("Friday", "Monday"))
    assert finding.severity == BLOCKING
    assert "January 8, 2027 was a Friday" in finding.message


def test_a_habit_is_not_a_date():
    assert _findings("In 2027 the fair opens on Tuesdays from 9 March.") == []
    assert (
        _findings("In 2027 the fair opens on Tues. and Fridays, 9 March first.") == []
    )


def test_every_day_of_a_list_takes_the_month_of_the_last():
    text = "Hearings sit on Tuesday 9, Thursday 10 and Friday 12 March 2027."
    assert [f.quote for f in _findings(text)] == ["Thursday 10"]


def test_a_web_page_s_timestamp_dates_the_story_like_a_dateline():
    body = (
        "Ferry fares to rise\n\nBy A. Reporter\n\nPublished Mon 2 Nov 2026 at 07:10"
        "\n\nFares rise on Tuesday 16 November and again on Monday 18 January."
    )
    [finding] = _findings(body)
    assert finding.severity == BLOCKING
    assert finding.quote == "Tuesday 16 November"
    assert "taken from the dateline on line 3" in finding.message


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Talks run on Tuesday and Wednesday, 9 and 10 March 2027.", []),
        ("Talks run on Tuesday and Wednesday, 9 and 11 March 2027.", ["Wednesday"]),
        ("The road shuts Tue-Wed, 9-10 March 2027.", []),
        ("The road shuts Mon-Wed, 8-10 March 2027.", []),
        ("The road shuts Tue-Thu, 9-10 March 2027.", ["Thursday"]),
        ("Talks run on Tuesday and Wednesday, 9, 10 and 11 March 2027.", []),
        ("Talks run on Tuesday and Wednesday, 9 March and 10 March 2027.", []),
        ("Talks run on Tuesday and Thursday, 9 March and 10 March 2027.", ["Thursday"]),
        ("Talks run Tuesday to Thursday, March 9-11, 2027.", []),
        ("Talks run Tuesday through Friday, March 9 to 11, 2027.", ["Friday"]),
    ],
)
def test_the_weekdays_of_a_list_go_with_the_days_of_a_list(text, wrong):
    found = [
        f.message.split(", not a ")[1].split()[0].rstrip(":") for f in _findings(text)
    ]
    assert found == wrong


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Trains are replaced by buses from 26.02.2027 (Friday).", False),
        ("Trains are replaced by buses from 26.02.2027 (Thursday).", True),
        ("The premiere is on 2027-04-02, a Friday.", False),
        ("The premiere is on 2027-04-02, a Monday.", True),
    ],
)
def test_a_weekday_after_a_numeric_date_is_checked(text, found):
    assert bool(_findings(text)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It opens on Friday 12 March 2027 and closes on Sunday the 14th.", False),
        ("It opens on Friday 12 March 2027 and closes on Monday the 14th.", True),
        # a day before the date's is in the month after: not read
        ("It opens on Friday 26 February 2027 and closes on Friday the 2nd.", False),
        ("The fair closes on Monday the 14th.", False),  # no month to read it in
        (
            "It opens on Friday 12 March 2027, again on Wednesday the 19th of May.",
            False,
        ),
        (
            "It opens on Friday 12 March 2027, again on Monday the 19th of next month.",
            False,
        ),
    ],
)
def test_a_day_told_without_its_month_takes_the_month_of_the_date_before(text, found):
    assert bool(_findings(text)) == found

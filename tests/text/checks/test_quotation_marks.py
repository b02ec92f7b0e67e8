"""quotation-marks finds unbalanced and mixed double quotation marks."""

import pytest

from articles.text.checks.base import ADVISORY
from articles.text.checks.quotation_marks import find_quotation_mark_problems
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_quotation_mark_problems(source(*bodies)))


def test_a_straight_quote_closed_by_a_curly_one_is_advisory_with_a_fix():
    body = 'She called the claims "incorrect" and "misleading”.\n\n"We agree," he said.'
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert finding.quote == '"misleading”'
    assert body[finding.start : finding.end] == finding.quote
    assert finding.suggestion == '"misleading"'  # straight marks are the majority here


def test_a_curly_quote_closed_by_a_straight_one_is_fixed_to_the_majority_style():
    body = '“Yes,” she said. “We will go.”\n\nHe replied: “Not today."'
    [finding] = _findings(body)
    assert finding.quote == '“Not today."'
    assert finding.suggestion == "“Not today.”"


def test_a_quotation_never_closed_is_advisory():
    body = (
        "The minister said “the talks will continue next week.\n\nTalks began in May."
    )
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert finding.quote == "“the talks will continue next week."
    assert "never closed" in finding.message


def test_a_quotation_over_several_paragraphs_opens_each_and_closes_the_last():
    body = (
        "“We will rebuild the bridge,” the mayor said. “It will take two years.\n\n"
        "“The money is there. The plans are ready.\n\n"
        "“What we need now is patience,” she added."
    )
    assert _findings(body) == []


def test_a_quotation_over_several_paragraphs_that_never_closes_is_found_at_the_end():
    body = "“We will rebuild the bridge.\n\n“It will take two years.\n\nThe mayor left."
    [finding] = _findings(body)
    assert finding.line == 2 and finding.severity == ADVISORY


def test_a_quotation_does_not_continue_into_the_next_story():
    [finding] = _findings("He said “we will win.", "“Nobody expected it,” she said.")
    assert finding.story == 0


def test_a_closing_mark_without_an_opening_one_is_advisory():
    body = "The report said the plan was unworkable.” Officials disagreed."
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert finding.quote == "The report said the plan was unworkable.”"


def test_a_quotation_opened_twice_is_found():
    [finding] = _findings('He said "we will go and then "we will stay," she said.')
    assert "opened again" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        # typographic apostrophes are the point of these two cases
        "The Taliban's foreign minister and ISIS' leaders met in the ’90s.",  # noqa: RUF001
        "Rock ’n’ roll came to town; the farmers’ market opened.",  # noqa: RUF001
        'The workers laid a 12" pipe under the road.',
        "“He told me ‘no’ twice,” she said, “and I believed him.”",  # noqa: RUF001
        '"Straight quotes," she said, "are fine when they match."',
        "«Bonjour», he said.",
    ],
)
def test_apostrophes_measurements_and_matched_quotes_are_fine(body):
    assert _findings(body) == []


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_quotation_mark_problems(name):
    assert list(find_quotation_mark_problems(CLEAN_SOURCES[name])) == []


def test_paragraphs_of_one_quotation_joined_into_one_line_are_not_a_problem():
    body = (
        "“We have trained all winter and we know how we will play. "
        "“The league is harder this year, but so are we,” the coach said."
    )
    assert _findings(body) == []


def test_a_quotation_reopened_mid_sentence_is_still_found_but_not_blocking():
    [finding] = _findings("She said “the port will open and “the ships will come.”")
    assert "opened again" in finding.message
    assert finding.severity == ADVISORY


@pytest.mark.parametrize(
    "body",
    [
        # a long paragraph holding three paragraphs of one quotation and its end
        'The mayor said: "This is a great day for the city. We have waited ten '
        "years for this bridge, and the people of the east side have waited "
        'longer. "It will change how people get to work. It will change where they '
        'shop. "And it was built on time," she added, before cutting the ribbon.',
        # the line break lost with its space, straight and curly marks
        '"We have trained hard all winter."Next season we go again," said Ahmed.',
        "“We have trained hard all winter.“Next season we go again,” said Ahmed.",
    ],
)
def test_a_lost_paragraph_break_inside_a_long_quotation_is_not_a_problem(body):
    assert _findings(body) == []


@pytest.mark.parametrize(
    "body",
    [
        # a quotation closed with no space after it is still closed...
        'He said: "It was over."Then he left the room.',
        "The vicar called the bells “the voice of the parish.”They ring at noon.",
        # ...and one opened with none before it is still opened
        'The hall seats 300 people."We are proud of it," the warden said.',
    ],
)
def test_a_mark_glued_to_the_next_sentence_is_a_lost_space_not_an_unbalanced_quote(
    body,
):
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert "space or a paragraph break is missing" in finding.message


def test_a_glued_mark_that_reopens_a_quotation_is_the_lost_break_convention():
    assert _findings('"We lost the hall."Then we found a barn," the warden said.') == []


def test_a_quotation_left_open_after_a_lost_break_is_still_found():
    [finding] = _findings(
        '"We have trained hard all winter. "Next season we go again, said Ahmed.'
    )
    assert "never closed" in finding.message and finding.severity == ADVISORY


def test_a_nested_single_quotation_left_open_inside_a_double_one_is_found():
    body = "“The steward said ‘sit down, and we did,” the fan said."  # noqa: RUF001
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert finding.quote.startswith("‘sit down")  # noqa: RUF001
    assert "before the quotation around it ends" in finding.message


def test_a_single_quotation_left_open_in_a_headline_is_found():
    [finding] = _findings("Coach ‘will stay for next season\n\nThe club confirmed it.")  # noqa: RUF001
    assert finding.line == 1 and finding.severity == ADVISORY


@pytest.mark.parametrize(
    "body",
    [
        "Coach ‘will stay’ for next season",  # noqa: RUF001
        "‘He told me “wait here”, so I waited,’ the driver said.",  # noqa: RUF001
        "The fans’ chant, ‘we are the champions’, rang out.",  # noqa: RUF001
        "Open ‘til late on ‘em all, the sign said.",  # noqa: RUF001
        "The club ‘was in the players’ hands, the manager said.",  # noqa: RUF001
        "A ‘79 vintage and rock ‘n’ roll on the jukebox.",  # noqa: RUF001
    ],
)
def test_single_marks_that_are_closed_or_may_be_apostrophes_are_fine(body):
    assert _findings(body) == []


def test_a_single_quotation_over_several_paragraphs_may_stay_open():
    body = "‘We waited for hours.\n\n‘Then the bus came,’ she said."  # noqa: RUF001
    assert _findings(body) == []


@pytest.mark.parametrize(
    "body",
    ["Her motto, „Immer weiter“, is on the wall.", "Her motto, „Immer weiter”, stays."],
)
def test_german_quotations_open_low_and_close_high(body):
    assert _findings(body) == []


def test_an_inch_mark_set_curly_is_not_a_quotation():
    assert _findings("The 6’2” centre bought a 55” television.") == []  # noqa: RUF001


def test_two_quotations_in_different_styles_in_one_paragraph_are_mixed():
    body = '“We are ready,” the coach said, and the captain added: "So are we."'
    [finding] = _findings(body)
    assert finding.severity == ADVISORY
    assert finding.quote == '"So are we."'
    assert _findings('“We are ready,” he said.\n\n"So are we," she said.') == []


def test_a_paragraph_s_mixed_styles_are_told_once():
    body = 'He said "we won”, then "we lost," then “we drew,” and "we left."'
    assert [f.quote for f in _findings(body)] == ['"we won”']


def test_a_lost_break_after_a_closed_single_quotation_is_not_a_problem():
    body = "“She told us ‘not yet.’ “So we waited,” he said."  # noqa: RUF001
    assert _findings(body) == []


@pytest.mark.parametrize(
    "body,found",
    [
        ("Her motto, »Immer weiter«, is on the wall.", False),
        ("Her motto, «Immer weiter», is on the wall.", False),
        ("Her motto, « Immer weiter », is on the wall.", False),
        ("Her motto, »Immer weiter, is on the wall.", True),
    ],
)
def test_guillemets_may_point_either_way(body, found):
    assert bool(_findings(body)) == found


@pytest.mark.parametrize(
    "body",
    [
        # the attribution after its speaker, then the quotation reopened
        "“We started with two vans, said the firm's founder, who set it up in 2011. "
        "“Now we have forty.”",
        # the attribution before its speaker, the next paragraph reopening
        "“Nobody warned us, the shopkeeper said on Monday. “The water came at night.",
        "“We had no warning, she said.",
    ],
)
def test_a_quotation_that_runs_on_into_its_attribution_lacks_its_closing_mark(body):
    following = "“We will reopen in the spring,” she added."
    findings = _findings(body + "\n\n" + following)
    [finding] = findings
    assert "runs on into the words that attribute it" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "“We started with two vans,” said the firm's founder. “Now we have forty.",
        # speech the speaker reports, with no comma before its verb
        "“We asked for help and the council said no. “So we did it ourselves.",
        "“My father said nothing, and went back to the boat. “He was like that.",
    ],
)
def test_a_quotation_whose_attribution_is_outside_it_is_not_flagged(body):
    assert _findings(body + "\n\n“We will reopen in the spring,” she added.") == []


@pytest.mark.parametrize(
    "body",
    [
        "'We will fight this,' the tenants' leader said. 'The rent has doubled.",
        '"He told me, \'You are on your own now, and then he left," she said.',
        "The chairman said only that 'offers are always listened to.",
    ],
)
def test_a_straight_single_quotation_left_open_is_found(body):
    [finding] = _findings(body + "\n\nThe club has debts of £2m.")
    assert "single quotation is opened but never closed" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "'We will fight this,' the tenants' leader said. 'The rent has doubled.'",
        "Rock 'n' roll nights have run since the '60s at the players' club.",
        "He flew from 's-Hertogenbosch, where 'em and 'til are on every sign.",
        "'It is over,' she said. 'We go home.\n\n'Tomorrow we start again.'",
    ],
)
def test_straight_single_marks_that_close_or_are_apostrophes_are_not_flagged(body):
    assert _findings(body) == []


def test_an_inch_mark_after_a_fraction_is_a_measurement():
    assert _findings('The 3½" disks and the 5¼" drive are on show.') == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("«Il a dit “jamais” hier», selon elle.", False),  # French: « “…” »
        ("“The sign said «fermé» all week,” he said.", False),
        ("«Il a dit “jamais hier», selon elle.", True),  # the inner one left open
        ("«Il a dit», selon elle, “jamais”.", True),  # two styles side by side
    ],
)
def test_a_quotation_nested_in_guillemets_is_one_style(text, found):
    assert bool(_findings(text)) == found

"""figures finds one fact given two values, and one value written two ways."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING
from articles.text.checks.figures import find_figure_problems
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_figure_problems(source(*bodies)))


def test_one_value_in_words_and_in_digits_is_advisory():
    [finding] = _findings(
        "The pact was signed by nine countries on Monday.",
        "The pact was signed by 9 countries on Monday.",
    )
    assert finding.severity == ADVISORY
    assert finding.quote == "9 countries" and finding.suggestion == "nine countries"


def test_the_same_aid_given_two_amounts_in_two_stories_is_blocking():
    findings = _findings(
        "The EU pledged $2.3 billion in aid to the region.",
        "The EU pledged $2.5 billion in aid to the region.",
    )
    assert [(f.story, f.severity) for f in findings] == [(0, BLOCKING), (1, BLOCKING)]
    assert "“$2.5 billion” in story 2 (line 1)" in findings[0].message


def test_two_ordinals_for_the_same_named_event_are_blocking():
    findings = _findings(
        "Delegates gathered for the sixth meeting of the Danube Commission.",
        "Delegates gathered for the seventh meeting of the Danube Commission.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # approximate figures can both be true
        (
            "The EU pledged about $2.3 billion in aid.",
            "The EU pledged $2.5 billion in aid.",
        ),
        # different subjects, different facts
        ("Spain pledged $2 million in aid.", "Italy pledged $5 million in aid."),
        # the same value in the same form
        ("Japan sent 40 doctors.", "Japan sent 40 doctors, officials said."),
        # different events
        (
            "It was the sixth meeting of the Baltic Council.",
            "It was the seventh meeting of the Arctic Forum.",
        ),
        # one story's numbers changing over it is the story
        ("Rescuers freed 12 miners on Monday and 15 miners on Tuesday.",),
        # a number opening a sentence is spelled out by most style guides
        ("Twelve people were hurt.", "Officials said 12 people were hurt."),
    ],
)
def test_consistent_or_unrelated_figures_are_fine(bodies):
    assert _findings(*bodies) == []


def test_dates_written_in_both_orders_are_advisory():
    [finding] = _findings(
        "The talks opened on 5 March in Oslo.\n\nThe talks closed on 9 March.",
        "The talks opened on March 5 in Oslo.",
    )
    assert finding.severity == ADVISORY and finding.quote == "March 5"


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_blocking_figures(name):
    findings = list(find_figure_problems(CLEAN_SOURCES[name]))
    assert [f for f in findings if f.severity == BLOCKING] == []


def test_one_rate_given_two_values_in_two_stories_is_blocking():
    findings = _findings(
        "Unemployment fell to 4.2% in June, the statistics office said.",
        "Unemployment fell to 4.5 per cent in June, the statistics office said.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_rates_for_different_months_are_different_facts():
    assert _findings("Prices rose 4% in May.", "Prices rose 6% in June.") == []


def test_a_cost_told_as_reported_speech_and_as_a_relative_clause_is_one_fact():
    findings = _findings(
        "The depot has room for 80 buses. The transport authority said it cost "
        "£31 million.",
        "Drivers moved into the bus depot, which the authority built for £13 million.",
    )
    assert [(f.story, f.severity) for f in findings] == [(0, BLOCKING), (1, BLOCKING)]


@pytest.mark.parametrize(
    "bodies",
    [
        # who says it is not whose fact it is: two subjects behind one frame
        (
            "Officials said the city council will plant 3,000 trees.",
            "Officials said the county council will plant 2,000 trees.",
        ),
        # "it" is what the sentence before is about: two different things
        (
            "The museum reopened. It cost £4 million.",
            "The library reopened. It cost £9 million.",
        ),
    ],
)
def test_frames_and_pronouns_do_not_join_different_facts(bodies):
    assert _findings(*bodies) == []


def test_each_story_carries_the_finding_with_the_other_story_referenced():
    paragraphs = source(
        "The lottery fund granted £250,000 to the rowing club.",
        "Members said the lottery fund granted £520,000 to the rowing club.",
    )
    findings = list(find_figure_problems(paragraphs))
    assert [f.story for f in findings] == [0, 1]
    first, second = findings
    assert first.related == ((1, paragraphs[1].start, paragraphs[1].end),)
    assert second.related == ((0, paragraphs[0].start, paragraphs[0].end),)
    assert "story 2 (line 1) of this source" in first.message


def test_a_cost_given_with_at_a_cost_of_is_what_the_thing_cost():
    findings = _findings(
        "The pier was rebuilt at a cost of $48 million.",
        "The pier cost $84 million, the port said.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # the longer subject sets its thing apart from the other
        (
            "The ferry can carry 600 passengers.",
            "The smaller ferry can carry 200 passengers.",
        ),
        # times and scopes told in words
        (
            "The fund grew by 12 per cent last year.",
            "The fund grew by 4 per cent in the first quarter.",
        ),
        (
            "The firm employs 350 people.",
            "The firm employs 1,200 people worldwide.",
        ),
    ],
)
def test_a_thing_set_apart_or_another_time_or_scope_is_another_fact(bodies):
    assert _findings(*bodies) == []


def test_a_long_clause_with_no_name_is_its_own_subject():
    findings = _findings(
        "The vaccine cut hospital admissions among older patients by 61%.",
        "Doctors said the vaccine cut hospital admissions among older patients by 16%.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_this_year_is_now_as_an_undated_figure_is():
    findings = _findings(
        "The trust will recruit 250 nurses.",
        "The trust will recruit 520 nurses this year.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # nations, regions and counties are settings, as countries are
        (
            "The building society shut 14 branches in England last year.",
            "The building society shut 41 branches in Northern Ireland last year.",
        ),
        (
            "The water company replaced 300 miles of pipe across Cumbria.",
            "The water company replaced 120 miles of pipe across North Yorkshire.",
        ),
        (
            "The authority gritted 900 miles of road in Orange County.",
            "The authority gritted 400 miles of road in Wayne County.",
        ),
    ],
)
def test_a_place_within_a_country_is_part_of_the_fact(bodies):
    assert _findings(*bodies) == []


def test_the_same_place_in_both_stories_still_compares_the_values():
    findings = _findings(
        "The building society shut 14 branches in Wales last year.",
        "The building society shut 41 branches in Wales last year.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_a_cost_told_under_a_generic_noun_is_the_thing_named_before_it():
    findings = _findings(
        "Work began on the Harlow bypass in May.\n\nThe county said the scheme "
        "would cost £37 million.",
        "The bypass, which the county will build for £73 million, opens soon.",
    )
    assert [(f.story, f.severity) for f in findings] == [(0, BLOCKING), (1, BLOCKING)]


def test_a_generic_noun_for_another_thing_is_not_joined():
    assert (
        _findings(
            "Work began on the new library in May.\n\nThe county said the scheme "
            "would cost £37 million.",
            "The bypass, which the county will build for £73 million, opens soon.",
        )
        == []
    )


@pytest.mark.parametrize(
    "bodies",
    [
        # the speaker of a frame after the figure
        (
            "The food bank has 310 volunteers.",
            "It has 130 volunteers, the food bank said.",
        ),
        # the last sentence of the paragraph before
        (
            "The food bank opened a second depot.\n\nIt has 310 volunteers.",
            "The food bank has 130 volunteers.",
        ),
    ],
)
def test_a_pronoun_subject_is_found_outside_its_clause(bodies):
    assert {f.severity for f in _findings(*bodies)} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # an aside between the subject and its verb
        (
            "The ferry, which was built in Norway in 1998, carries 340 cars.",
            "The ferry carries 430 cars, the operator said.",
        ),
        # a frame with a time, or told to someone
        (
            "Councillors met, and the council said on Monday that the pool would "
            "cost £6 million.",
            "The pool will cost £9 million.",
        ),
        (
            "The mayor told reporters that the tram carried 18,000 people a day.",
            "The tram carried 81,000 people a day, the mayor said.",
        ),
        # a figure opening what is reported: its verb comes after it
        (
            "The hospital said that 140 operations had been cancelled.",
            "It was a hard week.\n\nThe hospital said 410 operations had been "
            "cancelled.",
        ),
        # a phrase of time opening the clause
        (
            "At its peak the festival drew 30,000 visitors.",
            "The festival drew 13,000 visitors, organisers said.",
        ),
        # a figure in words, and what it is compared with after it
        (
            "The club sold eleven thousand season tickets, up from 9,000 a year "
            "earlier.",
            "The club sold fourteen thousand season tickets.",
        ),
    ],
)
def test_a_fact_buried_in_asides_frames_and_comparisons_is_read(bodies):
    assert {f.severity for f in _findings(*bodies)} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # what is reported differs after the figure: two facts
        (
            "The council said 40 jobs would go.",
            "The council said 25 jobs would be created.",
        ),
        # the other value is the comparison, in the same sentence
        ("The club sold 11,000 season tickets, up from 9,000 a year earlier.",),
    ],
)
def test_a_verb_after_the_figure_and_a_comparison_keep_facts_apart(bodies):
    assert _findings(*bodies) == []


def test_a_generic_noun_for_an_event_is_the_event_named_before_it():
    findings = _findings(
        "Entries for the Tyne half marathon closed early.\n\nThe race will have "
        "7,400 runners.",
        "The half marathon will have 4,700 runners.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_a_figure_opening_its_sentence_is_the_fact_of_the_frame_after_it():
    findings = _findings(
        "The survey found that thirty-one farms in the county had lost crops.",
        "Thirteen farms in the county have lost crops, the survey found.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # two places named by what they are
        (
            "The survey found that thirty-one farms in the county had lost crops.",
            "Thirteen farms in the valley have lost crops, the survey found.",
        ),
        (
            "The survey found that 31 farms in the county had lost crops.",
            "The survey found that 13 farms in the region had lost crops.",
        ),
    ],
)
def test_places_named_by_what_they_are_keep_facts_apart(bodies):
    assert _findings(*bodies) == []


def test_a_generic_noun_is_not_joined_to_a_thing_named_in_passing():
    assert (
        _findings(
            "The council approved a cycle lane.\n\nThe lane will run past the "
            "library. The scheme will cost £4 million.",
            "The library will cost £1.2 million to repair.",
        )
        == []
    )


def test_a_common_noun_opening_the_sentence_is_not_read_as_a_name():
    findings = _findings(
        "Turnout in the referendum was 64 per cent, the electoral commission said.",
        "The electoral commission said turnout in the referendum was 46%.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_two_dimensions_of_one_thing_are_two_facts():
    assert (
        _findings("The pier is 300 metres long.", "The pier is 30 metres wide.") == []
    )
    assert {
        f.severity
        for f in _findings(
            "The pier is 300 metres long.", "The pier is 330 metres long."
        )
    } == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        # a participle aside, an adverb and a possessive subject
        (
            "The appeal, launched by the mayor in January, has so far raised "
            "£85,000 for the hospice.",
            "The mayor's appeal has raised £58,000 for the hospice, organisers said.",
        ),
        # an aside with a year in it does not date the figure
        (
            "The orchestra, founded in 1946, has sixty-two musicians.",
            "The orchestra has 72 musicians.",
        ),
    ],
)
def test_participle_asides_and_adverbs_do_not_hide_the_fact(bodies):
    assert {f.severity for f in _findings(*bodies)} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        (
            "Delegates arrived for the twelfth edition of the Baltic Book Fair.",
            "The Baltic Book Fair, now in its 11th edition, opened its doors.",
        ),
        (
            "The ceremony marked the 40th anniversary of the Harbour Trust.",
            "The Harbour Trust celebrated its 45th anniversary.",
        ),
    ],
)
def test_an_ordinal_of_a_thing_named_before_it_is_that_things(bodies):
    assert {f.severity for f in _findings(*bodies)} == {BLOCKING}


@pytest.mark.parametrize(
    "bodies",
    [
        (
            "The Harbour Trust marked its 40th anniversary.",
            "The Ferry Company celebrated its 45th anniversary.",
        ),
        (
            "Envoys held the sixth round of talks on the Oder Treaty in March.",
            "Envoys will hold the seventh round of talks on the Oder Treaty in May.",
        ),
    ],
)
def test_ordinals_of_other_things_or_times_are_other_facts(bodies):
    assert _findings(*bodies) == []


@pytest.mark.parametrize(
    "bodies",
    [
        # a describing word between the number and what it counts
        (
            "The trust will hire twelve new porters.",
            "The trust will hire 21 new porters.",
        ),
        # hundreds in words
        (
            "The plant will create three hundred jobs, the firm said.",
            "The firm said the plant would create 200 jobs.",
        ),
        (
            "The show drew two hundred thousand visitors.",
            "The show drew 250,000 visitors.",
        ),
    ],
)
def test_counts_in_words_mid_sentence_are_read_whole(bodies):
    assert {f.severity for f in _findings(*bodies)} == {BLOCKING}


def test_a_describing_word_is_not_what_is_counted():
    assert (
        _findings(
            "The trust will hire twelve new porters.",
            "The trust will hire 21 new cleaners.",
        )
        == []
    )

"""number-forms finds one number or name written in two forms in one source."""

import pytest

from articles.text.checks.base import ADVISORY
from articles.text.checks.number_forms import find_number_form_variants
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_number_form_variants(source(*bodies)))


def test_an_ordinal_in_words_and_in_digits_for_the_same_thing_is_found():
    first = "The minister attended the sixth meeting of the Lisbon Format."
    second = "The 6th Lisbon Format Meeting opened on Friday."
    [finding] = _findings(first, second)
    assert finding.severity == ADVISORY
    assert (finding.story, finding.quote, finding.suggestion) == (1, "6th", "sixth")
    assert finding.related_lines == (1,)
    assert "“6th” is written “sixth” elsewhere" in finding.message


def test_the_majority_form_is_the_suggestion():
    findings = _findings(
        "The 3rd round of talks ended.\n\nA 3rd round had been expected.",
        "Officials said the third round of talks was the hardest.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("third", "3rd")]


def test_a_tie_above_nine_prefers_digits():
    findings = _findings(
        "The twenty-first summit of the union opened.", "The 21st summit closed."
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("twenty-first", "21st")]


def test_a_digit_ordinal_opening_a_sentence_is_spelled_with_a_capital():
    [finding] = _findings(
        "The fifth session of the court began.", "5th session: delayed."
    )
    assert finding.suggestion == "Fifth"


def test_ordinals_about_different_things_are_not_compared():
    body = (
        "It was the first time the council had met since the war.\n\n"
        "Soldiers of the 1st Battalion guarded the hall."
    )
    assert _findings(body) == []


def test_percent_forms_are_made_consistent_keeping_the_number():
    findings = _findings(
        "Prices rose 5 per cent in May and 3 per cent in June.", "Wages rose 2%."
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("2%", "2 per cent")]


def test_dotted_and_undotted_abbreviations_are_found():
    findings = _findings(
        "The U.S. envoy met the U.S. ambassador.", "The US delegation left early."
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("US", "U.S.")]


def test_british_and_american_spellings_of_one_word_are_found():
    findings = _findings(
        "The organisation said it would cooperate.",
        "Another organisation agreed.",
        "The organization declined to comment.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [
        ("organization", "organisation")
    ]


def test_names_keep_their_own_spelling():
    body = (
        "The World Health Organization said the organisation of aid was slow.\n\n"
        "The Labour Party praised the labor union."
    )
    assert _findings(body) == []


def test_words_that_only_look_like_variants_are_left_alone():
    body = "Four of the boats sailed for the harbour; the detour took an hour."
    assert _findings(body) == []


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_number_form_variants(name):
    assert list(find_number_form_variants(CLEAN_SOURCES[name])) == []


def test_ordinals_first_to_ninth_in_words_and_digits_are_found_whatever_they_count():
    findings = list(
        find_number_form_variants(
            source("The rower finished fourth in the final.", "It was her 4th regatta.")
        )
    )
    assert [f.quote for f in findings] == ["4th"]


def test_an_ordinal_in_a_name_keeps_its_form():
    paragraphs = source(
        "The parade left 5th Avenue at noon.", "It was the fifth parade."
    )
    assert list(find_number_form_variants(paragraphs)) == []


def test_inflections_of_one_ise_word_in_two_spellings_are_found():
    findings = _findings(
        "The ferry company apologises to passengers and will modernise the fleet.",
        "Passengers said the company had apologized before.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("apologized", "apologised")]


def test_one_spelling_in_several_inflections_is_not_a_variant():
    body = "The board organises the fair; it organised one and is organising another."
    assert _findings(body) == []


def test_one_count_in_words_and_in_digits_is_found():
    findings = _findings(
        "Delegates from eleven towns and seven villages met in the hall.",
        "The agreement between the 7 villages will be signed in May.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [
        ("7 villages", "seven villages")
    ]


def test_a_count_opening_a_sentence_after_a_dateline_is_not_a_form():
    body = "DURHAM: Sixteen nurses were hired. The 16 nurses start on Monday."
    assert _findings(body) == []


def test_counts_of_different_things_or_values_are_not_compared():
    body = "Nine boats left the harbour. The 9 crews and 12 boats came back."
    assert [f.quote for f in _findings(body)] == []


def test_one_sum_with_its_scale_written_two_ways_is_found():
    findings = _findings(
        "A donor gave the hospice £3.2m.",
        "The hospice said the £3.2 million gift"
        " would pay for a new wing. The £3.2 million came as a surprise.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("£3.2m", "£3.2 million")]


def test_a_quantity_with_its_unit_short_and_spelled_out_is_found():
    findings = _findings("The path runs for four kilometres.", "The 4km path is lit.")
    assert [f.quote for f in findings] == ["4km"] or [f.quote for f in findings] == [
        "four kilometres"
    ]


def test_a_large_number_with_a_scale_and_in_full_digits_is_found():
    findings = _findings(
        "The island has 2.5 million visitors a year.",
        "The 2,500,000 visitors spend most of it in the capital.",
    )
    assert len(findings) == 1


def test_thousands_with_and_without_a_separator_are_found_but_not_years():
    findings = _findings(
        "In 2024 the fund paid 4,500 families and 1,200 pensioners.",
        "The 2025 round will pay 3200 families.",
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("3200", "3,200")]


def test_times_of_day_in_two_styles_are_found_am_and_pm_alike():
    findings = _findings(
        "Polls open at 7am and close at 10pm.", "Counting starts at 11 p.m."
    )
    assert [(f.quote, f.suggestion) for f in findings] == [("11 p.m.", "11pm")]


def test_a_headline_writes_its_numbers_in_digits():
    body = "Storm Cancels 3 Ferries\n\nThe storm cancelled three ferries on Friday."
    assert _findings(body) == []


def test_a_name_ordinal_is_one_thing_only_with_its_name():
    body = (
        "The 2nd Rifles Brigade has returned home.\n\n"
        "It was the second time the brigade had served abroad."
    )
    assert _findings(body) == []


def test_a_date_ordinal_in_words_and_in_digits_is_found():
    findings = _findings(
        "The inquest was adjourned to the thirty-first of March.",
        "It resumes on the 31st of March.",
    )
    assert len(findings) == 1


def test_more_spelling_families_are_read():
    findings = _findings(
        "The orthopaedic clinic moved. Its calibre was praised. The counsellor left."
        " The letters were catalogued.",
        "The orthopedic clinic. A high caliber. A new counselor. Books cataloged.",
    )
    assert len(findings) == 4


def test_an_honorific_with_and_without_its_full_stop_is_found():
    findings = _findings("Dr. Amos Kent spoke first.", "Dr Kent left early. Dr Kent")
    assert [(f.quote, f.suggestion) for f in findings] == [("Dr.", "Dr")]


def test_pc_is_a_percent_form():
    findings = _findings("Prices rose 3pc.", "Rents rose 2 per cent, 4 per cent.")
    assert [(f.quote, f.suggestion) for f in findings] == [("3pc", "3 per cent")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a currency told by its sign or code and by its name
        (
            "Lunch in Bergen costs about NOK 240 a head.",
            "The 240 kroner lunch is a bargain.",
        ),
        (
            "The grant is worth €1,500 to each family.",
            "Families can claim the 1,500-euro grant.",
        ),
        # a scale after a number in words and in digits
        (
            "The charity will plant two million hedges.",
            "The 2 million hedges will cost £4m.",
        ),
        # a price written with two decimal places and with one
        (
            "A loaf now costs €2.40 in Porto.",
            "Bakers said the €2.4 loaf was too cheap.",
        ),
    ],
)
def test_one_sum_or_large_number_written_two_ways_is_found(first, second):
    assert [f.severity for f in _findings(first, second)] == [ADVISORY]


def test_rand_are_read_only_where_r_cannot_be_a_road():
    assert (
        _findings(
            "The club raised R1.5m for its new pavilion.",
            "Drivers on the R445 were held up by cattle.",
        )
        == []
    )
    [finding] = _findings(
        "The club raised R1.5m for its new pavilion.",
        "The 1.5 million rand pavilion opens in May.",
    )
    assert finding.severity == ADVISORY


def test_a_four_digit_count_before_a_plural_noun_is_a_thousands_style():
    [finding] = _findings(
        "More than 1,800 riders joined the sportive in Girona.",
        "The 1800 places sold out within a day.",
    )
    assert finding.severity == ADVISORY
    assert not _findings(
        "More than 1,800 riders joined the sportive in Girona.",
        "The 2026 entries opened on Monday.",
    )


def test_half_a_million_in_words_and_in_digits_is_one_sum_in_two_forms():
    [finding] = _findings(
        "Half a million euros will be spent on the square, the mayor said.",
        "The €500,000 will pay for new paving and benches.",
    )
    assert finding.severity == ADVISORY
    assert not _findings(
        "Half a million euros will be spent on the square, the mayor said.",
        "A further €50,000 will pay for new benches.",
    )

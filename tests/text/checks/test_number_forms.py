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

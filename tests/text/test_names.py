"""The one name vocabulary: the shapes of names, and name runs in raw lines."""

import re

import pytest

from articles.text.names import (
    NAME_WORD,
    PERSON_NAME,
    PROPER_NAME,
    capitalised_runs,
)


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text)
    return match.group() if match else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "talks with the Republic of the Marsh Isles ended",
            "Republic of the Marsh Isles",
        ),
        ("the U.N. Refugee Agency said", "U.N. Refugee Agency"),
        ("Brixley's council voted", "Brixley"),  # a possessive ends the name
        ("a spokesman for O'Dowd Haulage said", "O'Dowd Haulage"),
        ("shares in AT&T Nordic rose", "AT&T Nordic"),
        ("the G7 summit", "G7"),
        ("Karin van Dijk, who chairs it", "Karin van Dijk"),
    ],
)
def test_a_proper_name_takes_in_of_particles_initials_and_digits(text, name):
    assert _first(PROPER_NAME, text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("said the minister, Ines de Sousa, on Monday", "Ines de Sousa"),
        ("union leader Marta Kovacs-Lind's speech", "Marta Kovacs-Lind"),
        ("met Liam O'Hare in Cork", "Liam O'Hare"),
    ],
)
def test_a_persons_full_name_has_two_words_at_least(text, name):
    assert _first(PERSON_NAME, text) == name


def test_a_persons_name_is_not_a_single_word_or_a_code():
    assert _first(PERSON_NAME, "Kovacs said") is None
    assert _first(PERSON_NAME, "the A320 Neo") is None


def test_a_name_word_is_capitalised():
    assert _first(NAME_WORD, "the harbour") is None
    assert _first(NAME_WORD, "the Harbour") == "Harbour"


def _runs(line: str, known: frozenset[str] = frozenset()) -> list:
    return capitalised_runs(line.split(), known)


def test_capitalised_runs_end_at_punctuation_and_bridge_particles():
    runs = _runs("The mayor, Piet de Graaf, met Ana Ortiz and the WHO team.")
    # (The particle keeps the run whole; the run lists the name's own words.)
    assert runs == [(2, ["Piet", "Graaf"]), (6, ["Ana", "Ortiz"]), (10, ["WHO"])]


def test_a_sentence_opening_word_is_a_name_only_if_the_copy_says_so():
    line = "Participants left early. Hallam stayed."
    assert _runs(line) == []
    assert _runs(line, frozenset({"Hallam"})) == [(3, ["Hallam"])]


def test_the_pronoun_us_is_no_name_but_the_country_is():
    assert _runs("He told us the US would pay") == [(4, ["US"])]

"""The one vocabulary and tokenizer that the splitter, entities and checks share."""

import pytest

from articles.text.tokens import is_name_word, name_runs, sentences, tokenize
from articles.text.vocabulary import (
    DEMONYMS,
    actor_of,
    country_of,
    is_role_head,
    is_stopword,
    places_in,
    role_words,
    scopes_in,
    transliteration_key,
)


def test_case_decides_whether_us_is_the_country_or_the_pronoun():
    assert is_stopword("us") and is_stopword("Us")
    assert not is_stopword("US")
    assert not is_stopword("WHO") and is_stopword("who")
    assert country_of("the US envoy") == "United States"


def test_international_bodies_are_actors_like_countries():
    assert actor_of("the EU's foreign ministers") == "European Union"
    assert actor_of("Nato allies") == "NATO"
    assert actor_of("the U.N. agency") == "United Nations"
    assert actor_of("Kenyan officials") == "Kenya"


def test_demonyms_and_their_plurals_name_their_country():
    assert DEMONYMS["Kenyans"] == DEMONYMS["Kenyan"] == "Kenya"
    assert DEMONYMS["Iraqis"] == "Iraq"
    assert "Frenchs" not in DEMONYMS and "Swisss" not in DEMONYMS


@pytest.mark.parametrize(
    ("words", "office"),
    [
        (("vice-president",), ("vice", "president")),
        (("vice", "president"), ("vice", "president")),
        (("chargé", "d'affaires"), ("charge d'affaires",)),
        (("charge", "d'affaires"), ("charge d'affaires",)),
        (("secretary-general",), ("secretary-general",)),
        (("under-secretary",), ("under", "secretary")),
        (("ceo",), ("chief", "executive", "officer")),
        (("chief", "executive"), ("chief", "executive", "officer")),
    ],
)
def test_titles_are_read_into_offices(words, office):
    assert role_words(words) == office


def test_foreign_language_titles_are_offices():
    assert is_role_head("Taoiseach") and is_role_head("Chargé")
    assert not is_role_head("river")


def test_name_runs_stop_at_titles_countries_and_possessives():
    tokens = tokenize(
        "Russian Deputy Foreign Minister Andrei Volkov's aide met Ana Ruiz."
    )
    runs = [" ".join(t.base for t in tokens[i:j]) for i, j in name_runs(tokens)]
    assert runs == ["Andrei Volkov", "Ana Ruiz"]
    assert not is_name_word(tokenize("Monday")[0])


def test_sentences_do_not_end_at_abbreviations():
    text = "Mr. Lee met the U.S. envoy. They talked. Dr. Ng left."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Mr. Lee met the U.S. envoy.",
        "They talked.",
        "Dr. Ng left.",
    ]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Oleksandr Hrytsenko", "Aleksandr Gritsenko", True),
        ("Mikhail Tarasov", "Mihail Tarassow", True),
        ("Yury Belov", "Iouri Belov", True),
        ("Dmitri Zorin", "Dmitriy Sorin", True),
        ("Mykyto Lysenko", "Nikita Lysenko", False),  # another first name
        ("Dmytro Lysenko", "Dmitry Lysenko", True),  # Ukrainian and Russian forms
        ("Pavel Orlov", "Pavel Orloff", True),
        ("Søren Møller", "Soren Moller", True),
        ("Ivan Belov", "Ivana Belova", False),  # the ending tells them apart
        ("Mario Lenz", "Maria Lenz", False),
        ("Anton Belov", "Anton Bulatov", False),
    ],
)
def test_spellings_of_one_name_in_two_transliterations_share_a_key(first, second, same):
    assert (transliteration_key(first) == transliteration_key(second)) is same


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Depots in England and Wales will close.", {"england", "wales"}),
        ("Flooding across North Yorkshire eased.", {"north yorkshire"}),
        ("Roads in Orange County were closed.", {"orange county"}),
        ("Roads in County Durham were closed.", {"county durham"}),
        # months, small words and countries are not places within a country
        ("In March the firm hired staff in the UK.", set()),
        ("The county council met.", set()),
    ],
)
def test_places_within_countries_are_read_by_name(text, places):
    assert places_in(text) == places


def test_places_named_by_what_they_are_are_read_apart():
    assert scopes_in("Farms in the county and across the region") == {
        "the county",
        "the region",
    }
    assert scopes_in("In the end the county council agreed.") == set()


def test_a_name_after_at_is_a_place():
    assert places_in("Gusts of 80 mph were recorded at Selsey Bill.") == {"selsey bill"}

"""Entity matching and candidate names: plain Python, no database."""

import re
import unicodedata
from pathlib import Path

import ahocorasick
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.text import entities
from articles.text.entities import (
    AliasSpec,
    EntityMatcher,
    find_candidates,
    normalize_name,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def matcher(*entries: tuple[int, str, str]) -> EntityMatcher:
    """Build from (entity_id, kind, "alias|alias|...") triples."""
    return EntityMatcher.build(
        AliasSpec(entity_id, alias, kind)
        for entity_id, kind, aliases in entries
        for alias in aliases.split("|")
    )


def found(m: EntityMatcher, text: str) -> list[tuple[int, str]]:
    return [(match.entity_id, match.text) for match in m.find(text)]


GROUP = (1, "organisation", "Vakhar Front|VF-K|Northern Province")
PERSON = (2, "person", "Dario Kestel Amun|Amun")
PLACE = (3, "place", "Brunia")


# --- aliases and offsets ---------------------------------------------------------


def test_every_alias_of_an_entity_is_found_with_exact_offsets():
    text = "Vakhar Front, also VF-K or Northern Province, met Amun."
    matches = matcher(GROUP, PERSON).find(text)

    assert [(m.entity_id, m.alias, m.text) for m in matches] == [
        (1, "Vakhar Front", "Vakhar Front"),
        (1, "VF-K", "VF-K"),
        (1, "Northern Province", "Northern Province"),
        (2, "Amun", "Amun"),
    ]
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert not any(m.ambiguous for m in matches)


def test_offsets_are_exact_after_non_ascii_text():
    text = (
        "Chargé d\u2019Affaires 😀 \u201cZürich\u201d \u2014 "
        "naïve\u00a0Brunia\u2019s army; Ω Brunia."
    )
    matches = matcher(PLACE).find(text)

    assert [m.text for m in matches] == ["Brunia", "Brunia"]
    assert [text[m.start : m.end] for m in matches] == ["Brunia", "Brunia"]
    assert matches[0].start == text.index("Brunia")


def test_multiword_names_match_across_line_wraps_and_double_spaces():
    m = matcher(PERSON)
    for text in ("said Dario Kestel\nAmun today", "said Dario  Kestel \r\n Amun."):
        (match,) = m.find(text)
        assert match.alias == "Dario Kestel Amun"
        assert text[match.start : match.end] == match.text
        assert match.text.startswith("Dario") and match.text.endswith("Amun")


def test_names_never_match_across_a_blank_line():
    text = "Dario Kestel\n\nAmun spoke."
    assert found(matcher(PERSON), text) == [(2, "Amun")]


def test_soft_hyphens_and_zero_width_characters_do_not_hide_a_name():
    text = "The Vakhar\u200b Front and Bru\u00adnia and Bru\u200dnia."
    assert found(matcher(GROUP, PLACE), text) == [
        (1, "Vakhar\u200b Front"),
        (3, "Bru\u00adnia"),
        (3, "Bru\u200dnia"),
    ]


def test_a_zero_width_space_separates_words():
    text = "Bru\u200bnia; e\u200bBrunia"
    assert found(matcher(PLACE), text) == [(3, "Brunia")]


def test_decomposed_accents_match_a_composed_alias():
    m = matcher((5, "place", "Zélinsk"))
    text = "in Ze\u0301linsk."
    (match,) = m.find(text)
    assert match.text == "Ze\u0301linsk" == text[match.start : match.end]


# --- word boundaries ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a crVFK",
        "VFKx",
        "2VFK",
        "VFK2",
        "VFK_"[:-1] + "é",
        "O'Amun",
        "d\u2019Amun",
        "Amuné",
    ],
)
def test_no_match_inside_a_longer_word(text):
    m = matcher((1, "organisation", "VFK"), PERSON)
    assert m.find(text) == ()


def test_a_combining_accent_after_a_name_makes_it_another_word():
    assert matcher((1, "person", "Jose")).find("Jose\u0301 said") == ()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("anti-VFK groups", "VFK"),
        ("(VFK)", "VFK"),
        ("VFK-led forces", "VFK"),
        ('"VFK."', "VFK"),
        ("VFK/Brunia", "VFK"),
    ],
)
def test_punctuation_and_hyphens_are_boundaries(text, written):
    assert [m.text for m in matcher((1, "organisation", "VFK")).find(text)] == [written]


# --- case rules -----------------------------------------------------------------


def test_acronyms_match_by_exact_case_only():
    m = matcher((7, "place", "US"), (8, "organisation", "UN"))
    assert found(m, "Tell us, the US and the UN, un-named Us.") == [
        (7, "US"),
        (8, "UN"),
    ]


def test_names_match_capitalised_or_in_capitals_but_never_in_lower_case():
    m = matcher((4, "other", "Vakhari"))
    assert found(m, "Vakhari, VAKHARI and vakhari") == [(4, "Vakhari"), (4, "VAKHARI")]


def test_multiword_names_match_in_sentence_and_title_case():
    m = matcher((9, "event", "Velno Consultative Format"))
    texts = [
        "the Velno Consultative Format met",
        "the Velno consultative format met",
        "the Velno Consultative format met",
        "THE VELNO CONSULTATIVE FORMAT MET",
    ]
    assert [len(m.find(t)) for t in texts] == [1, 1, 1, 1]
    assert m.find("the velno consultative format met") == ()


def test_a_name_registered_in_lower_case_matches_in_any_usual_case():
    m = matcher((10, "organisation", "al-Vakhar"))
    assert [x.text for x in m.find("al-Vakhar, Al-Vakhar, al-vakhar")] == [
        "al-Vakhar",
        "Al-Vakhar",
        "al-vakhar",
    ]


# --- overlaps -------------------------------------------------------------------


def test_the_longest_alias_wins_where_aliases_overlap():
    m = matcher((1, "organisation", "VF|VF-K"), PERSON)
    assert found(m, "VF-K and VF; Dario Kestel Amun, then Amun.") == [
        (1, "VF-K"),
        (1, "VF"),
        (2, "Dario Kestel Amun"),
        (2, "Amun"),
    ]


def test_a_longer_match_beats_an_earlier_shorter_one_it_overlaps():
    m = matcher((1, "person", "Dario Kestel"), (2, "organisation", "Kestel Amun Trust"))
    assert found(m, "Dario Kestel Amun Trust") == [(2, "Kestel Amun Trust")]


def test_overlaps_resolve_through_a_chain():
    # "b c d e" (longest) wins; "a b" and "e f" overlap it, "f g" does not.
    m = matcher(
        (1, "other", "Aa Bb"),
        (2, "other", "Bb Cc Dd Ee"),
        (3, "other", "Ee Ff"),
        (4, "other", "Ff Gg"),
    )
    assert found(m, "Aa Bb Cc Dd Ee Ff Gg") == [(2, "Bb Cc Dd Ee"), (4, "Ff Gg")]


# --- possessives and plurals ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Brunia's army", "Brunia\u2019s army", "Brunia\u02bcs army", "BRUNIA'S ARMY"],
)
def test_possessives_match_and_the_span_excludes_the_apostrophe_s(text):
    (match,) = matcher(PLACE).find(text)
    assert match.text.lower() == "brunia"
    assert text[match.end] in "'\u2019\u02bc"


def test_a_possessive_after_a_final_s_matches():
    m = matcher((1, "organisation", "VAKS"), (2, "organisation", "Vakhar Lands"))
    assert found(m, "VAKS' fighters and Vakhar Lands\u2019 chief") == [
        (1, "VAKS"),
        (2, "Vakhar Lands"),
    ]


@pytest.mark.parametrize(
    ("alias", "text", "written"),
    [
        ("Union", "two Unions met", "Unions"),
        ("Agency", "the Agencies said", "Agencies"),
        ("Church", "both Churches", "Churches"),
        ("NGO", "many NGOs", "NGOs"),
        ("Vakhar Front", "rival Vakhar Fronts' fighters", "Vakhar Fronts"),
    ],
)
def test_plurals_of_organisations_match_whole_words(alias, text, written):
    (match,) = matcher((1, "organisation", alias)).find(text)
    assert (match.alias, match.text) == (alias, written)


def test_only_organisations_match_in_the_plural():
    assert matcher(PLACE, (2, "person", "Amun")).find("the Brunias and Amuns") == ()


# --- several entities on one span -----------------------------------------------


def test_an_alias_shared_by_two_entities_is_reported_for_both_as_ambiguous():
    m = matcher((5, "person", "Ilan Sorel|Sorel"), (3, "person", "Mara Sorel|Sorel"))
    matches = m.find("Sorel said, and Ilan Sorel agreed.")

    assert [(x.entity_id, x.text, x.ambiguous) for x in matches] == [
        (3, "Sorel", True),
        (5, "Sorel", True),
        (5, "Ilan Sorel", False),
    ]
    assert matches[0].start == matches[1].start and matches[0].end == matches[1].end


def test_an_exact_case_match_beats_another_case_of_another_entity():
    m = matcher((1, "organisation", "VAKA"), (2, "person", "Vaka"))
    assert found(m, "VAKA and Vaka") == [(1, "VAKA"), (2, "Vaka")]
    assert not any(x.ambiguous for x in m.find("VAKA and Vaka"))


def test_an_alias_beats_the_plural_of_another_entity():
    m = matcher((1, "organisation", "Union"), (2, "organisation", "Unions"))
    assert found(m, "the Unions") == [(2, "Unions")]


def test_one_entity_matched_by_two_of_its_aliases_is_reported_once():
    m = matcher((1, "organisation", "VAKA|Vaka"))
    assert found(m, "VAKA") == [(1, "VAKA")]


# --- registry ---------------------------------------------------------------------


def test_build_rejects_an_unknown_kind_and_a_blank_alias():
    with pytest.raises(ValueError, match="unknown kind"):
        EntityMatcher.build([AliasSpec(1, "Brunia", "country")])
    with pytest.raises(ValueError, match="blank alias"):
        EntityMatcher.build([AliasSpec(1, " \u200b ", "place")])


def test_an_empty_registry_or_text_finds_nothing():
    assert EntityMatcher.build([]).find("Brunia") == ()
    assert matcher(PLACE).find("") == ()


def test_knows_compares_names_with_normalize_name():
    m = matcher(GROUP)
    assert m.knows("vf\u2013k") and m.knows("NORTHERN  province")
    assert not m.knows("Vakhar")


def test_find_reuses_the_automaton_built_once(monkeypatch):
    built = []
    real = ahocorasick.Automaton

    def counting(*args):
        automaton = real(*args)
        built.append(automaton)
        return automaton

    monkeypatch.setattr(entities.ahocorasick, "Automaton", counting)
    m = matcher(GROUP, PERSON, PLACE)
    automaton = m._automaton
    for _ in range(3):
        m.find("Vakhar Front and Brunia and Amun")

    assert len(built) == 1
    assert m._automaton is automaton is built[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khorvat  Province", "khorvat province"),
        ("Brunia\u2019s", "BRUNIA'S"),
        ("VF\u2013K", "vf-k"),
        ("\u201cVakhar\u201d", '"vakhar"'),
        ("\uff36\uff41\uff4b\uff48\uff41\uff52", "vakhar"),
        (" Straße\n", "STRASSE"),
    ],
)
def test_normalize_name_unifies_case_quotes_dashes_and_spaces(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_the_whitespace_list_matches_what_python_calls_whitespace():
    spaces = {chr(i) for i in range(0x110000) if chr(i).isspace()}
    assert spaces == set(entities._OTHER_SPACE) - {"\u200b"} | {" "}


# --- candidates ---------------------------------------------------------------------

STORY = """\
Brunia Signs Deal With Northern Neighbours In Capital
The Brunian government said on Friday that Ilsa Marwen had met Oskar Tellin in Dravo.
However, Tellin said the talks with the Council of Northern Rivers and Lakes failed.
According to KLZ, Ilsa Marwen will visit Dravo again in October.
Participants said the participants' list was long. Speaking later, Tellin agreed.
Special Representative Teodor Vass arrived; government spokesman Ruben Haskel spoke.
Brunia and Kestovia signed. Marwen's aides and KLZ-backed groups, Ruben Haskel said.
Karo Dent, the deputy minister, left. The Foreign Minister said nothing.
"""


def candidates(text=STORY, registry=(PLACE,), ignored=()):
    return {
        c.text: c
        for c in find_candidates(text, matcher=matcher(*registry), ignored=ignored)
    }


def test_candidates_are_counted_with_first_offset_and_contexts():
    found_ = candidates()
    ilsa = found_["Ilsa Marwen"]

    assert ilsa.count == 3  # twice in full, once as "Marwen's"
    assert ilsa.first_start == STORY.index("Ilsa Marwen")
    assert len(ilsa.contexts) == 3
    assert all("Marwen" in context for context in ilsa.contexts)
    assert found_["Dravo"].count == 2 and found_["Oskar Tellin"].count == 3


def test_candidates_come_most_frequent_first():
    counts = [c.count for c in find_candidates(STORY, matcher=matcher(PLACE))]
    assert counts == sorted(counts, reverse=True)


def test_contexts_are_short_and_stay_on_their_line():
    text = "word " * 30 + "Ilsa Marwen spoke " + "word " * 30 + "\nOther line."
    (ilsa,) = find_candidates(text, matcher=matcher())
    assert ilsa.contexts[0].startswith("\u2026") and ilsa.contexts[0].endswith("\u2026")
    assert "Other" not in ilsa.contexts[0] and len(ilsa.contexts[0]) < 110


def test_names_after_a_title_are_people():
    found_ = candidates()
    assert found_["Teodor Vass"].kind_hint == "person"  # "Special Representative"
    assert found_["Ruben Haskel"].kind_hint == "person"  # "spokesman" before
    assert found_["Karo Dent"].kind_hint == "person"  # ", the deputy minister"
    assert found_["Ilsa Marwen"].kind_hint is None
    assert "Special Representative Teodor Vass" not in found_


def test_a_surname_alone_is_folded_into_the_full_name_it_belongs_to():
    text = "Minister Ilsa Marwen spoke. Later Marwen left. Ms Marwen returned."
    (ilsa,) = candidates(text).values()
    assert (ilsa.text, ilsa.count, ilsa.kind_hint) == ("Ilsa Marwen", 3, "person")
    assert ilsa.partial_names == ("Marwen",)


def test_a_surname_shared_by_two_full_names_is_not_folded():
    text = "Ilsa Marwen met Petr Marwen. Marwen said the talks went well."
    found_ = candidates(text)
    assert found_["Marwen"].count == 1
    assert found_["Ilsa Marwen"].count == found_["Petr Marwen"].count == 1


def test_a_surname_of_a_known_or_ignored_name_is_not_proposed():
    text = "Ilsa Marwen met Oskar Tellin. Marwen and Tellin agreed."
    registry = (PLACE, (2, "person", "Ilsa Marwen"))
    found_ = candidates(text, registry=registry, ignored=["Oskar Tellin"])
    assert not {"Marwen", "Tellin", "Ilsa Marwen", "Oskar Tellin"} & set(found_)


def test_the_last_word_of_an_organisation_is_not_folded_into_it():
    text = "The Dravo Trade Council met. Later the Council said it would vote."
    assert "Dravo Trade Council" in candidates(text)
    assert candidates(text)["Dravo Trade Council"].partial_names == ()


def test_demonyms_are_not_candidates():
    text = (
        "Kenyan and Peruvian officials met. Afghan refugees and Russians in "
        "Dravo said the Afghans had left. Ilsa Marwen spoke."
    )
    assert set(candidates(text)) == {"Dravo", "Ilsa Marwen"}


def test_the_first_words_of_sub_headings_are_not_candidates():
    text = (
        "Ilsa Marwen arrived in Dravo on Monday for talks on water.\n"
        "## Security concerns remain\n"
        "The talks covered security along the river.\n"
        "Pressure From Dravo\n"
        "Officials said the pressure was growing.\n"
        "Marwen Returns\n"
        "Marwen left for home on Tuesday.\n"
    )
    found_ = candidates(text)
    assert set(found_) == {"Ilsa Marwen", "Dravo"}
    assert found_["Dravo"].count == 2 and found_["Ilsa Marwen"].count == 3


def test_the_words_of_sub_headings_in_capitals_are_not_acronyms():
    text = (
        "Ilsa Marwen arrived in Dravo on Monday for talks with the KLZ.\n"
        "THE RECOVERY\n"
        "Divers searched the lake. Marwen waited on the shore.\n"
        "KLZ TALKS IN DRAVO\n"
        "The talks resume in spring.\n"
    )
    found_ = candidates(text)
    assert set(found_) == {"Ilsa Marwen", "Dravo", "KLZ"}
    assert found_["KLZ"].count == 2  # in a sentence too: an acronym on the heading


def test_acronyms_are_candidates_hinted_as_organisations():
    klz = candidates()["KLZ"]
    assert (klz.count, klz.kind_hint) == (2, "organisation")  # "KLZ-backed" too


def test_of_and_and_join_words_inside_a_name_but_not_two_names():
    found_ = candidates()
    assert "Council of Northern Rivers and Lakes" in found_
    assert "Kestovia" in found_ and "Brunia and Kestovia" not in found_


def test_sentence_openers_titles_months_and_weekdays_are_not_names():
    found_ = candidates()
    for word in ("The", "However", "According", "Participants", "Speaking"):
        assert word not in found_
    for word in ("Friday", "October", "Foreign Minister", "Special Representative"):
        assert word not in found_


def test_a_title_case_headline_is_not_read_as_one_long_name():
    found_ = candidates()
    assert not any("Signs" in name or "Neighbours" in name for name in found_)


def test_possessives_end_a_name():
    # "Marwen's aides" is Marwen, not a name "Marwen's" or "Marwen's Aides".
    assert candidates()["Ilsa Marwen"].partial_names == ("Marwen",)
    assert not any("aides" in name.lower() for name in candidates())


def test_names_the_registry_covers_are_not_candidates():
    registry = (PLACE, (2, "person", "Ilsa Marwen|Marwen"), (3, "place", "Dravo"))
    found_ = candidates(registry=registry)
    assert not {"Brunia", "Ilsa Marwen", "Marwen", "Dravo"} & set(found_)
    assert "Brunian" in found_  # another word, not an alias


def test_a_longer_name_containing_a_known_one_is_still_a_candidate():
    text = "The Dravo River Authority met. Dravo residents left."
    found_ = candidates(text, registry=((3, "place", "Dravo"),))
    assert set(found_) == {"Dravo River Authority"}
    assert found_["Dravo River Authority"].kind_hint == "organisation"


def test_ignored_names_are_not_proposed_compared_with_normalize_name():
    found_ = candidates(ignored=["ilsa  MARWEN", "Klz", "Tellin\u2019s"])
    assert "Ilsa Marwen" not in found_ and "KLZ" not in found_
    assert "Oskar Tellin" in found_  # "Tellin's" is another name


def test_mentions_already_found_can_be_passed_in():
    m = matcher(PLACE, (2, "person", "Ilsa Marwen"))
    mentions = m.find(STORY)
    assert find_candidates(STORY, matcher=m, mentions=mentions) == find_candidates(
        STORY, matcher=m
    )


def test_a_lone_capitalised_word_that_only_opens_sentences_is_not_a_name():
    text = "Emphasis on continuing talks\nThe Vass plan. Vass agreed. Emphasis stays."
    assert set(candidates(text)) == {"Vass"}


def test_the_first_word_of_a_quotation_is_not_a_name():
    assert "We" not in candidates('He said, "We take note," and left Dravo.')


# --- the seed (no names of it in the module: this checks invariants only) ----


def test_seed_matches_and_candidates_are_consistent():
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    words = sorted({w for w in re.findall(r"\b[A-Z][a-z]{4,}\b", text)})[:40]
    m = EntityMatcher.build(AliasSpec(i, w, "other") for i, w in enumerate(words))
    matches = m.find(text)

    assert matches and all(text[x.start : x.end] == x.text for x in matches)
    for name in find_candidates(text, matcher=m):
        assert not m.knows(name.text)
        assert name.text in text and name.count >= 1


# --- properties ----------------------------------------------------------------

NAME_PARTS = ["Vak", "Vakhar", "Front", "VF", "VF-K", "Amun", "Dar", "Bru", "NGO"]
KINDS = sorted(entities.KINDS)
FILLER = [
    "crisis",
    "us",
    "é",
    "😀",
    "O'",
    "d\u2019",
    "e\u0301",
    "\u00a0",
    "\u200b",
    "\u00ad",
]
SEPARATORS = [
    "",
    " ",
    "  ",
    "\n",
    "\n\n",
    ", ",
    "'s ",
    "\u2019s ",
    "' ",
    "s ",
    "-",
    "\u2019",
]
REMOVED = "\u00ad"  # dropped before matching: its neighbours touch


@st.composite
def registry_and_text(draw):
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=5, max_size=5))
    aliases = draw(
        st.lists(
            st.tuples(
                st.integers(0, 4),
                st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=3),
            ),
            min_size=1,
            max_size=8,
        )
    )
    specs = [AliasSpec(i, " ".join(parts), kinds[i]) for i, parts in aliases]
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from([s.text for s in specs]).flatmap(
                    lambda a: st.sampled_from([a, a.upper(), a.lower(), a.title()])
                ),
                st.sampled_from(FILLER + NAME_PARTS),
            ),
            max_size=25,
        )
    )
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces) + 1))
    text = "".join(sep + piece for sep, piece in zip(seps, pieces, strict=False))
    return specs, text


def _loose(text: str) -> str:
    text = "".join(entities._CHAR_MAP.get(c, c) for c in text)
    return " ".join(text.replace("\u200b", " ").split())


def _allowed_forms(spec: AliasSpec) -> set[str]:
    forms = {spec.text}
    if spec.kind == "organisation":
        forms |= set(
            entities._plurals(spec.text, acronym=entities._is_acronym(spec.text))
        )
    if any(entities._is_acronym(f) for f in forms):
        return forms
    return {v for f in forms for v in entities._case_variants(f)}


def _skip_removed(text: str, index: int, step: int) -> int:
    """The first index from `index` (going by `step`) not dropped before matching."""
    while 0 <= index < len(text) and text[index] in REMOVED:
        index += step
    return index


def _neighbour(text: str, index: int, step: int) -> str:
    """The character at index, skipping those dropped before matching."""
    index = _skip_removed(text, index, step)
    return text[index] if 0 <= index < len(text) else " "


def _word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


@settings(max_examples=300, deadline=None)
@given(registry_and_text())
def test_matches_are_exact_disjoint_at_boundaries_and_allowed_forms(case):
    specs, text = case
    matches = EntityMatcher.build(specs).find(text)
    by_alias = {}
    for spec in specs:
        by_alias.setdefault((spec.entity_id, spec.text), spec)

    previous_end = 0
    previous_span = None
    for match in matches:
        span = (match.start, match.end)
        assert text[match.start : match.end] == match.text
        if span != previous_span:
            assert match.start >= previous_end  # sorted, never overlapping
        else:
            assert match.ambiguous  # only ambiguous matches share a span
        previous_end, previous_span = match.end, span
        assert not _neighbour(text, match.start - 1, -1).isalnum()
        assert not _neighbour(text, match.end, 1).isalnum()
        spec = by_alias[match.entity_id, match.alias]
        allowed = {_loose(form) for form in _allowed_forms(spec)}
        assert _loose(unicodedata.normalize("NFC", match.text)) in allowed


@settings(max_examples=300, deadline=None)
@given(registry_and_text())
# An invisible soft hyphen between an apostrophe and the alias: still inside a word.
@example(([AliasSpec(0, "Vak", "event")], "O'\u00adVak"))
def test_every_alias_written_as_registered_at_word_boundaries_is_covered(case):
    specs, text = case
    matches = EntityMatcher.build(specs).find(text)
    for spec in specs:
        for occurrence in re.finditer(re.escape(spec.text), text):
            start, end = occurrence.span()
            before = _neighbour(text, start - 1, -1)
            after = _neighbour(text, end, 1)
            if _word_char(before) or _word_char(after):
                continue
            apostrophe = _skip_removed(text, start - 1, -1)
            if before in "'\u2019" and _neighbour(text, apostrophe - 1, -1).isalpha():
                continue  # "O'Amun" (or "O'\u00adAmun"): inside a word
            assert any(m.start < end and start < m.end for m in matches), (
                spec.text,
                start,
            )

"""relation-conflict on other writers' grammar and vocabulary (issue 12, third
pass): families of verbs, parties told by description, a story's own history and
a dispute told as such; every case is made-up copy."""

import pytest

from articles.text.checks.base import BLOCKING
from articles.text.checks.relation_conflict import find_relation_conflicts
from articles.text.checks.statements import read_statements
from tests.text.checks.clean_copy import source


def _findings(*bodies):
    return list(find_relation_conflicts(source(*bodies)))


def _blocking_both(first, second):
    findings = _findings(first, second)
    return {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # walking away from a deal, as one family of verbs
        (
            "Orrin Foods has bought the Tamsk Bakery.",
            "Orrin Foods backed out of its planned purchase of the Tamsk Bakery.",
        ),
        (
            "Orrin Foods has bought the Tamsk Bakery.",
            "Orrin Foods walked away from talks to buy the Tamsk Bakery in June.",
        ),
        # membership: "remains outside", "became a member", "remains a member"
        (
            "Belize became a full member of the Reef Fisheries Council.",
            "Belize remains outside the Reef Fisheries Council.",
        ),
        (
            "The Marsh Wanderers remain members of the Fen League.",
            "The Fen League has expelled the Marsh Wanderers from the Fen League.",
        ),
        # "is not among the states that have ..." / "... the states X recognises"
        (
            "Kelvar has ratified the Coral Shelf Treaty.",
            "Kelvar is not among the states that have ratified the Coral Shelf Treaty.",
        ),
        (
            "Ostmark recognises the Tessaly Republic.",
            "The Tessaly Republic is not among the states Ostmark recognises.",
        ),
        # a capital told alone as the object, and small states of the table
        (
            "Bridgetown and Paramaribo have restored diplomatic relations.",
            "Barbados has no diplomatic relations with Suriname.",
        ),
        # a list's owner told before it as a name; "was struck off"
        (
            "Belmora was struck off the EU's list of high-risk countries.",
            "Belmora is on the EU list of high-risk countries.",
        ),
        # a merger told as a noun, names with an ampersand
        (
            "Hale & Mott and the Brook Society have merged.",
            "The merger of Hale & Mott and the Brook Society had been called off.",
        ),
        # a pair told by its kind and named in an apposition
        (
            "The two dairies, Vennor and Lask, have merged.",
            "The merger of Vennor and Lask was abandoned.",
        ),
        # a compound ban ended by whom the copy names
        (
            "Tolland Council has banned fireworks.",
            "The fireworks ban was lifted by Tolland Council.",
        ),
        # a refusal told with "ruled out" or "backed away from"
        (
            "Ostmark recognises the Lenn Republic.",
            "Ostmark has ruled out recognising the Lenn Republic.",
        ),
        (
            "Tarvo has joined the Salt Coast Union.",
            "Tarvo backed away from joining the Salt Coast Union.",
        ),
        # a hedge before a name
        (
            "Pelau recognises the government in exile.",
            "Pelau has never recognised the self-styled government in exile.",
        ),
    ],
)
def test_each_kind_is_read(first, second):
    assert _blocking_both(first, second)


def test_the_body_a_frame_names_by_its_kind_after_an_opening_phrase():
    assert _blocking_both(
        "Dunmere & Hart, the hardware chain, has gone into administration.",
        "Suppliers were worried. In a statement, the chain said it remained solvent.",
    )


def test_a_demonym_before_what_a_body_is_does_not_name_the_state():
    statements = read_statements(
        source(
            "Shares in Aldmark rose after the Danish shipping group said it had "
            "completed its acquisition of Fjordline Tugs."
        )
    )
    assert all(s.subject != "Denmark" for s in statements)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a story's own history: its later statement is its account now
        (
            "Ardland listed the Grey Fen Front as a terrorist group in 2017. "
            "Ardland removed the group from the list in May.",
            "The Grey Fen Front is not on Ardland's list of terrorist groups.",
        ),
        # a state told as of now against a dated event
        (
            "Morvia and Tesk restored diplomatic relations in 2009.",
            "Morvia and Tesk have no diplomatic relations today.",
        ),
        # an act of undoing after "and" with its own time
        (
            "Calder recognised the Osk Republic in 2011 and withdrew that "
            "recognition in 2020.",
            "Calder does not recognise the Osk Republic.",
        ),
        # a verb of the same relation after "and", at a later time
        (
            "Brackley Homes abandoned its bid for the Wharf Site in 2018 and bought "
            "it outright in 2023.",
            "Brackley Homes owns the Wharf Site.",
        ),
        # "no arrests" over another matter
        (
            "Police in Tarrow arrested a 30-year-old man over the fire at the mill.",
            "Officers investigating a separate burglary said no arrests had been made.",
        ),
    ],
)
def test_no_conflict(first, second):
    assert not _findings(first, second)


def test_one_side_against_the_other_is_a_dispute_told():
    assert not _findings(
        "The miners say a truce was agreed on Monday. The company says no truce "
        "was ever agreed."
    )


def test_a_compound_ban_lifted_with_no_one_named_is_not_read():
    assert not _findings(
        "The parking ban was lifted for the fair.",
        "Parking is banned on Quay Street.",
    )


def test_a_refusal_itself_denied_says_nothing_sure():
    assert not _findings(
        "Ostmark recognises the Lenn Republic.",
        "Ostmark has not ruled out recognising the Lenn Republic.",
    )

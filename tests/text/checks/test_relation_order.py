"""relation-conflict reads a clause told out of the plain order (a participle
opening the sentence, a cleft, an inversion after "Among", "neither ... nor", a
group told with a participle) and the state words of every clause from one set of
families (issue 12, second relation study); every case is made-up copy."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING
from articles.text.checks.clauses import embedded_clauses
from articles.text.checks.relation_conflict import find_relation_conflicts
from articles.text.checks.statements import read_statements
from tests.text.checks.clean_copy import source


def _findings(*bodies):
    return list(find_relation_conflicts(source(*bodies)))


def _severities(*bodies):
    return {(f.story, f.severity) for f in _findings(*bodies)}


def _states(text):
    return sorted((s.subject, s.object, s.state) for s in read_statements(source(text)))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a perfect participle opening the sentence: the main clause's subject
        (
            "Having joined the Coral Reef Compact in June, Fiji hosted its summit.",
            "Fiji is not a member of the Coral Reef Compact.",
        ),
        # and its second verb
        (
            "Having signed and ratified the Tidewater Accord, Malta hosted a summit.",
            "Malta has not ratified the Tidewater Accord.",
        ),
        # a passive participle opening the sentence
        (
            "Detained at the border, Lukas Brenner was questioned for a day.",
            "Lukas Brenner has not been detained, his lawyer said.",
        ),
        # a cleft names the subject before its verb
        (
            "It was Orvik Timber that acquired Saltmarsh Joinery last winter.",
            "Orvik Timber has not acquired Saltmarsh Joinery.",
        ),
        (
            "It was the Brandt Group that bought Saltmarsh Joinery.",
            "The Brandt Group has not bought Saltmarsh Joinery.",
        ),
        # the subject after the verb, in an inversion after "Among"
        (
            "Among those charged with looting was Petra Sand, a bus driver.",
            "Petra Sand has not been charged with looting.",
        ),
        (
            "Among the states that have ratified the Tidewater Accord is Malta.",
            "Malta has not ratified the Tidewater Accord.",
        ),
        # one of a group told with a participle
        (
            "Jonas Lind is one of three men arrested after the raid.",
            "Jonas Lind was not arrested.",
        ),
        # each party of "neither ... nor", the verb denied
        (
            "Neither Oman nor Qatar recognises the Bayan Provisional Council.",
            "Qatar recognises the Bayan Provisional Council.",
        ),
        # a refusal told with a gerund
        (
            "Malta stopped short of recognising the Bayan Provisional Council.",
            "Malta recognises the Bayan Provisional Council.",
        ),
        (
            "Iceland has held off joining the Arctic Salmon Forum.",
            "Iceland is a member of the Arctic Salmon Forum.",
        ),
        # a decision not to do it, with its time between
        (
            "Brandt Holdings decided in March not to buy Orvik Timber.",
            "Brandt Holdings has bought Orvik Timber.",
        ),
        # an act told by its place in a series is done, not planned
        (
            "Peru became the first country to ratify the Tidewater Accord.",
            "Peru has not ratified the Tidewater Accord.",
        ),
        # an irregular participle, and a person described before the name
        (
            "Having quit the Coral Reef Compact, Fiji sells its catch alone.",
            "Fiji is a member of the Coral Reef Compact.",
        ),
        (
            "Among the mills bought by Brandt Holdings was Orvik Timber.",
            "Brandt Holdings has not acquired Orvik Timber.",
        ),
        (
            "Jailed for perjury in 2021, the former judge Amos Reed wrote a book.",
            "Amos Reed has never been convicted of perjury.",
        ),
        # any group told with a participle; "neither" before "the"
        (
            "Petra Sand is among six nurses charged with theft.",
            "Petra Sand has not been charged with theft.",
        ),
        (
            "Neither the Quay Trust nor Orvik Timber has been charged over the spill.",
            "Orvik Timber was charged over the spill.",
        ),
        # a passive declared state tells its place after the verb
        (
            "A state of disaster was declared across Gwent on Sunday.",
            "Gwent has not declared a state of disaster.",
        ),
    ],
)
def test_a_clause_out_of_the_plain_order_is_read(first, second):
    assert _severities(first, second) == {(0, BLOCKING), (1, BLOCKING)}


def test_a_body_of_any_organisation_kind_is_a_subject():
    assert _severities(
        "The Wyre Valley co-operative has bought Fellside Creamery.",
        "The Wyre Valley co-operative is in talks to buy Fellside Creamery.",
    ) == {(0, ADVISORY), (1, ADVISORY)}


@pytest.mark.parametrize(
    "bodies",
    [
        # "neither ... nor" another party
        (
            "Neither Oman nor Qatar recognises the Bayan Provisional Council.",
            "Kuwait recognises the Bayan Provisional Council.",
        ),
        # a condition told by inverting its auxiliary
        (
            "Had Orvik Timber bought Saltmarsh Joinery, prices would have risen.",
            "Orvik Timber has not bought Saltmarsh Joinery.",
        ),
        (
            "Were Fiji to join the Coral Reef Compact, it would pay dues.",
            "Fiji is not a member of the Coral Reef Compact.",
        ),
        # "not the first to" says nothing sure either way
        (
            "Peru was not the first country to ratify the Tidewater Accord.",
            "Peru ratified the Tidewater Accord in 2022.",
        ),
        # an undoing told by its place in a series is the undoing itself
        (
            "Oman was the first state to withdraw its recognition of the Bayan "
            "Provisional Council.",
            "Oman does not recognise the Bayan Provisional Council.",
        ),
        # a cleft that sets one party against another
        (
            "It was not Orvik Timber but Brandt Mills that bought Saltmarsh Joinery.",
            "Brandt Mills bought Saltmarsh Joinery last year.",
        ),
        # a participle opening a sentence about another subject
        (
            "Based in Leeds, Orvik Timber employs 300 people.",
            "Orvik Timber has not bought Saltmarsh Joinery.",
        ),
    ],
)
def test_near_misses_of_the_orders_are_fine(bodies):
    assert _findings(*bodies) == []


def test_neither_nor_denies_an_arrest_of_each():
    assert _states("Neither Ada Moss nor Leo Hart has been arrested.") == [
        ("", "ada moss", "not-done"),
        ("", "leo hart", "not-done"),
    ]


def test_a_reordered_clause_is_told_in_the_plain_order():
    texts = [
        c.text
        for c in embedded_clauses(
            "Having signed the Tidewater Accord, Malta said it would ratify it."
        )
    ]
    assert "Malta has signed the Tidewater Accord" in texts


def test_a_second_verb_after_a_frame_has_the_subject_the_frame_reports_of():
    assert _severities(
        "Aides in Lima said Peru had signed and ratified the Tidewater Accord.",
        "Peru has not ratified the Tidewater Accord.",
    ) == {(0, BLOCKING), (1, BLOCKING)}
    statements = read_statements(
        source("Aides in Lima said Peru had signed and ratified the Tidewater Accord.")
    )
    assert {s.subject for s in statements} == {"Peru"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Saltmarsh Joinery, which Orvik Timber has not acquired, made a loss.",
            "Orvik Timber has acquired Saltmarsh Joinery.",
        ),
        (
            "The Grey Lantern network, which Norway lists as a terrorist group, "
            "denies it.",
            "Norway does not list the Grey Lantern network as a terrorist group.",
        ),
    ],
)
def test_an_object_before_its_relative_clause_is_read_in_the_plain_order(first, second):
    assert _severities(first, second) == {(0, BLOCKING), (1, BLOCKING)}


def test_a_passive_ban_of_a_thing_is_the_ban_and_of_a_group_its_designation():
    assert _severities(
        "Latvia has banned Pixmelt.", "Pixmelt is not banned in Latvia."
    ) == {(0, BLOCKING), (1, BLOCKING)}
    assert [
        s.relation for s in read_statements(source("Pixmelt is banned in Latvia."))
    ] == ["ban"]
    statements = read_statements(source("The Ash Crown group is banned in Latvia."))
    assert [s.relation for s in statements] == ["designation"]

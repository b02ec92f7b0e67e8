"""relation-conflict finds stories of one source that disagree about a listing."""

import pytest

from articles.text.checks.base import (
    ADVISORY,
    BLOCKING,
    CheckContext,
    PublishedArticle,
)
from articles.text.checks.relation_conflict import find_relation_conflicts
from tests.text.checks.clean_copy import CLEAN_SOURCES, source


def _findings(*bodies):
    return list(find_relation_conflicts(source(*bodies)))


def test_a_listing_stated_as_fact_and_a_review_of_it_are_both_flagged():
    listed = "Canada lists the Proud Boys as a terrorist entity, officials said."
    review = "Ottawa spoke.\n\nCanada is reviewing whether to delist the Proud Boys."
    findings = _findings(listed, review)
    assert [(f.story, f.line, f.severity) for f in findings] == [
        (0, 1, ADVISORY),
        (1, 2, ADVISORY),
    ]
    first, second = findings
    assert first.quote == "Canada lists the Proud Boys as a terrorist entity"
    assert first.related_lines == (2,) and second.related_lines == (1,)
    assert (
        "Canada is reviewing or removing its listing of the Proud Boys" in first.message
    )


def test_a_listing_and_a_completed_removal_contradict_each_other():
    findings = _findings(
        "The Proud Boys are listed as a terrorist entity in Canada.",
        "Canada removed the Proud Boys from its list of terrorist entities last year.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_denied_listing_contradicts_an_asserted_one():
    findings = _findings(
        "Japan does not designate the Red Hand as a terrorist organisation.",
        "Japan designated the Red Hand as a terrorist organisation in 2019.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_the_country_as_subject_is_the_country_named_before_it():
    findings = _findings(
        "Australia recognises the Blue Wolves as a terrorist group.",
        "Australia's attorney-general said the country is completing the review of "
        "removing the Blue Wolves from the list of terrorist groups.",
    )
    assert len(findings) == 2
    assert (
        findings[1].quote
        == "removing the Blue Wolves from the list of terrorist groups"
    )


def test_a_capital_city_stands_for_its_government():
    findings = _findings(
        "Hezbollah, which the United States designates as a foreign terrorist "
        "organisation, denied the claim.",
        "Washington removed Hezbollah from its list of terrorist organisations.",
    )
    assert len(findings) == 2


def test_sanctions_imposed_and_lifted_contradict_each_other():
    findings = _findings(
        "Britain has imposed sanctions on Volna Shipping.",
        "Britain lifted the sanctions on Volna Shipping in April.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_two_dated_events_are_a_sequence_and_only_advisory():
    findings = _findings(
        "Britain imposed sanctions on Volna Shipping in March.",
        "Britain lifted the sanctions on Volna Shipping in April.",
    )
    assert [f.severity for f in findings] == [ADVISORY, ADVISORY]


@pytest.mark.parametrize(
    "bodies",
    [
        # the same statement in two stories
        (
            "Canada lists the Proud Boys as a terrorist entity.",
            "The Proud Boys, which Canada lists as a terrorist entity, held a rally.",
        ),
        # a listing and its review in one story are one account, told on purpose
        (
            "Although Canada lists the Proud Boys as a terrorist entity, it is "
            "reviewing whether to delist the Proud Boys.",
        ),
        # different countries
        (
            "Canada lists the Proud Boys as a terrorist entity.",
            "Australia is reviewing whether to list the Proud Boys as terrorists.",
        ),
        # a condition and a question state nothing
        (
            "Canada lists the Proud Boys as a terrorist entity.",
            "If Canada removed the Proud Boys from its list of terrorist entities, the "
            "group could fundraise. Will Canada delist the Proud Boys?",
        ),
        # a stock market listing is not a terrorist listing
        (
            "Shares of Northwind were listed on the exchange in 2009.",
            "Northwind was removed from the index last year.",
        ),
    ],
)
def test_consistent_or_unrelated_statements_are_fine(bodies):
    assert _findings(*bodies) == []


def test_fingerprint_survives_edits_elsewhere():
    bodies = (
        "Canada lists the Proud Boys as a terrorist entity.",
        "Canada is reviewing whether to delist the Proud Boys.",
    )
    before = _findings(*bodies)
    after = _findings("New first paragraph.\n\n" + bodies[0], bodies[1])
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_has_no_relation_conflicts(name):
    assert list(find_relation_conflicts(CLEAN_SOURCES[name])) == []


# Every relation in relations.py's table, each stated both ways in two stories.
CONTRADICTIONS = [
    (
        "Chile has diplomatic relations with Peru.",
        "Chile has no diplomatic relations with Peru.",
    ),
    (
        "The EU lists Hamas as a terrorist organisation.",
        "The EU does not list Hamas as a terrorist organisation.",
    ),
    (
        "Britain has sanctioned Dmitri Volkov.",
        "Britain has never sanctioned Dmitri Volkov.",
    ),
    (
        "Norway recognised the Kharam government in May.",
        "Norway has not recognised the Kharam government.",
    ),
    ("Finland is a member of NATO.", "Finland is not a member of NATO."),
    (
        "Ecuador has ratified the Minamata Convention.",
        "Ecuador has not ratified the Minamata Convention.",
    ),
    (
        "Peru declared a state of emergency on Monday.",
        "Peru has not declared a state of emergency.",
    ),
    (
        "Orbis Foods is insolvent, its lawyers said.",
        "Orbis Foods is not insolvent, its lawyers said.",
    ),
    ("Veltra acquired Nordpak for $40 million.", "Veltra has not bought Nordpak."),
    ("Veltra has merged with Nordpak.", "Veltra and Nordpak called off the merger."),
    ("Kenya banned TikTok in March.", "Kenya lifted its ban on TikTok."),
    (
        "Police arrested Omar Haddad on Friday.",
        "Omar Haddad has not been arrested, police said.",
    ),
    ("Omar Haddad was charged with fraud.", "Omar Haddad has not been charged."),
    ("Lena Brandt was convicted of bribery.", "Lena Brandt was acquitted of bribery."),
]


@pytest.mark.parametrize(("first", "second"), CONTRADICTIONS)
def test_each_relation_stated_both_ways_in_two_stories_is_blocking(first, second):
    findings = _findings(first, second)
    assert [(f.story, f.severity) for f in findings] == [(0, BLOCKING), (1, BLOCKING)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Finland joined NATO.", "Finland plans to join NATO."),
        ("Veltra acquired Nordpak.", "Veltra is in talks to buy Nordpak."),
        ("Lena Brandt was convicted of bribery.", "Lena Brandt is on trial."),
    ],
)
def test_done_beside_planned_or_under_way_is_advisory(first, second):
    assert {f.severity for f in _findings(first, second)} == {ADVISORY}


def test_two_states_in_one_story_conflict_unless_told_as_a_change():
    [finding] = _findings(
        "Chile has diplomatic relations with Peru. Officials said Chile has no "
        "diplomatic relations with Peru."
    )
    assert finding.severity == BLOCKING and "line 1 of this story" in finding.message
    assert (
        _findings(
            "Chile cut its diplomatic ties with Peru in 2019. Chile has diplomatic "
            "relations with Peru again, officials said."
        )
        == []
    )


def test_a_draft_that_contradicts_a_published_article_names_it():
    context = CheckContext(
        published=(
            PublishedArticle(
                label="Finland joins Nato", paragraphs=("Finland joined NATO.",)
            ),
        )
    )
    draft = source("Finland is not a member of NATO, the minister said.")
    [finding] = find_relation_conflicts(draft, context)
    assert finding.severity == BLOCKING
    assert "the published article “Finland joins Nato”" in finding.message
    assert list(find_relation_conflicts(draft)) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a body named by what it is, in lower case
        (
            "The regional council declared a state of emergency.",
            "The regional council has lifted the state of emergency.",
        ),
        # a government as the object, in lower case
        (
            "Ghana recognises the new government of Mali.",
            "Ghana does not recognise the new government of Mali.",
        ),
        # a treaty by what it is
        (
            "Belgium has ratified the fisheries treaty.",
            "Belgium has yet to ratify the fisheries treaty.",
        ),
        # sanctions denied with "no sanctions on"
        (
            "Oslo has imposed sanctions on Kavala Shipping.",
            "Oslo has no sanctions on Kavala Shipping.",
        ),
    ],
)
def test_more_kinds_of_subject_object_and_denial_are_read(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_different_lower_case_body_is_a_different_subject():
    assert (
        list(
            find_relation_conflicts(
                source(
                    "The town council banned Sunday trading.",
                    "The county council has not banned Sunday trading.",
                )
            )
        )
        == []
    )


def test_the_time_of_a_saying_does_not_date_the_statement():
    findings = list(
        find_relation_conflicts(
            source(
                "Officers detained Ilse Brandt at the border on Monday.",
                "Ilse Brandt has not been detained, her lawyer said on Tuesday.",
            )
        )
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_an_object_told_in_a_relative_clause_is_read():
    findings = list(
        find_relation_conflicts(
            source(
                "Arlo Foods acquired Brightwater Farms in 2023.",
                "Brightwater Farms, which Arlo Foods has not acquired, grew its sales.",
            )
        )
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_plural_possessive_cuts_the_object_short():
    assert (
        list(
            find_relation_conflicts(
                source(
                    "Britain has sanctioned Calder Holdings.",
                    "Britain has never sanctioned Calder Holdings' directors.",
                )
            )
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a conviction told as what a jury or court found
        (
            "A jury found Piotr Nowak guilty of arson.",
            "Piotr Nowak was acquitted of arson.",
        ),
        (
            "Magistrates found Piotr Nowak not guilty.",
            "Piotr Nowak was convicted of arson in May.",
        ),
        ("The court cleared Piotr Nowak of arson.", "Piotr Nowak was found guilty."),
        # a ban on a thing named in lower case, or told as "a ban on"
        (
            "The county council banned barbecues on its beaches.",
            "The county council has not banned barbecues.",
        ),
        (
            "The league introduced a ban on standing terraces last season.",
            "The league has no ban on standing terraces.",
        ),
        (
            "The city banned the sale of fireworks.",
            "The city has not banned fireworks.",
        ),
        # a listing denied without its category
        (
            "Canada lists the Iron Legion as a terrorist entity.",
            "Canada does not list the Iron Legion.",
        ),
    ],
)
def test_convictions_bans_and_bare_listings_told_other_ways_are_read(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    "bodies",
    [
        # found, but not a verdict
        (
            "Inspectors found Piotr Nowak's warehouse empty.",
            "Piotr Nowak was acquitted of arson.",
        ),
        # banned from something, and a ban on another thing
        (
            "The council banned barbecues on its beaches.",
            "The council has not banned campfires.",
        ),
        ("Piotr Nowak was banned from driving.", "The club has not banned fans."),
        # a list that is not a designation
        (
            "The report lists Northwind as a supplier.",
            "The report does not list Northwind.",
        ),
    ],
)
def test_other_findings_bans_and_lists_are_not_read_as_these(bodies):
    assert list(find_relation_conflicts(source(*bodies))) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an aside between the name and its verb or its verdict
        (
            "Nell Hart, 41, was arrested in Dover on Sunday.",
            "Nell Hart, who police want to trace, remains at large.",
        ),
        (
            "A jury found Nell Hart, who denied the charge, guilty of fraud.",
            "Nell Hart, the former club secretary, was cleared of fraud.",
        ),
        # the subject and its verb in a relative clause
        (
            "Corran Mills, which bought Fenwick Paper in May, said sales rose.",
            "Corran Mills has not bought Fenwick Paper.",
        ),
        # "it" is the body a frame after it names, or the name the sentence
        # before opens with
        (
            "Corran Mills bought Fenwick Paper.",
            "It has not bought Fenwick Paper, a spokesman for Corran Mills said.",
        ),
        (
            "Corran Mills bought Fenwick Paper.",
            "Corran Mills made a loss, analysts said.\n\nIt has not bought Fenwick "
            "Paper.",
        ),
    ],
)
def test_asides_relative_clauses_and_it_are_read_through(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_possessive_cuts_a_banned_object_short():
    assert (
        list(
            find_relation_conflicts(
                source(
                    "The league banned Rovers for a year.",
                    "The league has not banned Rovers' fans from away games.",
                )
            )
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two asides before the verb
        (
            "Ilya Stone, 47, of Hull, was found guilty of theft.",
            "Ilya Stone was cleared of theft.",
        ),
        # "had" in reported speech is the present told at one remove
        (
            "Corran Mills said on Monday that it had bought Fenwick Paper.",
            "Corran Mills has not bought Fenwick Paper.",
        ),
        # a name after what it is
        (
            "The papermaker Corran Mills has bought Fenwick Paper.",
            "Corran Mills has not bought Fenwick Paper.",
        ),
        # a ban with a place on one side only
        (
            "The trust banned smoking on its hospital sites.",
            "The trust has not banned smoking.",
        ),
    ],
)
def test_reported_speech_descriptions_and_one_sided_scopes_are_read(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    "bodies",
    [
        # a ban on one thing in two places
        (
            "The trust banned smoking on its hospital sites.",
            "The trust has not banned smoking in its car parks.",
        ),
        # a past state, not reported speech
        (
            "Corran Mills had bought Fenwick Paper before the crash.",
            "Corran Mills has not bought Fenwick Paper.",
        ),
    ],
)
def test_a_ban_in_another_place_and_a_past_state_are_not_conflicts(bodies):
    assert list(find_relation_conflicts(source(*bodies))) == []


@pytest.mark.parametrize(
    "bodies",
    [
        (
            "A jury found Ilya Stone guilty of fraud.",
            "Ilya Stone was cleared of theft.",
        ),
        (
            "Ilya Stone was charged with fraud.",
            "Ilya Stone has not been charged with murder.",
        ),
    ],
)
def test_a_verdict_or_charge_on_another_count_is_not_a_conflict(bodies):
    assert list(find_relation_conflicts(source(*bodies))) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Ilya Stone was convicted of fraud.",
            "Ilya Stone was acquitted of all charges.",
        ),
        ("Ilya Stone was charged with fraud.", "Ilya Stone has not been charged."),
    ],
)
def test_a_denial_of_every_count_conflicts_with_any(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {f.severity for f in findings} == {BLOCKING}


def test_a_ban_denied_outright_is_not_a_ban_in_one_place_denied():
    assert (
        list(
            find_relation_conflicts(
                source(
                    "The school banned mobile phones in classrooms.",
                    "The school has not banned mobile phones outright.",
                )
            )
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Police charged Sam Reid with arson.",
            "No charges have been brought against Sam Reid.",
        ),
        ("Sam Reid was released without charge.", "Sam Reid was charged with theft."),
        ("Sam Reid was jailed for six years.", "Sam Reid was acquitted."),
        ("Sam Reid pleaded guilty to fraud.", "Sam Reid was cleared of fraud."),
        (
            "Kiro Holdings completed its takeover of Mabel Foods.",
            "Kiro Holdings walked away from its bid for Mabel Foods.",
        ),
    ],
)
def test_charges_sentences_pleas_and_abandoned_bids_told_other_ways(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    "bodies",
    [
        # a sentence still to come says nothing about the verdict
        ("Sam Reid was convicted of fraud.", "Sam Reid will be sentenced in May."),
        ("Sam Reid was convicted of fraud.", "Sam Reid was not jailed."),
        # a place before the verb is not who was sentenced
        (
            "A doctor in Hamilton, Ontario, was sentenced to four years.",
            "Ontario has not been convicted of anything.",
        ),
    ],
)
def test_prospects_of_sentence_and_places_are_not_verdicts(bodies):
    assert list(find_relation_conflicts(source(*bodies))) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The treasury said that Britain had imposed sanctions on Orlov Shipping.",
            "Orlov Shipping, which Britain has not sanctioned, denied it.",
        ),
        (
            "Kenya is one of the founding members of the East African Grid.",
            "Kenya, which left the East African Grid in 2020, buys power abroad.",
        ),
        ("Mesa Bank owns Corvo Credit.", "Mesa Bank has not bought Corvo Credit."),
    ],
)
def test_reported_sanctions_membership_among_others_and_ownership(first, second):
    findings = list(find_relation_conflicts(source(first, second)))
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_membership_told_in_an_apposition_is_read():
    findings = list(
        find_relation_conflicts(
            source(
                "Regulators said Skyline Air was not a member of the Air Carriers "
                "Union.",
                "Skyline Air, a member of the Air Carriers Union, flies to 40 cities.",
            )
        )
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}

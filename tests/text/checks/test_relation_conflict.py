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


# --- statements told inside other sentences, and parties told short ------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a relative clause about the subject
        (
            "Veltra is a member of the Arctic Data Union.",
            "Veltra, which has not joined the Arctic Data Union, will bid for a seat.",
        ),
        # an apposition that says what the subject is
        (
            "Orvane Radio, a member of the Coastal Broadcasters League, said it would "
            "broadcast the final.",
            "Orvane Radio is not a member of the Coastal Broadcasters League.",
        ),
        # an apposition between the subject and its verb
        (
            "Dario Fenn, 40, of Leeds, has been charged with arson.",
            "Dario Fenn has not been charged, his solicitor said.",
        ),
        # one of a group
        (
            "Portugal is among the countries that have not ratified the Lisbon "
            "Fisheries Treaty.",
            "Portugal has ratified the Lisbon Fisheries Treaty.",
        ),
        # a passive with no agent, and a name followed by what it is
        (
            "Norway has designated the Grey Lantern network a terrorist organisation.",
            "The Grey Lantern network has not been designated a terrorist "
            "organisation, its lawyer said.",
        ),
        # sanctions a party is under, and a name told after what kind of body it is
        (
            "Britain imposed sanctions on the shipping firm Korvex Lines.",
            "Korvex Lines is not under British sanctions, its owner said.",
        ),
        (
            "Korvex Lines is subject to EU sanctions.",
            "The EU has no sanctions on Korvex Lines.",
        ),
        # a relation told as a noun
        (
            "Peru's recognition of the Republic of Somaliland angered its neighbours.",
            "Peru does not recognise the Republic of Somaliland.",
        ),
        (
            "Veltra's membership of the Arctic Data Union ended in 2021.",
            "Veltra is a member of the Arctic Data Union.",
        ),
        # going into administration
        (
            "Tamsin Buses has gone into administration.",
            "Tamsin Buses is not in administration, the company said.",
        ),
        # a country told by its demonym
        (
            "The Dutch government has imposed sanctions on Korvex Lines.",
            "The Netherlands has no sanctions on Korvex Lines.",
        ),
    ],
)
def test_a_relation_told_inside_another_sentence_is_read(first, second):
    findings = _findings(first, second)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    "denial",
    [
        "Portugal has yet to ratify the Lisbon Fisheries Treaty.",
        "Portugal refused to ratify the Lisbon Fisheries Treaty.",
        "Portugal has never ratified the Lisbon Fisheries Treaty.",
        "Portugal denies that it has ratified the Lisbon Fisheries Treaty.",
        "Portugal denied that it had ratified the Lisbon Fisheries Treaty.",
        "Portugal denied ratifying the Lisbon Fisheries Treaty.",
        "Portugal has declined to ratify the Lisbon Fisheries Treaty.",
        "Portugal has failed to ratify the Lisbon Fisheries Treaty.",
    ],
)
def test_each_way_of_denying_a_relation_contradicts_it(denial):
    findings = _findings("Portugal has ratified the Lisbon Fisheries Treaty.", denial)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_denied_plan_or_a_denied_charge_says_nothing_about_the_relation():
    assert (
        _findings(
            "Talvik Group has bought Morra Foods.",
            "Talvik Group denies that it plans to sell Morra Foods.",
        )
        == []
    )
    assert (
        _findings(
            "Dario Fenn has been charged with arson.",
            "Dario Fenn denies the charge.",
        )
        == []
    )


def test_a_lifting_is_not_read_as_the_sanctions_it_names():
    findings = _findings(
        "The EU lifted the sanctions on Korvex Lines in May.",
        "The EU has no sanctions on Korvex Lines.",
    )
    assert findings == []


def test_a_name_told_short_is_the_one_full_name_of_the_source():
    findings = _findings(
        "Marta Quell was convicted of fraud in 2022.",
        "Quell, who has never been convicted of any offence, will coach the team.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_short_name_shared_by_two_full_names_is_left_alone():
    findings = _findings(
        "Marta Quell was convicted of fraud in 2022.\n\n"
        "Tomas Quell was convicted of fraud in 2023.",
        "Quell, who has never been convicted of any offence, will coach the team.",
    )
    assert findings == []


def test_a_party_described_in_lower_case_is_the_one_the_source_names():
    bought = "Halden Rail has acquired the bus operator Skarn Coaches."
    planned = "Unions met after Halden Rail agreed to buy the company."
    assert {f.severity for f in _findings(bought, planned)} == {ADVISORY}
    emergency = "The regional government of Tarvia has declared a state of emergency."
    denied = "The regional government has not declared a state of emergency."
    assert {f.severity for f in _findings(emergency, denied)} == {BLOCKING}


def test_a_passive_with_no_agent_is_left_alone_when_two_agents_are_named():
    findings = _findings(
        "Norway has designated the Grey Lantern network a terrorist organisation.\n\n"
        "Chile has designated the Grey Lantern network a terrorist organisation.",
        "The Grey Lantern network has not been designated a terrorist organisation.",
    )
    assert findings == []


def test_a_state_since_a_date_is_a_state_now():
    findings = _findings(
        "Tuvalu, which has had diplomatic relations with Belize since 1985, said "
        "it would keep them.",
        "Tuvalu has no diplomatic relations with Belize, officials said last week.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_another_clause_s_time_does_not_date_the_statement():
    findings = _findings(
        "Mali and the Azawad Front agreed a ceasefire in May.",
        "Mali and the Azawad Front have not agreed a ceasefire, and fighting was "
        "reported last week.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


@pytest.mark.parametrize(
    ("agreed", "denied"),
    [
        (
            "The army and the rebels agreed a ceasefire.",
            "The army has not agreed a ceasefire with the rebels.",
        ),
        (
            "A ceasefire between Mali and the Azawad Front has held since May.",
            "No ceasefire has been agreed between Mali and the Azawad Front.",
        ),
        (
            "A ceasefire between the Malian government and the Azawad Front has "
            "been in force since May.",
            "The government and the Azawad Front have not agreed a ceasefire.",
        ),
    ],
)
def test_a_ceasefire_is_a_relation_of_its_two_parties(agreed, denied):
    findings = _findings(agreed, denied)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_ceasefire_with_other_parties_or_only_talked_of_is_no_conflict():
    assert (
        _findings(
            "A ceasefire between Mali and the Azawad Front has held since May.",
            "No ceasefire has been agreed between Mali and the Kidal Movement.",
        )
        == []
    )
    assert (
        _findings(
            "Talks on a ceasefire between Mali and the Azawad Front began in May.",
            "Mali has not agreed a ceasefire with the Azawad Front.",
        )
        == []
    )


def test_a_change_told_in_one_story_is_not_a_conflict():
    findings = _findings(
        "Greece left the Aegean Survey Union in 2019 and rejoined it in 2024.\n\n"
        "Greece is a member of the Aegean Survey Union again."
    )
    assert findings == []


def test_no_longer_denies_a_relation_now():
    findings = _findings(
        "Peru recognises the Republic of Somaliland.",
        "Peru no longer recognises the Republic of Somaliland.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_person_described_in_one_story_is_the_one_another_names_so():
    findings = _findings(
        "A former treasurer of a Hull rowing club has been charged with theft.",
        "Ada Varga, a former treasurer of the club, has not been charged, police said.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_place_after_a_preposition_is_not_who_was_arrested():
    findings = _findings(
        "The driver of a van that hit a wall in Selby has been arrested.",
        "Selby has not been arrested.",
    )
    assert findings == []


def test_a_time_told_before_the_statement_dates_it():
    findings = _findings(
        "In 2019, Britain imposed sanctions on Korvex Lines.",
        "Britain lifted the sanctions on Korvex Lines in April.",
    )
    assert {f.severity for f in findings} == {ADVISORY}


def test_a_description_narrowed_by_its_own_clause_is_another_party():
    findings = _findings(
        "Halden Rail has acquired Skarn Coaches.",
        "Halden Rail has not bought the company that runs the city's trams.",
    )
    assert findings == []


def test_a_relative_clause_about_a_group_named_with_its_kind_is_read():
    findings = _findings(
        "The Red Vale group, which is designated a terrorist organisation in Norway, "
        "held a rally.",
        "Norway has not designated the Red Vale group a terrorist organisation.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # passives that name who did it
        (
            "Peru recognises the Republic of Somaliland.",
            "The Republic of Somaliland is not recognised by Peru.",
        ),
        (
            "Norway has ratified the Oslo Grid Treaty.",
            "The Oslo Grid Treaty has not been ratified by Norway.",
        ),
        (
            "Halden Rail has acquired Skarn Coaches.",
            "Skarn Coaches has not been bought by Halden Rail.",
        ),
        (
            "Korvex Lines was sanctioned by the EU in 2022.",
            "The EU has never sanctioned Korvex Lines.",
        ),
        (
            "A state of emergency was declared in Tarvia in May.",
            "Tarvia has not declared a state of emergency.",
        ),
        # a state a party is under, or a list it is on
        (
            "Tarvia is under a state of emergency.",
            "Tarvia has not declared a state of emergency.",
        ),
        (
            "Korvex Lines is on the EU sanctions list.",
            "The EU has no sanctions on Korvex Lines.",
        ),
        (
            "Britain has sanctioned Korvex Lines.",
            "Korvex Lines is not subject to any sanctions, its owner said.",
        ),
        # what is recognised told as a country's independence
        (
            "Peru has recognised Kosovo's independence.",
            "Peru has not recognised Kosovo.",
        ),
        (
            "Peru recognised the independence of Kosovo in 2009.",
            "Peru does not recognise Kosovo.",
        ),
        # two parties with no relations
        (
            "Chile and Peru have no diplomatic relations.",
            "Chile has diplomatic relations with Peru.",
        ),
        # a charge denied by release
        (
            "Dario Fenn has been charged with arson.",
            "Dario Fenn was released without charge.",
        ),
        # to proscribe is to list
        (
            "Britain proscribed the Red Vale group in 2021.",
            "Britain has not designated the Red Vale group a terrorist organisation.",
        ),
        (
            "The Red Vale group is a proscribed organisation in Britain.",
            "Britain has not designated the Red Vale group a terrorist organisation.",
        ),
        (
            "Tamsin Buses collapsed into administration in May.",
            "Tamsin Buses is not in administration.",
        ),
    ],
)
def test_passives_and_states_of_a_relation_are_read(first, second):
    findings = _findings(first, second)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_passive_whose_agent_is_not_a_party_is_not_read():
    findings = _findings(
        "Norway has ratified the Oslo Grid Treaty.",
        "The Oslo Grid Treaty has not been ratified by enough countries.",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second", "severity"),
    [
        ("Veltra is an EU member.", "Veltra is not a member of the EU.", BLOCKING),
        (
            "Diplomatic relations between Chile and Peru were cut in 2019.",
            "Chile has diplomatic relations with Peru.",
            BLOCKING,
        ),
        (
            "Halden Rail's takeover of Skarn Coaches was completed in May.",
            "Halden Rail has not bought Skarn Coaches.",
            BLOCKING,
        ),
        (
            "Halden Rail's planned takeover of Skarn Coaches was announced in May.",
            "Halden Rail has bought Skarn Coaches.",
            ADVISORY,
        ),
        (
            "Halden Rail's takeover of Skarn Coaches collapsed in May.",
            "Halden Rail has bought Skarn Coaches.",
            BLOCKING,
        ),
        (
            "Dennis Roe was convicted of fraud.",
            "Roe's conviction was quashed in 2022.",
            BLOCKING,
        ),
        (
            "Dennis Roe has never been convicted of fraud.",
            "Roe's conviction for fraud in 2019 ended his career.",
            BLOCKING,
        ),
        (
            "Dario Fenn has been charged with arson.",
            "The charges against Dario Fenn were dropped in June.",
            BLOCKING,
        ),
    ],
)
def test_relations_told_as_nouns_are_read(first, second, severity):
    findings = _findings(first, second)
    assert {(f.story, f.severity) for f in findings} == {(0, severity), (1, severity)}


def test_a_deal_told_as_a_noun_with_no_outcome_or_an_arrest_warrant_says_nothing():
    assert (
        _findings(
            "Halden Rail's takeover of Skarn Coaches is awaiting approval.",
            "Halden Rail has not bought Skarn Coaches.",
        )
        == []
    )
    assert (
        _findings(
            "Dennis Roe has not been arrested.",
            "Roe's arrest warrant was issued in May.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The US Treasury placed Orlan Petroleum under sanctions in 2021.",
            "The US has never sanctioned Orlan Petroleum.",
        ),
        (
            "Orlan Petroleum, which the US sanctioned in 2021, said it would appeal.",
            "The US has no sanctions on Orlan Petroleum.",
        ),
        (
            "Estonia, a NATO member since 2004, said it would send ships.",
            "Estonia is not a member of NATO.",
        ),
        (
            "Chile's parliament ratified the Oslo Grid Treaty in May.",
            "Chile has not ratified the Oslo Grid Treaty.",
        ),
        (
            "Brenn, now owned by Kazmar Holdings, said profits rose.",
            "Kazmar Holdings does not own Brenn.",
        ),
    ],
)
def test_more_ways_of_telling_a_relation_in_passing_are_read(first, second):
    findings = _findings(first, second)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_past_state_is_no_conflict_with_the_present():
    findings = _findings(
        "Poland was a member of the Warsaw Pact.",
        "Poland is not a member of the Warsaw Pact.",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a passive with no agent that names the party it sets itself against
        (
            "Canada lists the Red Vale group as a terrorist organisation.",
            "The Red Vale group has not been designated a terrorist organisation, "
            "unlike in Canada.",
        ),
        # what a party has is not the party
        (
            "Kazmar Holdings has bought Brenn.",
            "Kazmar Holdings denied that it had bought Brenn shares.",
        ),
        # a designation called for is not one made
        (
            "Norway has not designated the Red Vale group a terrorist organisation.",
            "Calls for the designation of the Red Vale group as a terrorist "
            "organisation grew after the attack.",
        ),
    ],
)
def test_near_misses_of_a_relation_are_not_read_as_it(first, second):
    assert _findings(first, second) == []


def test_a_name_told_short_in_a_draft_is_the_one_a_published_article_names():
    context = CheckContext(
        published=(
            PublishedArticle(
                label="Coach banned",
                paragraphs=("Marta Quell was convicted of doping offences in 2022.",),
            ),
        )
    )
    draft = source("Quell, who has never been convicted of any offence, will coach.")
    [finding] = find_relation_conflicts(draft, context)
    assert finding.severity == BLOCKING
    assert "“Coach banned”" in finding.message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Chile has ratified the Oslo Grid Treaty.",
            "Chile has signed but not ratified the Oslo Grid Treaty.",
        ),
        (
            "Dario Fenn has been convicted of arson.",
            "Dario Fenn was charged in May and has not been convicted.",
        ),
    ],
)
def test_a_second_verb_shares_the_sentence_s_subject(first, second):
    findings = _findings(first, second)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_second_clause_with_its_own_subject_keeps_it():
    findings = _findings(
        "Chile recognised Kosovo and Peru has not recognised Kosovo.",
        "Chile recognises Kosovo.",
    )
    assert findings == []


@pytest.mark.parametrize(
    "elsewhere",
    [
        "Kosovo is not recognised in Spain.",
        "In Spain, Kosovo is not recognised, officials said.",
    ],
)
def test_a_passive_is_about_the_country_its_sentence_names(elsewhere):
    assert _findings("Peru recognises Kosovo.", elsewhere) == []


@pytest.mark.parametrize(
    "second",
    [
        "Chile signed the Oslo Grid Treaty in 2019 but has not ratified it.",
        "Chile, which signed the Oslo Grid Treaty in 2019 but has not ratified it, "
        "said it would wait.",
    ],
)
def test_a_pronoun_after_a_second_verb_is_the_first_verb_s_object(second):
    findings = _findings("Chile has ratified the Oslo Grid Treaty.", second)
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_name_told_short_may_be_named_in_full_for_another_relation():
    findings = _findings(
        "Dario Fenn was arrested on Monday and charged with arson.",
        "Fenn, who has not been charged, was released on bail.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


def test_a_plain_verb_after_an_apposition_is_the_name_s():
    findings = _findings(
        "Kazmar Holdings, the Leeds engineering group, agreed to buy Brenn Foods.",
        "Kazmar Holdings has bought Brenn Foods.",
    )
    assert {f.severity for f in findings} == {ADVISORY}


def test_a_membership_that_ceased_contradicts_one_stated_now():
    findings = _findings(
        "Veltra is a member of the Arctic Data Union.",
        "Veltra ceased to be a member of the Arctic Data Union in 2020.",
    )
    assert {f.severity for f in findings} == {BLOCKING}


def test_a_prison_sentence_is_a_conviction():
    findings = _findings(
        "Dario Fenn was jailed for four years in May.",
        "Dario Fenn has never been convicted of any offence.",
    )
    assert {(f.story, f.severity) for f in findings} == {(0, BLOCKING), (1, BLOCKING)}


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


# --- kinds of copy from the heldout5 study (made-up copy, not the corpus's) ---------


def test_a_name_told_with_an_honorific_is_the_person_named_in_full():
    findings = _findings(
        "Petra Lindgren was convicted of theft at Carlisle Crown Court.",
        "Ms Lindgren, who was acquitted of all charges, plans to move abroad.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_an_honorific_name_with_no_full_name_in_the_copy_is_left_as_written():
    findings = _findings(
        "Petra Lindgren was convicted of theft at Carlisle Crown Court.",
        "Mr Lindgren, who was acquitted of all charges, plans to move abroad.",
        "Oskar Lindgren, her brother, was not in court.",
    )
    assert findings == []


def test_a_person_described_in_a_lede_is_the_one_named_after_it():
    findings = _findings(
        "A retired bank manager from Tiverton has been charged with fraud.\n\n"
        "Colin Ashby, 64, is accused of taking money from elderly customers.",
        "Mr Ashby, who has not been charged with any offence, declined to comment.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_description_is_not_someone_the_story_does_not_name():
    findings = _findings(
        "A retired bank manager from Tiverton has been charged with fraud.",
        "Colin Ashby has not been charged with any offence, his lawyer said.",
    )
    assert findings == []


def test_no_one_arrested_denies_the_arrest_another_story_reports():
    findings = _findings(
        "A woman of 41 was later arrested on suspicion of arson, police said.",
        "No one has been arrested, a spokesperson said on Friday.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_no_one_arrested_over_another_event_is_no_conflict():
    findings = _findings(
        "A woman of 41 was arrested over the burglary, police said.",
        "No one has been arrested over the fire, a spokesperson said.",
    )
    assert findings == []


def test_entering_administration_and_remaining_solvent_contradict():
    findings = _findings(
        "Orrin Joinery, a kitchen maker based in Leek, entered administration in May.",
        "A spokesman for Orrin Joinery, which remains solvent, said orders were up.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_administration_told_as_since_ended_is_no_conflict_with_solvency_now():
    findings = _findings(
        "Orrin Joinery entered administration in 2019, but was bought by its "
        "staff a year later.",
        "Orrin Joinery, which is now solvent, has hired 30 joiners.",
    )
    assert findings == []


def test_a_thing_banned_and_not_banned_from_one_place_told_in_the_passive():
    findings = _findings(
        "Drones are banned from Exmouth's beach under a bylaw, the council said.",
        "Drones are not banned from the beach, a ranger said, but must stay low.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_thing_banned_from_one_place_and_not_another_is_no_conflict():
    findings = _findings(
        "Drones are banned from the beach under a bylaw, the council said.",
        "Drones are not banned from the harbour, a ranger said.",
    )
    assert findings == []


def test_a_body_told_by_what_it_is_in_a_relative_clause_is_the_one_named():
    findings = _findings(
        "Quarrel Freight, which was placed under EU sanctions in May, owns six barges.",
        "The company, which is not under any EU sanctions, denied wrongdoing.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_it_after_a_frame_whose_speaker_has_an_aside_is_that_speaker():
    findings = _findings(
        "Ridley Mills, which was bought by Corran Textiles last year, employs 90 "
        "people.",
        "Staff said little. Corran Textiles, which made an offer in 2022, said "
        "on Monday that it had not acquired Ridley Mills.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_relation_told_as_a_noun_with_its_agent_after_by():
    findings = _findings(
        "The recognition of the Bakers' Union by Hollin Foods was welcomed.",
        "Hollin Foods still refuses to recognise the union, organisers said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_the_government_in_a_pacific_capital_is_its_country():
    findings = _findings(
        "Samoa declared a state of emergency after the floods.",
        "The government in Apia has not declared a state of emergency, a minister "
        "said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_thing_not_banned_in_a_place_someone_owns_is_a_ban_not_a_listing():
    findings = _findings(
        "The town council in Ayr has banned kites on its beaches this summer.",
        "Kites are not banned on the town's beaches, a council officer said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]
    assert all("bans" in f.message for f in findings)


def test_an_arrest_of_someone_described_and_no_arrests_made_contradict():
    findings = _findings(
        "Detectives have arrested two men from Crewe over the robbery.",
        "No arrests have been made over the robbery, the force said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_truce_announced_and_no_ceasefire_agreed_contradict():
    findings = _findings(
        "Fighting eased on Friday after a truce was announced, aid workers said.",
        "No ceasefire has been agreed, a commander told reporters.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_no_ceasefire_in_one_place_is_no_conflict_with_one_agreed_in_another():
    findings = _findings(
        "A ceasefire was agreed in Darfur, aid workers said.",
        "No ceasefire has been agreed in Tigray, a commander told reporters.",
    )
    assert findings == []


def test_a_description_is_not_a_relative_of_the_person_the_story_names():
    findings = _findings(
        "A nurse from Derby was charged with theft.\n\nPolice named her as Lia Ford.",
        "Lia Ford's brother, Sam Ford, has not been charged with any offence.",
    )
    assert findings == []


def test_the_company_after_another_company_is_named_is_that_one():
    findings = _findings(
        "Quarrel Freight is under EU sanctions.",
        "Its customer, Tarn Mining, said it was not affected. The company, which "
        "is not under any EU sanctions, buys barges from Quarrel Freight.",
    )
    assert findings == []


def test_a_state_told_as_back_again_does_not_contradict_a_dated_change():
    findings = _findings(
        "Orrin Joinery entered administration in 2019.",
        "Orrin Joinery, which is solvent again, has hired 30 joiners.",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Kestrel Rovers pulled out of the Fenland League.",
            "Kestrel Rovers are members of the Fenland League.",
        ),
        (
            "Tarn Foods has taken over Brill Bakeries.",
            "Brill Bakeries remains independent, its owners said.",
        ),
        (
            "Sanctions on Marlow Oil were lifted.",
            "Marlow Oil remains under US sanctions.",
        ),
        (
            "Mali has lifted the state of emergency.",
            "Mali remains under a state of emergency.",
        ),
        ("Hove council lifted its ban on e-scooters.", "Hove council bans e-scooters."),
    ],
)
def test_more_ways_of_telling_a_state_and_its_opposite(first, second):
    assert [f.severity for f in _findings(first, second)] == [BLOCKING, BLOCKING]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Kestrel Rovers pulled out of the Fenland League in 2019.",
            "Kestrel Rovers rejoined the Fenland League this season.",
        ),
        (
            "Tarn Foods has taken over Brill Bakeries.",
            "Corra Dairies remains independent, its owners said.",
        ),
        (
            "EU sanctions on Marlow Oil were lifted in May.",
            "Marlow Oil remains under US sanctions.",
        ),
    ],
)
def test_near_misses_of_those_ways_are_not_flagged(first, second):
    assert _findings(first, second) == []


def test_a_merger_of_two_parties_told_as_a_noun_and_denied():
    findings = _findings(
        "The merger of Alto Bank and Brio Bank was completed in May.",
        "Alto Bank has not merged with Brio Bank, a spokeswoman said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_pending_merger_told_as_a_noun_says_nothing_done():
    findings = _findings(
        "The merger of Alto Bank and Brio Bank awaits approval.",
        "Alto Bank has not merged with Brio Bank, a spokeswoman said.",
    )
    assert findings == []


def test_a_body_in_lower_case_opening_a_passive_is_the_one_named():
    findings = _findings(
        "The union is recognised by Hollin Foods, organisers said.",
        "Hollin Foods does not recognise the Bakers' Union.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Kestrel Rovers have been expelled from the Fenland League.",
            "Kestrel Rovers, members of the Fenland League, won on Saturday.",
        ),
        (
            "Castle Brewery is a wholly owned subsidiary of Arden Ales.",
            "Arden Ales has never owned Castle Brewery.",
        ),
    ],
)
def test_a_membership_or_ownership_told_another_way(first, second):
    assert [f.severity for f in _findings(first, second)] == [BLOCKING, BLOCKING]


def test_a_bare_owned_is_a_past_state_not_a_contradiction_of_not_owning():
    findings = _findings(
        "Arden Ales owned Castle Brewery for a decade.",
        "Arden Ales does not own Castle Brewery, a spokesman said.",
    )
    assert findings == []


def test_a_countrys_government_told_with_a_possessive_is_its_government():
    findings = _findings(
        "Japan does not recognise the government of Mali, diplomats said.",
        "Japan recognised Mali's new government last month.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_surname_told_as_mr_and_mrs_is_two_people():
    findings = _findings(
        "John Hale was convicted of fraud at Leeds Crown Court.\n\n"
        "Mr Hale will be sentenced next month.",
        "Mrs Hale, who was acquitted of fraud, said she was relieved.",
    )
    assert findings == []


def test_a_ban_told_as_a_noun_with_no_owner_and_lifted():
    findings = _findings(
        "The ban on drones in Whitby was lifted in 2022.",
        "Drones are banned in Whitby, the council said.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


def test_a_ban_lifted_in_one_place_is_no_conflict_with_one_elsewhere():
    findings = _findings(
        "The ban on drones in Whitby was lifted in 2022.",
        "Drones are banned in Scarborough, the council said.",
    )
    assert findings == []


# --- kinds read for the heldout6 study (made-up copy) -------------------------------


@pytest.mark.parametrize(
    ("done", "denied"),
    [
        (  # reported speech with another verb of saying
            "Norvia declared a state of emergency over the fires.",
            "Ministers insisted that Norvia had not declared a state of emergency.",
        ),
        (  # membership told as belonging
            "Estonia, a member of the Baltic Grain Council, hosted the talks.",
            "Estonia, which has never belonged to the Baltic Grain Council, sent one.",
        ),
        (  # a charge told as what someone faces
            "Ilse Brandt faces three charges of theft, prosecutors said.",
            "Ilse Brandt has not been charged with any offence, her lawyer said.",
        ),
        (  # sanctions in the passive, with their agent
            "Sanctions were imposed on Orlen Freight by Norway in May.",
            "Norway has never sanctioned Orlen Freight, an official said.",
        ),
        (  # a sale in the passive: the buyer after "to"
            "Pellow Dairies was sold to Marsh Foods in a £9m deal.",
            "Marsh Foods does not own Pellow Dairies, a spokesman said.",
        ),
        (  # an insolvency told by who was appointed to run the business
            "Administrators were appointed at Caister Joinery on Monday.",
            "Caister Joinery is not insolvent, its owner said.",
        ),
        (  # a merger that never went ahead
            "Alder Mutual and Fenby Savings completed their merger in April.",
            "A merger between Alder Mutual and Fenby Savings never went ahead.",
        ),
        (  # a relative clause led by its preposition
            "Chile, which has diplomatic relations with Taiwan, sent a minister.",
            "Taiwan, with which Chile has no diplomatic relations, sent a delegation.",
        ),
        (  # the object of a ban told before its subject, in a relative clause
            "Norway outlawed Quill Pay in 2022.",
            "Quill Pay, which Norway has never banned, is hiring in Oslo.",
        ),
        (  # an insolvency declared in the passive
            "The airline Brava Air was declared insolvent on Thursday.",
            "Brava Air is not insolvent, its chairman said.",
        ),
    ],
)
def test_more_ways_of_telling_a_relation_and_its_denial_conflict(done, denied):
    assert [f.severity for f in _findings(done, denied)] == [BLOCKING, BLOCKING]


def test_a_relative_clause_after_a_perfect_active_is_not_a_passive():
    # "which Norway has never banned" says Norway banned nothing; it does not say
    # Norway was banned
    findings = _findings(
        "Quill Pay, which Norway has never banned, is hiring in Oslo.",
        "Norway was banned from the games in 2019.",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # a group told by what it is: the one name of that kind in the source
            "Police charged a man with recruiting for the Grey Hollow Front.\n\n"
            "Norway, which lists the front as a terrorist organisation, said so.",
            "Norway removed the front from its list of terrorist organisations "
            "last year.",
        ),
        (  # a body told by what it is with a name before it used as a modifier
            "Peru has recognised the military council in Tarso as its government.",
            "West African leaders met in Accra.\n\nPeru has not recognised the "
            "military council, its ministry said.",
        ),
        (  # ... or with a name after a preposition before it
            "Ashby Rovers, which is a member of the association, voted no.",
            "Ashby Rovers signed two players from the Northern Premier League.\n\n"
            "The club is no longer a member of the association.",
        ),
        (  # a body told by what it is, with its kind's name before it
            "The Wirral firm bought the courier Quickpost in 2024.",
            "Quickpost, which Tarn Freight tried and failed to buy in 2024, "
            "remains independent.",
        ),
        (  # a thing told by what it is in a relative clause
            "The treaty, which has been ratified by the Chilean parliament, "
            "takes effect in May.",
            "The Chilean parliament has yet to ratify the treaty.",
        ),
        (  # an apposition after a body told by what it is
            "The company, one of the founding members of the Solar Guild, spoke.",
            "Brisa Power has never been a member of the Solar Guild.\n\n"
            "The company, one of the founding members of the Solar Guild, spoke.",
        ),
    ],
)
def test_parties_told_by_what_they_are_are_the_ones_the_source_names(first, second):
    assert BLOCKING in {f.severity for f in _findings(first, second)}


def test_an_attempt_is_not_a_deal_done():
    findings = _findings(
        "Quickpost, which Tarn Freight tried to buy in 2024, opened a depot.",
        "Tarn Freight has not bought Quickpost.",
    )
    assert findings == []


def test_two_groups_of_one_kind_leave_the_group_told_short_unresolved():
    findings = _findings(
        "Norway lists the Grey Hollow Front as a terrorist organisation.",
        "The Red Coast Front is active in the north. Norway has never listed "
        "the front as a terrorist organisation.",
    )
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # a declared state's party is the place it holds in
            "The government declared a state of emergency in Tarvel on Monday.",
            "The minister said the province was not under a state of emergency.",
        ),
        (  # a frame's time, with a participle clause after it, dates nothing
            "The army agreed a ceasefire with the Kuro militia on Friday.",
            "No ceasefire has been agreed between the army and the Kuro militia, "
            "an official said on Saturday, adding that talks would go on.",
        ),
        (  # two outcomes told at the same time are no sequence
            "Ana Pell, who was convicted of arson in 2021, has moved abroad.",
            "Ana Pell was acquitted of arson in 2021 after a short trial.",
        ),
        (  # the main clause's time after a relative clause is not the statement's
            "Police arrested the campaigner Joel Adu on Saturday.",
            "Adu, who has not been arrested, spoke at a rally on Sunday.",
        ),
        (  # a person described and then named in full
            "The former treasurer of Kelby, Ruth Amis, has been charged with theft.",
            "Amis, who has not been charged with any offence, is standing again.",
        ),
        (  # a body told by its kind, found guilty; one act told with fewer words
            "A jury found the company guilty of breaching health and safety laws.",
            "The company was cleared of breaching safety laws.",
        ),
        (  # a thing opening its sentence
            "Glass bottles were banned in Ostend at the start of the year.",
            "Belgium has not banned glass bottles in Ostend.",
        ),
    ],
)
def test_more_kinds_of_copy_tell_one_fact_two_ways(first, second):
    assert BLOCKING in {f.severity for f in _findings(first, second)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # a dated state, then a later event in the same sentence
            "Marl Steel went into administration in 2009 and was rescued by "
            "investors the following year.",
            "The company, which is not in administration, won an order.",
        ),
        (  # "no longer" tells the change a dated statement was before
            "The government declared a state of emergency in Tarvel in March.",
            "The province is no longer under a state of emergency.",
        ),
        (  # a gerund of another act is another charge
            "Ana Pell was convicted of assaulting a neighbour.",
            "Ana Pell was acquitted of stealing a car.",
        ),
    ],
)
def test_changes_and_other_acts_are_not_conflicts(first, second):
    assert _findings(first, second) == []


def test_the_two_countries_are_the_pair_the_source_names():
    findings = _findings(
        "Chad cut diplomatic ties with Serbia on Wednesday.",
        "The two countries, which have full diplomatic relations, signed a deal.",
    )
    assert BLOCKING in {f.severity for f in findings}


def test_the_two_countries_with_two_pairs_named_are_left_alone():
    findings = _findings(
        "Chad cut diplomatic ties with Serbia. Peru restored ties with Fiji.",
        "The two countries, which have full diplomatic relations, signed a deal.",
    )
    assert findings == []


def test_a_person_told_by_what_they_are_is_the_one_the_source_names_in_full():
    findings = _findings(
        "The banker Iris Holm bought a house.\n\nNorway has sanctioned Holm.",
        "Holm was seen in Oslo.\n\nThe banker, who has never been sanctioned by "
        "Norway, denies wrongdoing.",
    )
    assert BLOCKING in {f.severity for f in findings}


def test_a_thing_still_legal_is_not_banned():
    findings = _findings(
        "Drones were banned in Hove at the start of the year.",
        "Drones are still legal in Hove, the council said.",
    )
    assert BLOCKING in {f.severity for f in findings}
    assert (
        _findings(
            "Drones were banned in Hove at the start of the year.",
            "Drones are still legal in Brighton, the council said.",
        )
        == []
    )

"""relation-conflict finds stories of one source that disagree about a listing."""

import pytest

from articles.text.checks.base import ADVISORY, BLOCKING
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
        "Britain imposed sanctions on Volna Shipping in March.",
        "Britain lifted the sanctions on Volna Shipping in April.",
    )
    assert [f.severity for f in findings] == [BLOCKING, BLOCKING]


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

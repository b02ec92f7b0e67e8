"""The severity policy: blocking only where publishing would print something false."""

import pytest

from articles.text.checks import ALL_CHECKS
from articles.text.checks.base import ADVISORY, BLOCKING
from articles.text.checks.severity import POLICY, severity_of


def test_every_check_has_a_rule_and_every_rule_a_reason():
    assert {rule.check for rule in POLICY} == {check.name for check in ALL_CHECKS}
    assert all(rule.reason and rule.severity in (BLOCKING, ADVISORY) for rule in POLICY)


@pytest.mark.parametrize("check", ["quotation-marks", "number-forms"])
def test_typography_and_house_style_never_block(check):
    assert {r.severity for r in POLICY if r.check == check} == {ADVISORY}


def test_conflicting_facts_block():
    assert severity_of("relation-conflict", "contradiction") == BLOCKING
    assert severity_of("figures", "different-value") == BLOCKING
    assert severity_of("title-consistency", "different-office") == BLOCKING
    assert severity_of("duplicate-paragraph", "same-story") == BLOCKING
    assert severity_of("weekday-date", "mismatch") == BLOCKING


def test_an_unknown_kind_is_an_error_not_a_guess():
    with pytest.raises(KeyError):
        severity_of("figures", "no-such-kind")

"""The checks corpus (tests/data/checks) has the cases its README promises."""

from collections import Counter

from articles.text.checks import ALL_CHECKS
from articles.text.checks.severity import POLICY
from tests.benchmarks.bench_checks import load_cases, load_clean


def test_every_check_has_ten_positive_and_ten_negative_cases_in_each_part():
    counts = Counter(
        (case.part, case.check, case.expected is not None) for case in load_cases()
    )
    for part in ("tune", "heldout", "heldout2", "heldout3", "heldout8"):
        for check in ALL_CHECKS:
            assert counts[(part, check.name, True)] >= 10, (part, check.name)
            assert counts[(part, check.name, False)] >= 10, (part, check.name)


def test_a_check_left_in_a_partly_studied_part_still_has_its_ten_and_ten():
    # a round's cases of a check move to tune once they are studied (README)
    counts = Counter(
        (case.part, case.check, case.expected is not None)
        for case in load_cases()
        if case.part in ("heldout4", "heldout5")
    )
    for part, check in {(part, check) for part, check, _ in counts}:
        assert counts[(part, check, True)] >= 10, (part, check)
        assert counts[(part, check, False)] >= 10, (part, check)


def test_positive_cases_expect_a_severity_the_policy_gives_that_check():
    allowed = {(rule.check, rule.severity) for rule in POLICY}
    for case in load_cases():
        if case.expected is not None:
            assert (case.check, case.expected) in allowed, case.text[:60]


def test_there_is_clean_copy_to_measure_false_alarms_on():
    words = sum(len(p.text.split()) for ps in load_clean().values() for p in ps)
    assert words >= 1500

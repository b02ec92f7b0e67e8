"""The registry runs every check; findings are sorted, anchored and fingerprinted."""

import importlib

import pytest

from articles.text.checks import ALL_CHECKS, CHECKS_BY_NAME, Finding, run_checks
from articles.text.checks.base import Paragraph, fingerprint, is_heading
from tests.text.checks.clean_copy import CLEAN_SOURCES, source

NAMES = {
    "duplicate-paragraph",
    "quotation-marks",
    "weekday-date",
    "title-consistency",
    "relation-conflict",
    "number-forms",
    "figures",
}

MESSY = (
    "In 2024 the ministers met on Friday (October 5) in Geneva.\n\n"
    "The ministers met in Geneva to discuss the sixth round of the water talks.\n\n"
    "The ministers met in Geneva to discuss the sixth round of the water talks.",
    "Deputy Foreign Minister Ana Ruiz said “the talks will go on.\n\n"
    "The 6th round of the water talks ended.\n\n"
    "Foreign Minister Ana Ruiz left early.",
)


def test_every_named_check_is_registered_once():
    assert {check.name for check in ALL_CHECKS} == NAMES
    assert len(ALL_CHECKS) == len(NAMES)
    assert set(CHECKS_BY_NAME) == NAMES


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.name)
def test_each_check_lives_in_a_module_named_after_it(check):
    module = importlib.import_module(
        "articles.text.checks." + check.name.replace("-", "_")
    )
    assert module.CHECK is check and check.description


def test_run_checks_runs_all_checks_by_default_and_sorts_the_findings():
    findings = run_checks(source(*MESSY))
    assert {f.check for f in findings} == {
        "duplicate-paragraph",
        "quotation-marks",
        "weekday-date",
        "title-consistency",
        "number-forms",
    }
    keys = [(f.story, f.start) for f in findings]
    assert keys == sorted(keys)
    assert all(isinstance(f, Finding) for f in findings)
    assert all(f.severity in ("blocking", "advisory") for f in findings)


def test_run_checks_runs_only_the_checks_asked_for():
    findings = run_checks(source(*MESSY), checks=[CHECKS_BY_NAME["weekday-date"]])
    assert [f.check for f in findings] == ["weekday-date"]


def test_every_finding_quotes_the_body_at_its_span():
    bodies = MESSY
    for finding in run_checks(source(*bodies)):
        assert bodies[finding.story][finding.start : finding.end] == finding.quote


def test_fingerprints_are_unique_and_survive_edits_elsewhere():
    before = run_checks(source(*MESSY))
    edited = (
        "A new lede paragraph for this story.\n\n" + MESSY[0],
        MESSY[1] + "\n\nEnd.",
    )
    after = run_checks(source(*edited))
    assert len({f.fingerprint for f in before}) == len(before)
    assert {f.fingerprint for f in before} == {f.fingerprint for f in after}


def test_the_same_problem_twice_in_a_story_gets_two_fingerprints():
    lede = "The council approved the harbour budget on Monday after a long debate."
    findings = run_checks(source(f"{lede}\n\n{lede}\n\n{lede}"))
    assert [f.line for f in findings] == [2, 3]
    assert len({f.fingerprint for f in findings}) == 2


def test_one_problem_in_two_stories_keeps_one_fingerprint():
    body = 'He called it “a mistake". Nobody replied.'
    quotes = [CHECKS_BY_NAME["quotation-marks"]]
    findings = run_checks(source(body, body), checks=quotes)
    assert [f.story for f in findings] == [0, 1]
    assert findings[0].fingerprint == findings[1].fingerprint


def test_fingerprint_ignores_whitespace_case_and_quote_style():
    assert fingerprint("x", "“Hello”  World") == fingerprint("x", '"hello" world')
    assert fingerprint("x", "a") != fingerprint("y", "a")


def test_an_empty_source_has_no_findings():
    assert run_checks([]) == ()


@pytest.mark.parametrize(
    "text,heading",
    [
        ("Emphasis on continuing talks", True),
        (
            "Mujahid Confirms Cooperation With Foreign Countries In Fight Against ISIS",
            True,
        ),
        ("The talks went on late into the night in the capital.", False),
        (
            "he said the plan was too expensive and would vote against it again today",
            False,
        ),
    ],
)
def test_bare_headings_are_told_from_prose(text, heading):
    assert is_heading(Paragraph(story=0, line=1, text=text, start=0)) is heading


@pytest.mark.parametrize("name", sorted(CLEAN_SOURCES))
def test_clean_copy_raises_nothing_from_any_check(name):
    assert run_checks(CLEAN_SOURCES[name]) == ()

"""On the seed copy the checks find its known problems and little else.

The seed holds six stories pasted one after another, separated by blank lines,
except that lines 3 and 5 are the first story's lede printed twice with a blank line
between them. The story ranges are stated here, not derived, so this test judges the
checks and not the splitter.

Every finding is listed and judged below; the test fails if a finding appears or
disappears, so that a change in precision or recall is a deliberate decision.
"""

from pathlib import Path

import pytest

from articles.text.checks import run_checks
from articles.text.paragraphs import paragraphs_from_lines

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_b3f3967d74f2fce2.txt"
STORIES = [(1, 12), (15, 24), (26, 34), (36, 49), (51, 61), (63, 72)]

# (check, line, severity, related lines), each judged a true finding:
EXPECTED = {
    # the first story's lede, printed twice
    ("duplicate-paragraph", 5, "blocking", (3,)),
    # Lavrov's call for help against terrorism, copied verbatim from story 2 into
    # story 4: a real repeat across stories (advisory)
    ("duplicate-paragraph", 43, "advisory", (22,)),
    # Karen Decker: "Chargé d'Affaires of the US Embassy for Afghanistan" (line 60)
    # and "... of the US Embassy in Kabul" (line 63); the embassy in Kabul has been
    # closed since 2021, so the variant matters; the two stories each carry it
    ("title-consistency", 60, "advisory", (63,)),
    ("title-consistency", 63, "advisory", (60,)),
    # Russia "recognises the Taliban as a terrorist group" (story 2) while story 3
    # reports Russia "completing the review" of removing it from the list
    ("relation-conflict", 20, "advisory", (26, 28, 30)),
    ("relation-conflict", 26, "advisory", (20,)),
    # straight opening marks closed by curly ones
    ("quotation-marks", 24, "advisory", ()),
    ("quotation-marks", 28, "advisory", ()),
    ("quotation-marks", 45, "advisory", ()),
    ("quotation-marks", 56, "advisory", ()),
    # "the sixth meeting of the Moscow Consultative Format" vs "The 6th Moscow
    # Format Meeting"
    ("number-forms", 48, "advisory", (19,)),
}


@pytest.fixture(scope="module")
def lines():
    return SEED.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def findings(lines):
    return run_checks(paragraphs_from_lines(lines, STORIES))


def test_seed_stories_are_where_this_test_says(lines):
    assert lines[2] == lines[4]  # the lede printed twice
    for first, last in STORIES:
        assert lines[first - 1].strip() and lines[last - 1].strip()
        assert last == len(lines) or not lines[last].strip()


def test_the_duplicated_lede_is_found(findings):
    [lede] = [f for f in findings if f.check == "duplicate-paragraph" and f.line == 5]
    assert lede.severity == "blocking"
    assert lede.quote.startswith("Taliban spokesman Zabihullah Mujahid confirmed")


def test_the_diplomat_with_two_titles_is_found_on_both_stories(findings):
    first, second = [f for f in findings if f.check == "title-consistency"]
    assert first.quote.endswith("of the US Embassy for Afghanistan")
    assert second.quote == "Karen Decker, Chargé d'Affaires of the US Embassy in Kabul"
    assert "US Embassy in Kabul" in first.message and "story 6" in first.message
    assert "US Embassy for Afghanistan" in second.message
    assert "story 5" in second.message
    assert (first.related[0][0], second.related[0][0]) == (second.story, first.story)


def test_both_statements_about_russias_listing_of_the_taliban_are_found(findings):
    relation = [f for f in findings if f.check == "relation-conflict"]
    assert [(f.story, f.quote) for f in relation] == [
        (1, "Russia recognises the Taliban as a terrorist group"),
        (2, "removing the Taliban from the list of terrorist groups"),
    ]
    assert all("Russia" in f.message and "Taliban" in f.message for f in relation)


def test_sixth_and_6th_are_found(findings):
    [number] = [f for f in findings if f.check == "number-forms"]
    assert (number.quote, number.suggestion) == ("6th", "sixth")


def test_the_seed_raises_exactly_the_judged_findings(findings):
    got = {(f.check, f.line, f.severity, f.related_lines) for f in findings}
    assert got == EXPECTED
    assert len(findings) == len(EXPECTED)


def test_every_finding_quotes_its_story_body(lines, findings):
    paragraphs = paragraphs_from_lines(lines, STORIES)
    bodies = {
        story: "\n\n".join(p.text for p in paragraphs if p.story == story)
        for story in range(len(STORIES))
    }
    for finding in findings:
        assert bodies[finding.story][finding.start : finding.end] == finding.quote
        assert lines[finding.line - 1].strip().find(finding.quote) != -1

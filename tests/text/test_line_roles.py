"""The learned line classifier (articles/text/splitting/line_roles.py) on made-up
copy, and the generated weights module it reads."""

from articles.text.splitting import line_role_weights, line_roles
from articles.text.splitting.line_roles import FEATURES, ROLES
from tests.benchmarks.fit_line_roles import WEIGHTS_MODULE, render, study_pieces

WEB_PAGE = "\n".join(
    [
        "Harbour ferry fares to rise by a fifth from April",
        "",
        "By Jane Doe",
        "Share",
        "Save",
        "",
        "Ferry passengers crossing the harbour will pay a fifth more for a single"
        " ticket from April, the operator announced on Tuesday, blaming fuel costs"
        " and a new pay deal for its crews.",
        "The company said the rise, its first in four years, would add about 60"
        " cents to the price of a trip and would not apply to season tickets bought"
        " before March.",
        "",
        "What changes for commuters",
        "",
        "Commuters who buy a monthly pass will see their fare go up by about ten"
        " dollars, according to figures published with the announcement.",
        "A passengers' group said it would ask the city council to step in before"
        " the new fares start.",
    ]
)


def test_the_classifier_labels_a_headline_debris_a_sub_heading_and_text():
    lines = WEB_PAGE.splitlines()
    roles = line_roles.line_roles(lines)
    assert roles[1] == "headline"
    assert roles[3] == roles[4] == roles[5] == "debris"  # byline, share buttons
    assert roles[7] == roles[8] == "text"
    assert roles[10] == "subheading"
    assert roles[12] == roles[13] == "text"


def test_probabilities_are_one_per_role_and_sum_to_one():
    probabilities = line_roles.role_probabilities(WEB_PAGE.splitlines())
    for p in probabilities.values():
        assert set(p) == set(ROLES)
        assert abs(sum(p.values()) - 1.0) < 1e-9


def test_a_long_line_is_text_without_being_scored():
    long = " ".join(["word"] * (line_roles.LONG_LINE_WORDS + 1))
    assert line_roles.line_features([long]) == {}
    assert line_roles.role_probabilities([long])[1]["text"] == 1.0


def test_the_weights_module_is_the_fit_scripts_and_fits_the_features():
    assert "tests/benchmarks/fit_line_roles.py" in line_role_weights.__doc__
    assert line_role_weights.FEATURES == FEATURES
    assert set(line_role_weights.WEIGHTS) == set(ROLES)
    for weights in line_role_weights.WEIGHTS.values():
        assert len(weights) == len(FEATURES) + 1  # the bias, then one per feature


def test_the_weights_module_is_as_the_fit_script_writes_it():
    # Not edited by hand: rendering the weights it holds gives its text back.
    assert render(line_roles.MODEL, study_pieces()) == WEIGHTS_MODULE.read_text()

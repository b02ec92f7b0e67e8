"""The one duplicate detector, shared by the splitter and the duplicate-paragraph
check: what counts as a paragraph repeating an earlier one."""

from articles.text.duplicates import EXACT, NEAR, PART, WHOLE, DuplicateFinder
from articles.text.splitting import suggest_split
from articles.text.tokens import words

LEDE = (
    "The ferry operator cancelled all crossings to the northern islands on "
    "Wednesday after a storm damaged the pier at Kellan Bay, leaving about 300 "
    "passengers stranded overnight."
)
QUOTE = (
    'Harbour master Ines Calder said the repairs would take a week. "We will not '
    'put a boat against a pier that might not hold, not for a single crossing," '
    "she said, adding that a temporary landing was being built."
)
OTHER = "Islanders said shops on the smaller islands were already short of bread."


def _repeats(*paragraphs: str, horizon: int | None = None) -> list[list[tuple]]:
    """For each paragraph, the (original index, kind) of what it repeats; every
    paragraph is remembered."""
    finder = DuplicateFinder(horizon=horizon)
    found = []
    for index, text in enumerate(paragraphs):
        toks = words(text)
        found.append([(r.original, r.kind) for r in finder.find(toks)])
        finder.add(index, toks)
    return found


def test_a_paragraph_printed_twice_is_an_exact_repeat():
    assert _repeats(LEDE, OTHER, LEDE)[2] == [(0, EXACT)]


def test_a_short_line_printed_twice_is_no_repeat():
    assert _repeats("Pictures: Kellan Bay", OTHER, "Pictures: Kellan Bay")[2] == []


def test_one_word_changed_is_a_near_repeat():
    changed = LEDE.replace("Wednesday", "Thursday")
    assert _repeats(LEDE, OTHER, changed)[2] == [(0, NEAR)]


def test_a_pull_quote_from_two_sentences_of_a_quotation_is_a_passage():
    pull_quote = (
        '"We will not put a boat against a pier that might not hold. Not for a '
        'single crossing."'
    )
    assert _repeats(QUOTE, OTHER, pull_quote)[2] == [(0, PART)]


def test_a_repeat_with_a_clause_more_holds_all_of_the_earlier_one():
    longer = LEDE.removesuffix(".") + (
        ", in what the islanders' council called a failure of planning that had "
        "been years in the making."
    )
    assert _repeats(LEDE, OTHER, longer)[2] == [(0, WHOLE)]


def test_a_paragraph_sharing_a_phrase_is_no_repeat():
    echo = (
        "About 300 passengers stranded overnight were given rooms in the town hall "
        "and the school, where volunteers served soup until midnight."
    )
    assert _repeats(LEDE, OTHER, echo)[2] == []


def test_rows_of_a_series_that_differ_in_their_figures_are_no_repeat():
    row = (
        "In 2024 the ferry carried 41,000 passengers to the northern islands, up "
        "from the year before."
    )
    next_row = row.replace("2024", "2025").replace("41,000", "44,500")
    assert _repeats(row, next_row)[1] == []


def test_with_a_horizon_old_paragraphs_are_forgotten_for_near_repeats_only():
    changed = LEDE.replace("Wednesday", "Thursday")
    filler = [f"{OTHER} Count {n}." for n in range(8)]
    found = _repeats(LEDE, *filler, changed, LEDE, horizon=3)
    assert found[9] == []  # the near repeat is too far back
    assert found[10] == [(0, EXACT)]  # a word-for-word repeat counts anywhere


def test_the_splitter_sets_aside_a_pull_quote_of_its_story():
    pull_quote = (
        '"We will not put a boat against a pier that might not hold, not for a '
        'single crossing."'
    )
    [story] = suggest_split("\n".join([LEDE, QUOTE, OTHER, pull_quote]))
    assert story.duplicate_lines == (4,)


def test_a_repeat_telling_its_figures_another_way_is_a_near_repeat():
    told_again = LEDE.replace("about 300", "about three hundred")
    assert _repeats(LEDE, OTHER, told_again)[2] == [(0, NEAR)]
    scaled = (
        "The council will spend £1.5m on the pier at Kellan Bay over two years, "
        "its leader said."
    )
    told_long = scaled.replace("£1.5m", "£1.5 million")
    assert _repeats(scaled, OTHER, told_long)[2] == [(0, NEAR)]


def test_a_repeat_told_in_the_passive_is_a_near_repeat():
    passive = (
        "All crossings to the northern islands were cancelled by the ferry operator "
        "on Wednesday after a storm damaged the pier at Kellan Bay, leaving about "
        "300 passengers stranded overnight."
    )
    assert _repeats(LEDE, OTHER, passive)[2] == [(0, NEAR)]


def test_rows_of_a_series_told_with_other_figures_are_no_repeat():
    row = (
        "In 2024 the ferry carried 41,000 passengers to the islands, up 6% on the "
        "year before."
    )
    other_row = row.replace("2024", "2025").replace("41,000", "44,500")
    assert _repeats(row, OTHER, other_row.replace("6%", "8%"))[2] == []


def test_a_repeat_telling_two_figures_each_the_other_way_is_a_near_repeat():
    # each holds a figure in digits the other writes in words: one set of values,
    # so no rows of a series
    lede = (
        "Divers searched for two days for the six sailors missing 40 miles off "
        "the coast after their trawler sank in a gale."
    )
    told_again = lede.replace("two days", "2 days").replace("40 miles", "forty miles")
    assert _repeats(lede, OTHER, told_again)[2] == [(0, NEAR)]
    next_row = lede.replace("two days", "3 days").replace("40 miles", "forty miles")
    assert _repeats(lede, OTHER, next_row)[2] == []

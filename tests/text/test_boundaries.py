"""Turning the editor's chosen story starts into story ranges."""

from articles.text.boundaries import draft_stories, move_start, normalise_starts
from articles.text.splitting import ProposedStory

LINES = [
    "",
    "Harbour reopens after storm",  # 2
    "The harbour reopened on Monday.",  # 3
    "",
    "Fishing boats returned at dawn.",  # 5
    "Council votes on budget",  # 6
    "The council approved the budget.",  # 7
    "",
]


def _proposal(first, last, **fields) -> ProposedStory:
    defaults = dict(
        headline=None,
        headline_suggested=False,
        headline_line=None,
        confidence=0.9,
        reasons=("headline-like line",),
        subheading_lines=(),
        duplicate_lines=(),
    )
    return ProposedStory(first_line=first, last_line=last, **{**defaults, **fields})


PROPOSALS = [
    _proposal(2, 5, headline=LINES[1], headline_line=2, duplicate_lines=(5,)),
    _proposal(6, 7, headline=LINES[5], headline_line=6),
]


def test_starts_keep_only_non_blank_lines_and_always_the_first():
    assert normalise_starts(LINES, [4, 6, 99, 0]) == [2, 6]
    assert normalise_starts(["", " "], [1]) == []


def test_stories_end_at_the_last_non_blank_line_before_the_next_start():
    stories = draft_stories(LINES, [2, 6], PROPOSALS)
    assert [(s.first_line, s.last_line) for s in stories] == [(2, 5), (6, 7)]
    assert stories[0].headline == "Harbour reopens after storm"
    assert stories[0].duplicate_lines == (5,)
    assert stories[1].confidence == 0.9


def test_removing_a_boundary_joins_the_stories():
    (story,) = draft_stories(LINES, [2], PROPOSALS)
    assert (story.first_line, story.last_line) == (2, 7)
    assert story.duplicate_lines == (5,)
    assert story.headline_line == 2


def test_a_boundary_the_editor_adds_gets_a_suggested_headline():
    stories = draft_stories(LINES, [2, 5, 6], PROPOSALS)
    assert [(s.first_line, s.last_line) for s in stories] == [(2, 3), (5, 5), (6, 7)]
    assert stories[1].headline.startswith("Fishing boats returned")
    assert stories[1].headline_suggested
    assert stories[1].headline_line is None
    assert stories[1].reasons == ("chosen by the editor",)
    assert stories[1].confidence is None


def test_moving_a_start_skips_blank_lines_and_never_crosses_another():
    assert move_start(LINES, [2, 6], 6, -1) == [2, 5]
    assert move_start(LINES, [2, 5], 5, -1) == [2, 3]
    assert move_start(LINES, [2, 3], 3, -1) == [2, 3]  # would empty the first story
    assert move_start(LINES, [2, 6], 6, 1) == [2, 7]
    assert move_start(LINES, [2, 7], 7, 1) == [2, 7]  # past the end
    assert move_start(LINES, [2, 6], 2, 1) == [2, 6]  # the first start stays


def test_a_story_started_on_a_headline_shaped_line_takes_it_as_its_headline():
    lines = [
        "Storm closes the harbour",  # 1
        "Boats stayed in port on Monday as the storm closed the harbour.",  # 2
        "Repairs begin on the wall",  # 3: headline-shaped, proposed as a sub-heading
        "Engineers began repairing the damaged sea wall overnight.",  # 4
    ]
    proposals = [
        _proposal(1, 4, headline=lines[0], headline_line=1, subheading_lines=(3,))
    ]

    second = draft_stories(lines, [1, 3], proposals)[1]

    assert second.headline == "Repairs begin on the wall"
    assert second.headline_line == 3
    assert not second.headline_suggested
    assert second.subheading_lines == ()


def test_a_story_started_on_a_sentence_gets_a_suggested_headline_and_no_line():
    lines = [
        "Storm closes the harbour",
        "Boats stayed in port on Monday as the storm closed the harbour.",
        "Engineers began repairing the damaged sea wall overnight.",
    ]
    proposals = [_proposal(1, 3, headline=lines[0], headline_line=1)]

    second = draft_stories(lines, [1, 3], proposals)[1]

    assert second.headline_line is None
    assert second.headline_suggested

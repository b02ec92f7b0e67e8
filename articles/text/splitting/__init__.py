"""Propose where the stories in multi-story raw copy start; build the editor's split.

`suggest_split` reads raw copy (one paragraph per line) and proposes stories, each with
a confidence and reasons an editor can read. `plan_split` checks the editor's chosen
boundaries against the copy and builds each story's text without losing a line.

How a boundary is scored: every gap between two paragraphs gets the signals listed in
`SIGNALS` (each a number from 0 to 1, a few from -1 to 1), and its score is `BIAS`
plus the weighted sum. A gap scoring above zero starts a new story; its confidence is
the logistic of the score, and the signals that weighed most are its reasons. A
headline-like line that does not start a story is a sub-heading. Paragraphs that
repeat an earlier one are flagged and left out of the scoring, so that a duplicated
lede does not look like a new story. Everything is linear in the length of the copy.
"""

from articles.text.splitting.boilerplate import boilerplate_lines, line_kind
from articles.text.splitting.headlines import (
    HEADLINE_MAX_WORDS,
    _heading_shape,
    heading_shape,
    suggest_headline,
)
from articles.text.splitting.line_roles import debris_lines
from articles.text.splitting.plan import SplitError, StoryChoice, StoryText, plan_split
from articles.text.splitting.proposals import (
    BoundaryCandidate,
    ProposedStory,
    boundary_candidates,
    proposals_to_choices,
    suggest_split,
)
from articles.text.splitting.scoring import BIAS, SIGNALS, Signal
from articles.text.splitting.words import STOPWORDS, content_stems

__all__ = [
    "BIAS",
    "HEADLINE_MAX_WORDS",
    "SIGNALS",
    "STOPWORDS",
    "BoundaryCandidate",
    "ProposedStory",
    "Signal",
    "SplitError",
    "StoryChoice",
    "StoryText",
    "_heading_shape",
    "boilerplate_lines",
    "boundary_candidates",
    "content_stems",
    "debris_lines",
    "heading_shape",
    "line_kind",
    "plan_split",
    "proposals_to_choices",
    "suggest_headline",
    "suggest_split",
]

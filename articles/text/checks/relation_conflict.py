"""relation-conflict: statements that disagree about one relation.

The relations are the ones news copy states as facts and that change over time:
designation or listing as a terrorist or banned group and sanctions (read here with
their own patterns), and the table in relations.py (diplomatic relations,
recognition, membership, ratification, declarations, acquisitions and mergers,
bans, arrests, charges, convictions). Each statement is read into (subject,
relation, object, state); the states are relations.py's: DONE, NOT_DONE,
UNDER_WAY, PROPOSED and UNDOING (for a listing: listed, not listed, being
delisted, proposed for listing).

Statements about the same subject and object conflict when their states do
(relations.CONFLICTS): DONE against NOT_DONE is a contradiction, blocking; DONE
beside PROPOSED, UNDER_WAY or UNDOING, and NOT_DONE beside UNDOING, a tension,
advisory. Compared are:

- the stories of one source with each other;
- one story with itself, for contradictions only, unless either sentence tells a
  change or a contrast ("although", "until", "in 2019", "on appeal");
- each story with the desk's published articles (`CheckContext.published`), the
  finding naming the published article.

Two statements that are each dated events ("imposed in March", "lifted in April")
are a sequence and at most a tension; a statement is dated by its own clause, and
a state "since 2011" is a state now; a dated statement whose sentence goes on to
tell a change ("entered administration in 2020, but was bought out of it"), or
beside one that tells a return ("is solvent again", "rejoined"), is a past state
and no conflict. Statements about different places or counts
("banned fireworks from the park" / "from the pier", "convicted of fraud" /
"acquitted of theft") do not conflict; one told without either, or with "any"
or "all", is about every place or count. Conditionals and questions are skipped. A
subject written as "the country" or "it", or missing ("the process of removing X
from the list"), is taken to be the nearest country named before it in the
paragraph, or else the one party the source's other statements of the relation
name (references.py, which also reads "Kiprono" as "Joseph Kiprono" and "the
union" as the union named, "Mr Kiprono" as the Joseph Kiprono the copy names,
"a former director" as the person its story names, "no one has been arrested"
as the one arrest the source reports). A thing banned or declared in the passive
with no one named ("e-scooters are banned from the pier") is compared with others
told so. Relations told inside another sentence (a relative
clause, an apposition, a noun, a denial) are read by clauses.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    make_finding,
    other_stories_phrase,
)
from articles.text.checks.relations import (
    CONFLICTS,
    DESIGNATION_DESCRIBED,
    SANCTIONS_DESCRIBED,
)
from articles.text.checks.severity import severity_of
from articles.text.checks.statement_patterns import REPORTING_VERBS
from articles.text.checks.statements import (
    DESIGNATION,
    RELATIONS_BY_NAME,
    SANCTIONS,
    Statement,
    read_statements,
    same_scope,
)

NAME = "relation-conflict"

_CONFLICTS = CONFLICTS

# Words that say a sentence tells of a change or a contrast, so that two states of
# one relation in one story are the story, not a slip.
_CONTRAST = re.compile(
    r"(?i:\b(?:although|though|while|whereas|but|however|despite|even\s+as|yet|"
    r"until|since|before|after|previously|formerly|once|used\s+to|later|earlier|"
    r"then|now|no\s+longer|again|first|initially|\d{4}|last\s+(?:year|month|week)|"
    r"ago|appeal|retrial|overturned|reversed)\b)"
)


# A time the sentence puts its statement at.
_DATED = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|yesterday|ago|last\s+(?:year|month|week))\b"
)


_NEXT_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas|where|when|which|who|as|after|before|although)\b"
    r"|[;:]|[.!?](?:\s|$)"
)
_SINCE = re.compile(rf"\bsince\s+(?:(?:last|early|late)\s+)?{_DATED.pattern}")

_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*,")
_SAYING = r"(?:said|says|told|added|confirmed|announced|reported|stated|insisted)"
_SAYING_BEFORE = re.compile(rf"\b{_SAYING}(?:\s+(?:on|last|this)\s+\w+)?(?:\s+that)?\b")
# "..., a spokesman said on Saturday, adding that talks would go on"
_TRAILING_FRAME = re.compile(
    rf",[^,]*\b{_SAYING}\b[^,]*(?:,\s+(?:adding|saying|noting|citing)\b.*)?$"
)
_LEADING_FRAME = re.compile(rf"^[^,]*?\b{_SAYING}\b(?:\s+on\s+\w+)?(?:\s+that)?")


def find_relation_conflicts(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield findings on statements that conflict with another statement.

    Compared: the stories of this source with each other, each story with itself
    (two sentences not told as a change or contrast), and each story with the
    desk's published articles in `context.published`.
    """
    published: dict[tuple[str, str, str], list[tuple[str, Statement]]] = defaultdict(
        list
    )
    for article in context.published:
        article_paragraphs = [
            Paragraph(story=-1, line=n, text=text, start=0)
            for n, text in enumerate(article.paragraphs, start=1)
        ]
        for statement in read_statements(article_paragraphs):
            published[statement.key].append((article.label, statement))
    # a party the draft tells short may be one the published articles name in full
    known = [statement for stated in published.values() for _, statement in stated]
    groups: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for statement in read_statements(paragraphs, known):
        groups[statement.key].append(statement)
    for key, group in groups.items():
        group = _latest_accounts(group)
        stories = sorted({s.para.story for s in group})
        for story in stories:
            mine = [s for s in group if s.para.story == story]
            theirs = [s for s in group if s.para.story != story]
            found = list(_conflict_findings(mine, theirs))
            found = found or list(_within_story_findings(mine))
            found = found or list(_published_findings(mine, published.get(key, [])))
            yield from found


def _conflict_findings(
    mine: list[Statement], theirs: list[Statement]
) -> Iterator[Finding]:
    for statement in mine:
        against = [
            t
            for t in theirs
            if _conflict_kind(statement, t) is not None and same_scope(statement, t)
        ]
        if not against:
            continue
        kinds = {_conflict_kind(statement, t) for t in against}
        yield _finding(
            statement,
            kind=min(kinds),  # "contradiction" before "tension"
            message=_message(statement, against),
            related_lines=[t.para.line for t in against],
            related_paragraphs=[t.para for t in against],
        )
        return  # one finding per story and relation: the first statement stands for all


def _conflict_kind(first: Statement, second: Statement) -> str | None:
    """How two statements of one relation conflict, or None.

    Two statements each told as an event at a time ("imposed sanctions in March",
    "lifted them in April") are a sequence: both can be true, so at most a tension
    (one story may be out of date); an undated statement is a claim about now.
    """
    kind = _CONFLICTS.get(frozenset({first.state, second.state}))
    if kind is not None and (
        _overtaken(first)
        or _overtaken(second)
        or (_dated(first) and _told_as_changed(second))
        or (_dated(second) and _told_as_changed(first))
    ):
        return None
    if kind is not None and _dated(first) and _dated(second):
        # the same time told for both is no sequence: "convicted of X in 2022" /
        # "acquitted of X in 2022"; two years apart are a history told
        # ("recognised X in 2021" / "withdrew its recognition in 2023")
        told, other = _time_told(first), _time_told(second)
        if told == other:
            return kind
        years, other_years = _years(told), _years(other)
        if years and other_years and not years & other_years:
            return None
        return "tension"
    return kind


# What a sentence tells after a dated statement when it has since changed: "X
# entered administration in 2020, but was bought out of it", "until 2019".
# Or another event told after it at a later time: "went into administration in
# 2009 and was rescued by investors the following year".
# An act that undoes another, told after "and" with its own time: "recognised X
# in 2015 and withdrew that recognition in 2022", "expelled in 2018 and
# readmitted in 2021".
_UNDOING_VERBS = (
    r"withdr[ae]w|withdrawn|revoked|reversed|rescinded|ended|lifted|left|quit|"
    r"severed|cut|broke\s+off|dropped|abandoned|readmitted|rejoined|reinstated|restored"
)
_OVERTAKEN = re.compile(
    r"[^.;]{0,40}?,?\s+(?:but|until|before)\b"
    r"|[^.;]{0,40}?\s+and\s+(?:then\s+)?(?:(?:was|were|has\s+been|had\s+been)\s+"
    rf"[a-z]+(?:ed|en)|(?:{_UNDOING_VERBS}))\b[^.;]*?\b(?:later|the\s+(?:following|next)\s+\w+|"
    r"(?:in|by)\s+(?:1[89]|20)\d\d)\b"
)


# "no longer" tells that the state was the other before; a state told as of now
# ("have no relations today") sets itself against an earlier one
_AGAIN = re.compile(
    r"\b(?:again|once\s+more|re-?join(?:s|ed|ing)?|no\s+longer|today|now|currently|"
    r"at\s+present|these\s+days|any\s?more)\b"
)


def _latest_accounts(group: list[Statement]) -> list[Statement]:
    """The statements of one relation without those their own story overtakes: a
    dated statement followed in its story by one of a conflicting state ("listed
    X in 2019. Ottawa removed the group from the list in February") is that
    story's history, and its later statement is its account now."""
    ordered = sorted(group, key=lambda s: (s.para.story, s.para.line, s.start))
    kept: list[Statement] = []
    # what each story tells after, one statement per state and scope (so the
    # walk stays linear in the copy's length)
    later: dict[int, dict[tuple[str, str], Statement]] = defaultdict(dict)
    for statement in reversed(ordered):
        told_after = later[statement.para.story]
        overtaken = _dated(statement) and any(
            _CONFLICTS.get(frozenset({statement.state, state}))
            and same_scope(statement, other)
            for (state, _), other in told_after.items()
        )
        if not overtaken:
            kept.append(statement)
        told_after.setdefault((statement.state, statement.scope), statement)
    return kept[::-1]


def _told_as_changed(statement: Statement) -> bool:
    """True when a statement says its state has come back ("is solvent again",
    "rejoined the league"):
    a dated statement of the other state tells the time before, not a slip."""
    text = statement.para.text
    rest = _NEXT_CLAUSE.search(text, statement.end)
    return bool(
        _AGAIN.search(text, statement.start, rest.start() if rest else len(text))
    )


def _overtaken(statement: Statement) -> bool:
    """True when a dated statement's own sentence goes on to tell that it has
    changed since: it is a past state, which a statement about now does not
    contradict."""
    text = statement.para.text
    if not _dated(statement):
        return False
    if _OVERTAKEN.match(text, statement.end):
        return True
    # "walked away from its bid in 2019 and bought it outright in 2022": a verb of
    # the same relation after "and", at a time of its own
    then = _AND_THEN.match(text, statement.end)
    relation = RELATIONS_BY_NAME.get(statement.relation)
    if then is None or relation is None or not _LATER.search(then["rest"]):
        return False
    return any(re.match(phrase.verb, then["rest"]) for phrase in relation.phrases)


_AND_THEN = re.compile(r"[^.;]{0,40}?\s+and\s+(?:then\s+|later\s+)?(?P<rest>[^.;]*)")
_LATER = re.compile(
    r"\b(?:later|the\s+(?:following|next)\s+\w+|(?:in|by)\s+(?:1[89]|20)\d\d)\b"
)


def _dated(statement: Statement) -> bool:
    """True when the statement's own clause puts it at a time (_time_told)."""
    return bool(_time_told(statement))


def _years(times: frozenset[str]) -> frozenset[str]:
    """The years among the times a statement is told at."""
    return frozenset(t for t in times if t.isdigit())


def _time_told(statement: Statement) -> frozenset[str]:
    """The times the statement's own clause puts it at: the sentence up to
    the statement and what follows it until another clause begins (", and ...",
    ", where ..."). The time of a frame of reported speech ("his lawyer said on
    Wednesday") is when it was said, not when it was so; another clause's time
    (", and fighting was reported last week") is another event's; and a state
    "since August" is a state now."""
    text = statement.para.text
    sentence_start = text.find(statement.sentence)
    if not 0 <= sentence_start <= statement.start:
        sentence_start = statement.start
    rest = _NEXT_CLAUSE.search(text, statement.end)
    before = text[sentence_start : statement.start]
    frames = list(_SAYING_BEFORE.finditer(before))
    if frames:  # "X, which ... in 2023, said last week that it": the frame's
        before = before[frames[-1].end() :]
    # "Snelpost, which Tern tried to buy in 2024, remains independent": an aside
    # inside the statement tells its own time
    own = text[statement.start : statement.end]
    # what follows a relative clause ("X, who has not been arrested, spoke on
    # Sunday") is the main clause's, and tells its time
    relative = re.search(r",\s+(?:who|which)\b", own)
    after = (
        "" if relative else text[statement.end : rest.start() if rest else len(text)]
    )
    own = _RELATIVE_ASIDE.sub("", own)
    told = _LEADING_FRAME.sub("", _TRAILING_FRAME.sub("", before + own + after))
    return frozenset(m.group().lower() for m in _DATED.finditer(_SINCE.sub("", told)))


def _within_story_findings(mine: list[Statement]) -> Iterator[Finding]:
    """A contradiction inside one story, unless it is told as a change or contrast."""
    for j, later in enumerate(mine):
        for earlier in mine[:j]:
            if _CONFLICTS.get(frozenset({earlier.state, later.state})) != (
                "contradiction"
            ) or not same_scope(earlier, later):
                continue
            if _CONTRAST.search(earlier.sentence) or _CONTRAST.search(later.sentence):
                continue
            if _disputed(earlier.sentence, later.sentence):
                continue
            yield _finding(
                later,
                kind="contradiction",
                message=(
                    f"This says {_describe(later)}, but line {earlier.para.line} of "
                    f"this story says {_describe(earlier)}: reconcile the two before "
                    "publishing."
                ),
                related_lines=[earlier.para.line],
            )
            return


# The frame of a claim told as one side's: "The rebels say", "the army insists".
_CLAIM_FRAME = re.compile(
    rf"^(?P<speaker>[^,;:]*?)\s+(?:{REPORTING_VERBS}|says?|claims?|insists?|"
    r"maintains?|den(?:y|ies)|accuses?)\b"
)


def _disputed(first: str, second: str) -> bool:
    """True when two sentences of one story are each one side's claim ("The
    rebels say a ceasefire was agreed ... The army says none was"): the story
    reports a dispute, which is no slip of its own."""
    claims = [_CLAIM_FRAME.match(sentence) for sentence in (first, second)]
    if not all(claims):
        return False
    speakers = {claim.group("speaker").lower() for claim in claims if claim}
    return len(speakers) == 2


def _published_findings(
    mine: list[Statement], published: list[tuple[str, Statement]]
) -> Iterator[Finding]:
    """A draft statement that conflicts with what the desk has already published."""
    for statement in mine:
        for label, other in published:
            kind = _conflict_kind(statement, other)
            if kind is None or not same_scope(statement, other):
                continue
            yield _finding(
                statement,
                kind=kind,
                message=(
                    f"This says {_describe(statement)}, but the published article "
                    f"“{label}” says {_describe(other)}: check which is right, and "
                    "correct the published article if it is this draft."
                ),
                related_lines=[],
                facts=[label],
            )
            return


def _finding(
    statement: Statement,
    *,
    kind: str,
    message: str,
    related_lines: list[int],
    related_paragraphs: Sequence[Paragraph] = (),
    facts: list[str] | None = None,
) -> Finding:
    return make_finding(
        check=NAME,
        severity=severity_of(NAME, kind),
        paragraph=statement.para,
        start=statement.start,
        end=statement.end,
        message=message,
        related_lines=related_lines,
        related_paragraphs=related_paragraphs,
        facts=[
            statement.relation,
            statement.subject,
            statement.object,
            statement.state,
            *(facts or []),
        ],
    )


def _message(statement: Statement, against: list[Statement]) -> str:
    where = other_stories_phrase(t.para for t in against)
    said = _describe(statement)
    other_said = " / ".join(sorted({_describe(t) for t in against}))
    return (
        f"This says {said}, but {where} says {other_said}: "
        "reconcile the two accounts before publishing both."
    )


def _describe(statement: Statement) -> str:
    if statement.relation == SANCTIONS:
        template = SANCTIONS_DESCRIBED[statement.state]
    elif statement.relation == DESIGNATION:
        template = DESIGNATION_DESCRIBED[statement.state]
    else:
        template = RELATIONS_BY_NAME[statement.relation].described[statement.state]
    text = template.format(subject=statement.subject_text, object=statement.object_text)
    return text[:1].lower() + text[1:] if text.startswith("The ") else text


CHECK = Check(
    name=NAME,
    description="Stories of one source that disagree about a designation or sanction.",
    run=find_relation_conflicts,
)

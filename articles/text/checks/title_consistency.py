"""title-consistency: one person given different titles or roles within one source.

People are found by full name (two or more capitalised words) and, once known, by
surname. Titles come from the three shapes news copy uses: before the name
("Chilean Foreign Minister Ana Ortiz"), in an appositive after it ("Ana
Ortiz, Chile's foreign minister," / "Jane Roe, Director of the Institute,") and in
one before it ("Chile's foreign minister, Ana Ortiz, said"). A bare title
without a name ("the Chilean foreign minister said") is not attributed to anyone.

Two titles of one person are compared only when they name the same kind of office
(the same head noun: minister, envoy, spokesman...), because people hold several
jobs at once, or two offices nobody holds together (vocabulary.EXCLUSIVE_OFFICES:
"Prime Minister" / "President", "Judge" / "Prosecutor"), which is blocking. Then:

- a different rank (Deputy Foreign Minister / Foreign Minister) or portfolio
  (foreign / interior minister) is blocking; so is a different grade of one
  office when both titles are formal or both carry one (Chief Superintendent /
  Superintendent, Senior / Junior partner), and a different field (batting
  / reserve-team coach, director of nursing / finance director, Minister for
  Housing / for Transport); words that describe the holder ("the veteran
  coach") or name the body ("the club coach") are not fields;
- different countries (Peruvian / Chilean foreign minister) are blocking;
- one office of, for or to two places or bodies with no word in common
  ("mayor of Lyon" / "mayor of Nantes", "ambassador to Japan" / "to Korea") is
  blocking; other differences in the organisation (the party's / Chile's, or
  "of the Embassy for Peru" / "of the Embassy in Lima") are advisory;
- name variants ("Yuri" / "Yury") are one person when the entity registry says
  so: the desk passes the registry's aliases in `CheckContext.aliases`;
- one title that is only less specific than the other ("minister" / "foreign
  minister", "envoy" / "US envoy for the Sahel") is fine, as are differences in
  lower-case description ("Chile's security agency" / "Chile's federal security
  service"), which reporters vary on purpose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from articles.text.checks.base import (
    NO_CONTEXT,
    Check,
    CheckContext,
    Finding,
    Paragraph,
    is_heading,
    make_finding,
    other_stories_phrase,
)
from articles.text.checks.severity import severity_of
from articles.text.tokens import (
    Token,
    is_ordinary,
    is_title_word,
    name_runs,
    sentences,
    tokenize,
)
from articles.text.vocabulary import (
    DESCRIPTIVE_WORDS,
    GRADE_WORDS,
    HONORIFICS,
    ORGANISATION_WORDS,
    RANK_MODIFIERS,
    TITLE_MODIFIERS,
    actors_in,
    countries_in,
    exclusive_offices,
    is_role_head,
    role_words,
    words_of,
)

NAME = "title-consistency"

_CONNECTORS = frozenset(words_of("of for in at to on"))
_DETERMINERS = frozenset(words_of("the a an its their his her"))
_NAME_PARTICLES = frozenset(words_of("bin ibn al el de del der van von da di la le"))
# Words that end a title written without a closing comma ("X, the minister said").
_ROLE_STOPS = frozenset(
    words_of(
        """
        said says told announced added stated noted explained warned confirmed
        claimed called urged stressed spoke speaking is was are were has had have
        will would who whom whose which that and but or while when after before as
        """
    )
)
MAX_ROLE_TOKENS = 12
_OFFICE = "different-office"  # kinds of finding, as the severity policy names them
_VARIANT = "variant"
_PAST_WORDS = frozenset(words_of("former ex"))
# A rank word that many writers drop: a difference in these is advisory.
_TEMPORARY_WORDS = frozenset(words_of("acting interim caretaker outgoing incoming"))
# Heads that name an office only with their modifiers: a "chief executive officer".
_MODIFIED_HEADS = frozenset(words_of("officer director"))
# Bodies named before an office ("the club coach", "a council spokesman"): whose
# office it is, not which office.
_BODY_WORDS = ORGANISATION_WORDS | frozenset(
    words_of("club team squad side firm government city county town state opposition")
)


@dataclass(frozen=True)
class _Role:
    core: tuple[str, ...]  # lower-case title words: ("deputy", "foreign", "minister")
    head: str  # the office: "minister"
    affiliation: frozenset[str]  # countries and capitalised organisation words
    countries: frozenset[str]
    text: str
    # words that make another office of the same head: "batting" coach
    qualifiers: frozenset[str] = frozenset()
    formal: bool = False  # every title word capitalised: "Chief Superintendent"
    # a capitalised word opening the sentence before the office ("Backs coach"):
    # a field against another title's field, else a name ("Hamas spokesman")
    opening: frozenset[str] = frozenset()
    # the words of what the office is of, for or to: "mayor of Lyon", "ambassador
    # to Japan", "MP for Leeds Central"
    posting: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Mention:
    person: str
    role: _Role
    para: Paragraph
    start: int  # span of title and name within the paragraph
    end: int


def find_title_conflicts(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding on each mention whose title conflicts with another one.

    A conflict between two stories is on both, each referring to the other's
    paragraph; one within a story is on the later mention.
    """
    prose = [p for p in paragraphs if not is_heading(p)]
    aliases = context.aliases
    full_names = {aliases.get(name, name) for name in _full_names(prose)}
    surnames: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        surnames[name.split()[-1]].add(name)
    unique_surnames = {s: next(iter(n)) for s, n in surnames.items() if len(n) == 1}
    held_together = _offices_held_together(prose)

    by_person: dict[str, list[_Mention]] = defaultdict(list)
    for para in prose:
        for mention in _mentions(para, full_names, unique_surnames, aliases):
            by_person[mention.person].append(mention)

    for person, mentions in by_person.items():
        reported: set[tuple[str, str]] = set()
        conflicts: dict[int, list[tuple[_Mention, tuple[str, str]]]] = defaultdict(list)
        for j, later in enumerate(mentions):
            for i, earlier in enumerate(mentions[:j]):
                verdict = _compare(earlier.role, later.role, held_together)
                pair = (earlier.role.text.lower(), later.role.text.lower())
                if verdict and pair not in reported:
                    reported.add(pair)
                    conflicts[j].append((earlier, verdict))
                    if earlier.para.story != later.para.story:
                        conflicts[i].append((later, verdict))
        for index in sorted(conflicts):
            yield _finding(person, mentions[index], conflicts[index])


def _finding(
    person: str, mention: _Mention, conflicts: list[tuple[_Mention, tuple[str, str]]]
) -> Finding:
    office = any(v[0] == _OFFICE for _, v in conflicts)
    severity = severity_of(NAME, _OFFICE if office else _VARIANT)
    other, (_, why) = conflicts[0]
    here = sorted(
        {m.para.line for m, _ in conflicts if m.para.story == mention.para.story}
    )
    elsewhere = [m.para for m, _ in conflicts if m.para.story != mention.para.story]
    places = []
    if here:
        unit = "paragraph" if mention.para.story_title else "line"
        places.append(", ".join(f"{unit} {line}" for line in here))
    if elsewhere:
        places.append(other_stories_phrase(elsewhere))
    return make_finding(
        check=NAME,
        severity=severity,
        paragraph=mention.para,
        start=mention.start,
        end=mention.end,
        message=(
            f"{person} is “{mention.role.text}” here but “{other.role.text}” in "
            f"{' and '.join(places)} ({why}): check which is right and use it "
            "throughout."
        ),
        related_lines=[m.para.line for m, _ in conflicts],
        related_paragraphs=elsewhere,
        facts=[person, *sorted(m.role.text for m, _ in conflicts), mention.role.text],
    )


def _compare(
    a: _Role, b: _Role, held_together: frozenset[frozenset[str]] = frozenset()
) -> tuple[str, str] | None:
    """(severity, reason) when two titles of one person disagree, else None."""
    if a.head != b.head:
        offices = frozenset({_office(a.core, a.head), _office(b.core, b.head)})
        if exclusive_offices(*offices) and offices not in held_together:
            return _OFFICE, "a different office"
        return None  # different kinds of office can be held at once
    past_a, past_b = set(a.core) & _PAST_WORDS, set(b.core) & _PAST_WORDS
    core_a, core_b = set(a.core) - _PAST_WORDS, set(b.core) - _PAST_WORDS
    if past_a != past_b:
        # "President X" and "X, the former vice-president" are two moments of one
        # career; only the same office called both current and former is suspect.
        return (
            (_VARIANT, "current in one place, former in the other")
            if (core_a == core_b)
            else None
        )
    rank_a, rank_b = core_a & RANK_MODIFIERS, core_b & RANK_MODIFIERS
    if rank_a != rank_b:
        temporary = (rank_a ^ rank_b) <= _TEMPORARY_WORDS
        return (_VARIANT if temporary else _OFFICE), "a different rank"
    grade_a, grade_b = core_a & GRADE_WORDS, core_b & GRADE_WORDS
    if grade_a != grade_b and ((grade_a and grade_b) or (a.formal and b.formal)):
        return _OFFICE, "a different rank"  # "Chief Superintendent" / "Superintendent"
    rest_a = core_a - rank_a - {a.head}
    rest_b = core_b - rank_b - {b.head}
    if rest_a and rest_b and not (rest_a <= rest_b or rest_b <= rest_a):
        return _OFFICE, "a different office"
    # which office, by field too: "finance" / "operations" director, "head" /
    # "batting" coach; a grade is not a field ("Lead" / "cancer" researcher)
    field_a = (rest_a - grade_a) | _fields(a, b)
    field_b = (rest_b - grade_b) | _fields(b, a)
    if field_a and field_b and not (field_a <= field_b or field_b <= field_a):
        return _OFFICE, "a different office"
    if a.countries and b.countries and not a.countries & b.countries:
        return _OFFICE, "a different country"
    if _different_postings(a, b):
        # one office of two places or bodies: "mayor of Lyon" / "of Nantes"
        return _OFFICE, "a different posting"
    if a.affiliation and b.affiliation:
        # "Union leader" is the "leader of the dockers' union", written shorter
        if a.affiliation <= _words(b.text) or b.affiliation <= _words(a.text):
            return None
        if not a.affiliation & b.affiliation:
            return _VARIANT, "a different organisation"
        if not (a.affiliation <= b.affiliation or b.affiliation <= a.affiliation):
            return _VARIANT, "a variant of the title"
    return None


def _different_postings(a: _Role, b: _Role) -> bool:
    """True when two titles are of, for or to places or bodies with no word in
    common, and neither is the other's initials ("LSE", "the London School of
    Economics")."""
    if not (a.posting and b.posting) or a.posting & b.posting:
        return False
    return not any(
        _initials(x.text) & {w for w in y.posting if len(w) > 1}
        for x, y in ((a, b), (b, a))
    )


def _initials(text: str) -> set[str]:
    """The initials of the capitalised runs of a title: "LSE" for "professor at
    the London School of Economics"."""
    found = set()
    for run in re.findall(r"[A-Z][\w'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'-]*)+", text):
        found.add("".join(w[0] for w in run.split() if w[0].isupper()).lower())
    return found


def _fields(role: _Role, other: _Role) -> frozenset[str]:
    """The fields that say which office a title is: its own, and the capitalised
    word opening its sentence when the other title names a field too ("Backs
    coach" / "the forwards coach")."""
    return role.qualifiers | (role.opening if other.qualifiers else frozenset())


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w-]+", text)}


def _office(core: tuple[str, ...], head: str) -> str:
    """The office a title names, as vocabulary.EXCLUSIVE_OFFICES lists it: its head
    noun, or for a head that needs its modifiers ("chief executive officer",
    "managing director") the title without its rank."""
    if head in _MODIFIED_HEADS:
        return " ".join(w for w in core if w not in RANK_MODIFIERS)
    return head


def _offices_held_together(
    paragraphs: Sequence[Paragraph],
) -> frozenset[frozenset[str]]:
    """Pairs of offices the copy gives one person together: "chairman and chief
    executive", "treasurer and managing director"."""
    pairs = set()
    for para in paragraphs:
        tokens = tokenize(para.text)
        for k, token in enumerate(tokens):
            if token.lower not in ("and", "&"):
                continue
            left = _title_run(reversed(tokens[max(0, k - 4) : k]))[::-1]
            right = _title_run(tokens[k + 1 : k + 5])
            if left and right:
                offices = []
                for run in (left, right):
                    core = role_words(tuple(t.lower for t in run))
                    heads = [w for w in core if is_role_head(w)]
                    if heads:
                        offices.append(_office(core, heads[-1]))
                if len(offices) == 2:
                    pairs.add(frozenset(offices))
    return frozenset(pairs)


def _title_run(tokens: Iterable[Token]) -> list[Token]:
    run = []
    for token in tokens:
        if not is_title_word(token.lower):
            break
        run.append(token)
    return run


# --- finding people ----------------------------------------------------------------


def _full_names(paragraphs: Sequence[Paragraph]) -> set[str]:
    names = set()
    for para in paragraphs:
        tokens = tokenize(para.text)
        for i, j in name_runs(tokens):
            if j - i >= 2:
                names.add(" ".join(t.base for t in tokens[i:j]))
    return names


def _mentions(
    para: Paragraph,
    full_names: set[str],
    surnames: dict[str, str],
    aliases: Mapping[str, str],
) -> Iterator[_Mention]:
    for s_start, s_end in sentences(para.text):
        tokens = tokenize(para.text[s_start:s_end], offset=s_start)
        for i, j in name_runs(tokens):
            name = " ".join(t.base for t in tokens[i:j])
            name = aliases.get(name, name)  # a spelling the registry knows
            if j - i == 1 and name not in full_names:
                person = surnames.get(name)
                if person is None:
                    continue
            elif name in full_names:
                person = name
            else:
                continue
            for role, start, end in _roles_around(tokens, i, j, para.text):
                yield _Mention(person, role, para, start, end)


def _roles_around(
    tokens: list[Token], i: int, j: int, text: str
) -> Iterator[tuple[_Role, int, int]]:
    name_start, name_end = tokens[i].start, tokens[j - 1].end
    opening = next((t.start for t in tokens if t.text[:1].isalnum()), -1)
    # Title right before the name: "Chilean Deputy Foreign Minister Ana Ortiz",
    # also past an honorific: "Lead researcher Dr Sofia Lind".
    title_end = i - _honorific_before(tokens, i)
    k = title_end
    while k > 0 and title_end - k < MAX_ROLE_TOKENS:
        if _prenominal_word(tokens[k - 1]) or _is_qualifier(tokens, k - 1, opening):
            k -= 1
        elif (k >= 2 and _body_after_rank(tokens, k - 1)) or (
            # "Secretary of State Antony Blinken", "Minister for Housing Ana Ruiz"
            tokens[k - 1].lower in ("of", "for")
            and k >= 2
            and is_role_head(tokens[k - 2].lower)
            and tokens[k].lower in TITLE_MODIFIERS
        ):
            k -= 2
        else:
            break
    if k < title_end:
        role = _parse_role(tokens[k:title_end], text, opening)
        if role is not None:
            yield role, tokens[k].start, name_end
    # Appositive after the name: "Karen Roe, Director of the Institute, said",
    # also told as what the person is now: "Karen Roe, who is the director, said".
    after = j
    if (  # past an age: "Jane Roe, 54, the agency's director"
        after + 2 < len(tokens)
        and tokens[after].text == ","
        and tokens[after + 1].text.isdigit()
        and tokens[after + 2].text == ","
    ):
        after += 2
    if after < len(tokens) and tokens[after].text == ",":
        segment = _after_being(_segment(tokens, after + 1, forward=True))
        role = _parse_role(segment, text) if segment and _opens_role(segment) else None
        if role is not None:
            yield role, name_start, _parsed(segment)[-1].end
    # Appositive before the name: "Meanwhile, Chile's foreign minister, X Y, said".
    if (
        i > 0
        and tokens[i - 1].text == ","
        # closed by a comma, or the sentence: "..., according to the agency's
        # deputy director, Jane Roe."
        and (j == len(tokens) or tokens[j].text in (",", ".", "!", "?", ";"))
    ):
        segment = _segment(tokens, i - 2, forward=False)
        if [t.lower for t in segment[:2]] == ["according", "to"]:
            segment = segment[2:]  # "according to the agency's director, X Y"
        # The whole clause must read as a title: "After meeting the minister, X Y,"
        # is not one.
        if segment and _opens_role(segment) and _parsed(segment) == segment:
            role = _parse_role(segment, text)
            if role is not None:
                yield role, segment[0].start, name_end


# "who is", "who has been", "who now serves as", "who became": a relative clause
# that gives the person's present office.
_BEING = re.compile(
    r"who (?:now |currently )?(?:is|has been|serves as|became|was appointed|"
    r"was named|was made)(?: as)? "
)


def _after_being(segment: list[Token]) -> list[Token]:
    """`segment` without an opening "who is" (and the like), else as it is."""
    words = " ".join(t.lower for t in segment[:6]) + " "
    being = _BEING.match(words)
    if not being:
        return segment
    return segment[being.group().count(" ") :]


def _honorific_before(tokens: list[Token], i: int) -> int:
    """How many tokens before tokens[i] are an honorific: "Dr" 1, "Dr ." 2."""
    if i >= 1 and tokens[i - 1].lower in HONORIFICS:
        return 1
    if i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].lower in HONORIFICS:
        return 2
    return 0


def _is_qualifier(
    tokens: Sequence[Token], index: int, opening: int = -1, depth: int = 0
) -> bool:
    """True for a word right before an office that says which office: a field or
    a part of the body ("batting coach", "reserve-team coach", "youth coach"),
    not a description of its holder ("the veteran coach") nor a body ("the club
    coach"). Capitalised, it counts only where a sentence opens ("Fielding
    coach Raf Mendes"), in a shape names do not take (-ing, hyphenated)."""
    if not 0 <= index < len(tokens) - 1:
        return False
    if not is_role_head(tokens[index + 1].lower) and not (
        depth == 0 and _is_qualifier(tokens, index + 1, opening, depth=1)
    ):
        return False  # a field is right before the office, or before another field
    token = tokens[index]
    word = token.lower
    if (
        token.is_possessive
        or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word)
        or is_title_word(word)
        or is_ordinary(token.base)
        or word in DESCRIPTIVE_WORDS
        or word in _BODY_WORDS
        # the shapes of adjectives that describe: "conservative", "socialist"
        or re.search(r"(?:ed|ous|ful|ly|ive|ist|ian|ish)$", word)
    ):
        return False
    if token.base.islower():
        return True
    return token.start == opening and (word.endswith("ing") or "-" in word)


def _field_word(token: Token) -> bool:
    """A word after "of" that can name a field: "operations", "communications",
    and capitalised in a shape names do not take: "Planning", "Nursing"."""
    return (
        token.base.isalpha()
        and (token.base.islower() or token.lower.endswith("ing"))
        and not is_ordinary(token.base)
        and token.lower not in _DETERMINERS
    )


def _prenominal_word(token: Token) -> bool:
    word = token.lower
    if is_title_word(word):
        return True
    if is_ordinary(token.base) or not token.base[:1].isalpha():
        return False
    return token.base[:1].isupper()  # an affiliation: "Hamas", "US", "Chilean"


def _opens_role(segment: list[Token]) -> bool:
    token = segment[0]
    word = token.lower
    return (
        word in _DETERMINERS
        or is_title_word(word)
        or (token.base[:1].isupper() and not is_ordinary(token.base))
        or _is_qualifier(segment, 0)  # "artistic director"
    )


def _segment(tokens: list[Token], index: int, *, forward: bool) -> list[Token]:
    """The tokens from `index` to the next (or previous) comma or sentence end."""
    found = []
    step = 1 if forward else -1
    while 0 <= index < len(tokens) and len(found) < MAX_ROLE_TOKENS + 4:
        if (
            re.fullmatch(r"[^\w'\u2019]", tokens[index].text)
            and tokens[index].text not in "-"
        ):
            break
        found.append(tokens[index])
        index += step
    return found if forward else found[::-1]


def _parsed(segment: list[Token]) -> list[Token]:
    """The leading tokens of `segment` that can belong to a title."""
    taken: list[Token] = []
    after_connector = False
    for index, token in enumerate(segment):
        word = token.lower
        if word in _ROLE_STOPS or (after_connector and re.fullmatch(r"[a-z]+ed", word)):
            break
        if word in _CONNECTORS:
            after_connector = True
        elif not (
            is_title_word(word)
            or word in _DETERMINERS
            or token.base[:1].isupper()
            or token.is_possessive  # "the club's assistant coach"
            or after_connector
            or _is_qualifier(segment, index)  # "the batting coach"
            or _body_after_rank(segment, index)  # "deputy council leader"
        ):
            break
        taken.append(token)
    while taken and (taken[-1].lower in _CONNECTORS or taken[-1].lower in _DETERMINERS):
        taken.pop()
    return taken


def _body_after_rank(tokens: list[Token], index: int) -> bool:
    """True for a lower-case body between a rank and its office: "council" in
    "Deputy council leader", "club" in "assistant club secretary"."""
    token = tokens[index]
    return (
        0 < index < len(tokens) - 1
        and token.base.isalpha()
        and token.base.islower()
        and not is_ordinary(token.base)
        and tokens[index - 1].lower in RANK_MODIFIERS
        and is_title_word(tokens[index + 1].lower)
    )


def _parse_role(segment: list[Token], text: str, opening: int = -1) -> _Role | None:
    tokens = _parsed(segment)
    if not tokens:
        return None
    core_tokens: list[Token] = []
    org_tokens: list[Token] = []
    qualifiers: set[str] = set()
    opening_word: set[str] = set()
    posting: set[str] = set()  # named after "of", "for", "to": "mayor of Lyon"
    in_org = False
    portfolio = False  # inside "of State" / "of Foreign Affairs": part of the title
    for index, token in enumerate(tokens):
        word = token.lower
        if word in _CONNECTORS:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            portfolio = (
                word in ("of", "for")  # "Minister for Housing", "head of finance"
                and not in_org
                and following is not None
                and not following.is_possessive
                and (
                    following.lower in TITLE_MODIFIERS
                    # "director of operations", "head of communications"
                    or (
                        index > 0
                        and is_role_head(tokens[index - 1].lower)
                        and _field_word(following)
                    )
                )
            )
            in_org = not portfolio
            continue
        if word in _DETERMINERS:
            portfolio = False
            continue
        if portfolio and is_title_word(word) and not token.is_possessive:
            core_tokens.append(token)
            continue
        if portfolio and _field_word(token):
            qualifiers.add(word)
            continue
        portfolio = False
        if (
            token.start == opening
            and token.base[:1].isupper()
            and index + 1 < len(tokens)
            and is_role_head(tokens[index + 1].lower)
            and not is_title_word(word)
            and word not in _BODY_WORDS
            and not actors_in(token.base)
        ):
            opening_word.add(word)
        if not in_org and _is_qualifier(tokens, index, opening):
            qualifiers.add(word)
        elif not in_org and is_title_word(word) and not token.is_possessive:
            core_tokens.append(token)
        elif token.base[:1].isupper() or token.is_possessive:
            org_tokens.append(token)
            if in_org and token.base[:1].isupper() and not is_ordinary(token.base):
                posting.add(token.lower)
    core = role_words(tuple(t.lower for t in core_tokens))
    heads = [w for w in core if is_role_head(w)]
    if not heads:
        return None
    org_text = " ".join(t.base for t in org_tokens)
    country_spans = countries_in(org_text)
    countries = frozenset(c for _, _, c in country_spans)
    # Words inside a country's name ("United States") are not organisation words.
    covered = {w.lower() for s, e, _ in country_spans for w in org_text[s:e].split()}
    others = {
        t.base.lower()
        for t in org_tokens
        if t.base[:1].isupper() and not is_ordinary(t.base) and t.lower not in covered
    }
    return _Role(
        core=core,
        head=heads[-1],
        affiliation=frozenset(countries | others),
        countries=countries,
        text=text[tokens[0].start : tokens[-1].end],
        qualifiers=frozenset(qualifiers),
        formal=all(t.base[:1].isupper() for t in core_tokens),
        opening=frozenset(opening_word - qualifiers),
        posting=frozenset(posting),
    )


CHECK = Check(
    name=NAME,
    description="One person given different titles or roles within one source.",
    run=find_title_conflicts,
)

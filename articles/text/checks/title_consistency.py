"""title-consistency: one person given different titles or roles within one source.

People and their titles are read by title_reading.py (see there). Two titles of
one person are compared only when they name the same kind of office
(the same head noun: minister, envoy, spokesman...), because people hold several
jobs at once, or two offices nobody holds together (vocabulary.EXCLUSIVE_OFFICES:
"Prime Minister" / "President", "Judge" / "Prosecutor"), or two posts on the staff
of one body (vocabulary.POSTS_OF_ONE_BODY: "the gallery's director" / "the
gallery's chief curator"), which are blocking unless the copy gives them together
("chairman and chief executive"); a director of one field ("finance director")
is a post under the body's head, and kinds of body the copy names together ("a
hospital trust") are one body. Offices in bodies of two kinds ("council
leader" / "leader of the Labour group") are not compared, unless both are named in
full ("chief executive of the Ness Trust" / "of the Tay Foundation"). Then:

- a different rank (Deputy Foreign Minister / Foreign Minister) or portfolio
  (foreign / interior minister) is blocking; so is a different grade of one
  office when both titles are formal or both carry one (Chief Superintendent /
  Superintendent, Senior / Junior partner), and a different field (batting
  / reserve-team coach, director of nursing / finance director, Minister for
  Housing / for Transport); words that describe the holder ("the veteran
  coach") or name the body ("the club coach") are not fields;
- different countries (Peruvian / Chilean foreign minister, ambassador to Jordan /
  to Lebanon, Ireland's / Norway's ambassador to Peru) or organisations named
  in full (principal of Kelvin College / of Govan College, chief executive of a
  trust / of a foundation) are blocking;
- one office of, for or to two places or bodies with no word in common
  ("mayor of Lyon" / "mayor of Nantes", "ambassador to Japan" / "to Korea") is
  blocking; other differences in the organisation (the party's / Chile's, or
  "of the Embassy for Peru" / "of the Embassy in Lima") are advisory;
- one title that is only less specific than the other ("minister" / "foreign
  minister", "envoy" / "US envoy for the Sahel") is fine, as are differences in
  lower-case description ("Chile's security agency" / "Chile's federal security
  service"), which reporters vary on purpose, and one of several ("a professor
  at" two universities).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

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
from articles.text.checks.title_reading import (
    Mention,
    Role,
    its_body,
    people_named,
    spellings_of_one_name,
    title_mentions,
)
from articles.text.tokens import (
    Token,
    is_title_word,
    tokenize,
)
from articles.text.vocabulary import (
    GRADE_WORDS,
    HEADS_OF_BODY,
    ORGANISATION_WORDS,
    POSTS_NAMING_THEIR_BODY,
    POSTS_OF_ONE_BODY,
    RANK_MODIFIERS,
    exclusive_offices,
    is_role_head,
    role_words,
    words_of,
)

NAME = "title-consistency"

# "of" in the titles of other languages: "Ministro de Justicia", "Ministre des Finances"

_OFFICE = "different-office"  # kinds of finding, as the severity policy names them

_VARIANT = "variant"

_PAST_WORDS = frozenset(words_of("former ex"))
# Ranks that are ordinals in lower case: "First Minister", "first deputy" but
# "its first woman mayor".

_TEMPORARY_WORDS = frozenset(words_of("acting interim caretaker outgoing incoming"))
# Ranks of those who stand in for an office's holder.
_STANDING_IN_WORDS = frozenset(words_of("deputy vice"))
# Ranks of a post held as a guest: "Guest conductor" is another post than "the
# orchestra's principal conductor" or "Conductor", but a loose description ("the
# much-loved conductor") drops them.

_GUEST_WORDS = frozenset(words_of("guest visiting honorary"))
# Heads that name an office only with their modifiers: a "chief executive officer".

_MODIFIED_HEADS = frozenset(words_of("officer director"))
# Ranks of the armed services that copy calls by their last word once the full
# rank is given: "Lieutenant General X" is "the general" after.

_SERVICE_RANKS = frozenset(words_of("general admiral colonel marshal"))

# Ranks that are posts too ("the army commander"): ranks only as a style before a
# name, against the other ranks of the services.
_RANKS_WHEN_FORMAL = frozenset(words_of("commander"))
_OTHER_SERVICE_RANKS = frozenset(
    words_of("captain major lieutenant commodore brigadier sergeant corporal")
)

# What sport calls a team: a national one is another body than a club.
_SIDES = frozenset(words_of("team side squad"))
# Bodies named before an office ("the club coach", "a council spokesman"): whose
# office it is, not which office.


def find_title_conflicts(
    paragraphs: Sequence[Paragraph], context: CheckContext = NO_CONTEXT
) -> Iterator[Finding]:
    """Yield a finding on each mention whose title conflicts with another one.

    A conflict between two stories is on both, each referring to the other's
    paragraph; one within a story is on the later mention.
    """
    prose = [p for p in paragraphs if not is_heading(p)]
    written = people_named(prose)
    # the registry's names first, then spellings of one name in two transliterations
    aliases = {**spellings_of_one_name(written), **context.aliases}
    full_names = {aliases.get(name, name) for name in written}
    surnames: dict[str, set[str]] = defaultdict(set)
    for name in written:
        person = aliases.get(name, name)
        surnames[name.split()[-1]].add(person)
        surnames[person.split()[-1]].add(person)
    unique_surnames = {s: next(iter(n)) for s, n in surnames.items() if len(n) == 1}
    held_together = _offices_held_together(prose)
    one_body = _bodies_named_together(prose)

    by_person: dict[str, list[Mention]] = defaultdict(list)
    story_text: dict[int, str] = defaultdict(str)
    for para in prose:
        for mention in title_mentions(para, full_names, unique_surnames, aliases):
            before = story_text[para.story] + para.text[: mention.start]
            role = its_body(mention.role, before)
            for kinds in one_body:
                if role.body & kinds:
                    role = replace(role, body=role.body | kinds)
            mention = replace(mention, role=role)
            by_person[mention.person].append(mention)
        story_text[para.story] += para.text + "\n"

    for person, mentions in by_person.items():
        reported: set[tuple[str, str]] = set()
        conflicts: dict[int, list[tuple[Mention, tuple[str, str]]]] = defaultdict(list)
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
    person: str, mention: Mention, conflicts: list[tuple[Mention, tuple[str, str]]]
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
    a: Role, b: Role, held_together: frozenset[frozenset[str]] = frozenset()
) -> tuple[str, str] | None:
    """(severity, reason) when two titles of one person disagree, else None."""
    kinds_a, kinds_b = a.body & ORGANISATION_WORDS, b.body & ORGANISATION_WORDS
    named = a.organisations and b.organisations and a.head == b.head
    if kinds_a and kinds_b and not kinds_a & kinds_b and not named:
        return None  # offices in two bodies: "council leader", "leader of the group"
    if a.body and b.body and _national_side(a) != _national_side(b):
        return None  # "the club's captain" / "the national team's vice-captain"
    if a.head != b.head:
        offices = frozenset({_office(a.core, a.head), _office(b.core, b.head)})
        if offices in held_together:
            return None
        if (set(a.core) ^ set(b.core)) & _PAST_WORDS:
            return None  # one held before the other: "President X, a former premier"
        if exclusive_offices(*offices):
            return _OFFICE, "a different office"
        if _two_formal_ranks(a, b):
            return _OFFICE, "a different rank"
        if _two_posts_of_one_body(a, b):
            return _OFFICE, "two posts in one body"
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
    if (a.indefinite or b.indefinite) and _named_apart(a, b):
        return None  # one of several posts, at two bodies: "a visiting professor at"
    rank_a, rank_b = core_a & RANK_MODIFIERS, core_b & RANK_MODIFIERS
    if rank_a != rank_b and (rank_a ^ rank_b) <= _GUEST_WORDS:
        bare = b if rank_a else a
        if not bare.formal and len(bare.core) == 1:
            return None  # "Guest conductor X" / "X, the much-loved conductor"
    if (
        rank_a != rank_b
        and a.head in _SERVICE_RANKS
        and (rank_a ^ rank_b) <= RANK_MODIFIERS - _PAST_WORDS
    ):
        bare = b if rank_a else a
        if not bare.formal and len(bare.core) == 1:
            return None  # "Rear Admiral X" / "X, the admiral": the style of a service
    if rank_a != rank_b and not (rank_a and rank_b):
        bare = b if rank_a else a
        if bare.indefinite and len(bare.core) == 1:
            return None  # "Associate Professor X" / "X, a professor at the university"
    if rank_a != rank_b and _standing_in(rank_a, rank_b):
        return None  # "Acting headteacher X" / "X, the deputy headteacher"
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
    if _led_and_field(a, b) and _two_posts_of_one_body(a, b):
        return _OFFICE, "two posts in one body"  # "who heads the charity" / "its CFO"
    if a.posted_to and b.posted_to and not a.posted_to & b.posted_to:
        return _OFFICE, "a different country"
    if a.countries and b.countries and not a.countries & b.countries:
        return _OFFICE, "a different country"
    # whose envoy, apart from where to: "Ireland's" / "Norway's ambassador to Peru"
    owners_a, owners_b = a.countries - a.posted_to, b.countries - b.posted_to
    if owners_a and owners_b and not owners_a & owners_b:
        return _OFFICE, "a different country"
    if _different_organisations(a, b) or (named and _named_apart(a, b)):
        return _OFFICE, "a different organisation"
    if a.indefinite or b.indefinite:
        return None  # "a professor at" one university can be one at another too
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


def _two_formal_ranks(a: Role, b: Role) -> bool:
    """True for two ranks of the services written as styles before a name
    ("Commander X" / "Captain X"): "commander" is a rank only so, as a post it
    goes with one ("the army commander, General X")."""
    ranks = {a.head, b.head}
    return (
        bool(ranks & _RANKS_WHEN_FORMAL)
        and ranks <= _RANKS_WHEN_FORMAL | _SERVICE_RANKS | _OTHER_SERVICE_RANKS
        and all(r.formal and not (r.body or r.posting) for r in (a, b))
    )


def _led_and_field(a: Role, b: Role) -> bool:
    """True when one title is a body's head told by a verb of leading ("who heads
    the charity") and the other a post of one field in it ("the finance
    director"), not the head under a shorter name ("the party's leader")."""
    return any(
        led.leads_body
        and not _heads_body(field)
        and bool(field.qualifiers or _fields_of_core(field))
        for led, field in ((a, b), (b, a))
    )


def _national_side(role: Role) -> bool:
    """True for a post in a country's side ("the national team's captain",
    "Ghana's squad coach"), which players and coaches hold beside their club's."""
    return bool(role.body & _SIDES) and bool("national" in role.core or role.countries)


def _standing_in(rank_a: set[str], rank_b: set[str]) -> bool:
    """True when one title covers an office for a while and the other is its
    deputy's: the deputy is who stands in ("acting head" / "deputy head")."""
    return bool(rank_a and rank_b) and any(
        mine <= _TEMPORARY_WORDS and theirs <= _STANDING_IN_WORDS
        for mine, theirs in ((rank_a, rank_b), (rank_b, rank_a))
    )


def _two_posts_of_one_body(a: Role, b: Role) -> bool:
    """True for two posts on one body's staff ("the gallery's director" / "the
    gallery's chief curator"): the same body, or one title naming none."""
    if a.indefinite or b.indefinite:
        return False
    if set(a.core + b.core) & (_PAST_WORDS | _TEMPORARY_WORDS):
        return False  # a post held before, or covered for a while ("interim")
    if a.head not in POSTS_OF_ONE_BODY or b.head not in POSTS_OF_ONE_BODY:
        return False
    if all(_heads_body(r) for r in (a, b)):
        return False  # "head of the school" is its principal
    if a.body and b.body:
        return bool(a.body & b.body)
    if {a.head, b.head} & POSTS_NAMING_THEIR_BODY:
        return False  # "Foreign Secretary X" / "X, the party's deputy leader"
    # one names no body: it must name its post ("director of rugby"), not only
    # the kind of work ("director" of a film)
    bare = b if a.body else a
    return bool(bare.body or bare.portfolio or bare.qualifiers or len(bare.core) > 1)


def _heads_body(role: Role) -> bool:
    """True for the head of a body, under any name ("director", "principal",
    "chief executive"), but not a director of one field: "the finance director",
    "medical director" are posts under its head."""
    if role.leads_body:
        return True
    office = _office(role.core, role.head)
    if office != role.head and office in HEADS_OF_BODY:
        return True  # "chief executive officer", "managing director"
    return role.head in HEADS_OF_BODY and not (_fields_of_core(role) or role.qualifiers)


def _fields_of_core(role: Role) -> set[str]:
    """The words of a title that say which office it is, past its rank, grade and
    head: "finance" in "the finance director"."""
    return set(role.core) - RANK_MODIFIERS - GRADE_WORDS - {role.head}


def _named_apart(a: Role, b: Role) -> bool:
    """True when the titles name organisations in full and no name of one shares
    a word with a name of the other."""
    pairs = [(x, y) for x in a.organisations for y in b.organisations]
    return bool(pairs) and not any(x[1] & y[1] for x, y in pairs)


def _different_organisations(a: Role, b: Role) -> bool:
    """True when each title names an organisation of one kind in full and no
    name of one shares a word with a name of the other: "Kelvinside College" /
    "Govanhill College" (but not "Calderdale Council" / "Calderdale Borough
    Council", nor "a professor at" two universities)."""
    if a.indefinite or b.indefinite:
        return False
    pairs = [(x, y) for x in a.organisations for y in b.organisations]
    return any(x[0] == y[0] for x, y in pairs) and _named_apart(a, b)


def _different_postings(a: Role, b: Role) -> bool:
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


def _fields(role: Role, other: Role) -> frozenset[str]:
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


def _bodies_named_together(paragraphs: Sequence[Paragraph]) -> list[frozenset[str]]:
    """The kinds of body the copy gives one body together ("a hospital trust",
    "the county police force"): "the hospital's" and "the trust's" posts are
    then posts of one body."""
    found = set()
    for para in paragraphs:
        tokens = tokenize(para.text)
        for first, second in pairwise(tokens):
            if (
                first.text.islower()
                and second.base.islower()
                and first.lower in ORGANISATION_WORDS
                and second.lower in ORGANISATION_WORDS
                and first.lower != second.lower
            ):
                found.add(frozenset((first.lower, second.lower)))
    return sorted(found, key=sorted)


def _title_run(tokens: Iterable[Token]) -> list[Token]:
    run = []
    for token in tokens:
        if not is_title_word(token.lower):
            break
        run.append(token)
    return run


CHECK = Check(
    name=NAME,
    description="One person given different titles or roles within one source.",
    run=find_title_conflicts,
)

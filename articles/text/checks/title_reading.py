"""Titles and roles read from copy, each with the person it belongs to.

People are found by full name (two or more capitalised words) and, once known, by
surname; one name in two transliterations in two stories ("Oleksandr Hrytsenko" /
"Aleksandr Gritsenko") is one person, and so is any spelling the entity registry
maps to another (the desk passes its aliases in `CheckContext.aliases`). A title
is read as a small grammar: a determiner, the body or country it belongs to (a
possessive, a capitalised name, "of the council", "to Jordan"), ranks and
portfolios (capitalised or not: "the council's chief planning officer"), and the
office (vocabulary's role heads, titles of other languages read as their English
office). It comes from the shapes news copy uses: before the name ("Chilean
Foreign Minister Ana Ortiz", "Deputy Lord Mayor Dame Ana Ortiz"), in an appositive
after it ("Ana Ortiz, Chile's foreign minister,") or before it ("Chile's foreign
minister, Ana Ortiz, said"), in a relative clause with a verb of office ("Ana
Ortiz, who has led the council since 2017,") and after "as" ("after six years as
director of rugby"; "stepped down as" an office held before, as is one told
after "became"), and as a seat in a chamber ("a member of the lower house for
Kerwick" is a congressman). "Its president" is the president of the body the
story named before. Titles of other languages are read with their portfolio
("Ministro de Justicia": the justice minister). Also: a title that is the object
of a preposition before an appositive name ("announced by the vice-chancellor, X
Y"), an opening clause with "as" ("Speaking as ..., X Y said"), an appointment in
the passive ("X Y was named chief constable"), titles written short ("Lt. Gov."),
portfolios in capitals ("Minister for Rural Affairs"). A bare title without a
name ("the Chilean foreign minister said") is not attributed to anyone.

title_consistency.py compares what this module reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from articles.text.checks.base import (
    Paragraph,
)
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
    HONORIFICS,
    LEGISLATIVE_CHAMBERS,
    OFFICE_VERBS,
    ORGANISATION_WORDS,
    PORTFOLIO_WORDS,
    RANK_MODIFIERS,
    ROLE_COMPOUNDS,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    actors_in,
    countries_in,
    fold_accents,
    forms_of_one_first_name,
    is_role_head,
    role_words,
    transliteration_key,
    words_of,
)

_FOREIGN_OF = frozenset(words_of("de del du des di della für da do dos das"))

_OF = frozenset(words_of("of for")) | _FOREIGN_OF

_CONNECTORS = frozenset(words_of("of for in at to on")) | _FOREIGN_OF

# Words that join an office to what it is of, for or to, inside a title before a
# name: "Minister for Housing Ana Ruiz", "Ambassador to Kenya Ana Ruiz".
_TITLE_CONNECTORS = frozenset(words_of("of for to"))

_DETERMINERS = frozenset(words_of("the a an its their his her"))

# Prepositions whose object an appositive title can be: "announced by the
# vice-chancellor, X Y", "according to the agency's director, X Y".
_OBJECT_PREPOSITIONS = frozenset(words_of("by with to from"))

_FOREIGN_ARTICLES = frozenset(words_of("la las los le les el il o os"))

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

_SPEECH_VERBS = frozenset(words_of("said says told added announced warned explained"))
# Words before "as" that give the office a person holds ("after six years as",
# "was appointed as", "took over as") or held ("stepped down as").

_TAKEN_AS = frozenset(
    (
        *words_of(
            """
            years months weeks seasons decades spell term tenure stint career
            serve serves served serving work works worked working appointed named
            confirmed elected re-elected installed chosen hired remains remained
            stays stayed continues continued joined joins returned returns
            speaking speaks spoke writing wrote
            appointment election re-election nomination selection tenure role
            capacity
            """
        ),
        *("took over", "takes over", "taking over", "stepped in", "steps in"),
        *("sworn in", "was sworn", "is sworn"),
    )
)

_APPOINTED = frozenset(
    words_of("appointed named elected re-elected installed chosen made promoted")
)

# Words of a verb group that puts an office "as" after it to come.
_TO_COME = frozenset(words_of("will would shall be"))

_LEFT_AS = frozenset(
    (*words_of("resigned retired quit"), "stepped down", "left office")
)

_TIME_CONNECTORS = frozenset(words_of("until since from between before after"))

# Words that may follow a whole title in a clause: a verb, a conjunction, a time
# ("as deputy speaker last week", "as mayor since 2019").
_ROLE_ENDS = _ROLE_STOPS | _TIME_CONNECTORS | frozenset(words_of("last this earlier"))

# Words after an appositive title that end it: "X, a deputy speaker until last
# year," held the office before, as did "X, a sergeant when the inquiry began,".
_ENDED_AT = frozenset(words_of("until till when"))

_CHANGE_WORDS = frozenset(
    words_of(
        """
        until before later became become becoming then now promoted moved
        replaced succeeded
        """
    )
)
# Verbs of a move to a new office: an office "as" after them was held before.

_BECAME = frozenset(words_of("became become becomes promoted replaced succeeded"))

_ORDINALS = frozenset(words_of("first second"))
# Lower-case words that put the title after them in the past: "formerly minister".

_PAST_MARKERS = frozenset(words_of("formerly erstwhile onetime one-time"))
# A rank word that many writers drop: a difference in these is advisory.

_BODY_WORDS = ORGANISATION_WORDS | frozenset(
    words_of(
        "club team squad side firm government city county town state opposition charity"
    )
)


@dataclass(frozen=True)
class Role:
    core: tuple[str, ...]  # lower-case title words: ("deputy", "foreign", "minister")
    head: str  # the office: "minister"
    affiliation: frozenset[str]  # countries and capitalised organisation words
    countries: frozenset[str]
    text: str
    # countries an envoy is sent to, a "minister for" or an office "in": "to Jordan"
    posted_to: frozenset[str] = frozenset()
    # the body whose post it is, as its words: "the gallery's", "of the council"
    body: frozenset[str] = frozenset()
    # organisations named in full, as (kind, own words): "Kelvinside College" is
    # ("college", {"kelvinside"})
    organisations: tuple[tuple[str, frozenset[str]], ...] = ()
    indefinite: bool = False  # "a director": one of several, not the post
    # lower-case words naming what the office is for: "rugby" in "director of
    # rugby", "planning" in "chief planning officer"
    portfolio: frozenset[str] = frozenset()
    # words that make another office of the same head: "batting" coach
    qualifiers: frozenset[str] = frozenset()
    formal: bool = False  # every title word capitalised: "Chief Superintendent"
    # a capitalised word opening the sentence before the office ("Backs coach"):
    # a field against another title's field, else a name ("Hamas spokesman")
    opening: frozenset[str] = frozenset()
    # the words of what the office is of, for or to: "mayor of Lyon", "ambassador
    # to Japan", "MP for Leeds Central"
    posting: frozenset[str] = frozenset()
    # told by a verb of leading ("who has led the council"): the body's head, by
    # whatever name the body gives it
    leads_body: bool = False


@dataclass(frozen=True)
class Mention:
    person: str
    role: Role
    para: Paragraph
    start: int  # span of title and name within the paragraph
    end: int


# --- finding people ----------------------------------------------------------------


def people_named(paragraphs: Sequence[Paragraph]) -> dict[str, int]:
    """The names of two or more words in the copy, in reading order, each with
    the story it first appears in."""
    names: dict[str, int] = {}
    after_of = set()
    for para in paragraphs:
        tokens = tokenize(para.text)
        for i, j in name_runs(tokens):
            if j - i >= 2:
                name = " ".join(t.base for t in tokens[i:j])
                names.setdefault(name, para.story)
                if _after_title_connector(tokens, i) and j - i >= 3:
                    after_of.add(name)
    # "Mayor of Leeds Ann Lee": a place before a name the copy gives alone too
    for name in after_of:
        if name.split(" ", 1)[1] in names:
            del names[name]
    return names


def _after_title_connector(tokens: Sequence[Token], i: int) -> bool:
    """True when tokens[i] follows "of", "for" or "to", maybe with "the": a place
    a title is of may run into the name after it ("Mayor of Leeds Ann Lee",
    "envoy for the Sahel Daniel Okoro")."""
    if i > 1 and tokens[i - 1].lower == "the":
        i -= 1
    return i > 0 and tokens[i - 1].lower in _TITLE_CONNECTORS


def spellings_of_one_name(names: Mapping[str, int]) -> dict[str, str]:
    """Each later spelling of a name mapped to the first: in another
    transliteration ("Aleksandr Gritsenko" -> "Oleksandr Hrytsenko") or with its
    first name short ("Kate Moyo" -> "Katherine Moyo"), in a later story; with a
    middle name or second surname dropped ("Maria Oyelaran" -> "Maria Fernanda
    Oyelaran"), anywhere. (Within one story, two spellings are more likely two
    people: "Lena Berg" and "Lena Borg".)"""
    first: dict[tuple[str, ...], str] = {}
    spellings: dict[str, str] = {}
    # the names taken as persons so far, by what a variant of each shares with it:
    # the words after the first name, or the first name and one word after it
    persons: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name, story in names.items():
        person = first.setdefault(transliteration_key(name), name)
        if person != name and names[person] != story:
            spellings[name] = person
            continue
        parts = name.split()
        keys = [tuple(parts[1:]), *((parts[0], word) for word in parts[1:])]
        variant = next(
            (
                p
                for key in keys
                for p in persons.get(key, ())
                if _one_name_written_two_ways(p, name, names)
            ),
            None,
        )
        if variant is not None:
            spellings[name] = variant
        elif person == name:
            for key in keys:
                persons[key].append(name)
    return spellings


def _one_name_written_two_ways(
    earlier: str, later: str, names: Mapping[str, int]
) -> bool:
    """True for one person's name written with a short first name in another
    story, or with fewer middle words ("Eduardo Lins" / "Eduardo Tavares Lins")."""
    a, b = earlier.split(), later.split()
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    if any(w.lower() in ORGANISATION_WORDS or is_title_word(w.lower()) for w in a + b):
        return False  # "Maria Lins Foundation" is no person's name
    if a[0] != b[0]:
        return (
            a[1:] == b[1:]
            and names[earlier] != names[later]
            and forms_of_one_first_name(a[0], b[0])
        )
    short, long = sorted((a[1:], b[1:]), key=len)
    if len(short) == len(long) or short[-1] not in long:
        return False
    words = iter(long)
    return all(word in words for word in short)  # in order


def title_mentions(
    para: Paragraph,
    full_names: set[str],
    surnames: dict[str, str],
    aliases: Mapping[str, str],
) -> Iterator[Mention]:
    for s_start, s_end in sentences(para.text):
        tokens = _compound_offices_apart(
            tokenize(para.text[s_start:s_end], offset=s_start)
        )
        runs = list(name_runs(tokens))
        for n, (i, j) in enumerate(runs):
            name = " ".join(t.base for t in tokens[i:j])
            if name not in full_names and _after_title_connector(tokens, i):
                tail = name.split(" ", 1)[-1]
                if j - i >= 3 and tail in full_names:
                    i, name = i + 1, tail  # "Mayor of Leeds Ann Lee"
            name = aliases.get(name, name)  # a spelling the registry knows
            if j - i == 1 and name not in full_names:
                # "Al-Thani" opening a sentence is "al-Thani"
                person = surnames.get(name) or surnames.get(name[:1].lower() + name[1:])
                if person is None:
                    continue
            elif name in full_names:
                person = name
            else:
                continue
            # a clause after the name, up to the next name, can give an office too
            limit = runs[n + 1][0] if n + 1 < len(runs) else len(tokens)
            before = _roles_around(tokens, i, j, para.text)
            if _moves_to_office(tokens, j):
                # "Sergeant X was promoted to inspector": the title before the
                # name is the one held before
                before = (
                    (replace(role, core=("former", *role.core)), start, end)
                    if start < tokens[i].start
                    else (role, start, end)
                    for role, start, end in before
                )
            for role, start, end in (
                *before,
                *_roles_told_after(
                    tokens,
                    j,
                    limit,
                    para.text,
                    subject=_before_honorifics(tokens, i) == 0,
                    appointed=i > 0 and tokens[i - 1].lower in _APPOINTED,
                ),
                *_role_told_before(tokens, i, j, runs[n - 1][1] if n else 0, para.text),
            ):
                yield Mention(person, role, para, start, end)


def _roles_around(
    tokens: list[Token], i: int, j: int, text: str
) -> Iterator[tuple[Role, int, int]]:
    name_end = tokens[j - 1].end
    honoured = _before_honorifics(tokens, i)  # "Sir Martin Ashby", "Dr. Ana Ruiz"
    if honoured < i and honoured > 0 and tokens[honoured - 1].lower == "the":
        honoured -= 1  # "the Bishop of Lichfield, the Rt Rev X Y"
    i = honoured
    name_start = tokens[i].start
    opening = next((t.start for t in tokens if t.text[:1].isalnum()), -1)
    # Title right before the name: "Chilean Deputy Foreign Minister Ana Ortiz",
    # also past an honorific: "Lead researcher Dr Sofia Lind".
    k = i
    while k > 0 and i - k < MAX_ROLE_TOKENS:
        if k >= 2 and _abbreviation_stop(tokens, k - 1):
            k -= 1  # "Lt. Gov. Marcus Bell"
        elif (
            _prenominal_word(tokens[k - 1])
            or _is_qualifier(tokens, k - 1, opening)
            or (
                # "Deputy Lord Mayor Ann Lee": an honorific inside a title
                k < i
                and tokens[k - 1].lower in HONORIFICS
                and is_title_word(tokens[k].lower)
            )
        ):
            k -= 1
        elif k >= 2 and _body_after_rank(tokens, k - 1):
            k -= 2
        elif k >= 2 and _elided_portfolio(tokens, k - 1):
            k -= 2  # "Ministro dell'Interno X", "Ministre de l'Intérieur X"
        elif (connector := _title_connector(tokens, k)) and (
            # "Secretary of State Antony Blinken", "Minister for Housing Ana Ruiz",
            # "Mayor of Leeds Ann Lee", "Ambassador to Kenya Laura Bianchi",
            # "US special envoy for the Sahel Daniel Okoro"
            tokens[k].lower in TITLE_MODIFIERS
            or (k < i and _prenominal_word(tokens[k]))
        ):
            k = connector - 1
        else:
            break
    if k < i:
        role = _parse_role(tokens[k:i], text, opening)
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
        role = (
            _parse_role(segment, text) if segment and _opens_role(segment, 0) else None
        )
        if role is not None:
            parsed = _parsed(segment)
            if len(parsed) < len(segment) and segment[len(parsed)].lower in _ENDED_AT:
                role = replace(role, core=("former", *role.core))  # "until May"
            promoted = _promoted_from(tokens, i, after + 1 + len(segment), text)
            if promoted is not None:
                # "promoted X, its head of retail, to chief operating officer": the
                # appositive is the office held before the new one
                role = replace(role, core=("former", *role.core))
                yield promoted
            yield role, name_start, parsed[-1].end
        else:
            seat = _seat_in_chamber(segment, text)
            if seat is not None:
                yield seat, name_start, segment[-1].end
    # Appositive before the name: "Meanwhile, Chile's foreign minister, X Y, said",
    # also before a title: "The emir's envoy, Sheikh X Y, said".
    # or after a verb of speech, ending the sentence: "..., said the mayor, X Y."
    if (
        k > 0
        and tokens[k - 1].text == ","
        # closed by a comma, or the sentence: "..., according to the agency's
        # deputy director, Jane Roe."
        and (j == len(tokens) or tokens[j].text in ",.;:!?")
    ):
        segment = _after_object_word(
            _after_speech(_segment(tokens, k - 2, forward=False))
        )
        # The whole clause must read as a title: "After meeting the minister, X Y,"
        # is not one.
        if segment and _opens_role(segment, 0) and _parsed(segment) == segment:
            role = _parse_role(segment, text)
            if role is not None:
                yield role, segment[0].start, name_end


def its_body(role: Role, before: str) -> Role:
    """`role` read with the body "its" stands for, the last one the story names
    before it: "The Ness Angling Club ... Its secretary" is the club's secretary."""
    if not role.text.lower().startswith(("its ", "their ")) or role.affiliation:
        return role
    tokens = tokenize(before)
    body, run = "", []
    for token in [*tokens, None]:
        if token and token.base[:1].isupper() and not is_ordinary(token.base):
            run.append(token)
            continue
        while run and run[-1].lower not in ORGANISATION_WORDS:
            run.pop()
        if len(run) >= 2:
            body = " ".join(t.text for t in run)
        run = []
    if not body:
        return role
    office = role.text.split(" ", 1)[1]
    phrase = f"{office} of the {body}"
    found = _parse_role(tokenize(phrase), phrase)
    return role if found is None else replace(found, text=role.text)


def _seat_in_chamber(segment: list[Token], text: str) -> Role | None:
    """The office of "a member of the lower house for Kerwick", "a member of
    parliament": the legislator of that chamber (vocabulary.LEGISLATIVE_CHAMBERS),
    for the place named after it."""
    words = [t.lower for t in segment]
    k = 1 if words[:1] in (["a"], ["an"], ["the"]) else 0
    if words[k : k + 2] != ["member", "of"]:
        return None
    k += 2 + (words[k + 2 : k + 3] == ["the"])
    for chamber, office in LEGISLATIVE_CHAMBERS.items():
        if tuple(words[k : k + len(chamber)]) == chamber:
            tail = segment[k + len(chamber) :]
            phrase = office + (f" {text[tail[0].start : tail[-1].end]}" if tail else "")
            role = _parse_role(tokenize(phrase), phrase)
            if role is not None:
                return replace(role, text=text[segment[0].start : segment[-1].end])
    return None


def _after_speech(segment: list[Token]) -> list[Token]:
    """`segment` without a verb of speech that opens it: "said the mayor" ->
    "the mayor"."""
    for index in range(len(segment) - 1, -1, -1):
        if segment[index].lower in _SPEECH_VERBS:
            return segment[index + 1 :]
    return segment


def _after_object_word(segment: list[Token]) -> list[Token]:
    """`segment` from the title a preposition governs, when it opens with a clause
    whose object the title is: "announced by the vice-chancellor" -> "the
    vice-chancellor", "according to the agency's director", "a letter to the
    mayor" (but not "ambassador to Kenya": a title whole is kept whole)."""
    if segment and _opens_role(segment, 0) and _parsed(segment) == segment:
        return segment
    for index in range(len(segment) - 2, -1, -1):
        if segment[index].lower in _OBJECT_PREPOSITIONS:
            return segment[index + 1 :]
    return segment


def _roles_told_after(
    tokens: list[Token],
    j: int,
    limit: int,
    text: str,
    *,
    subject: bool = False,
    appointed: bool = False,
) -> Iterator[tuple[Role, int, int]]:
    """Offices told by a clause after the name, before the next name: "X, who has
    led the council since 2017,", "X, who is the party's deputy leader,", "X ...
    after six years as director of rugby" (or "X, who stepped down as chairman"
    and "X, who was mayor", offices held before); and, when the name is the
    sentence's subject, its predicate: "X is the speaker of the assembly"; when
    it is the object of a verb of appointment, the office given: "named X as its
    chief executive", "elected X president"."""
    if appointed and j < len(tokens) and tokens[j].text != ",":
        k = j + (tokens[j].lower in ("as", "to"))
        found = _role_phrase(tokens, k, text, former=False) if k < len(tokens) else None
        if found is not None:
            yield found[0], tokens[k].start, found[1]
    if j + 2 < limit and tokens[j].text == "," and tokens[j + 1].lower == "who":
        found = _office_of_verb(tokens, j + 2, limit, text)
        if found is not None:
            yield found
        found = _office_after_copula(tokens, j + 2, text)
        if found is not None:
            yield found
    if j + 2 < limit and _appointed_next(tokens, j):
        # told in the passive: "X was named chief constable", "X has been
        # appointed as finance director"
        found = _office_after_copula(tokens, j, text)
        if found is not None:
            yield found
    elif subject and j + 1 < len(tokens):
        found = _office_after_copula(tokens, j, text)  # "X is the bank's chairman"
        if found is not None:
            yield found
    for k in range(j, limit - 1):
        if tokens[k].lower != "as" or k == 0:
            continue
        before = " ".join(t.lower for t in tokens[max(0, k - 2) : k])
        current = tokens[k - 1].lower in _TAKEN_AS or before in _TAKEN_AS
        # an office to come: "will be sworn in as president"
        current = current and not any(
            t.lower in _TO_COME for t in tokens[max(j, k - 4) : k]
        )
        left = tokens[k - 1].lower in _LEFT_AS or before in _LEFT_AS
        # "became mayor after three years as deputy mayor", "was appointed chief
        # executive after four years as finance director": the office before
        left = left or any(t.lower in _BECAME for t in tokens[j:k])
        left = left or _appointed_after(tokens[j:k])
        if not (current or left) or _inside_quotation(text, tokens[k].start):
            continue  # a speaker's own words: "after ten years as deputy head, I"
        found = _role_phrase(tokens, k + 1, text, former=left)
        if found is not None:
            yield found[0], tokens[k].start, found[1]


def _compound_offices_apart(tokens: list[Token]) -> list[Token]:
    """`tokens` with an office joined by a hyphen to a word that is no title word
    read as that word and the office: "player-coach" is a coach ("player" says
    which), as "player coach" would be. Titles whose pieces are all title words
    ("vice-president", "secretary-general") are read by role_words. "then-" before
    a title is read apart too: "the then-finance minister" held it before."""
    out: list[Token] = []
    for token in tokens:
        if token.text.startswith(("then-", "Then-")) and len(token.text) > 5:
            out.append(Token(token.text[:4], token.start, token.start + 4))
            out.append(Token(token.text[5:], token.start + 5, token.end))
            continue
        *field, office = token.text.split("-")
        if (
            field
            and is_role_head(office)
            and not is_title_word(token.text)
            and all(p.isalpha() and len(p) > 2 and not is_ordinary(p) for p in field)
        ):
            start = token.start
            for piece in (*field, office):
                out.append(Token(piece, start, start + len(piece)))
                start += len(piece) + 1
        else:
            out.append(token)
    return out


def _moves_to_office(tokens: list[Token], j: int) -> bool:
    """True when the name ending before tokens[j] is given a new office by the
    verb after it: "was promoted to inspector", "was appointed chief constable",
    "has been named as", "became deputy mayor"."""
    if j < len(tokens) and tokens[j].lower in _BECAME:
        k = j + 1
    elif _appointed_next(tokens, j):
        k = j + 2 + (tokens[j].lower in ("has", "had"))
    else:
        return False
    if k < len(tokens) and tokens[k].lower in ("as", "to"):
        k += 1
    segment = _segment(tokens, k, forward=True) if k < len(tokens) else []
    return (
        bool(segment)
        and _opens_role(segment, 0)
        and _parse_role(segment, "") is not None
    )


def _promoted_from(
    tokens: list[Token], i: int, comma: int, text: str
) -> tuple[Role, int, int] | None:
    """The new office of a name that is the object of a verb of appointment, told
    after its appositive: "has promoted X, its head of retail, to chief operating
    officer", "named X, a deputy, as its new director" (tokens[comma] is the
    comma closing the appositive)."""
    if not (
        i > 0
        and tokens[i - 1].lower in _APPOINTED
        and comma + 2 < len(tokens)
        and tokens[comma].text == ","
        and tokens[comma + 1].lower in ("to", "as")
    ):
        return None
    found = _role_phrase(tokens, comma + 2, text, former=False)
    return None if found is None else (found[0], tokens[comma + 2].start, found[1])


def _appointed_after(clause: list[Token]) -> bool:
    """True for a clause that ends on "as" and tells an appointment, then a time
    before it: "was appointed chief executive after four years as" (but not "was
    named director in 2015 and has served as": an office held now)."""
    words = [t.lower for t in clause]
    appointed = next((n for n, w in enumerate(words) if w in _APPOINTED), None)
    return appointed is not None and any(
        w in ("after", "following") for w in words[appointed + 1 :]
    )


def _appointed_next(tokens: list[Token], j: int) -> bool:
    """True when the name ending before tokens[j] is the subject of a verb of
    appointment in the passive: "was named", "has been appointed"."""
    words = [t.lower for t in tokens[j : j + 3]]
    if words[:1] in (["was"], ["is"]):
        return len(words) > 1 and words[1] in _APPOINTED
    if words[:2] in (["has", "been"], ["had", "been"]):
        return len(words) > 2 and words[2] in _APPOINTED
    return False


def _role_told_before(
    tokens: list[Token], i: int, j: int, previous_name: int, text: str
) -> Iterator[tuple[Role, int, int]]:
    """The office an opening clause gives the name that follows it: "Speaking as
    the council's deputy leader, X Y said", "Since her appointment as deputy
    governor in 2024, X Y has" (held before when the sentence moves on:
    "After three years as deputy, X Y became")."""
    if i < 3 or tokens[i - 1].text != ",":
        return
    clause = _segment(tokens, i - 2, forward=False)
    first = i - 1 - len(clause)
    for k in range(max(first, previous_name), i - 2):
        if tokens[k].lower != "as":
            continue
        before = " ".join(t.lower for t in tokens[max(0, k - 2) : k])
        opens = k == 0 or (k == first and tokens[k - 1].text == ",")
        current = opens or tokens[k - 1].lower in _TAKEN_AS or before in _TAKEN_AS
        left = tokens[k - 1].lower in _LEFT_AS or before in _LEFT_AS
        if not (current or left) or _inside_quotation(text, tokens[k].start):
            continue
        left = left or any(t.lower in _BECAME for t in tokens[j:])
        found = _role_phrase(tokens, k + 1, text, former=left)
        if found is not None and found[1] == tokens[i - 2].end:
            yield found[0], tokens[k].start, tokens[j - 1].end
        return


def _office_after_copula(
    tokens: list[Token], k: int, text: str
) -> tuple[Role, int, int] | None:
    """The office in "who is (also) the party's deputy leader", "who has been
    mayor since 2019", "who was appointed deputy minister", and, held before,
    "who was mayor"."""
    start = tokens[k].start
    words = [t.lower for t in tokens[k : k + 3]]
    if words[:2] in (["has", "been"], ["have", "been"]) or words[:1] == ["is"]:
        former, k = False, k + (1 if words[0] == "is" else 2)
    elif words[:2] == ["had", "been"] or words[:1] == ["was"]:
        former, k = True, k + (1 if words[0] == "was" else 2)
    else:
        return None
    if k < len(tokens) and tokens[k].lower in _APPOINTED:
        former, k = False, k + 1  # "who was appointed deputy minister in May"
        if k < len(tokens) and tokens[k].lower in ("as", "to"):
            k += 1  # "was appointed as", "was promoted to"
    while k < len(tokens) and tokens[k].lower in ("also", "now", "still"):
        k += 1
    found = _role_phrase(tokens, k, text, former=former)
    return (found[0], start, found[1]) if found is not None else None


def _role_phrase(
    tokens: list[Token], k: int, text: str, *, former: bool
) -> tuple[Role, int] | None:
    """The title that tokens[k:] open, as a whole phrase (not "the minister" in
    "as the minister arrived"), and where it ends; None for one the sentence
    moves on from ("assistant coach in 2015 and became head coach")."""
    segment = _segment(tokens, k, forward=True)
    seat = _seat_in_chamber(segment, text) if not former else None
    if seat is not None:  # "who is a member of parliament"
        return seat, segment[-1].end
    if not segment or not _opens_role(segment, 0):
        return None
    parsed = _parsed(segment)
    if not parsed or (
        len(parsed) < len(segment) and segment[len(parsed)].lower not in _ROLE_ENDS
    ):
        return None
    role = _parse_role(segment, text)
    if role is None:
        return None
    if former:
        return replace(role, core=("former", *role.core)), parsed[-1].end
    if _changed_after(tokens[k + len(parsed) :]):
        return None
    return role, parsed[-1].end


def _inside_quotation(text: str, position: int) -> bool:
    """True when `position` of a paragraph is inside a quotation."""
    before = text[:position]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _changed_after(tokens: list[Token]) -> bool:
    """True when the rest of a sentence moves the office told before it to another
    time: "... as head coach in 2019", "... before becoming director"."""
    words = [t.lower for t in tokens]
    if any(
        # "named interim chief executive ... and was confirmed in the post"
        (word == "confirmed" and words[index + 1 : index + 2] in (["in"], ["as"]))
        or word == "permanent"
        for index, word in enumerate(words)
    ):
        return True
    return any(
        token.lower in _CHANGE_WORDS
        or (
            re.fullmatch(r"\d{4}", token.text) is not None
            and index > 0
            and tokens[index - 1].lower in ("in", "from", "between")
        )
        for index, token in enumerate(tokens)
    )


def _office_of_verb(
    tokens: list[Token], k: int, limit: int, text: str
) -> tuple[Role, int, int] | None:
    """The office in "who has led the council" / "who chairs the Ness Trust": the
    verb's office, of the body its object names."""
    start = tokens[k].start
    perfect = tokens[k].lower in ("has", "have")
    k += perfect
    if k >= limit:
        return None
    verb = tokens[k].lower
    offices = {
        (participle if perfect else present): office
        for present, (participle, office) in OFFICE_VERBS.items()
    }
    if verb not in offices:
        return None
    body = []  # "the council", "the Ness Trust": a determiner, then nouns
    for token in _segment(tokens, k + 1, forward=True)[:6]:
        if body and (is_ordinary(token.base) or not token.base.isalpha()):
            break
        body.append(token)
    if not (
        len(body) >= 2
        # "the council", or a name's: "Ghana's foreign ministry"
        and (
            body[0].lower == "the"
            or (body[0].is_possessive and body[0].base[:1].isupper())
        )
        and (
            body[-1].lower in _BODY_WORDS  # "the council", "the women's side"
            or any(t.base[:1].isupper() for t in body[1:])
        )
    ):
        return None  # a body: not "who leads a busy life", "who chairs meetings"
    phrase = f"{offices[verb]} of {text[body[0].start : body[-1].end]}"
    end = body[-1].end
    if offices[verb] in ("leader", "head") and body[-1].lower == "ministry":
        # the head of a ministry is its minister: "who heads the foreign ministry",
        # "who leads the Ministry of Health"
        phrase = f"{text[body[0].start : body[-2].end]} minister"
        after = k + 1 + len(body)
        fields = _portfolio_after(tokens[after + 1 : after + 5])
        if fields and tokens[after].lower in _OF:
            end = fields[-1].end
            phrase += f" of {text[fields[0].start : end]}"
    role = _parse_role(tokenize(phrase), phrase)
    if role is None:
        return None
    leads = offices[verb] in ("leader", "head")
    role = replace(role, text=text[start:end], leads_body=leads)
    return role, start, end


def _portfolio_after(tokens: list[Token]) -> list[Token]:
    """The fields of government that open `tokens`, joined by "and": "Health",
    "Trade and Industry"."""
    fields: list[Token] = []
    for token in tokens:
        if _portfolio_word(token) or fold_accents(token.lower) in TITLE_MODIFIERS:
            fields.append(token)
        elif not (fields and token.lower == "and"):
            break
    while fields and fields[-1].lower == "and":
        fields.pop()
    return fields


_ACADEMIC_TITLES = frozenset(words_of("professor doctor"))

# The styles of the clergy before "Rev": an archbishop is "the Most Rev".
_CLERGY_STYLE = {"most": "rev", "very": "rev", "right": "rev"}


def _before_honorifics(tokens: list[Token], i: int) -> int:
    """The index of the first of the honorifics right before tokens[i], or i."""
    while i > 0:
        if tokens[i - 1].lower in HONORIFICS:
            i -= 1
        elif i > 1 and tokens[i - 1].text == "." and tokens[i - 2].lower in HONORIFICS:
            i -= 2
        elif (
            i < len(tokens)
            and _CLERGY_STYLE.get(tokens[i - 1].lower) == tokens[i].lower
        ):
            i -= 1  # "the Most Rev X", "the Very Rev X", "the Right Reverend X"
        elif (
            # an academic title after an office: "Pro-vice-chancellor Professor X"
            i > 1
            and tokens[i - 1].lower in _ACADEMIC_TITLES
            and any(is_role_head(w) for w in role_words((tokens[i - 2].lower,)))
        ):
            i -= 1
        else:
            break
    return i


# "who now is", "who became", "now": a relative clause that gives the person's present
# office ("who is", "who has been", "who was appointed" are read, with what the
# sentence says after them, by _office_after_copula).
_BEING = re.compile(r"(?:who (?:(?:now|currently) is|became)|now|currently) ")


def _after_being(segment: list[Token]) -> list[Token]:
    """`segment` without an opening "who is" (and the like), else as it is."""
    words = " ".join(t.lower for t in segment[:6]) + " "
    being = _BEING.match(words)
    if not being:
        return segment
    return segment[being.group().count(" ") :]


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


def _serves_field(tokens: Sequence[Token], possessive: Token) -> bool:
    """True for a lower-case possessive naming whom a field serves ("children's"
    in "director of children's services"), not a body ("the club's")."""
    index = tokens.index(possessive)
    return (
        possessive.base.islower()
        and index + 1 < len(tokens)
        and _field_word(tokens[index + 1])
        and not is_title_word(tokens[index + 1].lower)
    )


def _portfolio_word(token: Token) -> bool:
    """A field of government, in any case: "Rural" in "Minister for Rural
    Affairs", "pensions"."""
    return not token.is_possessive and token.lower in PORTFOLIO_WORDS


def _prenominal_word(token: Token) -> bool:
    word = token.lower
    if is_title_word(word):
        return True
    if is_ordinary(token.base) or not token.base[:1].isalpha():
        return False
    return token.base[:1].isupper()  # an affiliation: "Hamas", "US", "Chilean"


def _opens_role(segment: list[Token], index: int) -> bool:
    token = segment[index]
    word = token.lower
    return (
        _inside_title(segment, index)  # ", digital minister for Bavaria,"
        or word in _DETERMINERS
        or is_title_word(word)
        or (token.base[:1].isupper() and not is_ordinary(token.base))
        or _is_qualifier(segment, index)  # "artistic director"
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
        if _abbreviation_stop(segment, index):
            taken.append(token)  # "Lt. Gov."
            continue
        if (
            word == "and"
            and after_connector
            and index + 1 < len(segment)
            and (
                _portfolio_word(segment[index + 1])
                or fold_accents(segment[index + 1].lower) in TITLE_MODIFIERS
            )
        ):
            taken.append(token)  # "Minister for Enterprise and Trade"
            continue
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
            or (
                index
                and _ELIDED.match(token.text)
                and is_title_word(segment[index - 1].lower)
            )
            or _inside_title(segment, index)  # "the council's chief planning officer"
            or _is_qualifier(segment, index)  # "the batting coach"
        ):
            break
        taken.append(token)
    while taken and (taken[-1].lower in _CONNECTORS or taken[-1].lower in _DETERMINERS):
        taken.pop()
    return taken


def _title_connector(tokens: Sequence[Token], k: int) -> int:
    """The index of "of", "for" or "to" (maybe with "the" after it) that joins
    the office before it to tokens[k]: "Minister for Housing", "envoy for the
    Sahel"; 0 when there is none."""
    m = k - 1
    if m > 1 and tokens[m].lower == "the":
        m -= 1
    if (
        m >= 1
        and tokens[m].lower in _TITLE_CONNECTORS
        and is_role_head(tokens[m - 1].lower)
    ):
        return m
    return 0


def _abbreviation_stop(tokens: Sequence[Token], index: int) -> bool:
    """True for the full stop of a title written short: "Gov." in "Lt. Gov. X"."""
    return (
        0 < index < len(tokens)
        and tokens[index].text == "."
        and tokens[index - 1].lower in TITLE_ABBREVIATIONS
        and tokens[index - 1].end == tokens[index].start
    )


def _body_after_rank(tokens: list[Token], index: int) -> bool:
    """True for a lower-case body or portfolio between two title words: "council"
    in "Deputy council leader", "planning" in "chief planning officer"."""
    return (
        0 < index < len(tokens) - 1
        and _lower_word(tokens[index])
        and is_title_word(tokens[index - 1].lower)
        and is_title_word(tokens[index + 1].lower)
    )


def _inside_title(tokens: list[Token], index: int) -> bool:
    """True for a lower-case word that a lower-case title word follows, over at
    most two more such words or possessives: "digital" in "Bavaria's digital
    minister", "union" and "branch" in "the lecturers' union branch secretary"
    (but not "met" in "met Foreign Minister")."""
    if not _lower_word(tokens[index]):
        return False
    for token in tokens[index + 1 : index + 4]:
        if is_title_word(token.lower) and not token.is_possessive:
            return token.base.islower()
        if not (_lower_word(token) or (token.is_possessive and token.base.islower())):
            return False  # a name's possessive opens a title: "met France's minister"
    return False


def _lower_word(token: Token) -> bool:
    """A lower-case word ("digital", "long-serving") that is not a function word
    nor a title word."""
    return (
        token.base.replace("-", "").isalpha()
        and token.base.islower()
        and not is_ordinary(token.base)
        and not is_title_word(token.lower)
    )


# An article or preposition elided onto the next word in French and Italian:
# "ministre de l'Intérieur", "Ministro dell'Interno".
_ELIDED = re.compile(r"(?i)(l|d|dell|dall|nell)['\u2019](?=\w)")


def _without_elision(tokens: list[Token]) -> list[Token]:
    """`tokens` with an elided article after "de" or a title word read apart:
    "de l'Intérieur" -> "de Intérieur", "Ministro dell'Interno" -> "Ministro di
    Interno", so that the portfolio is read as in "Ministre de la Santé"."""
    out: list[Token] = []
    for token in tokens:
        elided = _ELIDED.match(token.text)
        previous = out[-1].lower if out else ""
        if elided and (previous in _FOREIGN_OF or is_title_word(previous)):
            cut = token.start + elided.end()
            if previous not in _FOREIGN_OF:
                out.append(Token("di", token.start, cut))
            out.append(Token(token.text[elided.end() :], cut, token.end))
        else:
            out.append(token)
    return out


def _elided_portfolio(tokens: Sequence[Token], index: int) -> bool:
    """True for a portfolio with an elided article after a title word or "de":
    "dell'Interno" in "Ministro dell'Interno", "l'Intérieur" after "de"."""
    elided = _ELIDED.match(tokens[index].text)
    return (
        elided is not None
        and index > 0
        and (
            tokens[index - 1].lower in _FOREIGN_OF
            or is_title_word(tokens[index - 1].lower)
        )
        and fold_accents(tokens[index].text[elided.end() :].lower()) in TITLE_MODIFIERS
    )


def _parse_role(segment: list[Token], text: str, opening: int = -1) -> Role | None:
    tokens = _without_elision(_parsed(segment))
    if not tokens:
        return None
    core_tokens: list[Token] = []
    portfolio_tokens: list[Token] = []  # "Justice" in "Minister of Justice"
    org_tokens: list[Token] = []
    posted_tokens: list[Token] = []  # after "to", "in", "for", "at"
    body: set[str] = set()
    purpose: set[str] = set()  # the role's lower-case portfolio words
    qualifiers: set[str] = set()
    opening_word: set[str] = set()
    posting: set[str] = set()  # named after "of", "for", "to": "mayor of Lyon"
    in_org = False
    connector = ""
    portfolio = False  # inside "of State" / "of Foreign Affairs": part of the title
    for index, token in enumerate(tokens):
        word = token.lower
        previous = tokens[index - 1].lower if index else ""
        if _abbreviation_stop(tokens, index):
            continue
        if word in _CONNECTORS:
            following = next(  # past an article: "Ministre de la Santé"
                (
                    t
                    for t in tokens[index + 1 : index + 3]
                    if word not in _FOREIGN_OF or t.lower not in _FOREIGN_ARTICLES
                ),
                None,
            )
            portfolio = (
                word in _OF  # "Minister for Housing", "head of finance"
                and not in_org
                and following is not None
                # "director of children's services": a field told by whom it serves
                and (not following.is_possessive or _serves_field(tokens, following))
                and (
                    fold_accents(following.lower) in TITLE_MODIFIERS
                    # "director of operations", "head of communications"
                    or (
                        index > 0
                        and is_role_head(tokens[index - 1].lower)
                        and _field_word(following)
                    )
                    # "Minister for Rural Affairs", "Secretary of State for Work"
                    or (
                        index > 0
                        and is_title_word(tokens[index - 1].lower)
                        and _portfolio_word(following)
                    )
                )
            )
            in_org = not portfolio
            connector = word
            continue
        if word in _FOREIGN_ARTICLES and portfolio and connector in _FOREIGN_OF:
            continue
        if word in _DETERMINERS or (index == 0 and word in _FOREIGN_ARTICLES):
            portfolio = False  # "the", and "Le ministre", "La alcaldesa"
            continue
        if portfolio and is_title_word(word) and not token.is_possessive:
            core_tokens.append(token)
            portfolio_tokens.append(token)
            continue
        if portfolio and word == "and":
            continue  # "Minister for Enterprise and Trade": both portfolios
        if portfolio and (_field_word(token) or _portfolio_word(token)):
            qualifiers.add(word)  # "director of football", "Minister for Rural"
            purpose.add(word)
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
            qualifiers.add(word)  # "batting coach", "chief planning officer"
            if token.base.islower():
                purpose.add(word)
            continue
        if (
            not in_org
            and (is_title_word(word) or _abbreviation_stop(tokens, index + 1))
            and not token.is_possessive
        ):
            following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
            if not (
                word in _ORDINALS
                and token.base.islower()
                and following not in RANK_MODIFIERS
                and (word, following) not in ROLE_COMPOUNDS  # "first minister"
            ):  # "Chile's first ambassador in a decade" is not a First Ambassador
                core_tokens.append(token)
            continue
        if word in ORGANISATION_WORDS:
            body.add(word)  # "Deputy council leader"
        elif token.base.islower() and not (in_org and previous in _DETERMINERS):
            purpose.add(word)  # "chief planning officer", "director of rugby"
        if (
            token.is_possessive
            or (in_org and previous in _DETERMINERS)
            or (in_org and index and tokens[index - 1].is_possessive)
        ):
            # "the gallery's director", "head of the council", "coach of the
            # club's women's team" (but not "director of rugby": a portfolio)
            body.add(word)
        if token.base[:1].isupper() or token.is_possessive:
            org_tokens.append(token)
            if in_org and connector != "of":
                posted_tokens.append(token)
            if token.base[:1].isupper() and not is_ordinary(token.base):
                body.add(word)
            if in_org and token.base[:1].isupper() and not is_ordinary(token.base):
                posting.add(token.lower)
    core = role_words(tuple(t.lower for t in core_tokens))
    # the office is named before its portfolio: "Minister of Justice" is a minister
    own = role_words(tuple(t.lower for t in core_tokens if t not in portfolio_tokens))
    heads = [w for w in own if is_role_head(w)] or [w for w in core if is_role_head(w)]
    if not heads:
        return None
    if any(t.lower in _PAST_MARKERS for t in tokens):
        core = ("former", *core)
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
    posted_to = frozenset(
        c for _, _, c in countries_in(" ".join(t.base for t in posted_tokens))
    )
    return Role(
        core=core,
        head=heads[-1],
        affiliation=frozenset(countries | others),
        countries=countries,
        text=text[tokens[0].start : tokens[-1].end],
        posted_to=posted_to,
        body=frozenset(body),
        organisations=_organisations(tokens),
        indefinite=tokens[0].lower in ("a", "an"),
        portfolio=frozenset(purpose - body),
        qualifiers=frozenset(qualifiers),
        formal=all(t.base[:1].isupper() for t in core_tokens),
        opening=frozenset(opening_word - qualifiers),
        posting=frozenset(posting),
    )


def _organisations(tokens: list[Token]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The organisations a title names in full, each as its kind and the other
    words of its name: "Kelvinside College" -> ("college", {"kelvinside"})."""
    names = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if (
            token is not None
            and token.base[:1].isupper()
            and not is_title_word(token.lower)
            and not is_ordinary(token.base)
        ):
            run.append(token)
            if not token.is_possessive:
                continue
        words = [t.lower for t in run]
        own = frozenset(w for w in words if w not in ORGANISATION_WORDS)
        kinds = [w for w in words if w in ORGANISATION_WORDS]
        if own and kinds and not countries_in(" ".join(t.base for t in run)):
            names.append((kinds[-1], own))
        run = []
    return tuple(names)

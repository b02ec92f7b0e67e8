"""The one name vocabulary of articles/text: what a name looks like in copy.

Regex sources to embed in other patterns (wrap them in a group of your own), and
the run finder the splitter reads whole lines with. Two shapes, because readers
need two: any proper name ("the State of Palestine", "U.N.", "G7", "Anna van
Loon") and a person's full name (two to four words of letters: "Ana Ortiz",
"Piet de Graaf"). In both, a possessive ends a name ("Russia's" names Russia),
a particle ("van", "de", "al") joins two words of one name, and an apostrophe or
a hyphen inside a word keeps it one word ("O'Neill", "Vice-Chair").

A person's name read from tokens, with titles and countries left out, is
`articles.text.tokens.name_runs`.
"""

from __future__ import annotations

from collections.abc import Collection

from articles.text.tokens import is_ordinary
from articles.text.vocabulary import NAME_PARTICLES

_LETTERS = r"[^\W\d_]"
# An apostrophe inside a word, not a possessive ending: "O'Neill", not "Peru's".
_INSIDE_APOSTROPHE = r"['\u2019](?!s\b)"
_JOINED = rf"(?:-|{_INSIDE_APOSTROPHE})"  # "Covid-19", "O'Neill"

# One word of any name: initials ("U.N."), or a capitalised word that may hold
# digits and "&" ("G7", "AT&T", "Covid-19").
NAME_WORD = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z][\w&]*(?:{_JOINED}[\w&]+)*)"
# One word of a person's name: letters only, two at least ("Okafor", "O'Neill",
# "Kovacs-Lind").
PERSON_WORD = rf"[A-Z](?={_JOINED}?{_LETTERS}){_LETTERS}*(?:{_JOINED}{_LETTERS}+)*"
# A particle between two words of a name: "Anna van Loon", "Piet de Graaf".
NAME_PARTICLE = rf"(?:{'|'.join(sorted(NAME_PARTICLES))})"

# Any proper name: up to six words, with "of (the)" or a particle between two
# ("the Bank of the North", "Costa Rica", "U.N. Security Council").
PROPER_NAME = (
    rf"{NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?|{NAME_PARTICLE}\s+)?{NAME_WORD}){{0,5}}"
)
# A person's full name: two to four words ("Ana Ortiz", "Anna van Loon").
PERSON_NAME = rf"{PERSON_WORD}(?:\s+(?:{NAME_PARTICLE}\s+)?{PERSON_WORD}){{1,3}}"


_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_RUN_ENDINGS = (",", ";", ":", ".", "!", "?", *_QUOTES)
_DASHES = ("\u2014", "\u2013", "-")


def _name_core(token: str) -> str:
    word = token.strip(_QUOTES + "()[],.;:!?")
    return word.removesuffix("'s").removesuffix("\u2019s")


def _is_name_word(word: str) -> bool:
    return bool(word) and word[0].isupper() and not is_ordinary(word)


# A capitalised token's name word and whether it can be a name, by token: names
# recur through copy. Bounded, and holding nothing but words.
_CORE_CACHE: dict[str, tuple[str, bool]] = {}


def _core_and_name(raw: str) -> tuple[str, bool]:
    found = _CORE_CACHE.get(raw)
    if found is None:
        core = _name_core(raw)
        found = (core, _is_name_word(core))
        if len(_CORE_CACHE) < 200_000:
            _CORE_CACHE[raw] = found
    return found


def capitalised_runs(
    tokens: list[str], known_names: Collection[str]
) -> list[tuple[int, list[str]]]:
    """Runs of capitalised name words in whitespace-split `tokens`, each with the
    index of its first token: "the minister, Fiona Marsh, said" gives
    [(3, ["Fiona", "Marsh"])]. Titles and countries are kept (they name who a
    paragraph is about); punctuation ends a run.

    A capitalised word opening a sentence is a name only if it is in
    `known_names` (the copy also capitalises it mid-sentence: "Hamas" yes,
    "Participants" no) or a name follows it ("Ana Ortiz").
    """
    runs: list[tuple[int, list[str]]] = []
    run: list[str] = []
    start = 0
    last = -2
    cached = _CORE_CACHE.get  # most tokens were read before: skip the call
    # Most words are lower case and end any run: only the others need a look.
    for k in [k for k, raw in enumerate(tokens) if not raw[0].islower()]:
        raw = tokens[k]
        # A particle between two words of a name keeps it one: "Piet de Graaf".
        bridged = k == last + 2 and tokens[k - 1] in NAME_PARTICLES
        if run and k != last + 1 and not bridged:
            runs.append((start, run))
            run = []
        last = k
        previous = tokens[k - 1] if k else ""
        sentence_start = not k or previous[-1] in ".!?:" or previous in _DASHES
        ends_run = raw.endswith(_RUN_ENDINGS)
        core, is_name = cached(raw) or _core_and_name(raw)
        if is_name and sentence_start and core not in known_names:
            is_name = (
                not ends_run
                and k + 1 < len(tokens)
                and (cached(tokens[k + 1]) or _core_and_name(tokens[k + 1]))[1]
            )
        if is_name:
            if not run:
                start = k
            run.append(core)
        elif run:
            runs.append((start, run))
            run = []
        if run and ends_run:
            runs.append((start, run))
            run = []
    if run:
        runs.append((start, run))
    return runs

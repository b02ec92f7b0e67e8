"""Figures read from copy, each with what it counts and whose fact it is.

A figure is a cardinal or ordinal in words or digits, a percentage, a sum of money
or a quantity with a unit or counted noun. Each is read with the unit or noun it
counts, the subject and verb of its clause ("the EU pledged $2.3 billion in aid":
EU, pledge, aid) and the places, bodies and times its sentence names. figures.py
compares what this module reads.

The clause is the figure's own: a frame of reported speech before it ("The club
said", "Researchers estimated that", "told investors that") is not its subject,
asides in it ("The school, which opened in 1998, has") are skipped, and a pronoun
subject ("it cost") is the thing the sentence before it is about, or the speaker
of a frame after it ("It has 400 volunteers, the charity said"). A figure that
opens what is reported ("The operator said 312 services were cancelled") is the
speaker's fact, with its verb after it. The places and times that make another
fact are read from the figure's own clause, not from a frame or a comparison
("up from 5.1 million a year earlier"). A cost ("cost", "built
for", "completed for") belongs to the thing that cost it, also when told in a
relative clause ("the bridge, which the council built for £9m").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from articles.text.checks.base import Paragraph
from articles.text.checks.number_forms import ORDINAL_WORDS
from articles.text.tokens import name_runs, sentences, tokenize
from articles.text.vocabulary import (
    CALENDAR_WORDS,
    MONTHS,
    STOPWORDS,
    actors_in,
    places_in,
    scopes_in,
    words_of,
)

_UNITS_WORDS = words_of(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_WORDS = words_of("twenty thirty forty fifty sixty seventy eighty ninety")


def _cardinal_words() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_UNITS_WORDS, start=1)}
    for i, tens in enumerate(_TENS_WORDS, start=2):
        words[tens] = i * 10
        for unit, word in enumerate(_UNITS_WORDS[:9], start=1):
            words[f"{tens}-{word}"] = i * 10 + unit
    words["hundred"] = 100
    words["dozen"] = 12
    return words


CARDINAL_WORDS = _cardinal_words()
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "francs": "CHF",
}
# Units written two ways, as compared.
UNIT_SYNONYMS = {
    "km": "kilometre",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "kilos": "kilogram",
    "tonnes": "tonne",
    "tons": "tonne",
    "mi": "mile",
    "miles": "mile",
    "metres": "metre",
    "meters": "metre",
    "m2": "square-metre",
    "hectares": "hectare",
    "ha": "hectare",
    "litres": "litre",
    "liters": "litre",
    "mw": "megawatt",
    "megawatts": "megawatt",
}
# Words between a verb and its figure: "pledged at least", "killed more than".
_APPROXIMATE = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|some|roughly|approximately|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|"
    r"as\s+much\s+as|an\s+estimated|estimated|close\s+to|just\s+over|just\s+under|"
    r"upwards\s+of|tens\s+of|hundreds\s+of|thousands\s+of)\s+$)"
)
_FILLER = frozenset(
    words_of("a an the of by to for with a total another further additional new extra")
)
_DETERMINERS = frozenset(words_of("the a an its their this that these those"))
_PRONOUN = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)
# A frame of reported speech before a figure's clause ("The club said (that)",
# "According to the trust,"): what is said is the fact, not who says it. The frame
# counts only when the clause goes on after it.
_SAYING = (
    r"(?:(?:said|says|say|reported|reports|estimated|estimates|announced|"
    r"confirmed|added|stated|found|find|showed|shows|believes?|believed|argued|"
    r"claimed|warned|noted|insisted|expects?|expected)"
    r"(?:\s+(?:on|last)\s+[A-Za-z]+)?\s+(?:that\s+)?"  # "said on Tuesday that"
    r"|told\s+(?:[a-z]+\s+){1,3}?that\s+)"  # "told investors that"
)
_FRAME = re.compile(
    rf"^.*\b(?:{_SAYING}|according\s+to\s+[^,]+,\s+)(?=\S)", re.IGNORECASE
)
# The frame right before the figure: "The operator said 312 services were ...".
_FRAME_END = re.compile(rf"\b{_SAYING}$", re.IGNORECASE)
# A figure that opens its reported clause has its verb after it: "312 services
# had been cancelled", "40 jobs would go".
_VERB_AFTER = re.compile(
    r"^(?:\s+(?:in|at|on|of|across|from|for)\s+(?:the\s+|its\s+|their\s+)?[\w-]+)*"
    r"(?:\s+[a-z-]+)??\s+(?:(?:had|have|has|will|would|could|may|might|were|was|"
    r"are|is)\s+)?(?:(?:been|be|not)\s+)?(?P<verb>[a-z]{2,})\b"
)
# An aside inside the clause before a figure: "The school, which the university
# says will train doctors, will take 90 students"; "The race, now in its twelfth
# year, will have".
_ASIDE = re.compile(
    r",\s+(?:(?:which|who|whose|where|now|once|still)\b|[a-z]+ed\s+(?:by|in|on|at)\b)"
    r"[^,;]*,"
)  # also "The appeal, launched by the mayor, has", "founded in 1946"
# Adverbs between a subject and its verb: "has so far raised", "has recently".
_ADVERB = re.compile(r"(?i:\bso\s+far\b|\b[a-z]+ly\b)")
# A phrase of time or circumstance opening the clause: "At its height the blaze".
_LEADING_PHRASE = re.compile(
    r"^(?i:(?:at|in|on|by|during|after|before|since|over|under|with|from)\s+"
    r"(?:[\w'-]+\s+){0,3}?)(?=(?i:the)\s)"
)
# What the sentence compares its figure with: "up from 5.1 million a year earlier".
_COMPARISON = re.compile(
    r"(?i:,?\s+(?:(?:up|down|rising|falling)\s+from|compared\s+with)\b[^;]*)"
)
# Where the figure's clause starts when clauses are joined: "..., and the board".
_CLAUSE_JOIN = re.compile(r"(?:[,;]\s+(?:and|but|while|whereas)|;)\s+")
# A frame of reported speech after the figure: ", the minister said last week."
_TRAILING_FRAME = re.compile(
    r",[^,]*\b(?:said|says|told|announced|confirmed|added|stated|reported)\b[^,]*$"
)
# The time of a frame of reported speech: "said on Tuesday".
_FRAME_TIME = re.compile(
    r"(?i:\b(said|says|announced|confirmed|told\s+\w+)\s+(?:on|last)\s+[A-Za-z]+)"
)
# A frame of reported speech after the figure with a thing, not a person, as
# speaker: ", the charity said." (a name or a pronoun speaker is a person).
_TRAILING_SPEAKER = re.compile(
    r",\s+(?P<who>(?:the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+"
    r"(?:said|says|reported|reports|announced|confirmed|added|stated|found|showed|"
    r"shows|estimated)\b[^,]*$"
)
_COST_VERB = "cost"
# Building a thing for a sum, done or to come: "built for", "will build for".
_BUILD_VERB_FORMS = (
    r"(?:re)?buil(?:t|d|ds|ding)|complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?|"
    r"deliver(?:s|ed|ing)?|renovat(?:e|es|ed|ing)|refurbish(?:es|ed|ing)?|"
    r"restor(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)"
)
_BUILD_VERB = re.compile(rf"(?i:{_BUILD_VERB_FORMS})")
# Words that set one thing apart from another of its kind: "the other school".
_CONTRASTIVE = frozenset(
    words_of("other another second third new old former previous next rival sister")
)
# Comparatives and superlatives of size, age and place: "the smaller ferry".
_COMPARATIVE = re.compile(
    r"(?:small|larg|bigg|old|new|high|low|long|short|great|young|wid|near|furth|"
    r"far|earli|lat|eld|north|south|east|west|upp|inn|out)(?:er|est|ern)"
)
# Times and scopes told in words, which make two figures two facts ("this year"
# is now, as an undated figure is).
_WHEN_WHERE = re.compile(
    r"(?i:\b(?:(?:last|next|previous|coming|past)\s+"
    r"(?:year|month|week|season|quarter|decade|summer|winter|spring|autumn)"
    r"|(?:first|second|third|fourth|final)\s+(?:quarter|half)"
    r"|a\s+year\s+(?:earlier|ago|before)"
    r"|worldwide|globally|nationally|nationwide|abroad|overseas|internationally)\b)"
)
# What a thing cost, however the copy puts it.
_COST = re.compile(
    r"(?i:\bcost(?:s|ing)?\s+(?:(?:the|a|an|its|their)\s+[a-z]+\s+)?$"
    rf"|\b(?:{_BUILD_VERB_FORMS})\b[^,.;]{{0,30}}?\bfor\s+$"
    r"|\b(?:at\s+)?an?\s+(?:total\s+|final\s+)?cost\s+of\s+$)"
)
# What a length measures, after its unit: "300 metres long", "30 metres high".
_DIMENSION = re.compile(
    r"\s+(long|high|tall|wide|deep|thick|away|across|underground|below|above)\b",
    re.IGNORECASE,
)
# Words after a number that are not what it counts.
_NOT_COUNTED = STOPWORDS | frozenset(words_of("per percent am pm"))
_NOT_A_NOUN = _NOT_COUNTED | frozenset(CARDINAL_WORDS)
_NUMBER_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|tn|m|k)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<cur>US\$|[$€£¥])\s?(?P<num>{_DIGITS})(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"|\b(?P<num2>{_DIGITS})(?:\s?(?P<scale2>{_SCALE}))?\s+(?P<cur2>dollars|euros|"
    r"pounds|yen|yuan|rupees|francs)\b",
    re.IGNORECASE,
)
# A count: "9 countries", "twelve new wardens", "three hundred jobs", "two
# hundred thousand visitors"; a describing word before the noun is skipped.
_COUNT = re.compile(
    rf"(?<![\w$€£¥.,])(?P<num>{_DIGITS}|(?i:{_NUMBER_WORD}))"
    r"(?:\s+(?P<hundred>hundred)(?=\s))?"
    rf"(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?:\s+(?:new|extra|more|additional|further|full-time|part-time|other|"
    r"permanent|temporary|local|young|older|senior|junior|qualified|trained)(?=\s))?"
    r"(?:\s+(?P<noun>[A-Za-z][a-z]+|km|kg|mi|mw|ha)\b)",
)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS})(?:\s?%|\s+per\s?cent\b|\s+percent\b)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    rf"\b(?P<num>(?i:{_ORDINAL_WORD})|\d{{1,3}}(?:st|nd|rd|th))\b"
    r"(?P<rest>(?:\s+[A-Za-z][\w-]*){1,4})"
)
_MONTH = "|".join(m for m in MONTHS if len(m) > 3 or m == "May")
DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTH})\b")
MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!:)")


@dataclass(frozen=True)
class Figure:
    """One figure in a sentence, and what makes it a fact."""

    kind: str  # "money", "count", "ordinal"
    value: float
    unit: str  # currency, unit or counted noun
    form: str  # how it is written, for the two-forms finding
    subject: str
    verb: str
    names: frozenset[str]  # for ordinals: the named thing counted
    # places, bodies and times the sentence names besides the subject: "12,000
    # hectares in Spain" and "8,000 hectares in Portugal" are two facts
    setting: frozenset[str]
    scope: frozenset[str]  # places named by what they are: "in the county"
    approximate: bool
    initial: bool  # opens its sentence
    para: Paragraph
    start: int
    end: int


def _number(text: str) -> float | None:
    low = text.lower()
    if low in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def read_figures(para: Paragraph, previous: str = "") -> Iterator[Figure]:
    """Every figure in the paragraph's sentences; `previous` is the sentence before
    the paragraph in its story, for a pronoun that opens it."""
    for s_start, s_end in sentences(para.text):
        sentence = _Sentence(para.text[s_start:s_end], s_start, previous)
        previous = sentence.text
        taken: list[tuple[int, int]] = []
        for match in _MONEY.finditer(sentence.text):
            yield from _money(para, sentence, match, taken)
        for match in _PERCENT.finditer(sentence.text):
            taken.append(match.span())
            number = _number(match.group("num"))
            if number is not None:
                yield _figure(
                    "percent", number, "%", "", "", para, sentence, match.span()
                )
        for match in _COUNT.finditer(sentence.text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            yield from _count(para, sentence, match)
        for match in _ORDINAL.finditer(sentence.text):
            yield from _ordinal(para, sentence, match)


@dataclass(frozen=True)
class _Sentence:
    text: str
    offset: int  # in the paragraph
    previous: str  # the sentence before it in the paragraph, for "it" and "they"


def _money(
    para: Paragraph,
    sentence: _Sentence,
    match: re.Match[str],
    taken: list[tuple[int, int]],
) -> Iterator[Figure]:
    taken.append(match.span())
    number = _number(match.group("num") or match.group("num2"))
    if number is None:
        return
    currency = CURRENCIES[(match.group("cur") or match.group("cur2")).lower()]
    scale_word = (match.group("scale") or match.group("scale2") or "").lower()
    value = number * SCALES.get(scale_word, 1)
    # what the money is for: "$2bn in aid", "£5m of new funding", "€40m loans"
    after = re.match(
        r"\s+(?:(?:in|of|for|worth\s+of)\s+)?(?:(?P<adj>[a-z]+)\s+)?"
        r"(?P<noun>[a-z]{3,})\b",
        sentence.text[match.end() :],
    )
    noun = ""
    if after and not {after.group("adj"), after.group("noun")} & _NOT_A_NOUN:
        noun = after.group("noun")
    form = re.sub(r"[\d.,\s]+", " ", match.group()).strip().lower()
    yield _figure("money", value, currency, form, noun, para, sentence, match.span())


def _count(
    para: Paragraph, sentence: _Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    raw = match.group("num")
    number = _number(raw)
    noun = match.group("noun")
    if number is None or noun.lower() in _NOT_COUNTED or noun in MONTHS:
        return
    if noun[:1].isupper() and noun.lower() not in UNIT_SYNONYMS:
        return  # "Group 7", "2019 Olympics": part of a name
    if re.fullmatch(r"1[89]\d\d|20\d\d", raw):
        return  # a year
    before = sentence.text[: match.start()]
    if re.search(rf"(?:{_MONTH})\s+$", before):
        return  # "May 5": a date
    value = number * SCALES.get((match.group("scale") or "").lower(), 1)
    if match.group("hundred") and number < 100:
        value *= 100  # "three hundred", "two hundred thousand"
    unit = UNIT_SYNONYMS.get(noun.lower(), _singular(noun.lower()))
    dimension = _DIMENSION.match(sentence.text[match.end() :])
    if dimension:  # "300 metres long" and "30 metres high" measure two things
        unit = f"{unit}:{dimension.group(1).lower()}"
    form = "digits" if raw[0].isdigit() else "words"
    yield _figure("count", value, unit, form, "", para, sentence, match.span())


def _ordinal(
    para: Paragraph, sentence: _Sentence, match: re.Match[str]
) -> Iterator[Figure]:
    raw = match.group("num").lower()
    value = int(raw[:-2]) if raw[0].isdigit() else ORDINAL_WORDS[raw]
    # the counted thing: the words after the ordinal up to a small word
    head: list[str] = []
    head_end = match.start("rest")
    for word in re.finditer(r"[A-Za-z][\w-]*", match.group("rest")):
        if word.group().lower() in STOPWORDS:
            break
        head.append(word.group())
        head_end = match.start("rest") + word.end()
    if not head:
        return
    noun = _singular(head[-1].lower())
    tail = sentence.text[head_end:]
    named = re.match(
        r"\s+(?:of|at|in|on|for)\s+(?:the\s+)?((?:[A-Z][\w-]*\s*){1,5})", tail
    )
    names = {w.lower() for w in head[:-1] if w[:1].isupper()}
    if named:
        names |= {w.lower() for w in named.group(1).split()}
    elif not names:
        names = _owner(sentence.text[: match.start()])
    span = (match.start(), head_end)
    figure = _figure("ordinal", value, noun, "", "", para, sentence, span)
    yield replace(figure, names=frozenset(names))


def _owner(before: str) -> set[str]:
    """Whose ordinal it is, told before it: "the Harbour Trust's 40th" or "The
    Baltic Book Fair, now in its 11th": the name, as words."""
    possessive = re.search(
        r"((?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)['\u2019]s?\s+$", before
    )
    if possessive:
        return {w.lower() for w in possessive.group(1).split()}
    if not re.search(r"\b(?:its|their)\s+$", before):
        return set()
    tokens = tokenize(before)
    runs = [tokens[i:j] for i, j in name_runs(tokens) if j - i >= 2]
    return {t.base.lower() for t in runs[0]} if runs else set()


def _figure(
    kind: str,
    value: float,
    unit: str,
    form: str,
    noun: str,
    para: Paragraph,
    sentence: _Sentence,
    span: tuple[int, int],
) -> Figure:
    before = sentence.text[: span[0]]
    after = sentence.text[span[1] :]
    clause = _clause(_ASIDE.sub("", before))
    led = _LEADING_PHRASE.sub("", clause)
    clause = led if len(led.split()) >= 2 else clause
    verb = _verb(clause)
    frame_end = _FRAME_END.search(clause)
    speaker = _TRAILING_SPEAKER.search(after)
    opens = not before.strip(" \"\u201c\u2018'(")
    verb_after = _VERB_AFTER.match(after) if frame_end or opens else None
    if verb_after and verb_after.group("verb") not in STOPWORDS:
        # the figure opens what is reported: the speaker's fact ("The operator
        # said 312 services had been cancelled"; "Twenty schools have leaking
        # roofs, the report found"), with its verb after it
        verb = _stem(verb_after.group("verb"))
        if frame_end:
            clause = clause[: frame_end.start()] + " said "
        elif speaker:
            clause = speaker.group("who") + " said "
    # "It has 4,200 volunteers, the charity said": the pronoun is the speaker
    previous = speaker.group("who") if speaker else sentence.previous
    subject = _subject(clause, previous, cost=verb == _COST_VERB)
    where = _setting_text(sentence.text, span)
    return Figure(
        kind=kind,
        value=value,
        unit=unit if not noun else f"{unit}:{_singular(noun)}",
        form=form,
        subject=subject,
        verb=verb,
        names=frozenset(),
        setting=_setting(where, subject),
        scope=frozenset(scopes_in(where)),
        approximate=bool(_APPROXIMATE.search(before)),
        initial=opens,
        para=para,
        start=sentence.offset + span[0],
        end=sentence.offset + span[1],
    )


def _setting_text(sentence: str, span: tuple[int, int]) -> str:
    """The part of a sentence whose places and times are the figure's: its own
    clause, without asides, a frame after it or the time of one before it ("said
    on Tuesday"), or what the figure is compared with ("up from 5.1 million a
    year earlier")."""
    before, figure, after = sentence[: span[0]], sentence[span[0] : span[1]], ""
    after = sentence[span[1] :]
    joins = list(_CLAUSE_JOIN.finditer(before))
    if joins:
        before = before[joins[-1].end() :]
    before = _FRAME_TIME.sub(r"\1", _ASIDE.sub("", before))
    after = _COMPARISON.sub("", _ASIDE.sub("", after))
    after = _TRAILING_FRAME.sub("", after)
    return before + figure + after


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _subject(clause: str, previous: str = "", *, cost: bool = False) -> str:
    """Whose fact the figure is: the first country, body or name in its clause, else
    the words before its verb ("the hospital trust hired 120 nurses"); for a
    pronoun ("it cost"), what the sentence before it is about; for a cost told in
    a relative clause, the thing it qualifies ("the bridge, which ... built for")."""
    if cost:
        relative = re.search(
            r"([A-Za-z][\w\s'-]*?)\s*,\s+(?:which|that)\s+[^,]*$", clause
        )
        if relative:
            return _noun_phrase_end(relative.group(1))
    if _PRONOUN.match(clause):
        return _opening_phrase(previous)
    if cost:
        return _cost_subject(clause)
    actors = actors_in(clause)
    tokens = tokenize(clause)
    runs = [
        (tokens[i].start, " ".join(t.base for t in tokens[i:j]).lower())
        for i, j in name_runs(tokens)
        # one capitalised word opening the clause is as likely a common noun
        # ("Turnout in the referendum was"): read with the words below
        if not (i == 0 and j == 1 and len(tokens) > 1 and tokens[1].text.islower())
    ]
    found = [(s, a.lower()) for s, _, a in actors] + runs
    if found:
        return min(found)[1]
    words = [  # possessives kept whole: "the mayor's appeal"
        re.sub(r"['\u2019]s?$", "", w)
        for w in re.findall(
            r"[A-Za-z][\w'\u2019-]*", _ADVERB.sub(" ", _APPROXIMATE.sub("", clause))
        )
    ]
    while words and words[-1].lower() in _FILLER:
        words.pop()
    head = [w.lower() for w in words[:-1] if w.lower() not in STOPWORDS]
    if len(words) <= 5:
        return " ".join(head[-3:])
    # a long clause with no name in it: its own words are what the fact is about
    # ("the drug cut the risk of a second stroke by"), when there are enough of them
    content = [w.lower() for w in words if w.lower() not in STOPWORDS]
    return " ".join(content[-6:]) if len(content) >= 4 else ""


def _cost_subject(clause: str) -> str:
    """What cost it: "The stadium was built at a cost of" -> "stadium"; "the
    trust built the centre for" -> "centre"; "The new stand cost" -> "new stand"."""
    cost = _COST.search(clause)
    if cost and _BUILD_VERB.match(cost.group()):  # "the trust built the centre for"
        built_words = re.findall(r"[A-Za-z][\w'-]*", cost.group())[1:]
        kept = [w.lower() for w in built_words if w.lower() not in STOPWORDS]
        if kept:
            return " ".join(kept[-3:])
    words = re.findall(r"[A-Za-z][\w'-]*", clause[: cost.start()] if cost else clause)
    built = [i for i, w in enumerate(words) if _BUILD_VERB.fullmatch(w)]
    if built and built[-1] < len(words) - 1:
        words = words[built[-1] + 1 :]  # what was built
    kept = [
        w.lower()
        for w in words
        if w.lower() not in STOPWORDS and not _BUILD_VERB.fullmatch(w)
    ]
    return " ".join(kept[-3:])


def same_subject(first: str, second: str) -> bool:
    """True when two subjects can name one thing: the same words, or one the
    other's last words ("centre" / "cancer centre"; not "city council" / "county
    council"), unless the longer one sets its thing apart from another ("the
    smaller ferry", "the other school", "the second bridge")."""
    a, b = first.split(), second.split()
    shorter, longer = sorted((a, b), key=len)
    if shorter != longer[len(longer) - len(shorter) :]:
        return False
    extra = longer[: len(longer) - len(shorter)]
    return not any(w in _CONTRASTIVE or _COMPARATIVE.fullmatch(w) for w in extra)


def _clause(before: str) -> str:
    """The figure's own clause: `before` without a frame of reported speech."""
    framed = _FRAME.match(before)
    if framed is None or before[framed.end() :].strip().lower() == "that":
        return before  # nothing after the frame: the figure opens what is said
    return before[framed.end() :]


def _opening_phrase(sentence: str) -> str:
    """The noun phrase a sentence opens with ("The new bridge opened ..." -> "new
    bridge"), or "" when it opens otherwise."""
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    phrase: list[str] = []
    for word in words[:4]:
        low = word.lower()
        if low in STOPWORDS or (
            phrase and word.islower() and re.search(r"(?:ed|[^su]s)$", low)
        ):
            break
        phrase.append(low)
    return " ".join(phrase[-3:])


def _noun_phrase_end(text: str) -> str:
    """The last words of `text` that are not small words: "... of the cancer
    centre" -> "cancer centre"."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in STOPWORDS or len(phrase) == 3:
            break
        phrase.insert(0, word.lower())
    return " ".join(phrase)


def _setting(sentence: str, subject: str) -> frozenset[str]:
    """The countries, bodies, places, years, months and weekdays a sentence names,
    and the times and scopes it gives in words ("last year", "in the first quarter",
    "worldwide")."""
    found = {actor.lower() for _, _, actor in actors_in(sentence)}
    found |= set(re.findall(r"\b(?:1[89]|20)\d\d\b", sentence))
    found |= {w.lower() for w in re.findall(r"[A-Z][a-z]+", sentence)} & CALENDAR_WORDS
    found |= {re.sub(r"\s+", " ", m.lower()) for m in _WHEN_WHERE.findall(sentence)}
    found |= places_in(sentence)  # "in Ulster", "across Kent"
    return frozenset(found - {subject})


def _verb(before: str) -> str:
    """The word before the figure, past fillers and approximations, stemmed; "cost"
    for the ways copy gives what a thing cost ("built for", "at a cost of")."""
    trimmed = _APPROXIMATE.sub("", before)
    if _COST.search(trimmed):
        return _COST_VERB
    words = re.findall(r"[A-Za-z]+", trimmed)
    while words and words[-1].lower() in _FILLER:
        words.pop()
    if not words or words[-1][:1].isupper():
        return ""
    return _stem(words[-1])


def _stem(verb: str) -> str:
    return re.sub(r"(?:ed|d|es|s|ing)$", "", verb.lower())

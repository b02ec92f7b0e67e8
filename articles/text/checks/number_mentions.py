"""Every number mention read to (value, what it counts) and how it is written.

A mention is a count ("nine countries", "the 9 countries", "two hundred staff"), a
sum of money ("£4.5m", "£4.5 million", "2.5 billion euros"), a quantity with a
unit ("five kilometres", "5km", "110mph"), a large number ("1.5 million",
"1,500,000"), a number of four or more digits (with or without its thousands
separator) or a time of day ("8pm", "8 p.m."). Two mentions of one value and one
thing written in two forms are one number written two ways; the separator and the
time of day are styles of the whole copy, whatever their values. number_forms.py
reports them; figure_reading.py uses the tables here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.text.checks.base import Paragraph, is_heading
from articles.text.checks.figure_clauses import NOT_A_NOUN, singular
from articles.text.tokens import sentences
from articles.text.vocabulary import CARDINAL_WORDS, MONTHS

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
    # South Asian scales: "Rs 450 crore", "12 lakh"
    "lakh": 1e5,
    "crore": 1e7,
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
    "rs": "INR",
    "₹": "INR",
    "rupees": "INR",
    "chf": "CHF",
    "francs": "CHF",
    # the South African rand ("R2.6m", "two million rand") and the Nordic crowns
    "r": "ZAR",
    "zar": "ZAR",
    "rand": "ZAR",
    "nok": "NOK",
    "kroner": "NOK",
    "krone": "NOK",
    "dkk": "DKK",
    "sek": "SEK",
    "kronor": "SEK",
    # currencies told by their name after the sum ("38 million zloty")
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "koruna": "CZK",
    "lei": "RON",
    "lira": "TRY",
    "reais": "BRL",
    "pesos": "MXN",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "shekels": "ILS",
    "dirhams": "AED",
    "naira": "NGN",
    "shillings": "KES",
}
# Units written two ways, as compared: abbreviations and both spellings.
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
    "gw": "gigawatt",
    "gigawatts": "gigawatt",
    "kw": "kilowatt",
    "kilowatts": "kilowatt",
    "mph": "mile-per-hour",
    "kph": "kilometre-per-hour",
    "km/h": "kilometre-per-hour",
    "cm": "centimetre",
    "centimetres": "centimetre",
    "mm": "millimetre",
    "millimetres": "millimetre",
    "ft": "foot",
    "feet": "foot",
    # the people a body employs, however they are called
    "staff": "staff",
    "workers": "staff",
    "employees": "staff",
    "worker": "staff",
    "employee": "staff",
    # the people who watch an event, however they are called
    "spectators": "spectator",
    "fans": "spectator",
    "supporters": "spectator",
}
# Units written right after their digits: "5km", "110mph", "47.2C", "540MW".
ATTACHED_UNIT = r"km/h|kph|mph|km|kg|cm|mm|mi|ft|ha|MW|GW|kW|C|F"
ATTACHED_NAMES = {"c": "degree-c", "f": "degree-f"}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_SCALE = r"thousand|million|billion|trillion|lakh|crore|bn|mn|mln|tn|m|k"
# "R" is the rand only before a sum that cannot be a road or a name ("R2.6m",
# "R45,000"; not "the R445")
_RAND = rf"R(?=(?:\d+(?:\.\d+)?\s?(?:{_SCALE})|\d{{1,3}}(?:,\d{{3}})+)\b)"
_CURRENCY_SIGN = rf"US\$|[$€£¥₹]|{_RAND}|(?:Rs|CHF|USD|EUR|GBP|ZAR|NOK|DKK|SEK)\.?\s?"
# after a sum, also joined to it ("a 2000-euro grant", "two million rand")
_CURRENCY_WORD = (
    r"dollars?|euros?|pounds|yen|yuan|rupees|francs|rand|kroner|krone|kronor|"
    r"zlotys?|forints?|koruna|lei|lira|reais|pesos|rupiah|ringgit|baht|shekels|"
    r"dirhams|naira|shillings"
)
# "half a million pounds": a half before a scale, read as 0.5 of it
_HALF = r"half\s+an?"
HALF = rf"{_HALF}(?=\s+(?:thousand|million|billion|trillion)\b)"
MONEY = re.compile(
    rf"(?P<cur>{_CURRENCY_SIGN})\s?(?P<num>{_DIGITS})(?:\s?(?P<scale>(?i:{_SCALE}))\b)?"
    rf"|\b(?P<num2>{_DIGITS}|(?i:{_WORD}|{HALF}))(?:\s?(?P<scale2>(?i:{_SCALE})))?[\s-]+"
    rf"(?P<cur2>(?i:{_CURRENCY_WORD}))\b"
)
# A number and what follows it: "nine countries", "two hundred staff", "4.6m
# passengers", "1.5 million people", "5km", "the 9 countries".
_NUMBER = re.compile(
    rf"(?<![\w$€£¥₹.,/:-])(?P<num>{_DIGITS}|(?i:{_WORD}))"
    rf"(?:\s+(?P<hundred>(?i:hundred))(?:\s+and\s+(?P<rest>(?i:{_WORD})))?)?"
    rf"(?:(?P<attached>{ATTACHED_UNIT})\b|(?P<suffix>m|bn)\b|\s+(?P<scale>thousand|million|billion))?"
    r"(?![\w%/:-]|\.\d|,\d)"
    r"(?:\s+(?P<noun>[a-z][a-z/-]*|km|kg|mi|MW|GW|kW)\b)?"
)
_TIME = re.compile(
    r"\b(?P<num>\d{1,2}(?:[.:]\d\d)?)(?P<suffix>\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b))"
)
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*,?\s+)*[A-Z][\w.'\u2019-]*\s?[:\u2014\u2013-]\s*"
)
_MONTH = re.compile("|".join(m for m in MONTHS if len(m) > 2), re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    key: str  # what its forms have in common: "count:9:country", "style:time"
    form: str  # how it is written: "words", "digits", "£ m", "p.m."
    para: Paragraph
    start: int
    end: int


def number_value(raw: str) -> float | None:
    """The value of a number in digits or words ("1,200", "twelve", "half a")."""
    low = raw.lower()
    if re.fullmatch(_HALF, low):
        return 0.5
    if low in CARDINAL_WORDS:
        return float(CARDINAL_WORDS[low])
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def number_mentions(paragraphs: Sequence[Paragraph]) -> Iterator[Mention]:
    """Every number mention of the paragraphs that can be written two ways."""
    for para in paragraphs:
        if is_heading(para):
            continue  # headlines write numbers in digits whatever the body does
        for start, end in sentences(para.text):
            yield from _sentence_mentions(para, start, para.text[start:end])


def _sentence_mentions(para: Paragraph, offset: int, text: str) -> Iterator[Mention]:
    taken: list[tuple[int, int]] = []
    for match in MONEY.finditer(text):
        taken.append(match.span())
        number = number_value(match.group("num") or match.group("num2"))
        if number is None:
            continue
        sign = (match.group("cur") or match.group("cur2")).strip(" .").lower()
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        value = number * SCALES.get(scale, 1)
        raw = match.group("num") or match.group("num2")
        written = "sign" if match.group("cur") else "word"
        digits = "digits" if raw[0].isdigit() else "words"
        form = f"{written} {scale or digits}"
        if not scale and "." in raw:  # "€3.50" / "€3.5": the places of a price
            form += f" {len(raw.partition('.')[2])} places"
        yield Mention(
            f"money:{CURRENCIES[sign]}:{value:g}",
            form,
            para,
            offset + match.start(),
            offset + match.end(),
        )
    for match in _TIME.finditer(text):
        taken.append(match.span())
        suffix = match.group("suffix")
        # "am" and "pm" are one style: written with dots or without, spaced or not
        style = re.sub(r"^[ap]", "", suffix.strip().lower())
        form = ("spaced " if suffix[0] == " " else "") + style
        yield Mention(
            "style:time", form, para, offset + match.start(), offset + match.end()
        )
    for match in _NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        yield from _number_mention(para, offset, text, match)


def _number_mention(
    para: Paragraph, offset: int, text: str, match: re.Match[str]
) -> Iterator[Mention]:
    raw = match.group("num")
    number = number_value(raw)
    if number is None:
        return
    before = text[: match.start()]
    if _in_name(before):
        return  # "Route 6000", "No 10", "Flight 2490", "May 5": names and dates
    if match.group("hundred"):
        number = number * 100 + CARDINAL_WORDS.get(
            (match.group("rest") or "").lower(), 0
        )
    scale = (match.group("scale") or match.group("suffix") or "").lower()
    value = number * SCALES.get(scale, 1)
    span = (offset + match.start(), offset + match.end())
    parts = ("num", "hundred", "rest", "attached", "suffix", "scale")
    number_end = offset + max(match.end(g) for g in parts if match.group(g))
    # opening its sentence, or its paragraph after a dateline ("LEEDS: Fourteen")
    initial = not before.strip(" \"\u201c\u2018'(") or bool(_DATELINE.fullmatch(before))
    words = not raw[0].isdigit()
    digits_only = not (words or scale or match.group("attached"))
    noun = match.group("noun") or ""
    if digits_only and "." not in raw and value >= 1000 and not _a_year(raw, noun):
        form = "separated" if "," in raw else "plain"
        yield Mention("style:thousands", form, para, span[0], offset + match.end("num"))
    if value >= 1e6 and (scale or "," in raw):  # "1.5 million" / "1,500,000"
        # and "one million" / "1 million"
        form = " ".join([*(["words"] if words else []), scale or "digits"])
        yield Mention(f"large:{value:g}", form, para, *span)
        return
    attached = match.group("attached")
    if attached:
        unit = ATTACHED_NAMES.get(attached.lower(), attached.lower())
        unit = UNIT_SYNONYMS.get(unit, unit)
        yield Mention(
            f"unit:{unit}:{value:g}", "digits short", para, span[0], number_end
        )
        return
    if not noun or noun in NOT_A_NOUN or _MONTH.fullmatch(noun):
        return
    if initial and words and value >= 10:
        return  # a number opening a sentence is spelled out whatever the style
    form = " ".join(["words" if words else "digits", *scale.split()])
    if noun.lower() in UNIT_SYNONYMS and UNIT_SYNONYMS[noun.lower()] != "staff":
        unit = UNIT_SYNONYMS[noun.lower()]
        short = "short" if len(noun) <= 2 or noun.isupper() else "full"
        yield Mention(f"unit:{unit}:{value:g}", f"{form} {short}", para, *span)
        return
    yield Mention(f"count:{value:g}:{singular(noun.lower())}", form, para, *span)


def _in_name(before: str) -> bool:
    """True when the word before a number makes it part of a name or a date: a
    capitalised word that does not open the sentence, or "No", "number", "#"."""
    if re.search(r"(?i:\bno\.?|\bnumber|#)\s*$", before):
        return True
    word = re.search(r"\b[A-Z][\w.]*\s*$", before)
    return (
        word is not None
        and bool(before[: word.start()].strip(" \"\u201c\u2018'("))
        and not (re.search(r"[.!?][\"\u201d\u2019')]?\s+$", before[: word.start()]))
    )


def _a_year(raw: str, noun: str = "") -> bool:
    """A four-digit number that may be a year ("in 2019", "the 2024 elections"):
    never read as a thousands style. Before a plural noun, only this century's
    and the last can be ("the 1500 places" counts places)."""
    if noun.islower() and re.fullmatch(r"[a-z]+[^s]s", noun):
        return bool(re.fullmatch(r"19\d\d|20\d\d", raw))
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", raw))

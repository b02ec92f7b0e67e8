"""Debris in pasted copy: the lines of a web page or wire feed that are not the story.

Copy pasted from a news page carries the page's furniture (section labels,
bylines, timestamps, share buttons, photo captions and credits, "Advertisement",
gallery counters, related-link lists, author bios); wire copy carries reporting
credits and sign-offs. Each is recognised by the kind of line it is, never by
its words in any one copy. The splitter leaves these lines out of its scoring
(so they never start a story) and proposes them for dropping; the editor keeps
any of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.text import vocabulary
from articles.text.splitting.headlines import heading_shape

# Words a news site files its stories under; a line made only of them (alone or as
# a breadcrumb, "Home > World > Asia") is a section label.
SECTION_WORDS = vocabulary.words_of(
    """
    home news world uk us europe asia africa americas australia middle east local
    national international region regions business economy markets money finance
    companies politics sport sports football cricket tennis rugby cycling athletics
    science space health environment climate technology tech culture arts books
    film music entertainment lifestyle travel food opinion analysis comment
    education transport weather obituaries society investigations live video
    """
)
_SECTION_SET = frozenset(SECTION_WORDS)
_SEPARATORS = re.compile(r"\s*(?:>|\||/|\u2022|\u00b7|\u00bb|\u203a|&)\s*")
# A breadcrumb names its last steps freely ("Home / Business / Retail"): from its
# first step, a section, every step is a short name, joined by one kind of mark.
_BREADCRUMB = re.compile(
    r"^(?P<first>[A-Z][\w'\u2019\-]*(?: [A-Z][\w'\u2019\-]*){0,2})"
    r"(?:\s*(?P<mark>[>|/\u2022\u00b7\u00bb\u203a])\s*)"
    r"[A-Z][\w'\u2019\-]*(?: [A-Z&][\w'\u2019\-]*){0,2}"
    r"(?:\s*(?P=mark)\s*[A-Z][\w'\u2019\-]*(?: [A-Z&][\w'\u2019\-]*){0,2})+$"
)

# Buttons and widgets: a line made only of these words.
_WIDGET_WORDS = frozenset(
    vocabulary.words_of(
        """
        share this article story page facebook twitter x email e-mail whatsapp
        linkedin copy link print save tweet pin it reddit telegram messenger
        bookmark gift comments comment flipboard pinterest bluesky threads
        on via view open show more gallery photos newsletter newsletters watch
        play video
        """
    )
)

_TIME_WORDS = frozenset(
    vocabulary.words_of(
        """
        published updated posted first last modified on at ago hour hours minute
        minutes min mins day days week weeks month months a.m. p.m. am pm
        mon tue tues wed thu thur thurs fri sat sun
        """
    )
)
# "14:05", "09.12" (as British pages write it), "7am", "3rd", "03/03/2026"
_CLOCK_OR_DAY = (
    r"\d{1,4}(?:[:.]\d{2})?(?:am|pm|h)?|\d{1,2}(?:st|nd|rd|th)"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
)
_MONTH_WORDS = frozenset(m.lower().rstrip(".") for m in vocabulary.MONTHS)
_WEEKDAY_WORDS = frozenset(d.lower() for d in vocabulary.WEEKDAYS)

# Who wrote or edited wire copy: "Reporting by Jane Doe; editing by John Roe".
_CREDIT_ROLE = (
    r"(?i:(?:additional )?reporting|writing|editing|compiled|edited|produced|"
    r"translated)"
)
_CREDIT_NAME = r"[A-Z][\w'\u2019.\-]*(?: (?:[a-z]{1,3} )?[A-Z][\w'\u2019.\-]*){0,3}"
_CREDIT = rf"{_CREDIT_ROLE} (?i:by) {_CREDIT_NAME}(?:(?:, | and | & ){_CREDIT_NAME})*"

_PATTERN_TABLE: tuple[tuple[str, str, int], ...] = (
    # "By Jane Doe", "By Jane Doe and John Roe, science reporters"
    (
        "byline",
        r"^(?:By|BY|(?i:posted|written|story|words|text|reported) by)"
        r"\s+[A-Z][\w'\u2019.\-]+(?:\s+[a-z]{1,3})*\s+[A-Z][^.!?]*$",
        0,
    ),
    (
        "advertisement",
        r"^(?:(?:advertisement|advert|ad)(?:\s*[-\u2013\u2014:|\u00b7]\s*"
        r"(?:scroll|continue|story continues)[\w ]{0,30})?|"
        r"sponsored(?: content)?|promoted|"
        r"(?:story|article) continues (?:below|after)(?: the)? "
        r"(?:advertisement|ad)|"
        r"scroll (?:down )?to continue(?: with content)?|skip (?:advert|ad))$",
        re.I,
    ),
    (
        "gallery",
        r"^(?:image|photo|picture|slide|video)?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}$",
        re.I,
    ),
    (
        "reading time",
        r"^(?:\d{1,2}\s*(?:-\s*)?(?:min|mins|minutes?)(?: read| listen)?|"
        r"listen(?: to (?:this |the )?(?:article|story))?(?:\s*\d{1,2}\s*min)?|"
        r"(?:estimated )?reading time:?\s*\d{1,2}\s*min\w*)$",
        re.I,
    ),
    (
        "follow or sign-up",
        r"^(?:follow (?:us|@|\S+ on)\b|sign up (?:for|to)\b.{0,60}\bnewsletters?\b|"
        r"sign up(?: here| now| today)?$|click here\b|"
        r"subscribe(?: now| today| to [^.]{1,60})?$|get our [^.]{1,40}newsletter|"
        r"join the conversation|show comments|\d+ comments?$|"
        r"comments?\s*(?:\(\d+\)|:\s*\d+)$|"
        r".{0,80}\b(?:in|to|into) your inbox\b|"
        r"(?:contact|email|e-mail) "
        r"(?:the (?:author|reporter)|us|him|her|them) at\b)",
        re.I,
    ),
    (
        "link label",
        r"^(?:related"
        r"(?: (?:stories|articles|content|coverage|links|topics|reading))?|"
        r"read more|more on this (?:story|topic)|more from [\w &]{2,30}|"
        r"you (?:may|might) also (?:like|be interested in)|"
        r"recommended(?: for you)?|"
        r"most (?:read|popular|viewed|shared)|further reading|see also|also read|"
        r"top stories|trending(?: now)?|more stories|latest(?: news| stories)?|"
        r"what to read next|editor'?s picks|read next|up next|next up|"
        r"continue reading|more to explore)\s*:?$",
        re.I,
    ),
    (
        "link",
        r"^(?:read more|related|read also|also read|see also|watch|listen)"
        r"\s*:\s*\S",
        re.I,
    ),
    ("tags", r"^(?:tags?|topics?|filed under|categories)\s*:\s*\S", re.I),
    (
        "copyright",
        r"^(?:\u00a9|\(c\)|copyright\b|.*\ball rights reserved\.?$)",
        re.I,
    ),
    ("wire credit", rf"^\(\s*{_CREDIT_ROLE}\s+(?i:by)\b[^()]*\)$", 0),
    # Without brackets only names may follow: "Reporting by the ministry ..." is text.
    ("wire credit", rf"^{_CREDIT}(?:\s*[;,]\s*{_CREDIT}| and {_CREDIT})*\.?$", 0),
    # "ENDS", "-30-", "-- AP", "-- Andes Wire": the agency's name after a dash.
    (
        "wire sign-off",
        r"^(?:(?i:ends?)|-30-|#{3}|[-\u2013\u2014]{1,2}\s*\(?"
        r"(?:[A-Z]{2,8}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)?)$",
        0,
    ),
    # "Jane Doe contributed to this report.", "Contributing: Jane Doe"
    (
        "wire credit",
        r"^(?:.{0,100}\bcontributed(?: reporting)? to this "
        r"(?:report|story|article)\.?|contributing(?: reporting)?\s*:\s*[A-Z].*)$",
        re.I,
    ),
    # The page's own controls and notices, pasted with its text.
    (
        "page furniture",
        r"^(?:skip to (?:main )?content|skip navigation|tap to unmute|"
        r"your browser does not support\b.{0,60}|"
        r"(?:image|picture|photo|media|video) (?:caption|source|credit)s?"
        r"\s*[,:]\s*\S.*|sources?\s*:\s*[A-Z][^.!?]{0,60})$",
        re.I,
    ),
    # A reporter's address or handle on a line of its own.
    (
        "contact",
        r"^(?:(?i:e-?mail|contact)\s*:?\s*)?"
        r"(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|@\w{2,30})$",
        0,
    ),
)

# One expression for the whole table: a line is searched once, and the name of
# the alternative that matched ("k3") says which kind it is.
_KINDS = tuple(kind for kind, _, _ in _PATTERN_TABLE)
_DEBRIS = re.compile(
    "|".join(
        f"(?P<k{i}>(?{'i' if flags & re.I else ''}:{pattern}))"
        if flags
        else f"(?P<k{i}>{pattern})"
        for i, (_, pattern, flags) in enumerate(_PATTERN_TABLE)
    )
)

# A credit inside a caption: "Photo: Name/Agency", "(Credit: Library)", "Getty Images".
# Each form has a cheap test of the characters it needs, so that most paragraphs of
# text are never searched (see `_has_credit`); those at the end are searched on the
# line's last characters only, which hold every match they can make.
_CREDIT_LABEL = re.compile(
    r"(?i:\b(?:photo(?:graph)?|picture|image|illustration|video|credit)s?"
    r"(?: credit| by)?\s*:\s*\S)"
)
_CREDIT_BY = re.compile(r"\b(?i:photo|picture|image)s? by [A-Z]")
_CREDIT_AGENCY = re.compile(
    r"(?:\b(?:Getty Images|Shutterstock|Alamy|AP Photo)\)?"
    r"|\((?:AP|AFP|Reuters|EPA|Xinhua|Getty)(?: Photo| via Getty Images)?\))\.?$"
)
_AGENCY_TAIL = 40  # characters: longer than any match of _CREDIT_AGENCY, plus one
_CREDIT_SLASH = re.compile(r"\S/[A-Z][\w.\-]+(?: [A-Z][\w.\-]+){0,3}\)?\.?$")
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+){1,3}) "
    r"(?:is|was|covers|writes|reports|has (?:covered|reported|written))\b"
)
_JOURNALISM = re.compile(
    r"\b(?:correspondent|reporter|editor|journalist|writer|columnist|contributor|"
    r"producer|photographer|covers|reported|reporting|based in)\b"
)
CAPTION_MAX_WORDS = 40
DEBRIS_MAX_WORDS = 15  # every other kind of debris line is short
LINK_LIST_MAX = 8  # headline-shaped lines under one link label


def line_kind(text: str) -> str | None:
    """The kind of debris a line is on its own ("byline", "share buttons", ...), or
    None for a line of the story. Lines that need their neighbours (link lists,
    author bios) are found by `boilerplate_lines`.
    """
    line = text.strip()
    if not line:
        return None
    words = line.split()
    if len(words) <= DEBRIS_MAX_WORDS:
        match = _DEBRIS.match(line)  # every pattern is anchored at the start
        if match:
            return _KINDS[int(match.lastgroup[1:])]
    if len(words) <= 8 and _is_section_label(line):
        return "section label"
    if len(words) <= 8 and all(
        w.lower().strip(",:") in _WIDGET_WORDS
        for w in re.split(r"[\s|\u2022\u00b7]+", line)
        if w
    ):
        return "share buttons"
    if len(words) <= 12 and _is_timestamp(words):
        return "timestamp"
    if len(words) <= CAPTION_MAX_WORDS and _has_credit(line):
        return "caption"
    return None


def _has_credit(line: str) -> bool:
    """Whether the line holds a photo or picture credit."""
    if ":" in line and _CREDIT_LABEL.search(line):
        return True
    if (
        " by " in line
        and ("hoto" in line or "icture" in line or "mage" in line)
        and _CREDIT_BY.search(line)
    ):
        return True
    if line.endswith(_AGENCY_ENDINGS) and _CREDIT_AGENCY.search(line[-_AGENCY_TAIL:]):
        return True
    return "/" in line and bool(_CREDIT_SLASH.search(line))


_AGENCY_ENDINGS = tuple(
    f"{word}{end}"
    for word in ("Images", "Shutterstock", "Alamy", "Photo", ")")
    for end in ("", ".", ")", ").")
)


def _is_section_label(line: str) -> bool:
    parts = [p for p in _SEPARATORS.split(line.lower()) if p]
    if parts and all(
        all(word in _SECTION_SET for word in part.split()) for part in parts
    ):
        return True
    crumbs = _BREADCRUMB.match(line)
    return bool(crumbs) and crumbs["first"].lower() in _SECTION_SET


def _is_timestamp(words: Sequence[str]) -> bool:
    """A line of dates and clock times only: "Updated 14:05 GMT, 3 March 2026"."""
    seen_time = False
    for raw in words:
        word = raw.strip(",.()|:")
        low = word.lower()
        if not word:
            continue
        if low == "ago" or re.fullmatch(_CLOCK_OR_DAY, low):
            seen_time = True
        elif (
            low in _MONTH_WORDS
            or low in _TIME_WORDS
            or low in _WEEKDAY_WORDS
            or low in ("a.m", "p.m")
            or re.fullmatch(r"[A-Z]{2,4}", word)  # a time zone: GMT, EAT, ET
        ):
            continue
        else:
            return False
    return seen_time


def boilerplate_lines(lines: Sequence[str]) -> dict[int, str]:
    """The debris lines of the copy (1-based line number -> kind).

    The lines under a link label ("Related", "Read more") are links while they
    look like headlines and no more blank lines interrupt them than the copy's
    paragraphs usually have between them. An author bio is a line that
    opens with the name of a byline seen before it and says what the journalist
    does. A name alone on the line next to a timestamp, under the headline, is a
    byline without "By".
    """
    found: dict[int, str] = {}
    bylined: set[str] = set()
    links_left = 0
    spacing = _usual_spacing(lines)
    blanks = 0
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            blanks += 1
            continue
        if blanks > spacing:
            links_left = 0
        blanks = 0
        kind = line_kind(text)
        if kind is None and found.get(number - 1) == "timestamp":
            kind = "byline" if _is_bare_byline(text) else None
        if kind == "timestamp" and _bare_byline_above(lines, number, found):
            found[number - 1] = "byline"
            bylined.update(_byline_names(lines[number - 2].strip()))
        if kind is None and links_left and heading_shape(text)[0] >= 0.5:
            kind = "link"
            links_left -= 1
        else:
            links_left = LINK_LIST_MAX if kind == "link label" else 0
        if kind is None and bylined:
            bio = _BIO.match(text)
            if bio and bio["name"] in bylined and _JOURNALISM.search(text):
                kind = "author bio"
        if kind == "byline":
            bylined.update(_byline_names(text))
        if kind is not None:
            found[number] = kind
    return found


def _usual_spacing(lines: Sequence[str]) -> int:
    """The median number of blank lines between two lines of text."""
    gaps: list[int] = []
    blanks = 0
    seen_text = False
    for raw in lines:
        if raw.strip():
            if seen_text:
                gaps.append(blanks)
            seen_text, blanks = True, 0
        else:
            blanks += 1
    return sorted(gaps)[(len(gaps) - 1) // 2] if gaps else 0


# "Jane Doe" or "Jane van Doe, Rugby Correspondent" on a line of its own
_BARE_NAME = re.compile(
    r"^[A-Z][a-z'\u2019\-]+(?: (?:[a-z]{1,3} )?[A-Z][a-z'\u2019\-]+){1,2}"
    r"(?P<role>, [^,.!?]{2,50})?$"
)


def _is_bare_byline(text: str) -> bool:
    name = _BARE_NAME.match(text)
    return bool(name) and (
        not name["role"] or bool(_JOURNALISM.search(name["role"].lower()))
    )


def _bare_byline_above(lines: Sequence[str], number: int, found: dict) -> bool:
    """Whether the line right above timestamp line `number` is a name alone, itself
    under a headline (so that it is not the headline).
    """
    if number < 3 or number - 1 in found:
        return False
    name = lines[number - 2].strip()
    if not name or not _is_bare_byline(name):
        return False
    above = next((k for k in range(number - 2, 0, -1) if lines[k - 1].strip()), None)
    return (
        above is not None
        and above not in found
        and heading_shape(lines[above - 1].strip())[0] >= 0.5
    )


def _byline_names(text: str) -> list[str]:
    names = re.sub(r"^(?:By|BY|From|FROM)\s+", "", text)
    names = re.split(r",|\band\b|&", names)
    return [n.strip() for n in names if n.strip()]

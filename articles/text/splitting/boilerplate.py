"""Debris in pasted copy: the lines of a web page or wire feed that are not the story.

Copy pasted from a news page carries the page's furniture (section labels and
breadcrumbs, bylines, timestamps, share and follow buttons, photo captions and
credits, "Advertisement", gallery counters, related-link lists, newsletter and
comment prompts, the reporter's address, author bios); wire copy carries slugs,
reporting credits and sign-offs. Each is recognised by the kind of line it is,
never by its words in any one copy. The splitter leaves these lines out of its scoring
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
    education transport weather obituaries society investigations live video crime
    breaking exclusive explainer updates fact check urgent flash bulletin advisory
    city metro regional state nation agriculture farming property motoring
    """
)
_SECTION_SET = frozenset(SECTION_WORDS)
_SEPARATORS = re.compile(r"\s*(?:>|\||/|\u2022|\u00b7|\u00bb|\u203a|&)\s*")
# A breadcrumb names its last steps freely ("Home / Travel / Cruises", "News >
# Health > Mental health"): from its first step, a section, every step is a short
# name starting with a capital, joined by one kind of mark.
_BREADCRUMB = re.compile(
    r"^(?P<first>[A-Z][\w'\u2019\-]*(?: [A-Z][\w'\u2019\-]*){0,2})"
    r"(?:\s*(?P<mark>[>|/\u2022\u00b7\u00bb\u203a])\s*)"
    r"[A-Z][\w'\u2019\-]*(?: [\w&][\w'\u2019\-]*){0,2}"
    r"(?:\s*(?P=mark)\s*[A-Z][\w'\u2019\-]*(?: [\w&][\w'\u2019\-]*){0,2})+$"
)

# Buttons and widgets: a line made only of these words.
_WIDGET_WORDS = frozenset(
    vocabulary.words_of(
        """
        share this article story page facebook twitter x email e-mail whatsapp
        linkedin copy link print save tweet pin it reddit telegram messenger
        bookmark gift comments comment flipboard pinterest bluesky threads
        on via view open show more gallery photos newsletter newsletters watch
        play video clipboard copied opens in new window tab sign log register
        follow topic + to kindly please episode listen subscribe
        """
    )
)

_TIME_WORDS = frozenset(
    vocabulary.words_of(
        """
        published updated posted first last modified on at ago hour hours minute
        minutes min mins day days week weeks month months a.m. p.m. am pm
        mon tue tues wed thu thur thurs fri sat sun filed yesterday today
        """
    )
)
# "14:05", "09.12" (as British pages write it), "7am", "3rd", "03/03/2026", "3m"
# (ago)
_CLOCK_OR_DAY = re.compile(
    r"\d{1,4}(?:[:.]\d{2})?(?:am|pm|h)?|\d{1,2}(?:st|nd|rd|th)"
    r"|\d{1,3}(?:m|d|w|hrs?|mins?)"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2})?(?:z|[+\-]\d{2}:?\d{2})?)?"
)
_TIME_ZONE = re.compile(r"[A-Z]{2,4}(?:[+\-]\d{1,2})?")  # GMT, ET, GMT+2
_MONTH_WORDS = frozenset(m.lower().rstrip(".") for m in vocabulary.MONTHS)
_WEEKDAY_WORDS = frozenset(d.lower() for d in vocabulary.WEEKDAYS)
_STAMP_OPENERS = _TIME_WORDS | _MONTH_WORDS | _WEEKDAY_WORDS

# Who wrote or edited wire copy: "Reporting by Jane Doe; editing by John Roe".
_CREDIT_ROLE = (
    r"(?i:(?:additional )?reporting|writing|editing|compiled|edited|produced|"
    r"translated)"
)
_CREDIT_NAME = r"[A-Z][\w'\u2019.\-]*(?: (?:[a-z]{1,3} )?[A-Z][\w'\u2019.\-]*){0,3}"
_CREDIT = rf"{_CREDIT_ROLE} (?i:by) {_CREDIT_NAME}(?:(?:, | and | & ){_CREDIT_NAME})*"

# News agencies and picture libraries, whose name alone on a line is a credit.
AGENCIES = vocabulary.words_of(
    """
    Reuters AP AFP EPA PA Xinhua DPA ANSA EFE Kyodo Yonhap TASS UPI Bloomberg
    AAP PTI ANI IANS NAN CP KNA Bernama Antara
    Getty Shutterstock Alamy Handout Supplied
    """
)
_AGENCY = (
    rf"(?:{'|'.join(AGENCIES)}|Associated Press|Getty Images|PA Media|PA Wire|"
    r"[A-Z]{2,5} Photo)"
)
_PERSON = r"[A-Z][a-z'\u2019\-]+(?: (?:[a-z]{1,3} )?[A-Z][a-z'\u2019\-]+){1,2}"

_PATTERN_TABLE: tuple[tuple[str, str, int], ...] = (
    # "By Jane Doe", "By Jane Doe and John Roe, science reporters"
    (
        "byline",
        r"^(?:By|BY|(?:[A-Z][a-z]+ )?(?i:posted|written|story|words|text|reported) by)"
        r"\s+[A-Z][\w'\u2019.\-]+(?:\s+[a-z]{1,3})*\s+[A-Z][^.!?]*$",
        0,
    ),
    # "From our correspondents in Rome", "From our staff reporter"
    (
        "byline",
        r"^from (?:our|the) (?:[\w\-]+ )?(?:correspondents?|reporters?|staff|team|"
        r"newsroom|desk)\b[^.!?]{0,60}$",
        re.I,
    ),
    (
        "advertisement",
        r"^(?:(?:advertisement|advert|ad)(?:\s*[-\u2013\u2014:|\u00b7]\s*"
        r"(?:scroll|continue|story continues)[\w ]{0,30})?|"
        r"advertising|ad feature|sponsored(?: content| by [A-Z][\w&' ]{1,40})?|"
        r"paid (?:partner |sponsored )?(?:content|post)|partner content|promoted|"
        r"(?:story|article) continues (?:below|after)(?: the)? "
        r"(?:advertisement|ad)|"
        r"scroll (?:down )?to continue(?: with content)?|skip (?:advert|ad))$",
        re.I,
    ),
    (
        "gallery",
        r"^(?:(?:image|photo|picture|slide|video)?\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}|"
        r"(?:view |see |gallery:?\s*)?\d{1,3} (?:photos|pictures|images))$",
        re.I,
    ),
    (
        "reading time",
        r"^(?:\d{1,2}\s*(?:-\s*)?(?:min|mins|minutes?)(?: read| listen)?|"
        r"listen(?: to (?:this |the )?(?:article|story))?"
        r"(?:\s*[\u00b7|,\-]?\s*(?:\d{1,2}\s*min\w*|\d{1,2}:\d{2}))?|"
        r"(?:estimated )?read(?:ing)? time:?\s*\d{1,2}\s*min\w*|"
        # an audio player's position and length: "00:00 / 03:48"
        r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)$",
        re.I,
    ),
    (
        "follow or sign-up",
        r"^(?:follow (?:us|@|\S+ on)\b|sign up (?:for|to)\b.{0,60}\bnewsletters?\b|"
        r"sign up(?: here| now| today)?$|click here\b|"
        r"subscribe(?: now| today| to [^.]{1,60})?$|get our [^.]{1,40}newsletter|"
        r"join the conversation|show comments|\d+ comments?$|"
        r"join (?:our|the) [\w ]{1,30}(?:community|channel|group)\b|"
        r"subscribe (?:on|via|with|in) [A-Z]|"
        r"you(?:'ve|\u2019ve| have) (?:read|used) \S+ (?:of \S+ )?free\b|"
        r"comments?\s*(?:\(\d+\)|:\s*\d+)$|comments are (?:closed|open)|"
        r"leave a comment|be the first to comment|"
        r"(?:show|view|read|see) (?:all )?(?:\d+ )?comments?$|"
        r"newsletter sign[- ]?up|enter your e-?mail(?: address)?$|privacy notice\s*:|"
        r"by (?:subscribing|signing up|clicking \S+),? you agree\b|"
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
        r"continue reading(?: below)?|more to explore|don'?t miss|in other news|"
        r"more about this (?:story|topic)|read the full (?:story|article)|"
        r"further (?:company )?coverage|source text\b.{0,50}|"
        r"story continues(?: below)?|topics|tags|about the (?:author|writer))\s*:?$",
        re.I,
    ),
    (
        "link",
        r"^(?:read more|related|read also|also read|see also|watch|listen)"
        r"\s*[:|]\s*\S",
        re.I,
    ),
    (
        "tags",
        r"^(?:tags?|topics?|keywords|filed under|categories|"
        r"(?:read )?more (?:about|on))\s*:\s*\S",
        re.I,
    ),
    (
        "copyright",
        r"^(?:\u00a9|\(c\)|copyright\b|our standards\s*:|"
        r"\(?this (?:article|story|report)(?: by (?-i:[A-Z])[^.,;]{1,40})? (?:was )?"
        r"(?:first |originally )?"
        r"(?:published|appeared)\b.{0,80}$|"
        r"(?:originally|first) (?:published|appeared|printed) in print\b.{0,60}$|"
        r"a version of this (?:article|story) (?:first )?appear(?:s|ed)\b.{0,80}$)",
        re.I,
    ),
    ("wire credit", rf"^\(\s*{_CREDIT_ROLE}\s+(?i:by)\b[^()]*\)$", 0),
    # Without brackets only names may follow: "Reporting by the ministry ..." is text.
    ("wire credit", rf"^{_CREDIT}(?:\s*[;,]\s*{_CREDIT}| and {_CREDIT})*\.?$", 0),
    # "ENDS", "-30-", "-- AP", "-- Coastal Wire", "-- Jane Doe, AP": the agency's or
    # the writer's name after a dash; "jd/sk (AP, Reuters)": the writers' initials.
    (
        "wire sign-off",
        r"^(?:(?i:\(?ends?\)?|\(?more\)?)|-\s?30\s?-|-0-|#{3}|[-\u2013\u2014]{1,2}\s*\(?"
        r"(?:[A-Z]{2,8}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
        r"(?:,\s*(?:[A-Z]{2,8}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?\)?|"
        r"(?:[A-Z]{2,6} )?\(?[a-z]{2,4}(?:-[a-z]{2,4})?"
        r"(?:/[a-z]{2,4}(?:-[a-z]{2,4})?)+\)?"
        r"(?:\s*\([A-Z][\w ,]{1,40}\))?|"
        r"\([A-Z]{2,6}(?: [A-Z][a-z]+)?\)|NNNN)$",
        0,
    ),
    # A wire slug: "BC-EU-Britain-Election", "US-STORM/FLORIDA", "EU-TRADE/"
    ("wire slug", r"^[A-Z]{2,}(?:-[A-Z][\w]*){2,}(?:/[A-Z][\w\-]*)*$", 0),
    ("wire slug", r"^[A-Z]{2,}(?:-[A-Z0-9]+)+/(?:[A-Z0-9\-]+/?)*$", 0),
    # "Ghana-religion-pope": a place and topic words joined by hyphens
    ("wire slug", r"^[A-Z][a-z]+(?:-[a-z]+){2,}$", 0),
    # What an update adds: "(Adds minister's comment in paragraph 4)"
    (
        "wire note",
        r"^\((?i:adds|updates|recasts|rewrites|changes|corrects|removes|inserts|"
        r"refiles|fixes|clarifies|repeats|withdraws)"
        r"\b[^()]*\)$",
        0,
    ),
    # A note to the desk: "Editors: the figures above are provisional."
    (
        "wire note",
        r"^(?:editors?|eds|(?:a )?note to (?:editors|subscribers|clients|desks))"
        r"\s*:\s*\S.*$",
        re.I,
    ),
    # The feed's header fields: "EMBARGOED UNTIL 0001 GMT", "Priority: routine",
    # "Words: 450".
    (
        "wire note",
        r"^(?:(?:embargo(?:ed)?\s*(?::|until\b|till\b)|embargoed (?:for|to)\b)"
        r"[^.!?]{0,60}|"
        r"(?:priority|urgency)\s*:\s*\w+|(?:words|word count)\s*:\s*\d[\d,]*)$",
        re.I,
    ),
    # A separator between stories: "* * *", "~~~"
    ("separator", r"^(?:[*~\u2022]\s*){3,}$", 0),
    # A credit alone: "Reuters", "Getty Images", "Jane Doe, Reuters"
    ("caption", rf"^(?:{_PERSON}(?:, | for | / ))?{_AGENCY}\.?$", 0),
    # "Jane Doe contributed to this report.", "Contributing: Jane Doe"
    (
        "wire credit",
        r"^(?:contributing(?: reporting)?\s*:\s*[A-Z].*|"
        r"distributed by [A-Z][^.,;!?]{0,50}\.?)$",
        re.I,
    ),
    # The page's own controls and notices, pasted with its text.
    (
        "page furniture",
        r"^(?:skip to (?:main )?content|skip navigation|tap to unmute|"
        r"(?:hide|show|toggle) caption|enlarge (?:this )?image|click to enlarge|"
        r"expand image|\(?opens in (?:a )?new (?:window|tab)\)?|"
        r"(?:pictured|file photo|file picture|main picture|main image)\s*:\s*\S.*|"
        r"your browser does not support\b.{0,60}|"
        r"(?:accept|reject|allow) (?:all|all cookies|cookies)|"
        r"manage (?:preferences|cookies|settings|choices)|"
        r"cookie (?:settings|preferences|policy)|"
        r"report an? (?:error|correction|typo)|"
        r"(?:editorial |our )?(?:policies|standards) (?:and|&) "
        r"(?:standards|policies|ethics|corrections)|editorial (?:standards|policies)|"
        r"download (?:the|our) (?:\w+ )?app\b.{0,60}|"
        r"(?:A[+\-]?\s*){2,3}|"  # a text-size control: "AA", "A- A+"
        r"(?:representative|representational|file|stock) (?:image|photo|picture)|"
        r"(?:image|picture|photo|media|video) (?:caption|source|credit)s?"
        r"\s*[,:]\s*\S.*|sources?\s*:\s*[A-Z][^.!?]{0,60})$",
        re.I,
    ),
    # A reporter's address or handle on a line of its own.
    (
        "contact",
        r"^(?:(?:(?i:e-?mail|contact|twitter|x|instagram|bluesky|threads|mastodon)"
        r"\s*:?\s*)?(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|@\w{2,30})|"
        r"\(+[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+[^()]*\)+|"
        r"[\u2014\u2013\-]{1,2}\s*[^()]{1,60}\(@\w{2,30}\)[^()]{0,30}|"
        rf"(?=[^@]{{1,40}}@){_PERSON}\s*[|,\u2022\u00b7]?\s*@\w{{2,30}}|"
        r"(?i:media (?:contact|enquiries|inquiries)\s*:.*|"
        r"contact the (?:reporter|author|writer)\b.*@.*))$",
        0,
    ),
    ("timestamp", r"^(?i:just now|\d{1,2}\s?[hmd](?: ago)?|updated|published)$", 0),
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

# Kinds of debris that say what they are anywhere in a short line: each is searched
# only in lines holding a word it needs.
_ANYWHERE: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("inbox", "follow or sign-up", re.compile(r"\b(?:in|to|into) your inbox\b")),
    ("reserved", "copyright", re.compile(r"\ball rights reserved\.?$")),
    (
        "contributed",
        "wire credit",
        re.compile(r"\bcontributed(?: reporting)? to this (?:report|story|article)"),
    ),
    (" us at ", "contact", re.compile(r"\b(?:e-?mail|contact|write to) us at \S+@")),
    (
        "subscribers",
        "follow or sign-up",
        re.compile(
            r"\b(?:is|are|available|only|exclusive(?:ly)?) (?:to|for) subscribers\b"
        ),
    ),
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
    r"|\((?:AP|AFP|Reuters|EPA|Xinhua|Getty)(?: Photo| via Getty Images)?"
    r"(?:/[^()]{1,40})?\)|\((?:Supplied|Handout|File)\)"
    r"|\([A-Z][^()/]{1,40} / [A-Z][^()]{1,40}\))\.?$"
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
# What the site changed: "Correction: An earlier version of this story said ...",
# "This article has been updated with ...".
NOTE_LABEL_CHARS = 15  # "Clarification:"
_UPDATE_NOTE = re.compile(
    r"(?i:(?:correction|clarification|update)\s*:\s*(?:an earlier|a previous) "
    r"version\b|this (?:story|article|report) (?:has been|was) "
    r"(?:updated|corrected|amended)\b|"
    r"this (?:interview|conversation|transcript) (?:has been|was) edited\b)"
)
# A site's notice on cookies, ending on its buttons: "... Accept All | Manage
# Preferences".
_COOKIE_PROMPT = re.compile(
    r"(?i:\bcookies?\b.*(?:\baccept(?: all)?|\breject(?: all)?|\bagree|\bgot it|\bok|"
    r"\bmanage (?:preferences|settings|options|choices|cookies))\s*[.!]?)$"
)
# A line of an agency's day plan: a slug, a dash, what the story will say
# ("ECONOMY-WAGES/ -- Talks open with unions seeking a rise. 500 words by 0900").
_BUDGET_LINE = re.compile(
    r"^[A-Z]{2,}(?:-[A-Z0-9]+)+(?:/[A-Z0-9\-]*)*\s+[-\u2013\u2014]{1,2}\s+\S"
)
DEBRIS_MAX_WORDS = 15  # every other kind of debris line is short
SECTION_STEP_MAX_WORDS = 3  # "City News", "Western Cape News"
STAMP_MAX_WORDS = 30  # a line of dates and times only, published and updated
CREDITS_MAX_WORDS = 40
_BRACKETED_CREDITS = re.compile(rf"^\(\s*{_CREDIT_ROLE}\s+(?i:by)\b[^()]*\)$")
LINK_LIST_MAX = 8  # headline-shaped lines under one link label
LEDE_MIN_WORDS = 15  # a paragraph this long under a headline-shaped line: its lede
JOB_MAX_WORDS = 5  # "Senior political correspondent, Europe"
# Debris that closes a story: what follows it opens the next one.
STORY_END_KINDS = frozenset({"copyright", "wire sign-off", "wire credit", "separator"})


def line_kind(text: str) -> str | None:
    """The kind of debris a line is on its own ("byline", "share buttons", ...), or
    None for a line of the story. Lines that need their neighbours (link lists,
    author bios) are found by `boilerplate_lines`.
    """
    line = text.strip()
    if not line:
        return None
    # Words counted by their spaces: most lines are paragraphs, too long for any
    # debris but a caption, and are not split.
    count = line.count(" ") + 1
    # Reporting and editing credits in brackets can name several people.
    if count <= CREDITS_MAX_WORDS and line[0] == "(" and _BRACKETED_CREDITS.match(line):
        return "wire credit"
    if count <= DEBRIS_MAX_WORDS:
        match = _DEBRIS.match(line)  # every pattern is anchored at the start
        if match:
            return _KINDS[int(match.lastgroup[1:])]
        low = line.lower()
        for needed, kind, pattern in _ANYWHERE:
            if needed in low and pattern.search(low):
                return kind
        if count <= 8 and _is_section_label(line):
            return "section label"
        if count <= 8 and all(
            w.lower().strip(",:()") in _WIDGET_WORDS
            for w in re.split(r"[\s|\u2022\u00b7]+", line)
            if w
        ):
            return "share buttons"
        if count <= MENU_MAX_WORDS and _is_menu(line):
            return "menu"
        if count <= 12 and _is_timestamp(line.split()):
            return "timestamp"
        if count <= 12 and _is_byline_with_date(line):
            return "byline"
    # Dates and times only, however many: "PUBLISHED: May 1, 2026 at 5:42 PM MST |
    # UPDATED: May 2, 2026 at 6:10 AM MST" (a paragraph's first word is no stamp's).
    if (
        12 < count <= STAMP_MAX_WORDS
        and line[: line.find(" ")].rstrip(":,").lower() in _STAMP_OPENERS
        and _is_timestamp(line.split())
    ):
        return "timestamp"
    if count <= CAPTION_MAX_WORDS and _has_credit(line):
        return "caption"
    if count <= CAPTION_MAX_WORDS and line[:2].isupper() and _BUDGET_LINE.match(line):
        return "wire note"
    if count <= CAPTION_MAX_WORDS and "ookie" in line and _COOKIE_PROMPT.search(line):
        return "cookie prompt"
    if (
        count <= CAPTION_MAX_WORDS
        and (":" in line[:NOTE_LABEL_CHARS] or line[:4] in ("This", "THIS"))
        and _UPDATE_NOTE.match(line)
    ):
        return "update note"
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
    """Sections only ("Politics | Europe"), a breadcrumb from a section ("Home >
    World > Asia"), or steps each naming a section ("City News / Pune News")."""
    parts = [p for p in _SEPARATORS.split(line) if p]
    low_parts = [part.lower().split() for part in parts]
    if parts and all(
        all(word in _SECTION_SET for word in words) for words in low_parts
    ):
        return True
    if len(parts) > 1 and all(
        part[0].isupper()
        and len(words) <= SECTION_STEP_MAX_WORDS
        and any(word in _SECTION_SET for word in words)
        for part, words in zip(parts, low_parts, strict=True)
    ):
        return True
    crumbs = _BREADCRUMB.match(line)
    return bool(crumbs) and crumbs["first"].lower() in _SECTION_SET


MENU_MAX_WORDS = 12
_MENU_MARKS = ("|", "\u2022", "\u00b7")
_MENU_ITEM = re.compile(r"^[A-Z0-9][\w'\u2019&+.\-]*(?: [\w'\u2019&+.\-]+){0,2}$")


def _is_menu(line: str) -> bool:
    """Three or more short names joined by one kind of bar or bullet, none a
    sentence: a menu of the page's links or a player's platforms ("Apple Podcasts
    | Spotify | YouTube Music"), whatever it names."""
    for mark in _MENU_MARKS:
        if line.count(mark) >= 2:
            parts = [part.strip() for part in line.split(mark)]
            return all(_MENU_ITEM.match(part) for part in parts) and not (
                line.endswith((".", "!", "?"))
            )
    return False


_BYLINE_PARTS = re.compile(r"\s+[|/\u2022\u00b7]\s+")
_AGENCY_PART = re.compile(rf"^(?:[A-Z]{{2,6}}|{_AGENCY}|The {_AGENCY})$")


def _is_byline_with_date(line: str) -> bool:
    """A name and, set apart by bars or bullets, the date, the reading time or the
    writer's job: "Jane Doe \u2022 3 March 2026", "Jane Doe | Health reporter".
    """
    if (
        "|" not in line
        and "\u2022" not in line
        and "\u00b7" not in line
        and (" / " not in line)
    ):
        return False
    first, *rest = _BYLINE_PARTS.split(line)
    if not rest or not _BARE_NAME.match(first) or _BARE_NAME.match(first)["role"]:
        return False
    return all(
        _is_timestamp(part.split())
        or _JOURNALISM.search(part.lower())
        or _AGENCY_PART.match(part)
        or _DEBRIS.match(part)
        for part in rest
    )


def _is_timestamp(words: Sequence[str]) -> bool:
    """A line of dates and clock times only: "Updated 14:05 GMT, 3 March 2026"."""
    seen_time = False
    for raw in words:
        word = raw.strip(",.()|:-\u2013\u2014\u2022\u00b7")
        low = word.lower()
        if not word:
            continue
        if low == "ago" or _CLOCK_OR_DAY.fullmatch(low):
            seen_time = True
        elif (
            low in _MONTH_WORDS
            or low in _TIME_WORDS
            or low in _WEEKDAY_WORDS
            or low in ("a.m", "p.m")
            or _TIME_ZONE.fullmatch(word)
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
    does. A name alone on the line next to a timestamp, or after the stamps and
    buttons run together under the headline, is a byline without "By". The line
    under a paid-for label ("Sponsored") is the headline it promotes; a single
    capitalised word over a headline is its section ("Wales").
    """
    found: dict[int, str] = {}
    bylined: set[str] = set()
    links_left = 0
    paid = False  # the link under a paid-for label is promoted, whatever follows
    spacing: int | None = None  # the copy's usual, once a link list needs it
    blanks = 0
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            blanks += 1
            continue
        if links_left and blanks:
            if spacing is None:
                spacing = _usual_spacing(lines)
            if blanks > spacing:
                links_left = 0
        blanks = 0
        kind = line_kind(text)
        if (
            kind is None
            and _is_bare_byline(text)
            and _in_page_header(lines, number, found)
        ):
            kind = "byline"  # the headline, its stamp or buttons, then the name
        if kind is None and found.get(number - 1) == "byline" and _is_job(text):
            kind = "byline"  # "By Jane Doe" over "Science editor"
        if kind == "timestamp":
            for above in _bare_byline_above(lines, number, found):
                found[above] = "byline"
                bylined.update(_byline_names(lines[above - 1].strip()))
        if (
            kind is None
            and links_left
            and heading_shape(text)[0] >= 0.5
            and (paid or not _heads_text(lines, number))
        ):
            kind = "link"
            links_left -= 1
        elif kind == "link label":
            links_left, paid = LINK_LIST_MAX, False
        else:  # a paid-for label is over the one headline it promotes
            paid = kind == "advertisement" and bool(_PAID_LABEL.match(text))
            links_left = 1 if paid else 0
        if kind is None and bylined:
            bio = _BIO.match(text)
            if bio and bio["name"] in bylined and _JOURNALISM.search(text.lower()):
                kind = "author bio"
        if kind == "byline":
            bylined.update(_byline_names(text))
        if kind is not None:
            found[number] = kind
    _add_section_labels_over_headlines(lines, found)
    return found


_PAID_LABEL = re.compile(r"(?i:sponsored|promoted|paid|partner)\b")

# The label a site puts on every story of a series: "Part of our series on ...",
# "This article is part of a special report on ...".
_SERIES_LABEL = re.compile(
    r"^(?:this (?:article|story|report|piece) is )?part of (?:a|an|our|the)\b"
    r"[^.!?]{0,80}\b(?:series|special report|coverage|project|investigation)\b",
    re.I,
)


def is_furniture(text: str) -> bool:
    """Whether a paragraph on its own reads as a line of the page or the feed,
    not of the story: any debris `line_kind` knows (credits, sign-offs, copyright
    lines), an author bio, or a series label. A line repeated in every story of
    a source is often one of these."""
    text = text.strip()
    if line_kind(text) is not None or _SERIES_LABEL.match(text):
        return True
    return bool(_BIO.match(text)) and bool(_JOURNALISM.search(text.lower()))


def _in_page_header(lines: Sequence[str], number: int, found: dict[int, str]) -> bool:
    """Whether the lines right above line `number` are debris (a timestamp, share
    buttons ...), blank lines apart or not, under a headline, as a page's header is.
    """
    above = number - 1
    debris_above = False
    while above >= 1 and (above in found or not lines[above - 1].strip()):
        debris_above = debris_above or above in found
        above -= 1
    return debris_above and _under_headline(lines, above + 1, found)


def _add_section_labels_over_headlines(
    lines: Sequence[str], found: dict[int, str]
) -> None:
    """Mark as section labels single capitalised words ("Wales", "Opinion") on a
    line of their own over a longer headline and under no headline: a page's
    section or region, whatever its name; and as wire slugs a few words in
    capitals over a headline not in capitals ("FLOODS QLD", "ELECTION-RESULTS
    (UPDATE)"), whatever they name.
    """
    texts = [(n, raw.strip()) for n, raw in enumerate(lines, start=1) if raw.strip()]
    for at, (number, text) in enumerate(texts):
        if len(text) > SLUG_MAX_CHARS or number in found or not text[0].isupper():
            continue
        if at + 1 == len(texts):
            continue
        if " " in text or not text.isalpha():
            kind = "wire slug"
            if not _CAPITALS_SLUG.match(text):
                continue
        else:
            kind = "section label"
        below_number, below = texts[at + 1]
        if below_number in found or below.count(" ") < 2:
            continue
        if heading_shape(below)[0] < 0.5:
            continue
        if kind == "wire slug" and (
            below.isupper() or (at > 0 and texts[at - 1][0] not in found)
        ):
            continue  # a slug opens the copy or follows the last story's end
        if at > 0:
            above_number, above = texts[at - 1]
            if above_number not in found and heading_shape(above)[0] >= 0.5:
                continue
        found[number] = kind


SLUG_MAX_CHARS = 60
# Up to four words in capitals, with hyphens or slashes, and an update's label.
_CAPITALS_SLUG = re.compile(
    r"^[A-Z][A-Z\-/]+(?: [A-Z][A-Z\-/]*){0,3}(?: \((?:[A-Z][A-Z ]{1,20}|\d{1,2})\))?$"
)


def _heads_text(lines: Sequence[str], number: int) -> bool:
    """Whether line `number` is over a paragraph of text, with only debris (a
    byline, a stamp, an author bio) between: a headline over its story, not a
    link in a list.
    """
    for raw in lines[number:]:
        text = raw.strip()
        if text and not is_furniture(text):
            return text.count(" ") >= LEDE_MIN_WORDS and heading_shape(text)[0] < 0.5
    return False


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


# A word of a name in any Latin script ("Tom\u00e1s", "R\u00f3is\u00edn")
_NAME_WORD = "[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff'\u2019\\-]+"
_FULL_NAME = rf"{_NAME_WORD}(?: (?:[a-z]{{1,3}} )?{_NAME_WORD}){{1,2}}"
# "Jane Doe", "Jane Doe and John Roe" or "Jane van Doe, Rugby Correspondent" on a
# line of its own
_BARE_NAME = re.compile(
    rf"^{_FULL_NAME}(?: (?:and|&) {_FULL_NAME})?(?P<role>, [^,.!?]{{2,50}})?$"
)


def _is_bare_byline(text: str) -> bool:
    name = _BARE_NAME.match(text)
    return bool(name) and (
        not name["role"] or bool(_JOURNALISM.search(name["role"].lower()))
    )


def _is_job(text: str) -> bool:
    """A journalist's job alone on a line: "Science editor", "Staff writer"."""
    words = text.split()
    return (
        len(words) <= JOB_MAX_WORDS
        and not text.endswith((".", "!", "?"))
        and bool(_JOURNALISM.search(text.lower()))
    )


def _bare_byline_above(
    lines: Sequence[str], number: int, found: dict[int, str]
) -> list[int]:
    """The lines right above timestamp line `number` that are a name alone (with
    the journalist's job on the line under it, if any), itself under a headline
    (so that it is not the headline); [] if there is none.
    """
    name_line = number - 1
    if name_line > 1 and _is_job(lines[name_line - 1].strip()):
        name_line -= 1  # "Jane Doe" / "Science editor" / the timestamp
    if name_line < 2 or name_line in found:
        return []
    if not _is_bare_byline(lines[name_line - 1].strip()):
        return []
    if not _under_headline(lines, name_line, found):
        return []
    return list(range(name_line, number))


def _under_headline(lines: Sequence[str], number: int, found: dict[int, str]) -> bool:
    """Whether the line of text before line `number` is shaped like a headline and
    is no debris.
    """
    above = next((k for k in range(number - 1, 0, -1) if lines[k - 1].strip()), None)
    return (
        above is not None
        and above not in found
        and heading_shape(lines[above - 1].strip())[0] >= 0.5
    )


def _byline_names(text: str) -> list[str]:
    names = re.sub(r"^(?:By|BY|From|FROM)\s+", "", text)
    names = re.split(r",|\band\b|&|\||\u2022|\u00b7", names)
    return [n.strip() for n in names if n.strip()]

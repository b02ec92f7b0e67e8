"""The patterns statements.py reads relations with.

The terrorist designation or listing of a group and sanctions have their own
patterns (a designation is said in more ways than any other relation: "lists X as
a terrorist entity", "X remains on Japan's terror list", "removing X from the
list"); every relation of relations.py's table is read with a pattern built from
its phrases. Also here: the auxiliaries, negations, prospects and conditions that
decide a statement's state.
"""

from __future__ import annotations

import re

from articles.text.checks.relations import (
    DONE,
    JOINT,
    NOT_DONE,
    PASSIVE,
    PROPOSED,
    RELATIONS,
    UNDOING,
    Phrase,
    Relation,
)
from articles.text.vocabulary import ORGANISATION_KINDS

# The states of a designation, as relations.py names the states of any relation.
LISTED = DONE
NOT_LISTED = NOT_DONE
DELISTING = UNDOING
LISTING = PROPOSED

DESIGNATION = "designation"
SANCTIONS = "sanctions"
LISTED_ON = "listing"  # a list of any other kind: "the entity list"


# --- the pattern pieces --------------------------------------------------------------

# a plural possessive inside a name: "the Road Haulage Workers' Union"
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\-]*(?:(?<=s)['\u2019](?=\s+[A-Z]))?)"
# "Doran & Quigg": an ampersand joins the words of a firm's name
_NP = rf"(?:the\s+)?{_CAP}(?:\s+(?:of\s+(?:the\s+)?|&\s+)?{_CAP}){{0,5}}"
# What kind of body a name is, told before it: "the shipping company Volgamar
# Tankers", "the Sheffield data firm Nodal"; the name is the object.
# Any words of what it is will do, when they are not words of grammar: "the
# activist Lena Ruiz", "the pesticide fluxaprid" (told so, a thing's name is in
# lower case), "the Dutch courier Snelpost".
_DESCRIPTOR_WORD = (
    r"(?!(?:of|in|on|at|to|for|from|with|by|and|or|as|its|their|his|her|that|"
    r"which|who|rights|sale|use)\b)[a-z][\w-]*"
)
_DESCRIBED = (
    rf"(?:(?:the|an?)\s+(?:[A-Z][\w-]*\s+)?(?:(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?:{ORGANISATION_KINDS})|(?:{_DESCRIPTOR_WORD}\s+){{0,2}}?{_DESCRIPTOR_WORD})"
    r"\s+(?=[A-Z]))?"
)
_KIND = (
    r"(?:groups?|organi[sz]ations?|entit(?:y|ies)|movements?|outfits?|networks?|"
    r"militias?|brigades?|factions?|fronts?)"
)
# A word that tells a group: a ban of one is its designation.
GROUP_WORD = re.compile(rf"\b{_KIND}\b")
# A group's name may be followed by what it is: "the Black Meridian network".
# A group told by what it is ("the brigade") is resolved by references.py.
_OBJ = (
    rf"{_DESCRIBED}(?P<obj>{_NP}|[Tt]he\s+{_KIND}\b)"
    rf"(?:['\u2019]s(?:\s+name)?|\s+{_KIND}\b)?"
)
# A body named by what it is, in lower case: "the town council", "the league",
# "the national regulator". Copy on local government, sport and business states
# its relations with these as often as with names.
_BODY = (
    r"[Tt]he\s+(?:(?:[A-Z][\w-]*\s+){1,3}(?=[a-z]))?(?:[a-z][\w-]*\s+){0,2}"
    rf"(?:{ORGANISATION_KINDS}|council|government|board|authority|authorities|"
    r"administration|league|court|regulator|region|province|ministry|committee|"
    r"parliament|assembly|senate|army|police|city|county|state|town|country|trust|"
    r"school|hospital|university|college)\b"
)
# The organs of a state or body that act for it: "Chile's parliament ratified".
ORGANS = (
    r"government|authorities|administration|parliament|congress|senate|cabinet|"
    r"president|foreign\s+ministry|ministry|treasury|regulators?|council"
)
# An organ of state told by its seat: "the government in Kampala".
_ORGAN_IN_PLACE = rf"[Tt]he\s+(?:{ORGANS})\s+(?:in|of)\s+{_CAP}(?:\s+{_CAP})?"
# A name may follow what it is: "the brewer Arden Ales".
_SUBJ = (
    rf"(?P<subj>(?:the\s+[a-z][\w-]*\s+)?{_NP}(?:['\u2019]s)?"
    rf"(?:\s+(?:{ORGANS}))?|it\b|s?he\b|{_ORGAN_IN_PLACE}|{_BODY})"
)
# A name, or a body told by what it is ("the company"), as the object.
_OBJ_OR_BODY = (
    rf"{_DESCRIBED}(?P<obj>{_NP}|{_BODY})(?:['\u2019]s(?:\s+name)?|\s+{_KIND}\b)?"
)
# A frame of reported speech before a statement: "The firm said on Monday that".
# The verbs of reporting are a family: "said", "stressed", "insisted", "maintained".
REPORTING_VERBS = (
    r"said|says|told\s+\w+|announced|confirmed|reported|added|stressed|insisted|"
    r"maintained|claimed|argued|noted|warned|explained|admitted|acknowledged|"
    r"stated|repeated|conceded|believes?|believed|understood|learned|learnt"
)
# The frame may tell where, when or to whom it was said before "that": "said in
# a statement that the airline was solvent", "told reporters on Monday that".
REPORTED = re.compile(
    rf"\b(?:{REPORTING_VERBS})"
    r"(?:(?:\s+(?:on|last)\s+\w+)?\s+|\s+[^.;:\"\u201c\u201d]{0,40}?\s+that\s+)"
    r"(?:that\s+)?\S+(?:\s+\S+){0,2}\s+$"
)
# A government or body as the object, in lower case: "the new government of
# Mali", "the transitional council", "the military authorities in Niamey", "the
# regional power grid", "the customs bloc".
_GOVERNMENT_NP = (
    r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}?(?:government|administration|authorities|junta|"
    r"regime|council|leadership|alliance|bloc|union|league|zone|eurozone|club|"
    r"association|federation|community|commonwealth|organi[sz]ation|partnership|"
    r"grid|network|consortium|coalition|company|firm|business|rebels|militants|"
    r"pool|scheme|programme|commission|forum|initiative|compact|"
    r"insurgents|guerrillas|militias|armed\s+groups)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?"
    rf"{_CAP}(?:\s+{_CAP}){{0,3}})?"
)
# told at the start of its clause, so that "the driver of a lorry that hit a bus
# shelter was arrested" is not a bus shelter arrested
_DESCRIBED_PERSON = (
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bsaid\s)|(?<=\bthat\s))"
    r"(?:[Aa]n?|[Tt]he)\s+(?!(?:police|officers?|detectives)\b)[a-z0-9][\w-]*"
    r"(?:\s+(?!(?:who|which|that|has|have|had|is|are|was|were)\b)[\w-]+){0,10}?"
)
# a person described after an active verb: "arrested a 52-year-old woman", "two
# men from Leeds"
_DESCRIBED_OBJECT = (
    r"(?:an?|two|three|four|five|six|\d+)\s+(?!(?:who|which|that)\b)[\w-]+"
    r"(?:\s+(?!(?:in|on|over|after|for|at|who|which|that|and|near|with|by|during|"
    r"under|as|from|of)\b)[a-z][\w-]*){0,3}(?:\s+(?:from|of)\s+[A-Z][\w-]*)?"
)
_NOT_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{word}\s)"
    for word in ("in", "at", "on", "of", "to", "near", "from", "into")
)
_TABLE_OBJ_TAIL = rf"(?:['\u2019]s(?:\s+name)?|\s+(?:[a-z][\w-]*\s+)?{_KIND}\b)?"
# "us" in a quotation: the body its speaker speaks for (references.py)
_TABLE_OBJ = (
    rf"{_DESCRIBED}(?P<obj>{_NP}|{_GOVERNMENT_NP}|us(?=\s*[,.;!?\"\u201d'\u2019]))"
    rf"{_TABLE_OBJ_TAIL}"
)
# or a party told by what it is, opening its clause: "The tycoon has never been
# sanctioned by the UK" (references.py says who it is)
_OPENING_OBJ = (
    rf"{_DESCRIBED}(?P<obj>{_NP}|{_GOVERNMENT_NP}|^[Tt]he\s+[a-z][\w-]*)"
    rf"{_TABLE_OBJ_TAIL}"
)
_CATEGORY = (
    r"(?i:(?:an?\s+)?(?:(?:banned|proscribed|designated|foreign|international|"
    rf"outlawed|illegal)\s+)*(?:terrorist|terror|extremist)\s+{_KIND})"
)
_LIST = (
    r"(?i:(?:black)?list|register|registry|roster)\s+of\s+"
    r"(?i:(?:(?:banned|proscribed|designated)\s+)?"
    rf"(?:terrorist|terror|extremist|banned|proscribed|prohibited)\s+{_KIND})"
    r"|(?i:(?:terror(?:ist|ism)?|extremist)\s+(?:black)?list)"
)
# The words that tell a clause's state, as families (statements.clause_state
# reads them): modals and verbs of prospect ("plans to", "voted to") tell a plan;
# negators and verbs of refusal ("failed to", "stopped short of recognising")
# tell that it is not done; "in talks to" that it is under way.
_MODALS = r"will|would|could|may|might|shall"
_PROSPECT_VERBS = (
    r"plans?|planning|intends?|wants?|hopes?|seeks?|seeking|agreed|agrees|applied|"
    r"applies|expected|set|moving|poised|about|bid|voted|votes|decided|decides|"
    r"threatened|threatens|tries|tried|attempted"
)
_NEGATORS = r"not|never|no\s+longer|yet\s+to"
_REFUSAL_VERBS = r"fail(?:s|ed)?|refus(?:es|ed)|declin(?:es|ed)|ceas(?:es|ed)"
# a refusal told with a gerund: "stopped short of recognising", "held off joining"
_REFUSAL_GERUNDS = (
    r"stop(?:s|ped)?\s+short\s+of|refrain(?:s|ed)?\s+from|balk(?:s|ed)\s+at|"
    r"h(?:olds?|eld)\s+off(?:\s+from)?|rul(?:es|ed)\s+out|"
    r"(?:back|walk|shi)(?:s|ed)?\s+away\s+from"
)
# a decision not to do it, with its time between: "decided in May not to charge"
_DECIDED_NOT = (
    r"(?:decided|decides|chose|chooses|voted|votes)\s+"
    r"(?:(?:in|on|last|this)\s+\w+\s+)?(?=not\s+to\b)"
)
_IN_PROGRESS = r"in\s+talks\s+to|in\s+the\s+process\s+of"
# Auxiliaries and adverbs between a subject and the verb of a relation's phrase,
# for every relation: its state is read from them (statements.clause_state).
_AUX = (
    r"(?P<aux>(?:(?:still|officially|formally|already|currently|now|also|finally|"
    r"(?!(?:only|early|family|rally|supply|apply|reply)\b)[a-z]{3,}ly|"
    r"later|subsequently|since|eventually|then|briefly|reportedly|allegedly|"
    r"has|have|had|does|do|did|not|no\s+longer|never|yet|"
    rf"{_MODALS}|must|is|are|was|were|be|been|being|to|considering|ever|"
    rf"(?:{_PROSPECT_VERBS}|continues?|tried\s+and\s+failed|{_REFUSAL_VERBS}|"
    rf"in\s+talks)\s+to|in\s+the\s+process\s+of|{_REFUSAL_GERUNDS})\s+|"
    rf"{_DECIDED_NOT}|"
    r"n['\u2019]t\s+)*)"
)
_ACTIVE_VERB = (
    r"(?P<verb>recogni[sz](?:es?|ed|ing)|designat(?:es?|ed|ing)|list(?:s|ed|ing)?|"
    r"classif(?:y|ies|ied|ying)|consider(?:s|ed|ing)?|regard(?:s|ed|ing)?|"
    r"label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?|deem(?:s|ed|ing)?|"
    r"treat(?:s|ed|ing)?|proscrib(?:es?|ed|ing)|declar(?:es?|ed|ing)|"
    r"nam(?:es?|ed|ing))"
)
# The verbs a designation is told with, for clauses.py to find in a clause.
DESIGNATION_VERBS = _ACTIVE_VERB.replace("(?P<verb>", "(?:")
_PASSIVE_VERB = (
    r"(?P<verb>listed|designated|recogni[sz]ed|classified|considered|regarded|"
    r"labell?ed|branded|deemed|banned|proscribed|outlawed|treated)"
)
_REMOVAL_VERB = (
    r"(?P<verb>remov(?:e|es|ed|ing|al)|delist(?:s|ed|ing)?|de-list(?:s|ed|ing)?|"
    r"strik(?:e|es|ing)|struck|tak(?:e|es|ing|en)\s+off|took\s+off|"
    r"exclu(?:de|des|ded|ding|sion)|drop(?:s|ped|ping)?)"
)
_OWNER = rf"(?:(?P<owner>{_NP})['\u2019]s\s+|(?:the|its|their)\s+)?"

# What the copy says of the object before its category: "designated the network
# Grey Tide, accused of recruiting teenagers, as a terrorist organisation".
_OBJECT_ASIDE = (
    r"(?:,\s+(?:[a-z]+(?:ed|en)|who|which|whose|once|now)\b[^,;:()]{0,80},)?"
)

PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    # The Red Vale group is (not) a proscribed organisation in Britain.
    (
        DESIGNATION,
        "is-listed",
        re.compile(
            rf"\b{_OBJ},?\s+{_AUX}(?:an?\s+)?(?P<verb>proscribed|banned|designated)\s+"
            rf"(?:(?:terrorist|terror|extremist)\s+)?{_KIND}(?:\s+(?:in|by)\s+{_SUBJ})?"
        ),
    ),
    # Britain proscribed the Red Vale group in 2021 (to proscribe is to list).
    (
        DESIGNATION,
        "proscribe",
        re.compile(rf"\b{_SUBJ}\s+{_AUX}(?P<verb>proscrib(?:es?|ed|ing))\s+{_OBJ}"),
    ),
    # Canada lists the Proud Boys as a terrorist entity.
    (
        DESIGNATION,
        "active",
        re.compile(
            rf"\b{_SUBJ}(?:,\s+which)?\s+{_AUX}{_ACTIVE_VERB}\s+{_OBJ}{_OBJECT_ASIDE}"
            rf"\s+(?:as\s+)?{_CATEGORY}"
        ),
    ),
    # The EU does not list the Proud Boys. (A country or body as the subject, and
    # nothing after the object: a designation told without its category.)
    (
        DESIGNATION,
        "bare",
        re.compile(
            rf"\b{_SUBJ}\s+{_AUX}(?P<verb>list(?:s|ed)?|designat(?:es?|ed)|"
            rf"proscrib(?:es?|ed))\s+{_OBJ}"
            r"(?=\s*(?:[.;]|$)|\s*,\s+(?:but|although|though|while|whereas)\b)"
        ),
    ),
    # The Proud Boys are listed as a terrorist entity in Canada / banned in Germany.
    (
        DESIGNATION,
        "passive",
        re.compile(
            rf"\b{_OBJ},?\s+{_AUX}{_PASSIVE_VERB}(?:\s+(?:as\s+)?{_CATEGORY})?"
            rf"(?:\s+(?:in|by)\s+{_SUBJ})?"
        ),
    ),
    # X remains on Japan's terror list / on the list of terrorist groups in Japan.
    (
        DESIGNATION,
        "on-list",
        re.compile(
            rf"\b{_OBJ}\s+{_AUX}(?P<verb>(?:remains?\s+|stays?\s+)?on)\s+{_OWNER}"
            rf"(?:{_LIST})"
            rf"(?:\s+(?:in|of)\s+(?P<loc>{_NP}))?"
        ),
    ),
    # removing a group from a country's list of terrorist groups
    (
        DESIGNATION,
        "removal",
        re.compile(
            rf"(?:\b{_SUBJ}\s+)?\b{_AUX}{_REMOVAL_VERB}\s+(?:of\s+)?{_OBJ}\s+(?:from|off)\s+{_OWNER}"
            # "the list" told bare is the list the paragraph has named
            rf"(?:{_LIST}|(?<=the\s)list\b(?!\s+of))(?:\s+(?:in|of)\s+(?P<loc>{_NP}))?"
        ),
    ),
    # reviewing whether to delist X / a review of the designation of X
    (
        DESIGNATION,
        "review",
        re.compile(
            r"\b(?P<aux>)(?P<verb>(?i:review(?:s|ed|ing)?|reconsider(?:s|ed|ing)?|"
            r"re-?examin(?:es?|ed|ing)))\s+(?:(?:of\s+)?(?:the|its|their)\s+)?"
            r"(?:(?:terrorist\s+)?(?:listing|designation|status|ban)\s+of\s+"
            r"|whether\s+to\s+(?:delist|de-list|remove|unban|lift\s+the\s+ban\s+on)\s+)"
            rf"{_OBJ}"
        ),
    ),
    # The EU imposed sanctions on X.
    (
        SANCTIONS,
        "active",
        re.compile(
            rf"\b{_SUBJ}\s+{_AUX}(?P<verb>impos(?:es?|ed|ing)|slapp(?:ed|ing)|"
            rf"maintain(?:s|ed|ing)?|keeps?|kept)\s+(?:new\s+|fresh\s+)?sanctions\s+"
            rf"(?:on|against)\s+{_OBJ}"
        ),
    ),
    # Sanctions were imposed on X (by the EU): the passive of "imposed sanctions on".
    (
        SANCTIONS,
        "active",
        re.compile(
            rf"\b(?:[Nn]ew\s+|[Ff]resh\s+)?[Ss]anctions\s+{_AUX}"
            r"(?P<verb>imposed|placed|slapped)\s+(?:on|against)\s+"
            rf"{_OBJ}(?:\s+by\s+{_SUBJ})?"
        ),
    ),
    # The US placed X under sanctions.
    (
        SANCTIONS,
        "placed-under",
        re.compile(
            rf"\b{_SUBJ}\s+{_AUX}(?P<verb>plac(?:es?|ed|ing)|put(?:s|ting)?)\s+{_OBJ}"
            r"\s+under\s+(?:new\s+)?sanctions\b"
        ),
    ),
    # X is (not) under EU sanctions / was placed under sanctions by the US / is
    # subject to sanctions
    (
        SANCTIONS,
        "under",
        re.compile(
            rf"\b{_OBJ_OR_BODY},?\s+{_AUX}(?:(?:placed|put|remains?|stays?)\s+)?"
            r"(?P<verb>under|subject\s+to|(?:on|added\s+to)(?=\s+(?:the\s+)?"
            r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}sanctions\s+(?:list|register)))\s+"
            rf"(?:the\s+)?(?:any\s+)?(?:(?P<subj>{_NP})(?:['\u2019]s)?\s+)?sanctions\b"
            r"(?:\s+(?:list|register))?"
            rf"(?:\s+(?:imposed\s+)?(?:by|from)\s+(?P<loc>{_NP}))?"
        ),
    ),
    # Sanctions on X were lifted (by the EU)
    (
        SANCTIONS,
        "removal",
        re.compile(
            rf"\b(?:[Tt]he\s+)?(?:(?P<owner>{_CAP})\s+)?[Ss]anctions\s+(?:on|against)\s+"
            rf"{_OBJ}\s+"
            rf"{_AUX}(?P<verb>lifted|removed|eased)\b(?:\s+by\s+{_SUBJ})?"
        ),
    ),
    # lifting (the) sanctions on X
    (
        SANCTIONS,
        "removal",
        re.compile(
            rf"(?:\b{_SUBJ}\s+)?\b{_AUX}"
            rf"(?P<verb>lift(?:s|ed|ing)?|eas(?:es?|ed|ing)|remov(?:es?|ed|ing))"
            rf"\s+(?:the\s+|its\s+)?sanctions\s+(?:on|against)\s+{_OBJ}"
        ),
    ),
]

# A list of any kind but the terror and sanctions lists read above: what kind of
# thing it lists ("the entity list", "the EU's list of non-co-operative
# jurisdictions") is the listing's subject, and whose list it is its scope.
_NOT_THESE_LISTS = (
    r"(?!(?:[\w-]+\s+){0,3}?(?:terror|extremist|sanctions?|waiting|short|guest|"
    r"shopping|reading|mailing|to-do)\w*\b)"
)
_LIST_KIND = (
    rf"{_NOT_THESE_LISTS}(?P<subj>(?:[\w-]+\s+){{0,3}}?list"
    r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b)?)\b"
)
_ANY_LIST = rf"(?:the\s+|its\s+|their\s+|(?P<owner>{_NP})['\u2019]s\s+){_LIST_KIND}"
_THEIR_LIST = rf"(?:the\s+|its\s+|their\s+|{_NP}['\u2019]s\s+){_LIST_KIND}"
# what is listed, also told by what it is: "the island", "The company"
_LISTED = (
    rf"\b{_DESCRIBED}(?P<obj>{_NP}|{_BODY}|"
    r"(?:^|(?<=\bthat\s)|(?<=,\s))[Tt]he\s+[a-z][\w-]*)"
)
PATTERNS += [
    # Halberd Systems has been put on the entity list / is not on the entity list
    (
        LISTED_ON,
        "listed",
        re.compile(
            rf"{_LISTED},?\s+{_AUX}(?:(?:remains?|stays?)\s+)?"
            r"(?P<verb>(?:(?:put|placed|added|included|kept)\s+)?(?:on|to))\s+"
            rf"{_ANY_LIST}"
        ),
    ),
    # Unesco added the fortress to its World Heritage list
    (
        LISTED_ON,
        "listed",
        re.compile(
            rf"\b(?P<owner>{_NP})\s+{_AUX}"
            r"(?P<verb>add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:es?|ed|ing))"
            rf"\s+{_OBJ_OR_BODY}\s+(?:on|to)\s+{_THEIR_LIST}"
        ),
    ),
    # The EU has listed the island of Nauru as a non-co-operative jurisdiction
    (
        LISTED_ON,
        "listed",
        re.compile(
            rf"\b(?P<owner>{_NP})\s+{_AUX}(?P<verb>list(?:s|ed|ing)?)\s+"
            r"(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}(?:of\s+)?"
            rf"(?P<obj>{_NP})\s+as\s+an?\s+{_NOT_THESE_LISTS}"
            r"(?!(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|group|entity|movement)\b)"
            r"(?P<subj>[a-z][\w-]*(?:\s+(?!(?:for|in|on|by|to|at|from|since|after|and|"
            r"but|which|who|that|until)\b)[a-z][\w-]*){0,2})\b"
        ),
    ),
    # X was removed from the entity list / taken off it
    (
        LISTED_ON,
        "removal",
        re.compile(
            rf"\b{_OBJ_OR_BODY},?\s+{_AUX}{_REMOVAL_VERB}\s+(?:from|off)\s+{_ANY_LIST}"
        ),
    ),
]


# A word each relation read with its own patterns cannot be told without: a cheap
# test that spares most sentences the full patterns.
PATTERN_WORDS = {
    DESIGNATION: re.compile(
        r"(?i:terror|extremist|list|designat|proscri|banned|prohibit|outlaw|review|"
        r"reconsider|re-?examin)"
    ),
    SANCTIONS: re.compile(r"(?i:sanction)"),
    LISTED_ON: re.compile(r"\blist"),
}

GENERIC_PROSPECT = re.compile(
    rf"\b(?:{_MODALS}|considering|(?:{_PROSPECT_VERBS})\s+to)\b"
)
GENERIC_NEGATION = re.compile(
    rf"\b(?:{_NEGATORS}|(?:{_REFUSAL_VERBS})\s+to|{_REFUSAL_GERUNDS})\b|n['\u2019]t\b"
)
IN_PROGRESS = re.compile(rf"\b(?:{_IN_PROGRESS})\b")
# A refusal itself denied ("has not ruled out recognising", "did not fail to"):
# nothing sure either way.
DENIED_REFUSAL = re.compile(
    rf"\b(?:{_NEGATORS})\s+(?:{_REFUSAL_GERUNDS}|(?:{_REFUSAL_VERBS})\s+to)\b"
)
_GOVERNMENT = (
    r"(?P<gov>\s+(?:government|administration|authorities|regime|leadership))?"
)


# An aside between a name and its verb: "Ivo Kral, 34, was arrested", "Tess
# Lowe, the former treasurer, was cleared", "Pellow Homes, which bought ...".
_ASIDE = (
    r"(?:(?:,\s+(?:\d{1,3}\b|(?:the|a|an|who|whom|which|whose|now|aged|also|of|"
    r"from)\b)[^,;]{0,80}){1,2},)?"
)


# The second party described before it is named: "X and its old rival, Y, have
# merged".
_PARTNER = (
    r"(?P<partner>(?:its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+)?"
)


def _generic_pattern(relation: Relation, phrase: Phrase) -> re.Pattern[str]:
    obj = (
        rf"(?P<obj>{relation.objects})"
        if relation.objects
        else rf"{_TABLE_OBJ}{_GOVERNMENT}"
    )
    verb = rf"(?P<verb>{phrase.verb})"
    if phrase.shape == PASSIVE and relation.by_object:
        # a person named, or described: "A former director of the firm was charged"
        # (not a place after a preposition: "a bus shelter in Bradford was hit")
        obj = (
            rf"{_NOT_AFTER_PREPOSITION}(?P<obj>[Nn]o(?:\s+one|-one|body)\b|{_NP}|"
            rf"{_DESCRIBED_PERSON})"
        )
        return re.compile(rf"\b{obj}{_ASIDE},?\s+{_AUX}{verb}\b(?:\s+by\s+{_SUBJ})?")
    if phrase.shape == PASSIVE:
        # who did it, or no agent at all: "ratified by enough countries" is neither
        agent = rf"(?:{phrase.agent})"
        if not relation.objects:
            obj = rf"{_OPENING_OBJ}{_GOVERNMENT}"
        return re.compile(
            rf"\b{obj}{_ASIDE},?\s+{_AUX}{verb}\b"
            rf"(?:\s+{agent}\s+{_SUBJ}|(?!\s+{agent}\b))"
        )
    if phrase.shape == JOINT:
        # "the two countries", "both sides": the pair the source names
        # (references.py)
        return re.compile(
            rf"\b(?:{_SUBJ}\s+and\s+(?:{_PARTNER}){obj}(?(partner),)"
            # "The two building societies, Northfold and Penrith, have merged"
            rf"|(?P<pair>(?:[Tt]he\s+two|[Bb]oth)\s+(?:[a-z]+\s+)?[a-z]+s)(?:,\s+[^,;]{{3,80}},)?)"
            rf"\s+{_AUX}{verb}\b"
        )
    # "Pellow Homes, which bought X": the subject and its verb in a relative clause
    subject = (
        r"(?<![\w-])"
        if relation.by_object
        else rf"\b{_SUBJ}(?:,\s+(?:which|who))?(?:\s+|(?=,\s))"
    )
    if relation.by_object:  # "Police arrested a 52-year-old woman", "the
        # activist Lena Ruiz", "found the company guilty"
        obj = (
            rf"{_DESCRIBED}(?P<obj>{_NP}|{_DESCRIBED_OBJECT}|"
            rf"[Tt]he\s+(?:{ORGANISATION_KINDS})\b)"
        )
    tail = "" if phrase.obj else rf"\s+{obj}"
    if phrase.after:  # "found X, who had denied it, guilty"
        tail += rf"{_ASIDE}\s+(?:{phrase.after})"
    return re.compile(rf"{subject}{_AUX}{verb}\b{tail}")


# Each with its verb alone: a cheap test that spares most sentences the full pattern.
# (An object told before its subject, "Helix, which Norland has not acquired", is
# told again in the plain order by clauses.py.)
GENERIC_PATTERNS: list[tuple[Relation, Phrase, re.Pattern[str], re.Pattern[str]]] = [
    (relation, phrase, pattern, re.compile(rf"\b(?:{phrase.verb})\b"))
    for relation in RELATIONS
    for phrase in relation.phrases
    for pattern in (_generic_pattern(relation, phrase),)
]
# Any phrase's verb: most sentences have none, and are spared every pattern.
GENERIC_VERBS = re.compile(
    "|".join(sorted({f"(?:{verb.pattern})" for *_, verb in GENERIC_PATTERNS}))
)
RELATIONS_BY_NAME = {relation.name: relation for relation in RELATIONS}

PROSPECT = re.compile(
    r"(?i:\b(?:review|reviewing|proposal|propose[sd]?|process|plan|plans|considering|"
    r"consider|decision\s+on|whether|move\s+to|bid\s+to|calls?\s+for|requests?)\b"
    r"[^.;]{0,40}$)"
)
# "If X joins", and a condition told by inverting its auxiliary: "Had X bought Y"
CONDITIONAL = re.compile(
    r"(?i:\b(?:if|unless|whether|should)\b[^,;]{0,40}$)|^\W*(?:Had|Were)\s+(?=\S)"
)
ANAPHORS = {"it", "the country", "the government", "the state", "the administration"}

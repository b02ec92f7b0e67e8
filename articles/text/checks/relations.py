"""The relations a newsroom states as facts and that change over time, as a table.

Each relation says how copy states it (phrases: the verb between subject and object,
or after the object in the passive), in which state a plain statement puts it, and
how a finding describes each state. The reading lives in statements.py and the
comparing in relation_conflict.py; a new relation is a new row here. The states:

- DONE: asserted as so ("Chile recognises X", "X was arrested");
- NOT_DONE: denied or undone ("has no diplomatic relations with", "left NATO");
- UNDER_WAY: in progress ("is in talks to buy X", "X is on trial");
- PROPOSED: planned or considered ("plans to join NATO", "is considering banning");
- UNDOING: a reversal under way or proposed ("is reviewing whether to delist X").

A phrase whose plain state is NOT_DONE ("severed relations with") is DONE when
negated ("has not severed relations with"), and UNDOING when planned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DONE = "done"
NOT_DONE = "not-done"
UNDER_WAY = "under-way"
PROPOSED = "proposed"
UNDOING = "undoing"

# Two states of one relation side by side: a contradiction (one account is false) or
# a tension (each can be true, together they tell the reader different things).
# Pairs not here are compatible ("has not bought X" and "is in talks to buy X").
CONFLICTS = {
    frozenset({DONE, NOT_DONE}): "contradiction",
    frozenset({DONE, UNDOING}): "tension",
    frozenset({DONE, PROPOSED}): "tension",
    frozenset({DONE, UNDER_WAY}): "tension",
    frozenset({NOT_DONE, UNDOING}): "tension",
}

ACTIVE = "active"  # SUBJECT phrase OBJECT: "Chile recognised X"
PASSIVE = "passive"  # OBJECT phrase (by SUBJECT): "X was arrested"
JOINT = "joint"  # SUBJECT and OBJECT phrase: "Chile and Peru restored relations"


@dataclass(frozen=True)
class Phrase:
    verb: str  # a regex for the words between subject and object
    state: str = DONE  # the state a plain, affirmative statement puts it in
    shape: str = ACTIVE
    obj: str | None = None  # a fixed object ("insolvency") when the verb names it
    # in the passive, the word before who did it ("by": "X was bought by Y")
    agent: str = "by"
    after: str | None = None  # what must follow the object: "found X guilty"
    # read only as a plain statement: "was jailed" tells of a conviction, "will be
    # jailed" or "was not jailed" tells nothing about one
    plain_only: bool = False


@dataclass(frozen=True)
class Relation:
    name: str
    phrases: tuple[Phrase, ...]
    described: Mapping[str, str]  # state -> "{subject} recognises {object}"
    symmetric: bool = False  # X with Y is Y with X
    by_object: bool = False  # who did it does not matter (arrests, charges)
    # a thing, not a name, as the object ("a state of emergency")
    objects: str | None = None
    synonyms: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({})
    )  # object as written -> as compared ("cease-fire" -> "ceasefire")
    # the words that open what the statement holds for, after the object or the
    # verb: "banned fireworks from the park" is not "from the pier", "convicted of
    # fraud" is not "acquitted of theft" (a regex; None: no scope)
    scope: str | None = None
    # a state that holds in a place ("a state of emergency in Manabi"): told
    # with no one named as declaring it, the place is its party
    held_in_place: bool = False


_RELATIONS_WORD = r"(?:diplomatic\s+)?(?:relations|ties)"
# Verbs of walking away from a deal, plan or bid, as a family: "abandoned its bid
# for", "walked away from", "backed out of", "pulled out of", "called off".
_WITHDRAWAL_VERBS = (
    r"(?:abandon|dropp?|scrapp?|ditch|shelv|withdr[ae]w)(?:s|ed|es|ing)?(?:\s+from)?|"
    r"call(?:s|ed|ing)?\s+off|(?:walk|back|pull|mov)(?:s|ed|ing)?\s+away\s+from|"
    r"(?:back|pull)(?:s|ed|ing)?\s+out\s+(?:of|from)|r(?:ule|uled|ules|uling)\s+out|"
    r"withdrawn\s+from"
)
# What a buyer walks away from: "its bid for", "its planned purchase of".
_PURCHASE_NOUNS = (
    r"(?:bid|offer|plan|deal|approach|talks)\s+(?:for|to\s+buy)|"
    r"(?:acquisition|purchase|takeover|buyout)\s+of"
)
_CEASEFIRE = r"(?:ceasefire|cease-fire|truce)"
_CEASEFIRE_VERBS = (
    r"agreed|agrees?|signed|signs?|reached|reach(?:es)?|declared|announced"
)
# Words that end a thing named in lower case: "banned fireworks on Friday".
_THING_END = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|from|for|after|until|since|last|this|and|"
    r"but|because|to|by|with|over|under|during|across|throughout|when|while|as|"
    r"which|who|that|is|are|was|were|have|has|had|remain|remains|will)\b)"
)
_NOT_A_THING = (
    r"(?!(?:him|her|them|it|its|their|his|the|a|an|all|any|some|from|in|on|and|"
    r"anyone|nobody|no|not|use|sale|sales|said|says|that|is|are|was|were|have|has|"
    r"had|be|been)\b)"
)
# What is banned: a name ("TikTok", "the Verdant Seeds company") or a thing in
# lower case ("fireworks", "single-use plastic bags", "the sale of fireworks").
_BANNED = (
    r"(?:the\s+)?(?:(?:use|sale|sales)\s+of\s+)?"
    r"(?:(?:[A-Z][\w-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,4}"
    rf"|{_NOT_A_THING}[a-z][\w-]*(?:\s+{_NOT_A_THING}[a-z][\w-]*){{0,2}}{_THING_END}"
    # a thing opening its sentence: "Disposable vapes were banned"
    rf"|^[A-Z][a-z][\w-]*(?:\s+{_NOT_A_THING}[a-z][\w-]*){{1,2}}{_THING_END})"
)

RELATIONS: tuple[Relation, ...] = (
    Relation(
        name="diplomatic relations",
        symmetric=True,
        phrases=(
            Phrase(
                r"(?:has|have|(?:(?<=has\s)|(?<=have\s)|(?<=never\s))had|maintains?|maintained|"
                r"enjoys?)\s+(?:full\s+|formal\s+)?diplomatic\s+(?:relations|ties)\s+with"
            ),
            Phrase(
                r"(?:has|have|maintains?)\s+no\s+(?:full\s+|formal\s+)?"
                r"diplomatic\s+(?:relations|ties)\s+with",
                NOT_DONE,
            ),
            Phrase(
                r"(?:establish|restor|resum|normali[sz])(?:e|es|ed|ing|ion\s+of)?\s+"
                rf"(?:full\s+)?{_RELATIONS_WORD}\s+with"
            ),
            Phrase(
                r"(?:sever(?:s|ed|ing)?|cut(?:s|ting)?|br(?:eak|eaks|oke|oken|eaking)\s+off|"
                r"suspend(?:s|ed|ing)?)\s+(?:its\s+|their\s+|all\s+)?"
                rf"{_RELATIONS_WORD}\s+with",
                NOT_DONE,
            ),
            Phrase(
                r"(?:have|had|established|restored|resumed)\s+(?:full\s+)?"
                r"diplomatic\s+(?:relations|ties)",
                shape=JOINT,
            ),
            Phrase(
                r"(?:(?:have|has)\s+(?:(?:had|ever\s+had)\s+)?no|(?:have|has)\s+never\s+had|"
                r"severed|cut|broke\s+off|suspended)\s+"
                r"(?:full\s+|formal\s+)?diplomatic\s+(?:relations|ties)",
                NOT_DONE,
                JOINT,
            ),
        ),
        described={
            DONE: "{subject} has diplomatic relations with {object}",
            NOT_DONE: "{subject} has no diplomatic relations with {object}",
            UNDOING: "{subject} may cut its diplomatic relations with {object}",
            PROPOSED: "{subject} plans diplomatic relations with {object}",
            UNDER_WAY: "{subject} is establishing relations with {object}",
        },
    ),
    Relation(
        name="recognition",
        phrases=(
            Phrase(
                r"(?:formally\s+)?recogni[sz](?:e|es|ed|ing)(?!\s+(?:that|the\s+need))"
            ),
            Phrase(
                r"(?:formally\s+)?recogni[sz](?:e|es|ed|ing)\s+(?:the\s+)?"
                r"(?:independence|sovereignty|statehood)\s+of"
            ),
            Phrase(r"(?:formally\s+)?recogni[sz]ed", shape=PASSIVE),
            Phrase(
                r"(?:withdr[ae]w|withdraws|withdrawing|revok(?:e|es|ed|ing))\s+"
                r"(?:its\s+|their\s+)?recognition\s+of",
                NOT_DONE,
            ),
        ),
        described={
            DONE: "{subject} recognises {object}",
            NOT_DONE: "{subject} does not recognise {object}",
            UNDOING: "{subject} may withdraw its recognition of {object}",
            PROPOSED: "{subject} is considering recognising {object}",
            UNDER_WAY: "{subject} is moving to recognise {object}",
        },
    ),
    Relation(
        name="membership",
        phrases=(
            Phrase(
                r"(?:(?:bec(?:ame|omes?|oming)|remains?|remained|stays?|stayed)\s+)?"
                r"(?:an?\s+|one\s+of\s+the\s+)?(?:full\s+|founding\s+|permanent\s+)?"
                r"members?\s+(?:states?\s+)?(?:of|in)"
            ),
            # "was admitted to the league", "admitted as a member of"
            Phrase(r"admitted\s+(?:to|into|as\s+an?\s+(?:full\s+)?member\s+of)"),
            # "Norway remains outside the union": not a member
            Phrase(
                r"(?:remains?|remained|stays?|stayed|(?<=still\s)(?:is|are|was))\s+"
                r"outside",
                NOT_DONE,
            ),
            # "Norbank Air, a member of the carriers' union, flies to 12 cities"
            Phrase(
                r",\s+(?:an?\s+(?:full\s+|founding\s+|permanent\s+)?member|"
                r"(?:full\s+|founding\s+|permanent\s+)?members)\s+of"
            ),
            Phrase(r"(?:re-?)?join(?:s|ed|ing)?"),
            # "Iceland, which has never belonged to the council"
            Phrase(r"belong(?:s|ed|ing)?\s+to"),
            Phrase(
                r"(?:left|leaves?|leaving|quit(?:s|ting)?|exit(?:s|ed|ing)?|"
                r"pull(?:s|ed|ing)?\s+out\s+of|(?:expelled|thrown\s+out|kicked\s+out)\s+"
                r"(?:from|of)|"
                r"withdr[ae]w\s+from|withdraws\s+from|withdrawn\s+from|"
                r"withdrawing\s+from)",
                NOT_DONE,
            ),
        ),
        described={
            DONE: "{subject} is a member of {object}",
            NOT_DONE: "{subject} is not (or no longer) a member of {object}",
            UNDOING: "{subject} is leaving or may leave {object}",
            PROPOSED: "{subject} plans or has applied to join {object}",
            UNDER_WAY: "{subject} is joining {object}",
        },
    ),
    # A ceasefire between two parties ("the army and the rebels agreed a
    # ceasefire"); one declared by one party alone is a declaration, below.
    Relation(
        name="ceasefire",
        symmetric=True,
        phrases=(
            Phrase(
                rf"(?:{_CEASEFIRE_VERBS})\s+(?:a|an|the)\s+(?:[a-z]+\s+)?"
                rf"{_CEASEFIRE}\s+with"
            ),
            Phrase(
                rf"(?:{_CEASEFIRE_VERBS})\s+(?:a|an|the)\s+(?:[a-z]+\s+)?{_CEASEFIRE}",
                shape=JOINT,
            ),
            Phrase(
                r"(?:br(?:oke|eaks?|oken)|abandon(?:s|ed)?|end(?:s|ed)?)\s+(?:the|its)\s+"
                rf"{_CEASEFIRE}\s+with",
                NOT_DONE,
            ),
        ),
        described={
            DONE: "{subject} and {object} have agreed a ceasefire",
            NOT_DONE: "{subject} and {object} have no (or have ended a) ceasefire",
            UNDOING: "the ceasefire between {subject} and {object} may end",
            PROPOSED: "{subject} and {object} may agree a ceasefire",
            UNDER_WAY: "{subject} and {object} are agreeing a ceasefire",
        },
    ),
    Relation(
        name="ratification",
        # a treaty by name ("the Minamata Convention") or by what it is ("the
        # fisheries treaty", "the new border agreement")
        objects=(
            r"(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?(?:[Tt]reaty|[Cc]onvention|"
            r"[Aa]greement|[Aa]ccord|[Pp]rotocol|[Pp]act|[Cc]harter)"
            r"(?:\s+(?:on|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
        ),
        phrases=(
            Phrase(r"ratif(?:y|ies|ied|ying)"),
            Phrase(r"ratified", shape=PASSIVE),
        ),
        described={
            DONE: "{subject} has ratified {object}",
            NOT_DONE: "{subject} has not ratified {object}",
            UNDOING: "{subject} may withdraw from {object}",
            PROPOSED: "{subject} plans to ratify {object}",
            UNDER_WAY: "{subject} is ratifying {object}",
        },
    ),
    Relation(
        name="declaration",
        held_in_place=True,
        objects=(
            r"(?:an?\s+|the\s+|its\s+)?(?:national\s+|nationwide\s+|general\s+)?"
            r"(?:state\s+of\s+(?:emergency|siege|catastrophe|disaster|calamity|alarm)|"
            r"martial\s+law|ceasefire|cease-fire|"
            r"truce|insolvency|bankruptcy)"
        ),
        synonyms={
            "cease-fire": "ceasefire",
            "truce": "ceasefire",
            "bankruptcy": "insolvency",
            "state of siege": "state of emergency",
        },
        phrases=(
            Phrase(
                r"(?:declar|announc|impos)(?:e|es|ed|ing)|agreed\s+to|agree(?:s|d)?\s+"
                r"(?:on|to)|filed\s+for|files\s+for|fil(?:e|ing)\s+for|entered|"
                r"enters|observ(?:e|es|ed|ing)"
            ),
            Phrase(
                r"(?:lift(?:s|ed|ing)?|end(?:s|ed|ing)?|revok(?:e|es|ed|ing)|"
                r"abandon(?:s|ed|ing)?|withdr[ae]w\s+from|emerg(?:e|es|ed|ing)\s+from)",
                NOT_DONE,
            ),
            # "is insolvent", "was declared bankrupt"
            Phrase(
                r"(?:(?:declared|ruled|judged|made)\s+)?(?:insolvent|bankrupt)",
                obj="insolvency",
            ),
            # "remains solvent": not insolvent
            Phrase(
                r"(?:(?:remains?|remained|stays?|stayed)\s+)?solvent",
                NOT_DONE,
                obj="insolvency",
            ),
            # "Tarvia is under a state of emergency", "remains under"
            Phrase(
                r"(?:(?:remains?|remained|stays?|stayed)\s+|"
                r"(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s)|(?<=not\s)|"
                r"(?<=been\s)|(?<=remains\s)|(?<=remain\s)|(?<=still\s)|"
                r"placed\s+|put\s+)under"
            ),
            # "a state of emergency was declared in Tarvia", "a truce was agreed"
            Phrase(
                r"(?:declared|imposed|agreed|announced|signed)",
                shape=PASSIVE,
                agent="by|in",
            ),
            # "has gone into administration", "is not in administration"
            Phrase(
                r"(?:(?:go(?:es|ne|ing)?|went|enter(?:s|ed|ing)?|placed|put|"
                r"collaps(?:e|es|ed|ing))\s+into|enter(?:s|ed|ing)?|(?:placed|put)\s+in|"
                r"(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=not\s)|(?<=been\s)|"
                r"(?<=remains\s))in)\s+(?:administration|liquidation|receivership)",
                obj="insolvency",
            ),
        ),
        described={
            DONE: "{subject} has declared {object}",
            NOT_DONE: "{subject} has not declared (or has ended) {object}",
            UNDOING: "{subject} may end its {object}",
            PROPOSED: "{subject} is considering declaring {object}",
            UNDER_WAY: "{subject} is declaring {object}",
        },
    ),
    Relation(
        name="acquisition",
        phrases=(
            Phrase(
                r"(?:acquir(?:e|es|ed|ing)|b(?:uy|uys|ought|uying)|owns?|"
                # "has never owned"; a bare "owned" may tell a past state
                r"(?:(?<=has\s)|(?<=have\s)|(?<=never\s))owned|"
                r"t(?:ake|akes|aken|ook|aking)\s+over|"
                r"complet(?:e|es|ed|ing)\s+(?:the|its)\s+(?:acquisition|purchase|"
                r"takeover)\s+of)"
            ),
            Phrase(
                rf"(?:{_WITHDRAWAL_VERBS})\s+(?:(?:its|the|their)\s+)?"
                rf"(?:(?:planned|proposed|agreed|mooted|hostile|rival)\s+)?"
                rf"(?:{_PURCHASE_NOUNS})",
                NOT_DONE,
            ),
            # "Brill Bakeries remains independent": no one has bought it
            Phrase(
                r"(?:(?:remains?|remained|stays?|stayed)\s+)?independent",
                NOT_DONE,
                PASSIVE,
            ),
            Phrase(
                r"(?:acquired|bought|taken\s+over|owned)|(?:an?\s+|the\s+)?"
                r"(?:wholly[- ]owned\s+)?subsidiary",
                shape=PASSIVE,
                agent="by|of",
            ),
            # "Brill Bakeries was sold to Arden Foods": the buyer after "to"
            Phrase(r"sold", shape=PASSIVE, agent="to"),
        ),
        described={
            DONE: "{subject} has bought {object}",
            NOT_DONE: "{subject} has not bought {object}",
            UNDOING: "{subject} may sell {object}",
            PROPOSED: "{subject} plans or has agreed to buy {object}",
            UNDER_WAY: "{subject} is in talks to buy {object}",
        },
    ),
    Relation(
        name="merger",
        symmetric=True,
        phrases=(
            Phrase(
                r"(?:merg(?:e|es|ed|ing)|complet(?:e|es|ed|ing)\s+(?:its|the)\s+"
                r"merger)\s+with"
            ),
            Phrase(
                rf"(?:{_WITHDRAWAL_VERBS})\s+(?:its|the)"
                r"\s+(?:(?:planned|proposed|agreed)\s+)?merger\s+with",
                NOT_DONE,
            ),
            Phrase(r"(?:merged|have\s+merged|completed\s+their\s+merger)", shape=JOINT),
            Phrase(
                rf"(?:{_WITHDRAWAL_VERBS})\s+(?:the|their)"
                r"\s+(?:(?:planned|proposed|agreed)\s+)?merger",
                NOT_DONE,
                JOINT,
            ),
        ),
        described={
            DONE: "{subject} has merged with {object}",
            NOT_DONE: "{subject} has not merged with {object}",
            UNDOING: "{subject} may undo its merger with {object}",
            PROPOSED: "{subject} plans to merge with {object}",
            UNDER_WAY: "{subject} is merging with {object}",
        },
    ),
    Relation(
        name="ban",
        objects=_BANNED,
        scope=r"from|in|on|at|across|throughout",
        phrases=(
            Phrase(
                r"(?:bann(?:ed|ing)|bans?|outlaw(?:s|ed|ing)?|prohibit(?:s|ed|ing)?)"
            ),
            # "imposed a ban on", "has a ban on", "brought in a ban on"
            Phrase(
                r"(?:impos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|"
                r"brought\s+in|brings?\s+in|ha[sd]|have|maintains?|kept|keeps?)\s+"
                r"(?:a|an|its|the)\s+(?:new\s+|total\s+|blanket\s+|outright\s+)?"
                r"ban\s+on"
            ),
            Phrase(
                r"(?:ha[sd]|have)\s+no\s+ban\s+on",
                NOT_DONE,
            ),
            # "E-bikes are banned from the pier", "dogs are not banned on the beach"
            Phrase(r"(?:banned|prohibited|outlawed)", shape=PASSIVE),
            # "Fireworks are still legal in Hove": not banned there
            Phrase(
                r"(?:(?:still|remains?|remained|stays?)\s+)?(?:legal|lawful|permitted)"
                r"(?!\s+(?:to|for)\b)",
                NOT_DONE,
                PASSIVE,
            ),
            Phrase(
                r"(?:lift(?:s|ed|ing)?|end(?:s|ed|ing)?|overturn(?:s|ed|ing)?|"
                r"scrap(?:s|ped|ping)?|revok(?:e|es|ed|ing))\s+"
                r"(?:the|its|their)\s+ban\s+on",
                NOT_DONE,
            ),
        ),
        described={
            DONE: "{subject} bans {object}",
            NOT_DONE: "{subject} does not (or no longer) ban {object}",
            UNDOING: "{subject} may lift its ban on {object}",
            PROPOSED: "{subject} is considering banning {object}",
            UNDER_WAY: "{subject} is banning {object}",
        },
    ),
    Relation(
        name="arrest",
        by_object=True,
        # the event an arrest was over: "arrested over the fire" is not "over the
        # theft" (what it was on suspicion of is another kind of scope, not read)
        scope=r"over|in\s+connection\s+with",
        phrases=(
            Phrase(
                r"(?:arrest(?:ed)?|detain(?:ed)?|apprehend(?:ed)?|"
                r"t(?:ook|aken)\s+into\s+custody)",
                shape=PASSIVE,
            ),
            Phrase(r"(?:arrested|detained|apprehended)"),
            Phrase(r"(?:remains?|remained|still)\s+at\s+large", NOT_DONE, PASSIVE),
            # "No arrests have been made over the fire": no one arrested
            Phrase(
                r"[Nn]o\s+(?:further\s+)?arrests?\s+(?:have|has|had)\s+(?:yet\s+)?"
                r"been\s+made",
                NOT_DONE,
                obj="no one",
            ),
        ),
        described={
            DONE: "{object} has been arrested",
            NOT_DONE: "{object} has not been arrested",
            UNDOING: "{object} may be released",
            PROPOSED: "{object} may be arrested",
            UNDER_WAY: "{object} is being detained",
        },
    ),
    Relation(
        name="charge",
        by_object=True,
        scope="with",
        phrases=(
            Phrase(r"(?:charged|indicted)", shape=PASSIVE),
            # "X faces two charges of fraud", "is facing criminal charges"
            Phrase(
                r"fac(?:es|ed|ing)\s+(?:(?:a|an|one|two|three|four|five|six|\d+|"
                r"several|multiple|further|new|criminal|formal)\s+){0,2}"
                r"(?:charges?|counts?)\b",
                shape=PASSIVE,
            ),
            # "charged Rui Almeida, a former mayor of Tavira, with corruption"
            Phrase(
                r"(?:charged|indicted)"
                r"(?=\s+\S+(?:\s+\S+){0,3}(?:,[^,;]{1,60},)?\s+with\b)"
            ),
            # "No charges have been brought against X", "X was released without charge"
            Phrase(
                r"[Nn]o\s+charges?\s+(?:have|has|had|were|was)\s+(?:yet\s+)?been\s+"
                r"(?:brought|filed|laid)\s+against",
                NOT_DONE,
            ),
            Phrase(
                r"(?:released|freed)\s+without\s+(?:being\s+)?charged?",
                NOT_DONE,
                PASSIVE,
            ),
        ),
        described={
            DONE: "{object} has been charged",
            NOT_DONE: "{object} has not been charged",
            UNDOING: "the charges against {object} may be dropped",
            PROPOSED: "{object} may be charged",
            UNDER_WAY: "{object} is being charged",
        },
    ),
    Relation(
        name="conviction",
        by_object=True,
        scope="of",
        phrases=(
            Phrase(r"(?:convicted|found\s+guilty)", shape=PASSIVE),
            Phrase(
                r"(?:acquitted|found\s+not\s+guilty|cleared(?=\s+of\b))",
                NOT_DONE,
                PASSIVE,
            ),
            Phrase(
                r"(?:on\s+trial|stand(?:s|ing)\s+trial|being\s+tried)",
                UNDER_WAY,
                PASSIVE,
            ),
            Phrase(r"convicted"),
            # a sentence or a plea is a conviction told another way
            Phrase(r"(?:jailed|imprisoned|sentenced)", shape=PASSIVE, plain_only=True),
            Phrase(r"(?:pleaded|pleads|pled)\s+guilty", shape=PASSIVE, plain_only=True),
            # "A jury found X guilty", "The court cleared X of fraud"
            Phrase(r"found", after=r"guilty\b"),
            Phrase(r"found", NOT_DONE, after=r"not\s+guilty\b|innocent\b"),
            Phrase(r"(?:acquitted|cleared)", NOT_DONE),
        ),
        described={
            DONE: "{object} has been convicted",
            NOT_DONE: "{object} has been acquitted or not convicted",
            UNDOING: "{object}'s conviction may be overturned",
            PROPOSED: "{object} faces trial",
            UNDER_WAY: "{object} is on trial",
        },
    ),
)

# How findings describe the two relations read mostly with their own patterns
# (statements.py): terrorist designation or listing, and sanctions.
DESIGNATION_DESCRIBED = {
    DONE: "{subject} lists {object} as a terrorist or banned organisation",
    NOT_DONE: "{subject} does not (or no longer) list {object}",
    UNDOING: "{subject} is reviewing or removing its listing of {object}",
    PROPOSED: "{subject} is considering listing {object}",
}
SANCTIONS_DESCRIBED = {
    DONE: "{subject} has sanctions on {object}",
    NOT_DONE: "{subject} has no (or has lifted its) sanctions on {object}",
    UNDOING: "{subject} is considering lifting its sanctions on {object}",
    PROPOSED: "{subject} is considering sanctions on {object}",
}

# Sanctions stated with the verb ("Britain has sanctioned X") join the statements
# that statements.py reads with its own patterns ("imposed sanctions on X").
RELATIONS = (
    *RELATIONS,
    Relation(
        name="sanctions",
        phrases=(
            Phrase(r"sanction(?:s|ed|ing)?"),
            Phrase(r"sanctioned", shape=PASSIVE),
            Phrase(
                r"(?:has|have|had|maintains?|keeps?)\s+(?:no|never\s+had)\s+"
                r"sanctions\s+(?:on|against)",
                NOT_DONE,
            ),
        ),
        described=SANCTIONS_DESCRIBED,
    ),
    # A place on a list of any other kind ("the entity list", "the World Heritage
    # list"): the list is the subject, read with its own patterns
    # (statement_patterns.py), so no phrases here.
    Relation(
        name="listing",
        phrases=(),
        described={
            DONE: "{object} is on {subject}",
            NOT_DONE: "{object} is not (or no longer) on {subject}",
            UNDOING: "{object} may be taken off {subject}",
            PROPOSED: "{object} may be put on {subject}",
            UNDER_WAY: "{object} is being put on {subject}",
        },
    ),
)

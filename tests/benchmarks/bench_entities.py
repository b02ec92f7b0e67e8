"""Entity matching on 1 MB of news-like text: registry size, baseline, build time.

Run alone with `.venv/bin/python -m tests.benchmarks.bench_entities`.
"""

import random

from articles.text.entities import AliasSpec, EntityMatcher
from tests.benchmarks.common import BenchRow, best_time

AREA = "entities"
TEXT_SIZE = 1_000_000
SEED = 20240604


def _words(text: str) -> list[str]:
    return text.split()


# Common English news vocabulary; the generated text is made of these and of
# the generated entity names below.
_WORDS = _words(
    """
the of and to in a that for on with as was by is at said from it has have be
are which an this after had were not but their they been also its who will or
more would about over than government officials people year two new first
last into one could told percent week police including other security since
during group state minister president country city party against there some
military forces meeting talks report against between while where when them
three under before any killed attack support economic aid border agreement
ministry foreign spokesman statement announced expected plans year months
weeks days early later crisis council region regional international national
local public political policy leaders leader sources according official
capital province district court law rights women children water energy oil
gas prices market trade deal sanctions funding million billion dollars
humanitarian assistance refugees migrants election vote campaign protest
protesters army troops soldiers ceasefire peace war conflict violence
investigation evidence witnesses residents community schools hospital health
workers union companies company business industry growth inflation bank
budget tax reform parliament committee members delegation visit summit
conference meeting press reporters interview analysts experts warned
stressed added noted called urged denied confirmed claimed reported
"""
)
_SYLLABLES = _words(
    """
ka ri mo ta la shi vo ne bar zan dor hal mir sa ku to ren vik ol am as ez
ul in ber gar lan dah fir jo hes tor quin yas zel nov rad mak pet ser lo
"""
)
_ORG_WORDS = "Agency Council Front Movement Bank Union Party Authority Institute"
_EVENT_WORDS = "Summit Conference Talks Forum Games Accord"
_ADJECTIVES = "National United Popular Democratic Central Federal Islamic Free"


# Names no registry holds are made of other syllables, so they seldom collide.
_UNREGISTERED_SYLLABLES = _words("bu pe fo gu wi cy xo hu ji qe ud ip og ech uf")


def make_registry(
    count: int, *, seed: int = SEED, syllables: list[str] = _SYLLABLES
) -> list[AliasSpec]:
    """Return aliases for `count` generated entities, each with 1-3 aliases."""
    rng = random.Random(seed)

    def proper(parts: int) -> str:
        return "".join(rng.choice(syllables) for _ in range(parts)).capitalize()

    first_names = [proper(rng.randint(2, 3)) for _ in range(400)]
    specs: list[AliasSpec] = []
    for entity_id in range(1, count + 1):
        roll = rng.random()
        if roll < 0.4:
            kind = "person"
            first = rng.choice(first_names)
            last = proper(rng.randint(2, 4))
            aliases = [f"{first} {last}", last, f"{first[0]}. {last}"]
        elif roll < 0.7:
            kind = "organisation"
            words = [
                proper(rng.randint(2, 3)),
                rng.choice(_ADJECTIVES.split()),
                rng.choice(_ORG_WORDS.split()),
            ]
            acronym = "".join(word[0] for word in words)
            if rng.random() < 0.3:
                acronym += f"-{rng.choice('KSANR')}"
            aliases = [" ".join(words), acronym, f"{words[0]} {words[2]}"]
        elif roll < 0.9:
            kind = "place"
            place = proper(rng.randint(2, 4))
            aliases = [place, f"{place}{rng.choice(['stan', 'ia', 'abad'])}"]
        else:
            kind = "event"
            place = proper(rng.randint(2, 3))
            event = rng.choice(_EVENT_WORDS.split())
            aliases = [f"{place} {event}", f"{place} {event} {rng.randint(1990, 2024)}"]
        for alias in aliases[: rng.randint(1, len(aliases))]:
            specs.append(AliasSpec(entity_id=entity_id, text=alias, kind=kind))
    return specs


def make_text(names: list[str], *, size: int = TEXT_SIZE, seed: int = SEED) -> str:
    """Return about `size` characters of news-like prose mentioning `names`.

    About one word in seventeen is a name; news copy often has more.
    """
    rng = random.Random(seed + 1)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = []
            for _ in range(rng.randint(10, 28)):
                if rng.random() < 0.06:
                    name = rng.choice(names)
                    suffix = rng.choice(["", "", "", "'s", "\u2019s", ","])
                    words.append(name + suffix)
                else:
                    words.append(rng.choice(_WORDS))
            words[0] = words[0][0].upper() + words[0][1:]
            sentence = " ".join(words)
            if rng.random() < 0.15:
                sentence = f"\u201c{sentence},\u201d an official said"
            elif rng.random() < 0.1:
                sentence = sentence.replace(" and ", " \u2014 and ", 1)
            sentences.append(sentence + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def run() -> list[BenchRow]:
    """Measure matching and build time; return one row per figure."""
    registry = make_registry(5_000)
    first_50 = [spec for spec in registry if spec.entity_id <= 50]
    build_time = best_time(lambda: EntityMatcher.build(registry))
    large = EntityMatcher.build(registry)
    small = EntityMatcher.build(first_50)

    # A: the text names the 50 and entities no registry holds, so both
    # registries find about the same mentions: this isolates the cost of the
    # number of patterns from the cost of reporting more mentions.
    unregistered = make_registry(
        4_950, seed=SEED + 7, syllables=_UNREGISTERED_SYLLABLES
    )
    unknown = [spec.text for spec in unregistered if not large.knows(spec.text)]
    text_50 = make_text([spec.text for spec in first_50] * 99 + unknown)
    # B: the text names entities from the whole registry, so the 5,000 find
    # about 90 times the mentions the 50 find.
    text_all = make_text([spec.text for spec in registry])
    split_time = best_time(lambda: text_all.lower().split(), repeat=7)

    def find_time(matcher: EntityMatcher, text: str) -> float:
        return best_time(lambda: matcher.find(text), repeat=7)

    same_small, same_large = find_time(small, text_50), find_time(large, text_50)
    all_small, all_large = find_time(small, text_all), find_time(large, text_all)
    mentions_50 = len(small.find(text_50)), len(large.find(text_50))
    mentions_all = len(small.find(text_all)), len(large.find(text_all))
    per_mention = (all_large - all_small) / (mentions_all[1] - mentions_all[0])

    return [
        BenchRow(AREA, "registry build, 5,000 entities", build_time, "s", "< 1.0",
                 build_time < 1.0),
        BenchRow(AREA, "lower().split() of 1 MB", split_time, "s", "", None),
        BenchRow(AREA, "A: 1 MB naming the 50 (+ unknown names), find with 50",
                 same_small, "s", "", None),
        BenchRow(AREA, "A: same text, find with 5,000", same_large, "s", "", None),
        BenchRow(AREA, "A: mentions found with 50", mentions_50[0], "", "", None),
        BenchRow(AREA, "A: mentions found with 5,000", mentions_50[1], "", "", None),
        BenchRow(AREA, "A: find 5,000 / find 50 (pattern count)",
                 same_large / same_small, "ratio", "<= 2.0",
                 same_large / same_small <= 2.0),
        BenchRow(AREA, "B: 1 MB naming all 5,000, find with 50", all_small, "s",
                 "", None),
        BenchRow(AREA, "B: same text, find with 5,000", all_large, "s", "", None),
        BenchRow(AREA, "B: mentions found with 5,000", mentions_all[1], "", "", None),
        BenchRow(AREA, "B: find 5,000 / find 50 (+mentions)",
                 all_large / all_small, "ratio", "", None),
        BenchRow(AREA, "B: cost per extra mention", per_mention * 1e6, "us", "", None),
        BenchRow(AREA, "B: find 5,000 / lower().split()", all_large / split_time,
                 "ratio", "<= 10.0", all_large / split_time <= 10.0),
    ]  # fmt: skip


def _print(rows: list[BenchRow]) -> None:
    print(f"{'figure':<54} {'value':>10} {'unit':<6} {'target':<9} ok")
    for row in rows:
        value = f"{row.value:.4f}" if isinstance(row.value, float) else f"{row.value}"
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        print(f"{row.figure:<54} {value:>10} {row.unit:<6} {row.target:<9} {ok}")


if __name__ == "__main__":
    _print(run())

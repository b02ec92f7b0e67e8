"""Checks benchmark: precision and recall per check, and findings on clean copy.

The corpus is tests/data/checks (see its README): per check, positive cases (the
check must give a finding of the stated severity) and negative cases (it must give
none), in a "tune" part used while building the checks and a "heldout" part written
after them and not tuned on; and clean texts, on which every check runs and the
findings per 1,000 words are counted, blocking and advisory apart. The split
corpus (tests/data/split, written for the splitter by others) is read as copy too:
its planted duplicate paragraphs must be found and nothing else. The checks'
running time over the whole corpus is reported too.

Run alone: .venv/bin/python -m tests.benchmarks.bench_checks; with `--errors [PART ...]`
it first prints the misses and false alarms of the parts named, or of every part not
held out.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from articles.text.checks import ALL_CHECKS, CHECKS_BY_NAME, run_checks
from articles.text.checks.base import Paragraph
from articles.text.paragraphs import paragraphs_from_body, paragraphs_from_lines
from articles.text.rawcopy import copy_lines
from tests.benchmarks.common import BenchRow, best_time

DATA = Path(__file__).resolve().parent.parent / "data" / "checks"
SPLIT_DATA = DATA.parent / "split"
PARTS = (
    "tune",
    "heldout",
    "stress",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout8",
)
# the parts the targets are judged on (heldout2 was studied after its second run;
# heldout6's and heldout7's cases were studied after theirs and moved into tune;
# heldout8 is held out in heldout7's place)
HELD_OUT = ("heldout", "heldout3", "heldout4", "heldout5", "heldout8")
TARGET = 0.9
CLEAN_ADVISORY_PER_1000 = 1.0


@dataclass(frozen=True)
class Case:
    check: str
    part: str
    expected: str | None  # the severity a positive case must give; None: no finding
    paragraphs: tuple[Paragraph, ...]
    text: str


def source(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs of a source whose stories are separated by a line "---"."""
    paragraphs: list[Paragraph] = []
    for index, body in enumerate(text.split("\n---\n")):
        paragraphs.extend(paragraphs_from_body(body.strip(), story=index))
    return tuple(paragraphs)


def load_cases(directory: Path = DATA) -> list[Case]:
    """Every case of the corpus: PART/CHECK.txt, cases separated by "====" lines."""
    cases = []
    for part in PARTS:
        for path in sorted((directory / part).glob("*.txt")):
            blocks = path.read_text(encoding="utf-8").split("\n====\n")
            for block in blocks:
                head, _, text = block.strip().partition("\n")
                sign, _, severity = head.partition(" ")
                if sign not in "+-" or (sign == "+") != bool(severity):
                    raise ValueError(f"{path}: bad case header {head!r}")
                cases.append(
                    Case(
                        check=path.stem,
                        part=part,
                        expected=severity.strip() or None,
                        paragraphs=source(text),
                        text=text,
                    )
                )
    return cases


def load_clean(directory: Path = DATA / "clean") -> dict[str, tuple[Paragraph, ...]]:
    return {
        path.stem: source(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.txt"))
    }


def judge(case: Case) -> tuple[bool, bool]:
    """(true positive, false positive) for one case."""
    findings = run_checks(case.paragraphs, checks=[CHECKS_BY_NAME[case.check]])
    if case.expected is None:
        return False, bool(findings)
    return any(f.severity == case.expected for f in findings), False


def scores(cases: Sequence[Case]) -> tuple[float, float, list[Case], list[Case]]:
    """(precision, recall, missed positives, flagged negatives)."""
    missed, flagged, hits = [], [], 0
    for case in cases:
        hit, false = judge(case)
        hits += hit
        if case.expected is not None and not hit:
            missed.append(case)
        if false:
            flagged.append(case)
    positives = sum(1 for c in cases if c.expected is not None)
    precision = hits / (hits + len(flagged)) if hits + len(flagged) else 1.0
    recall = hits / positives if positives else 1.0
    return precision, recall, missed, flagged


def clean_rates(
    texts: dict[str, tuple[Paragraph, ...]],
) -> tuple[int, float, float]:
    words = sum(len(p.text.split()) for ps in texts.values() for p in ps)
    findings = [f for ps in texts.values() for f in run_checks(ps)]
    blocking = sum(1 for f in findings if f.severity == "blocking")
    advisory = len(findings) - blocking
    return words, 1000 * blocking / words, 1000 * advisory / words


def split_corpus_rates() -> tuple[int, float, float, float]:
    """The checks on tests/data/split (copy written for the splitter, not for the
    checks, with its stories as marked): the share of its planted duplicate
    paragraphs found, and every other finding per 1,000 words."""
    words, found, planted, blocking, advisory = 0, 0, 0, 0, 0
    for meta_path in sorted(SPLIT_DATA.glob("*.json")):
        meta = json.loads(meta_path.read_text())
        duplicate_lines = set(meta.get("duplicate_lines", ()))
        lines = copy_lines(meta_path.with_suffix(".txt").read_text(encoding="utf-8"))
        starts = [*meta["boundaries"], len(lines) + 1]
        stories = [(a, b - 1) for a, b in itertools.pairwise(starts)]
        paragraphs = paragraphs_from_lines(lines, stories)
        words += sum(len(p.text.split()) for p in paragraphs)
        planted += len(duplicate_lines)
        for finding in run_checks(paragraphs):
            if (
                finding.check == "duplicate-paragraph"
                and finding.line in duplicate_lines
            ):
                found += 1
            elif finding.severity == "blocking":
                blocking += 1
            else:
                advisory += 1
    return (
        words,
        found / planted if planted else 1.0,
        1000 * blocking / words,
        1000 * advisory / words,
    )


def planted_rates(directory: Path = DATA / "planted") -> tuple[int, float, float]:
    """Longer sources with faults planted in them (NAME.txt, NAME.json listing each
    fault as [check, story, severity, why]): the share of planted faults found, and
    the other findings per 1,000 words."""
    words, planted, found, other = 0, 0, 0, 0
    for path in sorted(directory.glob("*.txt")):
        paragraphs = source(path.read_text(encoding="utf-8"))
        expected = json.loads(path.with_suffix(".json").read_text())["planted"]
        words += sum(len(p.text.split()) for p in paragraphs)
        findings = run_checks(paragraphs)
        keys = {(check, story, severity) for check, story, severity, _ in expected}
        planted += len(keys)
        found += len(keys & {(f.check, f.story, f.severity) for f in findings})
        other += sum(1 for f in findings if (f.check, f.story, f.severity) not in keys)
    return words, found / planted if planted else 1.0, 1000 * other / words


def run() -> list[BenchRow]:
    cases = load_cases()
    rows = []
    for part in PARTS:
        for check in ALL_CHECKS:
            mine = [c for c in cases if c.part == part and c.check == check.name]
            if not mine:
                continue
            precision, recall, _, _ = scores(mine)
            positives = sum(1 for c in mine if c.expected is not None)
            label = f"{check.name} {part} ({positives}+/{len(mine) - positives}-)"
            for figure, value in (("precision", precision), ("recall", recall)):
                rows.append(
                    BenchRow(
                        area="checks",
                        figure=f"{label} {figure}",
                        value=value,
                        unit="",
                        target=f">= {TARGET}" if part in HELD_OUT else "",
                        ok=value >= TARGET if part in HELD_OUT else None,
                    )
                )
    words, blocking, advisory = clean_rates(load_clean())
    rows += [
        BenchRow(
            "checks",
            f"clean copy ({words} words) blocking per 1,000 words",
            blocking,
            "",
            "== 0",
            blocking == 0,
        ),
        BenchRow(
            "checks",
            f"clean copy ({words} words) advisory per 1,000 words",
            advisory,
            "",
            f"<= {CLEAN_ADVISORY_PER_1000:g}",
            advisory <= CLEAN_ADVISORY_PER_1000,
        ),
    ]
    words, planted, blocking, advisory = split_corpus_rates()
    rows += [
        BenchRow(
            "checks",
            f"split corpus as copy ({words} words): planted duplicates found",
            planted,
            "ratio",
            "== 1",
            planted == 1,
        ),
        BenchRow(
            "checks",
            "split corpus: other findings per 1,000 words, blocking",
            blocking,
            "",
            "== 0",
            blocking == 0,
        ),
        BenchRow(
            "checks",
            "split corpus: other findings per 1,000 words, advisory",
            advisory,
            "",
            f"<= {CLEAN_ADVISORY_PER_1000:g}",
            advisory <= CLEAN_ADVISORY_PER_1000,
        ),
    ]
    for directory, label in (("planted", "tuned"),):
        words, found, other = planted_rates(DATA / directory)
        rows += [
            BenchRow(
                "checks",
                f"planted faults in longer copy, {label} ({words} words): found",
                found,
                "ratio",
                "",
                None,
            ),
            BenchRow(
                "checks",
                f"planted copy, {label}: other findings per 1,000 words",
                other,
                "",
                "",
                None,
            ),
        ]
    everything = [c.paragraphs for c in cases] + list(load_clean().values())
    seconds = best_time(lambda: [run_checks(ps) for ps in everything])
    rows.append(
        BenchRow(
            "checks",
            f"all checks on the corpus ({len(everything)} sources)",
            seconds,
            "s",
            "",
            None,
        )
    )
    clean = [p for ps in load_clean().values() for p in ps]
    long_source = [  # the clean copy ten times over, as twenty stories of one source
        replace(p, story=i % 20, line=i + 1) for i, p in enumerate(clean * 10)
    ]
    words = sum(len(p.text.split()) for p in long_source)
    seconds = best_time(lambda: run_checks(long_source), repeat=1)
    rows.append(
        BenchRow(
            "checks",
            f"all checks on one source of {words} words",
            seconds,
            "s",
            "",
            None,
        )
    )
    return rows


def _report(parts: Sequence[str]) -> None:
    """Print every miss and false alarm of the parts named (by default the parts not
    held out): reading a held-out part's errors ends its use as a held-out check."""
    cases = load_cases()
    for part in parts or [p for p in PARTS if p not in HELD_OUT]:
        for check in ALL_CHECKS:
            mine = [c for c in cases if c.part == part and c.check == check.name]
            _, _, missed, flagged = scores(mine)
            for case in missed:
                print(f"MISSED {part} {check.name}: {case.text[:150]!r}")
            for case in flagged:
                print(f"FLAGGED {part} {check.name}: {case.text[:150]!r}")


if __name__ == "__main__":
    import sys

    from tests.benchmarks.run import _format

    if "--errors" in sys.argv:
        _report(sys.argv[sys.argv.index("--errors") + 1 :])
    print(_format(run()))

"""python manage.py find_entities PATH [--json]: registry mentions and unknown names."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from articles import selectors
from articles.management.copy_files import add_copy_file_arguments, read_copy_file
from articles.text.entities import Candidate, EntityMatch, find_candidates


class Command(BaseCommand):
    help = (
        "Find the registry's entities and the names it does not know yet in a "
        "UTF-8 text file. Offsets are characters of the decoded text."
    )

    def add_arguments(self, parser) -> None:
        add_copy_file_arguments(
            parser, json_help='Print {"mentions": [...], "candidates": [...]} as JSON.'
        )

    def handle(self, *args, path: Path, **options) -> None:
        text = read_copy_file(path)

        matcher = selectors.entity_matcher()
        mentions = matcher.find(text)
        candidates = find_candidates(
            text, matcher=matcher, ignored=selectors.ignored_names(), mentions=mentions
        )
        report = _report(
            mentions=mentions, candidates=candidates, labels=selectors.entity_labels()
        )
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_as_text(report))


def _report(
    *,
    mentions: tuple[EntityMatch, ...],
    candidates: tuple[Candidate, ...],
    labels: dict[int, tuple[str, str]],
) -> dict[str, list[dict[str, object]]]:
    """Return the JSON document the command prints."""
    rows = []
    for match in mentions:
        # An entity deleted between building the matcher and reading labels is
        # reported by id rather than dropped, so the output stays complete.
        name, kind = labels.get(match.entity_id, (f"entity {match.entity_id}", ""))
        rows.append(
            {
                "entity": name,
                "kind": kind,
                "start": match.start,
                "end": match.end,
                "text": match.text,
            }
        )
    return {
        "mentions": rows,
        "candidates": [{"text": c.text, "count": c.count} for c in candidates],
    }


def _as_text(report: dict[str, list[dict[str, object]]]) -> str:
    lines = [f"{len(report['mentions'])} mentions"]
    lines += [
        f"  {m['start']:>7}-{m['end']:<7} {m['text']}  -> {m['entity']} ({m['kind']})"
        for m in report["mentions"]
    ]
    lines.append(f"{len(report['candidates'])} candidates")
    lines += [f"  {c['count']:>4}  {c['text']}" for c in report["candidates"]]
    return "\n".join(lines)

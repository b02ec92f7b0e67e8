"""python manage.py reanchor_check TRIALS.json [--json]: where annotations land after
an edit, computed by the code the revision service uses (`follow_edit`)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.text.anchoring import Anchor, follow_edit

TEXT_FIELDS = ("old_text", "new_text", "exact", "prefix", "suffix")


class Command(BaseCommand):
    help = (
        "Read a JSON list of trials {id, old_text, new_text, exact, prefix, suffix, "
        "start, end} and report where each annotation lands in new_text: anchored, "
        "moved, changed or orphaned (start/end null), with character offsets."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="The trials, a UTF-8 JSON file.")
        parser.add_argument(
            "--json", action="store_true", help='Print {"results": [...]} as JSON.'
        )

    def handle(self, *args, path: Path, **options) -> None:
        trials = _read_trials(path)
        results = []
        for trial in trials:
            anchor = Anchor(
                trial["exact"],
                trial["prefix"],
                trial["suffix"],
                trial["start"],
                trial["end"],
            )
            found = follow_edit(trial["old_text"], trial["new_text"], [anchor])[0]
            results.append(
                {
                    "id": trial["id"],
                    "state": found.state.value,
                    "start": found.anchor.start if found.anchor else None,
                    "end": found.anchor.end if found.anchor else None,
                }
            )
        if options["json"]:
            self.stdout.write(json.dumps({"results": results}, ensure_ascii=False))
            return
        for row in results:
            where = "" if row["start"] is None else f" {row['start']}-{row['end']}"
            self.stdout.write(f"{row['id']}: {row['state']}{where}")


def _read_trials(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{path} is not UTF-8 JSON: {exc}.") from None
    if not isinstance(data, list):
        raise CommandError(f"{path} must hold a JSON list of trials.")
    for number, trial in enumerate(data, 1):
        if not isinstance(trial, dict):
            raise CommandError(f"Trial {number} is not a JSON object.")
        missing = [f for f in (*TEXT_FIELDS, "id", "start", "end") if f not in trial]
        if missing:
            raise CommandError(f"Trial {number} lacks {', '.join(missing)}.")
        if not all(isinstance(trial[f], str) for f in TEXT_FIELDS):
            raise CommandError(f"Trial {number}: {', '.join(TEXT_FIELDS)} are text.")
        start, end = trial["start"], trial["end"]
        if not (type(start) is int and type(end) is int and 0 <= start <= end):
            raise CommandError(
                f"Trial {number}: start and end must be offsets, start <= end."
            )
    return data

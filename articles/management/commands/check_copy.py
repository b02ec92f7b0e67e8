"""python manage.py check_copy PATH [--json]: consistency findings for raw copy."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.text.checks import run_checks
from articles.text.paragraphs import paragraphs_from_lines
from articles.text.rawcopy import RawCopyError, copy_lines, decode_raw_copy
from articles.text.splitting import suggest_split


class Command(BaseCommand):
    help = (
        "Run the automated consistency checks on a raw copy file, across the stories "
        "the splitter finds in it. Line numbers are those of the file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, metavar="PATH")
        parser.add_argument(
            "--json", action="store_true", help='Print {"findings": [...]} as JSON.'
        )

    def handle(self, *args, path: Path, **options) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                f"{path}: cannot read the file ({exc.strerror})."
            ) from None
        try:
            text = decode_raw_copy(
                data, max_bytes=settings.NEWSROOM_MAX_IMPORT_BYTES
            ).text
        except RawCopyError as exc:
            raise CommandError(f"{path}: {exc}") from None
        stories = [(s.first_line, s.last_line) for s in suggest_split(text)]
        findings = run_checks(paragraphs_from_lines(copy_lines(text), stories))
        rows = [
            {
                "check": f.check,
                "severity": f.severity,
                "line": f.line,
                "quote": f.quote,
                "message": f.message,
                "suggestion": f.suggestion,
                "related_lines": list(f.related_lines),
            }
            for f in sorted(findings, key=lambda f: (f.line, f.check))
        ]
        if options["json"]:
            self.stdout.write(
                json.dumps({"findings": rows}, ensure_ascii=False, indent=2)
            )
            return
        if not rows:
            self.stdout.write("No findings.")
        for row in rows:
            related = f" (see lines {', '.join(map(str, row['related_lines']))})"
            self.stdout.write(
                f"line {row['line']:>4}  {row['severity']:<8}  {row['check']}: "
                f"{row['message']}{related if row['related_lines'] else ''}"
            )

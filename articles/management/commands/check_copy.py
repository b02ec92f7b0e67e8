"""python manage.py check_copy PATH [--json]: consistency findings for raw copy."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.management.copy_files import add_copy_file_arguments, read_copy_file
from articles.text.checks import run_checks
from articles.text.paragraphs import paragraphs_from_lines
from articles.text.rawcopy import copy_lines
from articles.text.splitting import suggest_split


class Command(BaseCommand):
    help = (
        "Run the automated consistency checks on a raw copy file, across the stories "
        "the splitter finds in it. Line numbers are those of the file."
    )

    def add_arguments(self, parser) -> None:
        add_copy_file_arguments(parser, json_help='Print {"findings": [...]} as JSON.')

    def handle(self, *args, path: Path, **options) -> None:
        text = read_copy_file(path)
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

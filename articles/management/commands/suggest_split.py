"""python manage.py suggest_split PATH [--json]: the stories proposed for raw copy."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.management.copy_files import add_copy_file_arguments, read_copy_file
from articles.text.splitting import ProposedStory, suggest_split


class Command(BaseCommand):
    help = (
        "Propose how to split a raw copy file into stories, with the reasons for each "
        "boundary. Line numbers are those of the file, from 1."
    )
    # A text tool: it reads no models, so it needs no system checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        add_copy_file_arguments(parser, json_help='Print {"stories": [...]} as JSON.')

    def handle(self, *args, path: Path, **options) -> None:
        stories = suggest_split(read_copy_file(path))
        if options["json"]:
            rows = [_as_json(story) for story in stories]
            self.stdout.write(
                json.dumps({"stories": rows}, ensure_ascii=False, indent=2)
            )
        else:
            self.stdout.write(_as_table(stories))


def _as_json(story: ProposedStory) -> dict:
    return {
        "first_line": story.first_line,
        "last_line": story.last_line,
        "headline": story.headline,
        "headline_suggested": story.headline_suggested,
        "confidence": story.confidence,
        "reasons": list(story.reasons),
        "subheading_lines": list(story.subheading_lines),
        "duplicate_lines": list(story.duplicate_lines),
        "boilerplate_lines": list(story.boilerplate_lines),
    }


def _as_table(stories: tuple[ProposedStory, ...]) -> str:
    if not stories:
        return "No stories: the file has no text."
    out = [f"{'story':<6}{'lines':<12}{'conf.':<7}headline"]
    for number, story in enumerate(stories, start=1):
        lines = f"{story.first_line}-{story.last_line}"
        if story.headline_line is not None:
            headline = f"{story.headline} (line {story.headline_line})"
        else:
            headline = f"{story.headline or '-'} (suggested)"
        out.append(f"{number:<6}{lines:<12}{story.confidence:<7.2f}{headline}")
        indent = " " * 18
        out.append(f"{indent}why: {'; '.join(story.reasons)}")
        if story.doubts:
            out.append(f"{indent}but: {'; '.join(story.doubts)}")
        if story.subheading_lines:
            listed = ", ".join(map(str, story.subheading_lines))
            out.append(f"{indent}sub-headings: lines {listed}")
        if story.duplicate_lines:
            listed = ", ".join(map(str, story.duplicate_lines))
            out.append(f"{indent}duplicates: lines {listed}")
        if story.boilerplate_lines:
            listed = ", ".join(map(str, story.boilerplate_lines))
            out.append(f"{indent}page or wire debris: lines {listed}")
    return "\n".join(out)

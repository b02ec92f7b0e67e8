"""check_copy: the automated checks on a raw copy file, with the file's line numbers."""

import json

import pytest
from django.core.management import CommandError, call_command

COPY = (
    "Harbour reopens after storm\n"
    "\n"
    "The harbour reopened on Monday after a week of repairs, officials said.\n"
    "\n"
    "The harbour reopened on Monday after a week of repairs, officials said.\n"
    "Fishing boats returned at dawn, the harbour master said.\n"
)


def _findings(tmp_path, text: str, capsys) -> list[dict]:
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    call_command("check_copy", str(path), "--json")
    return json.loads(capsys.readouterr().out)["findings"]


def test_a_duplicated_paragraph_is_reported_on_its_line(tmp_path, capsys):
    findings = _findings(tmp_path, COPY, capsys)
    duplicate = [f for f in findings if f["check"] == "duplicate-paragraph"]
    assert [(f["line"], f["related_lines"]) for f in duplicate] == [(5, [3])]
    assert duplicate[0]["severity"] in {"blocking", "advisory"}
    assert set(duplicate[0]) == {
        "check",
        "severity",
        "line",
        "quote",
        "message",
        "suggestion",
        "related_lines",
    }


def test_clean_copy_has_no_findings(tmp_path, capsys):
    clean = (
        "Library extends opening hours\n\n"
        "The city library will open until 9pm on weekdays from next month, "
        "the council said on Tuesday.\n"
        "The change follows a survey in which most readers asked for later hours.\n"
    )
    assert _findings(tmp_path, clean, capsys) == []


def test_unreadable_input_is_one_clear_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("check_copy", str(path))

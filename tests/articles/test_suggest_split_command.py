"""suggest_split: the stories proposed for a raw copy file, as JSON or as a table."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED = (
    Path(__file__).resolve().parent.parent.parent / "seeds" / "000_b3f3967d74f2fce2.txt"
)
FIELDS = {
    "first_line",
    "last_line",
    "headline",
    "headline_suggested",
    "confidence",
    "reasons",
    "subheading_lines",
    "duplicate_lines",
    "boilerplate_lines",
}


def _run(*args: str) -> str:
    out = StringIO()
    call_command("suggest_split", *args, stdout=out)
    return out.getvalue()


def test_json_lists_the_seeds_six_stories_with_the_files_line_numbers():
    stories = json.loads(_run(str(SEED), "--json"))["stories"]

    assert [(s["first_line"], s["last_line"]) for s in stories] == [
        (1, 12),
        (15, 24),
        (26, 34),
        (36, 49),
        (51, 61),
        (63, 72),
    ]
    assert all(set(s) == FIELDS for s in stories)
    assert stories[0]["headline"].startswith("Mujahid Confirms")
    assert stories[0]["headline_suggested"] is False
    assert stories[0]["duplicate_lines"] == [5]
    assert stories[3]["subheading_lines"] == [41, 44]
    assert stories[0]["reasons"] == ["start of the copy"]
    assert all(s["reasons"] and 0 < s["confidence"] <= 1 for s in stories)
    assert all(s["headline_suggested"] for s in stories[1:])


def test_line_numbers_are_the_files_even_with_a_bom_and_crlf(tmp_path):
    path = tmp_path / "copy.txt"
    text = (
        "\r\n"
        "Ferry Service Suspended After Storm Damage\r\n"
        "The ferry between the two islands was suspended on Monday after a storm "
        "damaged the pier, the operator said.\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    (story,) = json.loads(_run(str(path), "--json"))["stories"]

    assert (story["first_line"], story["last_line"]) == (2, 3)
    assert story["headline"] == "Ferry Service Suspended After Storm Damage"


def test_without_json_prints_a_readable_table():
    table = _run(str(SEED))

    assert table.splitlines()[0].split() == ["story", "lines", "conf.", "headline"]
    assert "1-12" in table and "(line 1)" in table
    assert "sub-headings: lines 41, 44" in table
    assert "duplicates: lines 5" in table
    assert "(suggested)" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"caf\xe9\n", "is not UTF-8 text"),
        (b"PK\x03\x04\x00\x00", "looks like a binary file"),
    ],
)
def test_a_file_that_is_not_copy_is_refused_with_the_reason(tmp_path, content, message):
    path = tmp_path / "copy.txt"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        _run(str(path))


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    missing = tmp_path / "missing.txt"

    with pytest.raises(CommandError, match=r"missing\.txt: cannot read the file"):
        _run(str(missing))


def test_a_file_over_the_import_limit_is_refused(tmp_path, settings):
    settings.NEWSROOM_MAX_IMPORT_BYTES = 10
    path = tmp_path / "copy.txt"
    path.write_text("A paragraph that is longer than ten bytes.\n", encoding="utf-8")

    with pytest.raises(CommandError, match="over the limit"):
        _run(str(path))

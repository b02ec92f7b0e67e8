"""`manage.py reanchor_check TRIALS.json --json`: where annotations land after edits."""

import json

import pytest
from django.core.management import CommandError, call_command

from articles.text.anchoring import anchor_for_span

OLD = "Oil rose to 20 dlrs on Monday.\n\nPrices were 20 dlrs in May."


def _trial(id_, new_text, exact, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = OLD.index(exact, start + 1)
    anchor = anchor_for_span(OLD, start, start + len(exact))
    return {
        "id": id_,
        "old_text": OLD,
        "new_text": new_text,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
    }


def _run(tmp_path, trials, capsys):
    path = tmp_path / "trials.json"
    path.write_text(json.dumps(trials), encoding="utf-8")
    call_command("reanchor_check", str(path), "--json")
    return json.loads(capsys.readouterr().out)


def test_it_reports_state_and_offsets_for_each_trial(tmp_path, capsys):
    rewritten = OLD.replace("rose to 20", "rose to 21")
    deleted = OLD.replace("Oil rose to 20 dlrs on Monday.\n\n", "")
    out = _run(
        tmp_path,
        [
            _trial("shifted", "Breaking. " + OLD, "20 dlrs", nth=1),
            _trial("rewritten", rewritten, "20 dlrs"),
            _trial("gone", deleted, "20 dlrs"),
        ],
        capsys,
    )
    assert out == {
        "results": [
            {"id": "shifted", "state": "anchored", "start": 54, "end": 61},
            {"id": "rewritten", "state": "changed", "start": 12, "end": 19},
            {"id": "gone", "state": "orphaned", "start": None, "end": None},
        ]
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not UTF-8 JSON"),
        ('{"id": 1}', "must hold a JSON list"),
        ('[{"id": 1}]', "Trial 1 lacks old_text"),
        (
            '[{"id": 1, "old_text": "a", "new_text": "a", "exact": "a", "prefix": "",'
            ' "suffix": "", "start": "0", "end": 1}]',
            "start and end must be offsets",
        ),
    ],
)
def test_bad_input_gets_one_clear_message(tmp_path, content, message):
    path = tmp_path / "trials.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("reanchor_check", str(path), "--json")

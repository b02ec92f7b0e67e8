"""find_entities: the registry's mentions and unknown names in a file."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Entity, EntityAlias, IgnoredName

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    front = Entity.objects.create(kind="organisation", name="Vakhar Front")
    EntityAlias.objects.create(entity=front, text="VF-K")
    Entity.objects.create(kind="person", name="Dario Kestel Amun")
    Entity.objects.create(kind="place", name="Brunia")
    IgnoredName.objects.create(name="Kestovia", normalized="kestovia")
    return front


def test_prints_mentions_and_candidates_as_json(tmp_path, registry):
    text = "\ufeffBrunia\u2019s VF-K met Kestovia and Ilsa Marwen; Ilsa Marwen left."
    path = tmp_path / "copy.txt"
    path.write_bytes(text.encode("utf-8"))
    out = io.StringIO()
    call_command("find_entities", str(path), "--json", stdout=out)
    report = json.loads(out.getvalue())
    decoded = text[1:]  # offsets count characters of the text without its BOM
    assert report["mentions"] == [
        {"entity": "Brunia", "kind": "place", "start": 0, "end": 6, "text": "Brunia"},
        {
            "entity": "Vakhar Front",
            "kind": "organisation",
            "start": decoded.index("VF-K"),
            "end": decoded.index("VF-K") + 4,
            "text": "VF-K",
        },
    ]
    assert report["candidates"] == [{"text": "Ilsa Marwen", "count": 2}]


def test_a_registry_change_is_seen_by_the_next_run(tmp_path, registry):
    path = tmp_path / "copy.txt"
    path.write_text("Ilsa Marwen spoke.", encoding="utf-8")
    out = io.StringIO()
    call_command("find_entities", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())["mentions"] == []
    Entity.objects.create(kind="person", name="Ilsa Marwen")
    out = io.StringIO()
    call_command("find_entities", str(path), "--json", stdout=out)
    assert [m["entity"] for m in json.loads(out.getvalue())["mentions"]] == [
        "Ilsa Marwen"
    ]


def test_prints_a_table_without_json(tmp_path, registry):
    path = tmp_path / "copy.txt"
    path.write_text("Amun met Ilsa Marwen.", encoding="utf-8")
    out = io.StringIO()
    call_command("find_entities", str(path), stdout=out)
    assert "1  Ilsa Marwen" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), (b"", "empty"), (b"\xff\xfe", "not UTF-8")],
)
def test_reports_unreadable_files(tmp_path, content, message):
    path = tmp_path / "copy.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("find_entities", str(path))

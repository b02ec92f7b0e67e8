"""Importing raw copy: byte for byte, once; bad input refused, nothing written."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import AuditEntry, SourceDocument
from articles.services.imports import RawCopyError, source_document_import

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:articles_sourcedocument_import")
BAD_INPUTS = {
    "empty": (b"", "The file is empty"),
    "binary": (b"PK\x03\x04\x00\x00zip", "binary file (a NUL byte at byte 4)"),
    "latin-1": ("Caf\xe9\n".encode("latin-1"), "not UTF-8 text: byte 3 (0xe9)"),
}


def test_the_original_is_stored_byte_for_byte(editor):
    data = b"\xef\xbb\xbfHeadline\r\n\r\nBody with \xe2\x80\x9cquotes\xe2\x80\x9d.\r\n"
    result = source_document_import(data=data, filename="../in/story.txt", by=editor)
    document = SourceDocument.objects.get()
    assert result.created
    assert bytes(document.content) == data
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)
    assert document.filename == "story.txt"
    assert document.imported_by == editor
    assert document.lines == ["Headline", "", "Body with “quotes”."]
    assert AuditEntry.objects.filter(action="import", actor=editor).count() == 1


def test_identical_bytes_return_the_existing_document(editor):
    first = source_document_import(data=b"Copy\n", filename="a.txt", by=editor)
    again = source_document_import(data=b"Copy\n", filename="b.txt", by=editor)
    assert not again.created
    assert again.document == first.document
    assert "same bytes" in again.message
    assert SourceDocument.objects.count() == 1


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_service_refuses_bad_input_and_writes_nothing(name, editor):
    data, message = BAD_INPUTS[name]
    with pytest.raises(RawCopyError) as excinfo:
        source_document_import(data=data, filename="x.txt", by=editor)
    assert message in str(excinfo.value)
    assert not SourceDocument.objects.exists()
    assert not AuditEntry.objects.exists()


def test_oversized_input_names_the_limit(settings, editor):
    settings.NEWSROOM_MAX_IMPORT_BYTES = 2048
    with pytest.raises(RawCopyError, match="over the limit of 2 KB"):
        source_document_import(data=b"x" * 2049, filename="big.txt", by=editor)
    assert not SourceDocument.objects.exists()


def test_cli_imports_files_and_reports_reimports(tmp_path, capsys):
    path = tmp_path / "copy.txt"
    path.write_bytes(b"One story\n")
    call_command("import_copy", str(path))
    call_command("import_copy", str(path))
    out = capsys.readouterr().out.splitlines()
    assert "Imported" in out[0]
    assert "nothing new was imported" in out[1]
    assert SourceDocument.objects.count() == 1


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_cli_refuses_bad_input_with_one_line(name, tmp_path):
    data, message = BAD_INPUTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError) as excinfo:
        call_command("import_copy", str(path))
    assert str(excinfo.value) == f"{path}: " + str(excinfo.value).split(": ", 1)[1]
    assert message in str(excinfo.value)
    assert "\n" not in str(excinfo.value)
    assert not SourceDocument.objects.exists()


def test_cli_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("import_copy", str(tmp_path / "nope.txt"))


def test_cli_exits_non_zero_with_the_reason_on_stderr(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "manage.py", "import_copy", str(path)],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        },
        check=False,
    )
    assert run.returncode != 0
    assert run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        f"CommandError: {path}: The file is empty: there is no copy to import."
    ]


def test_admin_upload_imports_and_opens_the_document(editor_client):
    upload = SimpleUploadedFile(
        "story.txt", b"Headline\n\nBody.\n", content_type="text/plain"
    )
    response = editor_client.post(IMPORT_URL, {"file": upload}, follow=True)
    document = SourceDocument.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_sourcedocument_change", args=[document.pk]
    )
    assert "Imported “story.txt”" in response.content.decode()


def test_admin_paste_imports_the_text(editor_client):
    response = editor_client.post(
        IMPORT_URL, {"text": "Pasted headline\n\nPasted body.", "filename": "wire.txt"}
    )
    assert response.status_code == 302
    document = SourceDocument.objects.get()
    assert bytes(document.content) == b"Pasted headline\n\nPasted body."
    assert document.filename == "wire.txt"


def test_admin_reimport_says_it_found_the_existing_document(editor_client):
    source_document_import(data=b"Same copy\n", filename="first.txt", by=None)
    upload = SimpleUploadedFile("second.txt", b"Same copy\n")
    response = editor_client.post(IMPORT_URL, {"file": upload}, follow=True)
    assert "same bytes as a document imported" in response.content.decode()
    assert SourceDocument.objects.count() == 1


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_admin_form_shows_the_problem_and_writes_nothing(name, editor_client):
    data, message = BAD_INPUTS[name]
    upload = SimpleUploadedFile(f"{name}.txt", data)
    response = editor_client.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].non_field_errors())
    assert not SourceDocument.objects.exists()


def test_admin_form_refuses_an_oversized_upload(settings, editor_client):
    settings.NEWSROOM_MAX_IMPORT_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", b"x" * 5000)
    response = editor_client.post(IMPORT_URL, {"file": upload})
    errors = " ".join(response.context["form"].non_field_errors())
    assert "The file is 5 KB, over the limit of 1 KB" in errors
    assert not SourceDocument.objects.exists()


def test_admin_form_needs_exactly_one_of_file_or_text(editor_client):
    response = editor_client.post(IMPORT_URL, {})
    assert "Choose a file to upload or paste the copy." in response.content.decode()
    upload = SimpleUploadedFile("a.txt", b"file\n")
    response = editor_client.post(IMPORT_URL, {"file": upload, "text": "pasted"})
    assert "not both" in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_admin_shows_the_original_escaped(editor_client):
    result = source_document_import(
        data=b"<script>alert(1)</script>\n", filename="x.txt", by=None
    )
    response = editor_client.get(
        reverse("admin:articles_sourcedocument_change", args=[result.document.pk])
    )
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html

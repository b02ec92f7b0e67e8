"""An editor imports copy through the admin in a real browser."""

from pathlib import Path

import pytest

from articles.models import SourceDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_uploads_copy_and_sees_it_line_by_line(
    login, live_server, editor, tmp_path
):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Floods close the coast road\n\nHeavy rain <b>closed</b> the road.\n"
    )
    page = login(editor)
    page.goto(f"{live_server.url}/admin/articles/sourcedocument/")
    page.click("text=Import copy")
    page.set_input_files("#id_file", str(path))
    page.click("input[value=Import]")
    page.wait_for_selector(".messagelist")
    assert "Imported “wire.txt”" in page.inner_text(".messagelist")
    lines = page.locator("ol.source-lines li").all_inner_texts()
    assert lines == [
        "Floods close the coast road",
        "",
        "Heavy rain <b>closed</b> the road.",
    ]
    assert bytes(SourceDocument.objects.get().content) == path.read_bytes()


def test_editor_is_told_what_is_wrong_with_a_binary_file(
    login, live_server, editor, tmp_path
):
    path = Path(tmp_path / "photo.txt")
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    page = login(editor)
    page.goto(f"{live_server.url}/admin/articles/sourcedocument/import/")
    page.set_input_files("#id_file", str(path))
    page.click("input[value=Import]")
    assert "binary file" in page.inner_text(".errornote")
    assert not SourceDocument.objects.exists()

"""Clean, original news copy (written for these tests) on which no check may fire.

Each file in data/clean_*.txt is one source: stories separated by a line "---",
each story a body as the app stores it (paragraphs separated by blank lines,
sub-headings marked "## "). The copy is deliberately close to what the checks look
for (titles repeated, quotations over several paragraphs, weekdays with dates,
ordinals, a listing stated twice) without being wrong.
"""

from pathlib import Path

from articles.text.checks.base import Paragraph
from articles.text.paragraphs import paragraphs_from_body

DATA = Path(__file__).parent / "data"


def source(*bodies: str) -> list[Paragraph]:
    """The paragraphs of a source made of these story bodies, story 0 first."""
    paragraphs: list[Paragraph] = []
    for index, body in enumerate(bodies):
        paragraphs.extend(paragraphs_from_body(body, story=index))
    return paragraphs


def _load(path: Path) -> list[Paragraph]:
    text = path.read_text(encoding="utf-8")
    return source(*(story.strip() for story in text.split("\n---\n")))


CLEAN_SOURCES: dict[str, list[Paragraph]] = {
    path.stem.removeprefix("clean_"): _load(path)
    for path in sorted(DATA.glob("clean_*.txt"))
}

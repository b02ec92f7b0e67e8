"""An article body's structure: paragraphs separated by blank lines, "## " sub-headings."""

from dataclasses import dataclass

SUBHEADING_PREFIX = "## "


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" | "subheading"
    text: str
    start: int  # character offset of `text` in the body
    end: int


def body_blocks(body: str) -> tuple[Block, ...]:
    """The body's paragraphs and sub-headings in order, with their offsets in `body`."""
    blocks = []
    position = 0
    for chunk in body.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            offset = position + chunk.index(stripped)
            if stripped.startswith(SUBHEADING_PREFIX):
                text = stripped[len(SUBHEADING_PREFIX) :].strip()
                start = offset + stripped.index(text) if text else offset
                blocks.append(Block("subheading", text, start, start + len(text)))
            else:
                blocks.append(Block("paragraph", stripped, offset, offset + len(stripped)))
        position += len(chunk) + 2
    return tuple(blocks)

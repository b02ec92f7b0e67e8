"""Decide whether raw bytes are importable copy, and decode them to text.

The bytes themselves are stored untouched elsewhere; this module only says what is
wrong with them, in words an editor can act on, or returns the decoded text.
"""

from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"


class RawCopyError(ValueError):
    """The bytes cannot be imported as copy; the message says why and what to do."""


@dataclass(frozen=True)
class DecodedCopy:
    text: str
    had_bom: bool
    line_ending: str  # "\n", "\r\n" or "mixed"


def decode_raw_copy(data: bytes, *, max_bytes: int) -> DecodedCopy:
    """Return the copy's text (BOM removed, line ends as in the file).

    Raises RawCopyError for empty, oversized, binary or non-UTF-8 input.
    """
    check_size(len(data), max_bytes=max_bytes)
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    if not body.strip():
        raise RawCopyError("The file is empty: there is no copy to import.")
    nul = body.find(b"\x00")
    if nul != -1:
        raise RawCopyError(
            "This looks like a binary file "
            f"(a NUL byte at byte {nul + len(data) - len(body)}): "
            "import plain text (.txt) only."
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(body)
        raise RawCopyError(
            f"The file is not UTF-8 text: byte {offset} (0x{data[offset]:02x}) "
            "cannot be decoded. Save it as UTF-8 and import it again."
        ) from None
    crlf = text.count("\r\n")
    lf = text.count("\n")
    ending = "\n" if crlf == 0 else ("\r\n" if crlf == lf else "mixed")
    return DecodedCopy(text=text, had_bom=len(body) != len(data), line_ending=ending)


def check_size(size: int, *, max_bytes: int) -> None:
    """Raise RawCopyError when `size` bytes is over the import limit."""
    if size > max_bytes:
        raise RawCopyError(
            f"The file is {_human_size(size)}, over the limit of "
            f"{_human_size(max_bytes)}: split it into smaller files."
        )


def copy_lines(text: str) -> list[str]:
    """The copy's lines without their line ends (CRLF, LF or CR)."""
    return text.splitlines()


def _human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"

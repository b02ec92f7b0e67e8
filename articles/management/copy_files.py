"""What the commands that read a raw copy file share: the arguments and the reading."""

from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from articles.text.rawcopy import RawCopyError, decode_raw_copy


def add_copy_file_arguments(parser: ArgumentParser, *, json_help: str) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help=json_help)


def read_copy_file(path: Path) -> str:
    """The file's text, as import would read it; CommandError saying what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: cannot read the file ({exc.strerror}).") from None
    try:
        return decode_raw_copy(data, max_bytes=settings.NEWSROOM_MAX_IMPORT_BYTES).text
    except RawCopyError as exc:
        raise CommandError(f"{path}: {exc}") from None

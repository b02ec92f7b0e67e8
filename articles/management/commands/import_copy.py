"""python manage.py import_copy PATH [PATH ...]: store raw copy files byte for byte."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.services.imports import RawCopyError, source_document_import


class Command(BaseCommand):
    help = "Import raw copy files. Identical bytes are imported once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    def handle(self, *args, paths: list[Path], **options) -> None:
        failures = []
        for path in paths:
            try:
                data = path.read_bytes()
                result = source_document_import(data=data, filename=path.name, by=None)
            except OSError as exc:
                failures.append(f"{path}: cannot read the file ({exc.strerror}).")
                continue
            except RawCopyError as exc:
                failures.append(f"{path}: {exc}")
                continue
            self.stdout.write(
                f"{path}: {result.message} (document {result.document.pk})"
            )
        if failures:
            raise CommandError("\n".join(failures))

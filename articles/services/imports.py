"""Importing raw copy: stored byte for byte, once per distinct content."""

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from articles.models import SourceDocument
from articles.services.audit import audit_record
from articles.text.rawcopy import RawCopyError, decode_raw_copy

__all__ = ["ImportResult", "RawCopyError", "source_document_import"]


@dataclass(frozen=True)
class ImportResult:
    document: SourceDocument
    created: bool  # False when identical bytes had been imported before

    @property
    def message(self) -> str:
        if self.created:
            return f"Imported “{self.document.filename}” ({self.document.size} bytes)."
        return (
            f"“{self.document.filename}” holds the same bytes as a document imported "
            f"on {self.document.imported_at:%Y-%m-%d %H:%M}: nothing new was imported."
        )


def source_document_import(
    *, data: bytes, filename: str, by: AbstractBaseUser | None
) -> ImportResult:
    """Store `data` untouched as a SourceDocument, or return the one with these bytes.

    Raises RawCopyError (nothing written) when the bytes are not importable copy.
    """
    decode_raw_copy(data, max_bytes=settings.NEWSROOM_MAX_IMPORT_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(sha256=digest).first()
    if existing is not None:
        return ImportResult(document=existing, created=False)
    name = PurePath(filename).name[:255] or "pasted copy"
    try:
        with transaction.atomic():
            document = SourceDocument.objects.create(
                content=data,
                sha256=digest,
                filename=name,
                size=len(data),
                imported_by=by if by is not None and by.is_authenticated else None,
            )
            audit_record(
                actor=by, action="import", obj=document, data={"sha256": digest}
            )
    except IntegrityError:
        # Someone imported the same bytes between our lookup and our insert.
        return ImportResult(
            document=SourceDocument.objects.get(sha256=digest), created=False
        )
    return ImportResult(document=document, created=True)

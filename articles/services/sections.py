"""Section writes: rename and move a section, and move an article to another section.

Each is audited and reaches the live payloads (which carry the section's name and
path): one article is re-rendered at once; a section's live articles, whose number
grows with the archive, are re-rendered by a background job.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F

from articles.models import Article, BackgroundJob, Section
from articles.services.audit import audit_record
from articles.services.jobs import republish_job_request
from articles.services.locking import article_lock
from articles.services.publishing import public_article_refresh, public_version_bump

__all__ = ["SectionError", "article_section_change", "section_update"]


class SectionError(Exception):
    """The section write was refused; the message says why. Nothing was written."""


def _require(by: AbstractBaseUser | None, codename: str) -> None:
    if by is not None and not by.has_perm(f"articles.{codename}"):
        raise SectionError("You do not have permission to change sections.")


def section_update(
    *,
    section: Section,
    by: AbstractBaseUser | None,
    name: str | None = None,
    slug: str | None = None,
    parent: Section | bool | None = False,
) -> tuple[Section, BackgroundJob | None]:
    """Rename or move a section (`parent=False` leaves it where it is).

    Returns the section and the job re-rendering its live articles (and those of
    its sub-sections), None when nothing public changed. Raises SectionError for a
    blank name, a taken slug, or a parent inside the section itself.
    """
    _require(by, "change_section")
    with transaction.atomic():
        locked = Section.objects.select_for_update().get(pk=section.pk)
        wanted: dict[str, object] = {}
        if name is not None:
            name = " ".join(name.split())
            if not name:
                raise SectionError("A section's name cannot be blank.")
            wanted["name"] = name
        if slug is not None:
            if Section.objects.filter(slug=slug).exclude(pk=locked.pk).exists():
                raise SectionError(f"The slug {slug} belongs to another section.")
            wanted["slug"] = slug
        if parent is not False:
            _check_parent(locked, parent)  # type: ignore[arg-type]
            wanted["parent_id"] = parent.pk if parent else None  # type: ignore[union-attr]
        changes = {
            key: [getattr(locked, key), value]
            for key, value in wanted.items()
            if value != getattr(locked, key)
        }
        if not changes:
            return locked, None
        for key, (_, value) in changes.items():
            setattr(locked, key, value)
        if (
            "name" in changes
            and Section.objects.filter(parent_id=locked.parent_id, name=locked.name)
            .exclude(pk=locked.pk)
            .exists()
        ):
            raise SectionError(f"There is already a section called {locked.name} here.")
        locked.save(update_fields=list(changes))
        if changes.keys() & {"slug", "parent_id"}:
            # What `?section=` lists changed now, not when the job re-renders:
            # move the version, so that no ETag or kept page says otherwise.
            public_version_bump()
        audit_record(actor=by, action="section_update", obj=locked, data=changes)
        job = republish_job_request(
            section_id=locked.pk, target=f"section {locked.slug}"
        )
    return locked, job


def _check_parent(section: Section, parent: Section | None) -> None:
    ancestor = parent
    while ancestor is not None:
        if ancestor.pk == section.pk:
            raise SectionError("A section cannot be inside itself.")
        ancestor = ancestor.parent


def article_section_change(
    *, article: Article, section: Section | None, by: AbstractBaseUser | None
) -> Article:
    """Move an article to another section; a live one is re-rendered at once.

    Bumps the article's version, so an edit form opened before the move conflicts.
    Returns the article. Raises SectionError; nothing is written then.
    """
    if by is not None and not by.has_perm("articles.change_article"):
        raise SectionError("You do not have permission to move articles.")
    with transaction.atomic():
        locked = article_lock(pk=article.pk, related=("section",))
        new_id = section.pk if section is not None else None
        if locked.section_id == new_id:
            return locked
        previous, previous_id = locked.section, locked.section_id
        locked.section = section
        locked.version = F("version") + 1
        locked.save(update_fields=["section", "version", "updated_at"])
        locked.refresh_from_db(fields=["version"])
        audit_record(
            actor=by,
            action="article_section_change",
            obj=locked,
            note=f"{previous or 'no section'} → {section or 'no section'}",
            data={"section": [previous_id, new_id]},
        )
        if locked.is_live:
            public_article_refresh(article=locked)
    return locked

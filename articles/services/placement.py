"""Moving an article to another section: the one field of an article an editor sets
directly, outside the workflow and the text."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F

from articles.models import Article, Section
from articles.services.audit import audit_record
from articles.services.locking import article_lock
from articles.services.publishing import public_article_refresh


class PlacementRefused(Exception):
    """The move was refused; the message says why."""


def article_section_change(
    *, article: Article, section: Section | None, by: AbstractBaseUser
) -> Article:
    """Put `article` in `section`; a live article's public copy follows at once.

    Returns the article. Raises PlacementRefused; nothing is written then.
    """
    if not by.has_perm("articles.change_article"):
        raise PlacementRefused("You do not have permission to move articles.")
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
            action="move_section",
            obj=locked,
            note=f"{previous or 'no section'} → {section or 'no section'}",
            data={"from": previous_id, "to": new_id},
        )
        if locked.is_live:
            public_article_refresh(article=locked)
    return locked

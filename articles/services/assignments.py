"""Giving an article in review to a reviewer: assigned by an editor, or claimed."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Assignment
from articles.models.stories import ArticleStatus
from articles.services.audit import audit_record
from articles.services.locking import article_lock


class AssignmentRefused(Exception):
    """An assignment was refused; the message says why."""


def article_assign(
    *, article: Article, reviewer: AbstractBaseUser, by: AbstractBaseUser
) -> Assignment:
    """Give the article in review to `reviewer` (an editor's decision); return it.

    Raises AssignmentRefused.
    """
    if not by.has_perm("articles.approve_article"):
        raise AssignmentRefused(
            "Only an editor who may approve can assign articles to reviewers."
        )
    return _assign(article, reviewer, by)


def article_claim(*, article: Article, by: AbstractBaseUser) -> Assignment:
    """Take an unclaimed article in review for oneself; return the assignment.

    Raises AssignmentRefused when it is someone else's already.
    """
    return _assign(article, by, by, claim=True)


def article_unassign(*, article: Article, by: AbstractBaseUser) -> None:
    """Put the article back among the unclaimed (its reviewer, or an editor)."""
    with transaction.atomic():
        locked = article_lock(pk=article.pk)
        current = Assignment.objects.filter(article=locked).first()
        if current is None:
            raise AssignmentRefused(f"“{locked.headline}” is not assigned to anyone.")
        if current.reviewer_id != by.pk and not by.has_perm("articles.approve_article"):
            raise AssignmentRefused(
                f"“{locked.headline}” is {current.reviewer}'s: only they or an editor "
                "can release it."
            )
        reviewer = str(current.reviewer)
        current.delete()
        audit_record(
            actor=by, action="unassign", obj=locked, note=f"released by {reviewer}"
        )


def _assign(
    article: Article,
    reviewer: AbstractBaseUser,
    by: AbstractBaseUser,
    claim: bool = False,
) -> Assignment:
    if not reviewer.has_perm("articles.review_article"):
        raise AssignmentRefused(f"{reviewer} is not a reviewer.")
    with transaction.atomic():
        locked = article_lock(pk=article.pk)
        if locked.status != ArticleStatus.IN_REVIEW:
            raise AssignmentRefused(
                f"“{locked.headline}” is not in review: only an article in review "
                "can be assigned."
            )
        current = Assignment.objects.select_for_update().filter(article=locked).first()
        if current is not None and current.reviewer_id == reviewer.pk:
            raise AssignmentRefused(f"“{locked.headline}” is already {reviewer}'s.")
        if claim and current is not None:
            raise AssignmentRefused(
                f"“{locked.headline}” is already claimed by {current.reviewer}."
            )
        if current is None:
            current = Assignment(article=locked)
        current.reviewer = reviewer
        current.assigned_by = by
        current.assigned_at = timezone.now()
        current.save()
        audit_record(
            actor=by,
            action="claim" if claim else "assign",
            obj=locked,
            note="" if claim else f"to {reviewer}",
            data={"reviewer": reviewer.pk},
        )
    return current

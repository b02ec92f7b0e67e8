"""Deleting articles: the one way an article row goes.

An article is the record of what the desk did with the copy, so nothing public is
ever deleted (a published article is retracted); splitting a document again
replaces its unedited drafts, and that goes through here. A plain cascade would
delete the articles' stored candidate names and leave the per-name totals counting
them: here the names leave the totals in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from articles.models import Article
from articles.services.candidates import candidates_forget_articles
from articles.services.locking import articles_lock

__all__ = ["articles_delete"]


def articles_delete(*, article_ids: Iterable[int]) -> int:
    """Delete these never-published articles and what hangs on them; how many.

    The articles are locked first, in id order, as every service takes them, so a
    relink storing their candidates meanwhile either finishes first or finds them
    gone. Raises ValueError for an article that was ever published.
    """
    with transaction.atomic():
        locked = articles_lock(pks=article_ids)
        published = [a.pk for a in locked if a.published_revision_id is not None]
        if published:
            raise ValueError(
                f"Published articles are retracted, not deleted: {published}"
            )
        ids = [article.pk for article in locked]
        candidates_forget_articles(article_ids=ids)
        doomed = Article.objects.filter(pk__in=ids)
        # An article points at its own revisions (PROTECT): let go before deleting.
        doomed.update(current_revision=None, approved_revision=None)
        doomed.delete()
    return len(ids)

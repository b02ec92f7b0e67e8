"""Locking an article row and reading it, and what it points to, as it is now."""

from collections.abc import Iterable

from articles.models import Article


def article_lock(*, pk: int, related: tuple[str, ...] = ()) -> Article:
    """Lock the article row (inside the caller's transaction) and return it fresh.

    The lock is taken by one statement and the row read by the next. One statement
    doing both (`select_for_update().select_related(...)`) is wrong on PostgreSQL:
    when it waited for another transaction's lock, it re-reads the locked row but
    joins it to the rows its own snapshot saw, so a revision saved by the winner
    comes back as None. Raises Article.DoesNotExist.
    """
    if not Article.objects.select_for_update().filter(pk=pk).exists():
        raise Article.DoesNotExist(f"Article {pk} does not exist.")
    return Article.objects.select_related(*related).get(pk=pk)


def articles_lock(*, pks: Iterable[int]) -> list[Article]:
    """Lock these article rows in id order (inside the caller's transaction) and
    return them as they are now, in id order.

    For a batch that rewrites several articles' public representation: it takes the
    articles first, as every one-article service does, and only then the public
    rows and the public version, so it never holds those while waiting for an
    article that a publishing editor holds (who waits for the public version).
    """
    return list(
        Article.objects.select_for_update().filter(pk__in=set(pks)).order_by("pk")
    )

"""Locking an article row and reading it, and what it points to, as it is now."""

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

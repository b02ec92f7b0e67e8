"""What the automated checks need beyond the copy: the registry's names and the desk's
published articles about the same entities."""

from collections.abc import Sequence

from articles.models import Article, EntityAlias, Mention
from articles.models.stories import ArticleStatus
from articles.text.checks.base import CheckContext, PublishedArticle
from articles.text.paragraphs import paragraphs_from_body

# A draft is compared with at most this many published articles, the most recent
# that mention one of its entities: the desk's memory, bounded.
PUBLISHED_COMPARED = 20


def check_context_for(
    *, articles: Sequence[Article], limit: int = PUBLISHED_COMPARED
) -> CheckContext:
    """The aliases of the entities these articles mention, and the published articles
    (not among them) that mention one of those entities, most recent first.

    Two queries, however many articles and entities there are.
    """
    revision_ids = [a.current_revision_id for a in articles if a.current_revision_id]
    entity_ids = Mention.objects.filter(revision_id__in=revision_ids).values(
        "entity_id"
    )
    aliases = {
        text: name
        for text, name in EntityAlias.objects.filter(
            entity_id__in=entity_ids
        ).values_list("text", "entity__name")
        if text != name
    }
    published = (
        Article.objects.filter(
            status=ArticleStatus.PUBLISHED,
            published_revision_id__in=Mention.objects.filter(
                entity_id__in=entity_ids
            ).values("revision_id"),
        )
        .exclude(pk__in=[a.pk for a in articles])
        .select_related("published_revision")
        .order_by("-published_at", "-pk")[:limit]
    )
    return CheckContext(
        aliases=aliases,
        published=tuple(
            PublishedArticle(
                label=article.published_revision.headline,
                paragraphs=tuple(
                    p.text
                    for p in paragraphs_from_body(article.published_revision.body)
                    if not p.heading
                ),
            )
            for article in published
        ),
    )

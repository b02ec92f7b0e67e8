"""Splitting a source document into draft articles, losslessly, in one transaction."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.text import slugify
from django.utils.translation import ngettext

from articles.models import Article, Revision, Section, SourceDocument
from articles.models.review import HUMAN_ORIGIN, AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.services.audit import audit_record
from articles.services.deletion import articles_delete
from articles.services.entities import revision_link_entities
from articles.services.jobs import source_document_checks_request
from articles.text.splitting import SplitError, StoryChoice, plan_split

__all__ = ["SplitError", "StoryPlan", "source_document_split"]


@dataclass(frozen=True)
class StoryPlan:
    """One story as the editor decided it: the text choice plus the desk's section."""

    choice: StoryChoice
    section: Section | None


def source_document_split(
    *, document: SourceDocument, stories: Sequence[StoryPlan], by: AbstractBaseUser
) -> list[Article]:
    """Create one draft article per story, each with revision 1 by `by`; return them.

    Splitting again replaces the document's articles while all are unedited drafts.
    Raises SplitError (nothing written) for an invalid split, or when that is no
    longer so.
    """
    with transaction.atomic():
        document = SourceDocument.objects.select_for_update().get(pk=document.pk)
        texts = plan_split(document.text, [story.choice for story in stories])
        replaced = _replaceable_articles(document)
        replaced_summary = [
            {"id": a.pk, "headline": a.headline, "lines": [a.first_line, a.last_line]}
            for a in replaced
        ]
        articles_delete(article_ids=[a.pk for a in replaced])
        articles = []
        for story, text in zip(stories, texts, strict=True):
            article = _create_with_unique_slug(
                source=document,
                first_line=text.first_line,
                last_line=text.last_line,
                dropped_lines=list(text.dropped_lines),
                headline=text.headline,
                section=story.section,
            )
            revision = Revision.objects.create(
                article=article,
                number=1,
                headline=text.headline,
                body=text.body,
                author=by,
                message=f"Split from {document.filename}, lines "
                f"{text.first_line}-{text.last_line}",
            )
            article.current_revision = revision
            article.save(update_fields=["current_revision"])
            revision_link_entities(revision=revision)
            articles.append(article)
        audit_record(
            actor=by,
            action="split",
            obj=document,
            note=ngettext(
                "%(count)d article from %(file)s",
                "%(count)d articles from %(file)s",
                len(articles),
            )
            % {"count": len(articles), "file": document.filename},
            data={
                "articles": [
                    {
                        "id": a.pk,
                        "headline": a.headline,
                        "lines": [a.first_line, a.last_line],
                        "dropped_lines": a.dropped_lines,
                    }
                    for a in articles
                ],
                "replaced": replaced_summary,
            },
        )
        source_document_checks_request(document=document)
    return articles


def _replaceable_articles(document: SourceDocument) -> list[Article]:
    """The document's articles, if splitting again may replace them; else SplitError."""
    articles = list(
        document.articles.select_related("current_revision")
        .annotate(
            # The checks' own open findings are made again after the split; a
            # person's annotation, or their decision on a finding, would be lost.
            annotation_count=Count(
                "annotations",
                filter=Q(annotations__origin=HUMAN_ORIGIN)
                | ~Q(annotations__status=AnnotationStatus.OPEN),
            )
        )
        .order_by("first_line")
    )
    for article in articles:
        if article.status != ArticleStatus.DRAFT:
            raise SplitError(
                f"“{article.headline}” is {article.get_status_display().lower()}: "
                "a document can be split again only while all its articles are drafts."
            )
        if article.current_revision and article.current_revision.number > 1:
            raise SplitError(
                f"“{article.headline}” has been edited since the split (revision "
                f"{article.current_revision.number}): splitting again would lose that "
                "work."
            )
        if article.annotation_count:
            raise SplitError(
                f"“{article.headline}” has annotations: splitting again would lose "
                "them."
            )
    return articles


def _create_with_unique_slug(*, headline: str, **fields) -> Article:
    """Create the article under the first free slug made from its headline.

    A concurrent split of another document may take the same slug between the check
    and the insert: the insert then fails in its savepoint and the next is tried.
    """
    base = slugify(headline)[:300] or "article"
    n = 1
    while True:
        slug = base if n == 1 else f"{base}-{n}"
        n += 1
        if Article.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Article.objects.create(headline=headline, slug=slug, **fields)
        except IntegrityError:
            if not Article.objects.filter(slug=slug).exists():
                raise  # another constraint: not a slug taken meanwhile

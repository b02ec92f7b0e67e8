"""Published articles for the API tests: through the real workflow, or fast.

`publish_via_workflow` submits, approves (by another editor) and publishes with the
workflow services; `published` sets an article's publication fields directly and
calls the same `public_article_refresh`, for tests that need many articles.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from articles.api.formats import ninjs_stored
from articles.models import (
    Annotation,
    Article,
    Entity,
    Mention,
    PublicArticle,
    Revision,
    Section,
)
from articles.models.review import AnnotationStatus
from articles.roles import EDITORS
from articles.search import public_search_index_many
from articles.services.entities import revision_link_entities
from articles.services.imports import source_document_import
from articles.services.publishing import (
    MentionValue,
    public_article_refresh,
    public_payload,
    public_search_text,
    public_version_bump,
)
from articles.services.review import annotation_create, annotation_dismiss
from articles.services.revisions import article_edit
from articles.services.splitting import StoryPlan, source_document_split
from articles.services.workflow import article_approve, article_publish, article_submit
from articles.text.entities import EntityMatcher, find_candidates
from articles.text.splitting import proposals_to_choices, suggest_split
from tests.factories import ArticleFactory, UserFactory

CONFIRMED_CANDIDATES = 25

BODY = (
    "The harbour authority opened a new ferry terminal on the river bank.\n\n"
    "## Opening day\n\n"
    "The mayor said the terminal would carry two thousand passengers a day."
)


def publish_via_workflow(article: Article, *, approver) -> Article:
    """Submit, approve and publish `article` with the workflow services."""
    author = article.current_revision.author
    article_submit(article=article, by=author)
    for annotation in Annotation.objects.filter(
        article=article, status=AnnotationStatus.OPEN, severity="blocking"
    ):
        annotation_dismiss(annotation=annotation, by=approver, reason="Not an issue.")
    article_approve(article=article, by=approver)
    return article_publish(article=article, by=approver)


def published(
    *,
    published_at: datetime.datetime | None = None,
    mentions: list[tuple] = (),
    **fields,
) -> Article:
    """A published article made without the workflow (fields set, then rendered).

    `mentions` are (entity, start, end) in the body of its revision 1.
    """
    fields.setdefault("body", BODY)
    author = fields.pop("author", None) or UserFactory(role=EDITORS)
    article = ArticleFactory(body__author=author, **fields)
    revision = article.current_revision
    for entity, start, end in mentions:
        Mention.objects.create(
            revision=revision,
            entity=entity,
            start=start,
            end=end,
            text=revision.body[start:end],
        )
    Article.objects.filter(pk=article.pk).update(
        status="published",
        approved_revision=revision,
        published_revision=revision,
        published_at=published_at or timezone.now(),
    )
    article.refresh_from_db()
    public_article_refresh(article=article)
    return article


def build_demo(*, editor, editor2, reviewer) -> list[Article]:
    """The demo as the desk makes it, with the real services, from the seed copy.

    Import every file in seeds/, accept the proposed split, confirm the names the
    desk proposes as entities and link them, publish every story (after a reviewer's
    public fact-check on the first one), then correct the first one and publish the
    correction. Returns the articles.
    """
    world = Section.objects.create(name="World", slug="world")
    asia = Section.objects.create(name="Asia", slug="asia", parent=world)
    articles = []
    for path in sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt")):
        document = source_document_import(
            data=path.read_bytes(), filename=path.name, by=editor
        ).document
        proposals = suggest_split(document.text)
        stories = [
            StoryPlan(choice=choice, section=asia)
            for choice in proposals_to_choices(proposals)
        ]
        articles += source_document_split(document=document, stories=stories, by=editor)
    _confirm_proposed_entities(articles)
    for article in articles:
        article.refresh_from_db()
        revision_link_entities(revision=article.current_revision)
    first = articles[0]
    first.refresh_from_db()
    body = first.current_revision.body
    quote = body.split(".")[0]
    annotation_create(
        article=first,
        by=reviewer,
        revision_id=first.current_revision_id,
        start=0,
        end=len(quote),
        exact=quote,
        kind="needs_source",
        severity="advisory",
        claim=quote,
        verdict="mostly_true",
        is_public=True,
    )
    for article in articles:
        article.refresh_from_db()
        publish_via_workflow(article, approver=editor2)
    first.refresh_from_db()
    revision = first.current_revision
    article_edit(
        article=first,
        by=editor,
        base_revision_id=revision.pk,
        headline=revision.headline,
        body=revision.body + "\n\nThis story was updated with a clarification.",
        correction="An earlier version left out a clarification.",
    )
    first.refresh_from_db()
    publish_via_workflow(first, approver=editor2)
    return articles


def _confirm_proposed_entities(articles: list[Article]) -> None:
    """What an editor does with the desk's proposals: confirm them as entities."""
    text = "\n\n".join(a.current_revision.body for a in articles)
    candidates = find_candidates(text, matcher=EntityMatcher.build([]))
    for candidate in candidates[:CONFIRMED_CANDIDATES]:
        Entity.objects.get_or_create(
            name=candidate.text, defaults={"kind": candidate.kind_hint or "other"}
        )


def bulk_published(
    count: int,
    *,
    section: Section | None = None,
    mentions: list[tuple] = (),
    body: str = BODY,
    start: datetime.datetime | None = None,
    prefix: str = "bulk",
) -> list[int]:
    """`count` published articles inserted in bulk, newest first a minute apart.

    Their payloads come from the same `public_payload` that publication uses; the
    rows are what `public_article_refresh` would write. Returns the article ids.
    """
    start = start or timezone.now()
    times = [start - datetime.timedelta(minutes=n) for n in range(count)]
    articles = Article.objects.bulk_create(
        Article(
            headline=f"{prefix} story {n}",
            slug=f"{prefix}-story-{n}",
            section=section,
            published_at=times[n],
        )
        for n in range(count)
    )
    revisions = Revision.objects.bulk_create(
        Revision(article=a, number=1, headline=a.headline, body=body) for a in articles
    )
    Mention.objects.bulk_create(
        Mention(revision=r, entity=e, start=s, end=t, text=body[s:t])
        for r in revisions
        for e, s, t in mentions
    )
    section_value = (
        {
            "id": section.pk,
            "name": section.name,
            "slug": section.slug,
            "path": str(section),
        }
        if section
        else None
    )
    values = [MentionValue(e.pk, e.name, e.kind, s, t) for e, s, t in mentions]
    entity_ids = {e.pk for e, _, _ in mentions}
    publish_in_bulk(
        articles,
        revisions,
        sections=[section_value] * count,
        mentions=[values] * count,
        entity_ids=[entity_ids] * count,
    )
    public_version_bump()
    return [a.pk for a in articles]


def publish_in_bulk(
    articles: list[Article],
    revisions: list[Revision],
    *,
    sections: list[dict | None],
    mentions: list[list[MentionValue]],
    entity_ids: list[set[int] | list[int]],
) -> list[PublicArticle]:
    """Mark saved articles published on their revision and write their public rows.

    The rows are what `public_article_refresh` would write, in bulk: one entry of
    `sections`, `mentions` and `entity_ids` per article. Shared by the API tests and
    the benchmarks, which need thousands of published articles.
    """
    for article, revision in zip(articles, revisions, strict=True):
        article.current_revision = article.approved_revision = revision
        article.published_revision = revision
        article.status = "published"
    Article.objects.bulk_update(
        articles,
        ["current_revision", "approved_revision", "published_revision", "status"],
    )
    publics = PublicArticle.objects.bulk_create(
        PublicArticle(
            article=a,
            revision=r,
            section=a.section,
            slug=a.slug,
            headline=a.headline,
            search_text=public_search_text(a.headline, r.body),
            payload=payload,
            ninjs=ninjs_stored(payload),
            published_at=a.published_at,
            updated_at=a.published_at,
        )
        for a, r, payload in zip(
            articles,
            revisions,
            (
                public_payload(
                    article_id=a.pk,
                    slug=a.slug,
                    headline=a.headline,
                    body=r.body,
                    section=section_value,
                    mentions=values,
                    corrections=[],
                    fact_checks=[],
                    published_at=a.published_at,
                    updated_at=a.published_at,
                    version=1,
                )
                for a, r, section_value, values in zip(
                    articles, revisions, sections, mentions, strict=True
                )
            ),
            strict=True,
        )
    )
    public_search_index_many(public_ids=[p.pk for p in publics])
    through = PublicArticle.entities.through
    through.objects.bulk_create(
        through(publicarticle_id=p.pk, entity_id=pk)
        for p, pks in zip(publics, entity_ids, strict=True)
        for pk in pks
    )
    return publics


def world_sections() -> list[Section]:
    """World and its four regions, for the benchmarks' archives."""
    world = Section.objects.create(name="World", slug="world")
    return [world] + [
        Section.objects.create(name=name, slug=name.lower(), parent=world)
        for name in ("Asia", "Europe", "Africa", "Americas")
    ]


def drafts_in_bulk(
    headlines: dict[int, str],
    bodies: dict[int, str],
    *,
    sections: list[Section],
    now: datetime.datetime,
) -> tuple[list[Article], list[Revision]]:
    """Article n (slug story-n, a minute older per n, sections in turn) with its
    revision 1, inserted in bulk, for each n of `headlines`."""
    articles = Article.objects.bulk_create(
        Article(
            headline=headline,
            slug=f"story-{n}",
            section=sections[n % len(sections)],
            published_at=now - datetime.timedelta(minutes=n),
        )
        for n, headline in headlines.items()
    )
    revisions = Revision.objects.bulk_create(
        Revision(article=a, number=1, headline=a.headline, body=bodies[n])
        for n, a in zip(headlines, articles, strict=True)
    )
    return articles, revisions

"""Rendering an article's public representation once, when its public state changes.

`public_article_refresh` is the one place that decides what downstream sites see of an
article: the pinned published revision, its section, the entities it mentions, the
public corrections already published and the published fact-checks. The API and the
feeds serve the stored result (`PublicArticle.payload`, and `ninjs`, the same as an
IPTC ninjs item); they never render per request.
"""

import bisect
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.api.formats import ninjs_stored
from articles.models import Article, PublicArticle, PublicVersion
from articles.models.review import AnnotationStatus, Verdict
from articles.search import public_search_index
from articles.services.distribution import public_change_record
from articles.services.locking import articles_lock
from articles.text.checks.base import Paragraph
from articles.text.paragraphs import paragraphs_from_body


@dataclass(frozen=True)
class MentionValue:
    """An entity mentioned at body[start:end] of the published revision."""

    entity_id: int
    name: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class FactCheckValue:
    """A published fact-check; `start`/`end` locate `quote` in the body when known."""

    id: int
    claim: str
    verdict: str
    quote: str
    start: int | None = None
    end: int | None = None


def public_article_refresh(
    *, article: Article, bump: bool = True
) -> PublicArticle | None:
    """Rebuild the stored public representation of `article`; bump the public version.

    Called on publish, correction and retraction. Returns None for an article that has
    never been published. A batch uses `public_articles_refresh_locked` instead.
    """
    rendering = _public_render(article)
    if rendering is None:
        return None
    with transaction.atomic():
        public, previous = _public_write(rendering)
        public_change_record(public=public, previous=previous, now=rendering.now)
        if bump:
            public_version_bump(now=rendering.now)
    return public


def public_articles_refresh_locked(*, articles: Sequence[Article]) -> list[int]:
    """Rebuild the live ones of these articles, which the caller has locked (in id
    order, in its transaction); one version bump for all. Their ids, in order.

    Every payload is built first, then every public row written, and only then
    the change records appended and the version bumped: the public version lock,
    which every publish, correction and retraction on the desk waits for (the first
    change record takes it), is held for those last inserts, not for the rendering
    and the rows. The locks go as everywhere: articles, public rows, the version.
    """
    renderings = [
        rendering
        for article in articles
        if article.is_live and (rendering := _public_render(article)) is not None
    ]
    if not renderings:
        return []
    with transaction.atomic():
        written = [
            (_public_write(rendering), rendering.now) for rendering in renderings
        ]
        for (public, previous), now in written:
            public_change_record(public=public, previous=previous, now=now)
        public_version_bump()
    return [rendering.article.pk for rendering in renderings]


@dataclass(frozen=True)
class _Rendering:
    """An article's public representation, built but not stored yet."""

    article: Article
    payload: dict[str, Any]
    ninjs: str
    search_text: str
    entity_ids: frozenset[int]
    published_at: datetime.datetime
    now: datetime.datetime


def _public_render(article: Article) -> _Rendering | None:
    """Build the public representation of the article's published revision (reads
    only, no lock); None if it has never been published."""
    article = Article.objects.select_related(
        "section", "section__parent", "published_revision"
    ).get(pk=article.pk)
    revision = article.published_revision
    if revision is None:
        return None
    now = timezone.now()
    published_at = article.published_at or now
    mentions = [
        MentionValue(m.entity_id, m.entity.name, m.entity.kind, m.start, m.end)
        for m in revision.mentions.select_related("entity").order_by("start", "end")
    ]
    # A correction becomes public with the revision that carries it.
    corrections = [
        (c.corrected_on, c.text)
        for c in article.corrections.filter(
            Q(revision__isnull=True) | Q(revision__number__lte=revision.number)
        ).order_by("corrected_on", "pk")
    ]
    fact_checks = [
        FactCheckValue(
            id=a.pk,
            claim=a.claim or a.exact,
            verdict=a.verdict,
            quote=a.exact,
            start=a.start if a.revision_id == revision.pk else None,
            end=a.end if a.revision_id == revision.pk else None,
        )
        for a in article.annotations.filter(
            is_public=True,
            created_on_revision__number__lte=revision.number,
        )
        .exclude(verdict="")
        .exclude(status=AnnotationStatus.DISMISSED)
        .order_by("start", "pk")
    ]
    section = article.section
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
    payload = public_payload(
        article_id=article.pk,
        slug=article.slug,
        headline=revision.headline,
        body=revision.body,
        section=section_value,
        mentions=mentions,
        corrections=corrections,
        fact_checks=fact_checks,
        published_at=published_at,
        updated_at=now,
        version=revision.number,
    )
    return _Rendering(
        article=article,
        payload=payload,
        ninjs=ninjs_stored(payload),
        search_text=public_search_text(revision.headline, revision.body),
        entity_ids=frozenset(m.entity_id for m in mentions),
        published_at=published_at,
        now=now,
    )


def _public_write(
    rendering: _Rendering,
) -> tuple[PublicArticle, dict[str, Any] | None]:
    """Write a rendering's public row and search index (in the caller's transaction,
    which appends its change record); the row, and what it held before."""
    article, payload, now = rendering.article, rendering.payload, rendering.now
    revision = article.published_revision
    previous = (
        PublicArticle.objects.filter(article=article)
        .values("payload", "retracted_at")
        .first()
    )
    public, _ = PublicArticle.objects.update_or_create(
        article=article,
        defaults={
            "revision": revision,
            "section": article.section,
            "slug": article.slug,
            "headline": revision.headline,
            "search_text": rendering.search_text,
            "payload": payload,
            "ninjs": rendering.ninjs,
            "published_at": rendering.published_at,
            "updated_at": now,
            "version": revision.number,
            "retracted_at": article.retracted_at,
            "retraction_notice": article.retraction_reason,
        },
    )
    public.entities.set(rendering.entity_ids)
    public_search_index(public_id=public.pk, text=public.search_text)
    return public, previous


def public_articles_republish(*, article_ids: Iterable[int]) -> int:
    """Rebuild the live ones of these articles, one version bump for all; the count.

    For a batch of a background job (a section or entity renamed): the caller's
    transaction holds the batch.
    """
    with transaction.atomic():
        return len(
            public_articles_refresh_locked(articles=articles_lock(pks=article_ids))
        )


def public_payload(
    *,
    article_id: int,
    slug: str,
    headline: str,
    body: str,
    section: dict[str, Any] | None,
    mentions: Iterable[MentionValue],
    corrections: Iterable[tuple[datetime.date, str]],
    fact_checks: Iterable[FactCheckValue],
    published_at: datetime.datetime,
    updated_at: datetime.datetime,
    version: int,
) -> dict[str, Any]:
    """The article as the API serves it (plain values in, a JSON-ready dict out).

    Entity spans and fact-check quotes are located by block: `block` is the index in
    `body` and `start`/`end` are offsets in that block's text.
    """
    blocks = paragraphs_from_body(body)
    entities: dict[int, dict[str, Any]] = {}
    for mention in mentions:
        span = _block_span(blocks, mention.start, mention.end)
        entry = entities.setdefault(
            mention.entity_id,
            {
                "id": mention.entity_id,
                "name": mention.name,
                "kind": mention.kind,
                "spans": [],
            },
        )
        if span is not None:
            entry["spans"].append(span)
    return {
        "id": article_id,
        "url": reverse("api:article-detail", args=[article_id]),
        "slug": slug,
        "headline": headline,
        "body": [
            {"type": "subheading" if block.heading else "paragraph", "text": block.text}
            for block in blocks
        ],
        "section": section,
        "entities": list(entities.values()),
        "published_at": published_at.isoformat(),
        "updated_at": updated_at.isoformat(),
        "version": version,
        "corrections": [
            {"date": date.isoformat(), "text": text} for date, text in corrections
        ],
        "fact_checks": [_fact_check(check, blocks) for check in fact_checks],
    }


def public_search_text(headline: str, body: str) -> str:
    """What `q` searches: the headline and the body's text without markup."""
    return "\n\n".join(
        [headline, *(block.text for block in paragraphs_from_body(body))]
    )


def public_version_bump(*, now: datetime.datetime | None = None) -> None:
    """Move the one-row version probe so that every ETag and Last-Modified changes.

    `changed_at` is the time of the change, never later than the clock (however many
    changes a second brings) and never earlier than the previous one. Validators
    round it up to the next whole second (`articles.api.caching`), so a response
    dated in the second of a change is never taken as newer than the change.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = PublicVersion.objects.select_for_update().filter(pk=1).first()
        if row is None:  # a database whose migration-made row was flushed (tests)
            PublicVersion.objects.create(pk=1, counter=1, changed_at=now)
            return
        row.counter += 1
        row.changed_at = max(now, row.changed_at)
        row.save(update_fields=["counter", "changed_at"])


def _block_span(
    blocks: Sequence[Paragraph], start: int, end: int
) -> dict[str, int] | None:
    """Where body[start:end] is, as a block index and offsets inside that block."""
    index = bisect.bisect_right([block.start for block in blocks], start) - 1
    if index < 0:
        return None
    block = blocks[index]
    if end > block.end:
        return None
    return {"block": index, "start": start - block.start, "end": end - block.start}


def _fact_check(check: FactCheckValue, blocks: Sequence[Paragraph]) -> dict[str, Any]:
    span = None
    if check.start is not None and check.end is not None:
        span = _block_span(blocks, check.start, check.end)
    if span is None:  # moved since it was made: find the quote in the published text
        for index, block in enumerate(blocks):
            offset = block.text.find(check.quote) if check.quote else -1
            if offset >= 0:
                span = {
                    "block": index,
                    "start": offset,
                    "end": offset + len(check.quote),
                }
                break
    return {
        "id": check.id,
        "claim": check.claim,
        "verdict": check.verdict,
        "verdict_label": Verdict(check.verdict).label,
        "quote": check.quote,
        "span": span,
    }

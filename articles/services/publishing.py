"""Rendering an article's public representation once, when its public state changes."""

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PublicArticle, PublicVersion
from articles.models.review import AnnotationStatus
from articles.text.body import body_blocks


def public_article_refresh(*, article: Article) -> PublicArticle | None:
    """Rebuild the stored public representation of `article` and bump the public version.

    Called on publish, correction and retraction. Returns None for an article that has
    never been published.
    """
    article = (
        Article.objects.select_related(
            "section", "section__parent", "published_revision"
        ).get(pk=article.pk)
    )
    revision = article.published_revision
    if revision is None:
        return None
    now = timezone.now()
    mentions = list(
        revision.mentions.select_related("entity").order_by("start", "end")
    )
    entities: dict[int, dict] = {}
    for mention in mentions:
        entry = entities.setdefault(
            mention.entity_id,
            {
                "id": mention.entity_id,
                "name": mention.entity.name,
                "kind": mention.entity.kind,
                "spans": [],
            },
        )
        entry["spans"].append([mention.start, mention.end])
    corrections = [
        {"text": c.text, "date": c.corrected_on.isoformat()}
        for c in article.corrections.order_by("corrected_on", "pk")
    ]
    fact_checks = [
        {
            "claim": a.claim or a.exact,
            "verdict": a.verdict,
            "verdict_label": a.get_verdict_display(),
            "quote": a.exact,
            "comment": a.comment,
            "evidence": a.evidence,
        }
        for a in article.annotations.filter(is_public=True)
        .exclude(verdict="")
        .exclude(status=AnnotationStatus.DISMISSED)
        .order_by("start", "pk")
    ]
    section = article.section
    payload = {
        "id": article.pk,
        "url": reverse("api:article-detail", args=[article.pk])
        if _api_installed()
        else f"/articles/{article.pk}/",
        "slug": article.slug,
        "headline": revision.headline,
        "body": [
            {"type": block.kind, "text": block.text} for block in body_blocks(revision.body)
        ],
        "section": {
            "id": section.pk,
            "name": section.name,
            "slug": section.slug,
            "path": str(section),
        }
        if section
        else None,
        "entities": list(entities.values()),
        "published_at": (article.published_at or now).isoformat(),
        "updated_at": now.isoformat(),
        "version": revision.number,
        "corrections": corrections,
        "fact_checks": fact_checks,
    }
    with transaction.atomic():
        public, _ = PublicArticle.objects.update_or_create(
            article=article,
            defaults={
                "revision": revision,
                "section": section,
                "slug": article.slug,
                "headline": revision.headline,
                "search_text": f"{revision.headline}\n\n{revision.body}",
                "payload": payload,
                "published_at": article.published_at or now,
                "updated_at": now,
                "version": revision.number,
                "retracted_at": article.retracted_at,
                "retraction_notice": article.retraction_reason,
            },
        )
        public.entities.set(list(entities))
        public_version_bump(now=now)
    return public


def public_version_bump(*, now=None) -> None:
    """Move the one-row version probe so that every ETag and Last-Modified changes."""
    now = now or timezone.now()
    updated = PublicVersion.objects.filter(pk=1).update(
        counter=F("counter") + 1, changed_at=now
    )
    if not updated:  # a database whose migration-made row was flushed (tests)
        PublicVersion.objects.get_or_create(pk=1, defaults={"counter": 1, "changed_at": now})


def _api_installed() -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse("api:article-detail", args=[1])
    except NoReverseMatch:
        return False
    return True

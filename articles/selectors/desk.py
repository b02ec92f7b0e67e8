"""Reads behind the desk home: the user's work at a glance, in a constant number of
queries however many articles there are."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles.models import (
    Annotation,
    Article,
    Recommendation,
    Revision,
    ScheduledAction,
    SourceDocument,
    Subscription,
)
from articles.models.distribution import ScheduledState
from articles.models.review import AnnotationStatus, Severity
from articles.models.stories import ArticleStatus
from articles.selectors.queues import RECENT_DAYS

User = AbstractBaseUser | AnonymousUser

CARDS_PER_GROUP = 30  # the most recently changed articles of each state
SOURCES_SHOWN = 20
DISABLED_SUBSCRIPTIONS_SHOWN = 10
SCHEDULED = "scheduled"  # the Scheduled column's key, beside the states

FILTERS = {
    "all": "Everything",
    "mine": "Mine (I wrote a revision)",
    "assigned": "Assigned to me",
}


@dataclass(frozen=True)
class CardGroup:
    """One column of the board: the articles in one state."""

    status: str
    title: str
    cards: list[Article]
    more: bool = False  # there are more than CARDS_PER_GROUP


@dataclass(frozen=True)
class DeskHome:
    sources: list[SourceDocument]
    groups: list[CardGroup] = field(default_factory=list)
    disabled_subscriptions: list[Subscription] = field(default_factory=list)


_GROUPS = (
    (ArticleStatus.DRAFT, "Drafts"),
    (ArticleStatus.IN_REVIEW, "In review"),
    (ArticleStatus.CHANGES_REQUESTED, "Changes requested"),
    (ArticleStatus.APPROVED, "Approved, to publish"),
    (SCHEDULED, "Scheduled"),
    (ArticleStatus.PUBLISHED, f"Published in the last {RECENT_DAYS} days"),
)


def desk_home(
    *,
    user: User,
    show: str = "all",
    section_id: int | None = None,
    now: datetime.datetime | None = None,
) -> DeskHome:
    """Source documents waiting to be split and the articles by state, each card with
    its section, the current revision's author, open blocking/advisory counts, its
    reviewer and the recommendations of its current revision. An article with a
    waiting scheduled action is in the Scheduled column (soonest first) instead of
    Approved or Published; for editors, the webhook subscribers that were disabled.
    """
    articles = _filtered(user=user, show=show, section_id=section_id)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RECENT_DAYS)
    waiting = ScheduledAction.objects.filter(
        article=OuterRef("pk"), state=ScheduledState.WAITING
    )
    groups, every_card = [], []
    for status, title in _GROUPS:
        if status == SCHEDULED:
            cards = _scheduled(articles.filter(Exists(waiting)), waiting)
        else:
            cards = articles.filter(status=status)
        if status in (ArticleStatus.APPROVED, ArticleStatus.PUBLISHED):
            cards = cards.filter(~Exists(waiting))
        if status == ArticleStatus.PUBLISHED:
            cards = cards.filter(published_at__gte=cutoff)
        cards = list(cards[: CARDS_PER_GROUP + 1])
        more = len(cards) > CARDS_PER_GROUP
        cards = cards[:CARDS_PER_GROUP]
        every_card.extend(cards)
        groups.append(CardGroup(status, title, cards, more))
    _attach_recommendations(every_card)
    sources = []
    if user.has_perm("articles.split_sourcedocument") and show == "all":
        sources = list(
            SourceDocument.objects.filter(
                ~Exists(Article.objects.filter(source_id=OuterRef("pk")))
            )
            .select_related("imported_by")
            .defer("content")
            .order_by("-imported_at", "-pk")[:SOURCES_SHOWN]
        )
    disabled = []
    if user.has_perm("articles.publish_article"):
        disabled = list(
            Subscription.objects.filter(is_active=False, disabled_at__isnull=False)
            .only("url", "disabled_at", "disabled_reason")
            .order_by("-disabled_at", "-pk")[:DISABLED_SUBSCRIPTIONS_SHOWN]
        )
    return DeskHome(sources=sources, groups=groups, disabled_subscriptions=disabled)


def _scheduled(articles: QuerySet[Article], waiting: QuerySet) -> QuerySet[Article]:
    """The cards with what their waiting action is, when, and who scheduled it (at
    most one waits per article, so each is one correlated subquery)."""

    def of_waiting(name: str, output_field) -> Subquery:
        return Subquery(waiting.values(name)[:1], output_field=output_field)

    return articles.annotate(
        scheduled_action=of_waiting("action", CharField()),
        scheduled_run_at=of_waiting("run_at", DateTimeField()),
        scheduled_by=of_waiting("scheduled_by__username", CharField()),
    ).order_by("scheduled_run_at", "pk")


def reviewers() -> QuerySet:
    """Active users who may review (by group or own permission), by username."""
    perm = Q(groups__permissions__codename="review_article") | Q(
        user_permissions__codename="review_article"
    )
    return (
        get_user_model()
        .objects.filter(perm, is_active=True)
        .distinct()
        .order_by("username")
    )


def _filtered(*, user: User, show: str, section_id: int | None) -> QuerySet[Article]:
    articles = (
        Article.objects.select_related(
            "section",
            "current_revision__author",
            "assignment__reviewer",
        )
        .defer("current_revision__body", "dropped_lines", "retraction_reason")
        .annotate(
            open_blocking=_open_count(Severity.BLOCKING),
            open_advisory=_open_count(Severity.ADVISORY),
        )
        .order_by("-updated_at", "-pk")
    )
    if show == "mine":
        articles = articles.filter(
            Exists(Revision.objects.filter(article=OuterRef("pk"), author_id=user.pk))
        )
    elif show == "assigned":
        articles = articles.filter(assignment__reviewer_id=user.pk)
    if section_id is not None:
        articles = articles.filter(section_id=section_id)
    return articles


def _open_count(severity: str) -> Coalesce:
    """The outer article's open annotations of `severity`: a correlated subquery, so
    it is counted only for the cards shown, not for every article of the state."""
    counts = (
        Annotation.objects.filter(
            article=OuterRef("pk"), status=AnnotationStatus.OPEN, severity=severity
        )
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _attach_recommendations(cards: list[Article]) -> None:
    """Set `card.recommended_by` to the recommendations of its current revision."""
    by_revision: dict[int, list[Recommendation]] = {}
    revisions = [c.current_revision_id for c in cards if c.current_revision_id]
    if revisions:
        for rec in (
            Recommendation.objects.filter(revision_id__in=revisions)
            .select_related("reviewer")
            .order_by("created_at", "pk")
        ):
            by_revision.setdefault(rec.revision_id, []).append(rec)
    for card in cards:
        card.recommended_by = by_revision.get(card.current_revision_id, [])

"""The desk's work queues per role, and their (capped) counts."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from articles.models import Article, Recommendation
from articles.models.stories import ArticleStatus

User = AbstractBaseUser | AnonymousUser

RECENT_DAYS = 7  # "recently published" looks back this far
COUNT_CAP = 1000  # a queue's count is exact up to this


@dataclass(frozen=True)
class QueueSpec:
    key: str  # the changelist's ?queue= value
    title: str
    description: str
    permission: str  # who sees the queue


@dataclass(frozen=True)
class Queue:
    """One queue as shown to a user: what it is and how many articles are in it."""

    key: str
    title: str
    description: str
    count: int
    more: bool = False  # there are more than `count` (COUNT_CAP)


QUEUES: tuple[QueueSpec, ...] = (
    QueueSpec(
        "review",
        "My review queue",
        "In review, assigned to you or unclaimed, and not yet recommended by you "
        "(for their current revision).",
        "articles.review_article",
    ),
    QueueSpec(
        "approval",
        "Waiting for approval",
        "In review: approve them or send them back.",
        "articles.approve_article",
    ),
    QueueSpec(
        "changes",
        "Changes requested",
        "Sent back to their authors for changes.",
        "articles.submit_article",
    ),
    QueueSpec(
        "published",
        "Recently published",
        f"Published in the last {RECENT_DAYS} days.",
        "articles.view_article",
    ),
)
QUEUES_BY_KEY = {spec.key: spec for spec in QUEUES}


def queues_for(*, user: User) -> list[QueueSpec]:
    """The queues `user`'s role works from (no counts, no queries)."""
    return [spec for spec in QUEUES if user.has_perm(spec.permission)]


def queue_condition(*, key: str, user: User, now: datetime.datetime | None = None) -> Q:
    """The filter selecting the articles in queue `key` for `user`.

    Raises KeyError for an unknown queue.
    """
    spec = QUEUES_BY_KEY[key]
    if spec.key == "review":
        return (
            Q(status=ArticleStatus.IN_REVIEW)
            & (Q(assignment__isnull=True) | Q(assignment__reviewer_id=user.pk))
            & ~Exists(_recommended_by(user))
        )
    if spec.key == "approval":
        return Q(status=ArticleStatus.IN_REVIEW)
    if spec.key == "changes":
        return Q(status=ArticleStatus.CHANGES_REQUESTED)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RECENT_DAYS)
    return Q(status=ArticleStatus.PUBLISHED, published_at__gte=cutoff)


def queue_articles(
    *, key: str, user: User, queryset: QuerySet[Article] | None = None
) -> QuerySet[Article]:
    """The articles in queue `key` for `user` (narrowing `queryset` if given)."""
    queryset = Article.objects.all() if queryset is None else queryset
    if key not in QUEUES_BY_KEY or not user.has_perm(QUEUES_BY_KEY[key].permission):
        return queryset.none()
    return queryset.filter(queue_condition(key=key, user=user))


def desk_queues(*, user: User) -> list[Queue]:
    """The queues of `user`'s role with their counts (none if the user has no queue).

    One query per queue, each reading at most COUNT_CAP + 1 rows through the
    (status, ...) indexes, so the index costs the same however large the archive
    (or a queue) grows: a longer queue shows as "1000+".
    """
    now = timezone.now()
    queues = []
    for spec in queues_for(user=user):
        matching = Article.objects.filter(
            queue_condition(key=spec.key, user=user, now=now)
        )
        count = matching.order_by()[: COUNT_CAP + 1].count()
        queues.append(
            Queue(
                key=spec.key,
                title=spec.title,
                description=spec.description,
                count=min(count, COUNT_CAP),
                more=count > COUNT_CAP,
            )
        )
    return queues


def _recommended_by(user: User) -> QuerySet[Recommendation]:
    """The user's recommendations of an outer article's current revision."""
    return Recommendation.objects.filter(
        revision_id=OuterRef("current_revision_id"), reviewer_id=user.pk
    )

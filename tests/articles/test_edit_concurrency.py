"""Two people writing the same thing at the same moment, many times over: the row
locks let one through, the other is told (the conflict page, a refusal), nothing is
lost and nothing answers 500.

Real threads, each with its own database connection, on PostgreSQL (SQLite has no
row locks: it serialises whole-database writes, so the race cannot be staged there).
"""

import time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Annotation, Article, AuditEntry, Revision
from articles.models.review import AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services import review, revisions, splitting
from articles.services.imports import source_document_import
from articles.services.splitting import SplitError, StoryPlan, source_document_split
from articles.text.splitting import StoryChoice
from tests.articles.concurrency import logged_in_client, race, skip_unless_postgresql
from tests.articles.workflow_helpers import article_in
from tests.factories import AnnotationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 20
HOLD = 0.15  # seconds the winner keeps the row locked


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql("PostgreSQL row locks (SELECT ... FOR UPDATE)")


def _slowly(monkeypatch, module) -> None:
    """Hold the lock a while inside each write, so that the two overlap."""
    record = module.audit_record

    def slow_record(**kwargs):
        time.sleep(HOLD)
        return record(**kwargs)

    monkeypatch.setattr(module, "audit_record", slow_record)


def test_two_editors_saving_from_the_same_revision(monkeypatch):
    _slowly(monkeypatch, revisions)
    first, second = UserFactory(role=EDITORS), UserFactory(role=EDITORS)
    clients = [logged_in_client(first), logged_in_client(second)]
    statuses, lost, errors = [], 0, 0
    for round_ in range(ROUNDS):
        article = article_in(ArticleStatus.IN_REVIEW)
        url = reverse("articles:edit", args=[article.pk])
        bodies = [f"Editor {n}'s text, round {round_}.\n\nMore." for n in (1, 2)]

        base = article.current_revision_id
        responses = race(
            *(
                lambda c=c, b=b, url=url, base=base: c.post(
                    url, {"base_revision_id": base, "headline": "Same", "body": b}
                )
                for c, b in zip(clients, bodies, strict=True)
            )
        )
        codes = sorted(r.status_code for r in responses)
        statuses.append(codes)
        errors += sum(code >= 500 for code in codes)
        saved = Revision.objects.filter(article=article).order_by("number")
        winners = [
            b for r, b in zip(responses, bodies, strict=True) if r.status_code == 302
        ]
        current = Article.objects.get(pk=article.pk).current_revision
        if len(winners) != 1 or saved.count() != 2 or current.body != winners[0]:
            lost += 1
        [loser] = [r for r in responses if r.status_code == 409]
        page = loser.content.decode()
        assert "saved revision 2 while you were editing" in page
        assert "Edit revision 2" in page

    print(f"\n{ROUNDS} rounds of two saves: {lost} lost updates, {errors} errors")
    assert (lost, errors) == (0, 0)
    assert statuses == [[302, 409]] * ROUNDS


def test_resolving_and_dismissing_one_annotation_at_once(monkeypatch):
    _slowly(monkeypatch, review)
    one, two = UserFactory(role=REVIEWERS), UserFactory(role=EDITORS)
    clients = [logged_in_client(one), logged_in_client(two)]
    errors, doubled = 0, 0
    for _ in range(ROUNDS):
        annotation = AnnotationFactory()
        urls = [
            reverse("articles:annotation-action", args=[annotation.pk, action])
            for action in ("resolve", "dismiss")
        ]
        responses = race(
            lambda url=urls[0]: clients[0].post(url, {"note": "Fixed."}),
            lambda url=urls[1]: clients[1].post(url, {"note": "Not a problem."}),
        )
        errors += sum(r.status_code >= 500 for r in responses)
        closes = AuditEntry.objects.filter(
            object_id=str(annotation.pk), action__in=["resolve", "dismiss"]
        )
        doubled += closes.count() != 1
        annotation.refresh_from_db()
        assert annotation.status in (
            AnnotationStatus.RESOLVED,
            AnnotationStatus.DISMISSED,
        )
        said = [str(m) for r in responses for m in get_messages(r.wsgi_request)]
        assert f"The annotation is already {annotation.status}." in said

    print(f"\n{ROUNDS} rounds of resolve/dismiss: {doubled} doubled, {errors} errors")
    assert (doubled, errors) == (0, 0)
    assert Annotation.objects.filter(status=AnnotationStatus.OPEN).count() == 0


COPY = (
    "Harbour reopens after storm\n"
    "The harbour reopened on Monday after {} days of repairs.\n"
    "\n"
    "Council approves the school budget\n"
    "The city council approved next year's school budget on {}.\n"
)
PLANS = [
    StoryPlan(
        StoryChoice(
            first_line=1, last_line=2, headline="Harbour reopens", headline_line=1
        ),
        None,
    ),
    StoryPlan(
        StoryChoice(
            first_line=4, last_line=5, headline="Council budget", headline_line=4
        ),
        None,
    ),
]


def test_two_editors_splitting_at_once(monkeypatch):
    """The same document, and two documents with the same headlines (one slug)."""
    _slowly(monkeypatch, splitting)
    first, second = UserFactory(role=EDITORS), UserFactory(role=EDITORS)
    errors = 0
    for round_ in range(ROUNDS // 2):
        same = source_document_import(
            data=COPY.format(round_, "Tuesday").encode(), filename="a.txt", by=first
        ).document
        twin = source_document_import(
            data=COPY.format(round_, "Friday").encode(), filename="b.txt", by=first
        ).document
        for documents in ((same, twin), (same, same)):
            results = race(
                lambda d=documents[0]: source_document_split(
                    document=d, stories=PLANS, by=first
                ),
                lambda d=documents[1]: source_document_split(
                    document=d, stories=PLANS, by=second
                ),
            )
            failures = [
                r
                for r in results
                if isinstance(r, Exception) and not isinstance(r, SplitError)
            ]
            errors += len(failures)
        for document in (same, twin):
            articles = Article.objects.filter(source=document)
            assert articles.count() == 2
            assert Revision.objects.filter(article__source=document).count() == 2
    slugs = list(Article.objects.values_list("slug", flat=True))
    print(f"\n{ROUNDS} concurrent splits: {errors} errors")
    assert errors == 0
    assert len(slugs) == len(set(slugs)) == ROUNDS * 2

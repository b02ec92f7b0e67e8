"""Editors saving revisions while reviewers annotate the same article, all at once,
many times over: every request answers (saved, or the conflict page to the editor
who saved second), nothing deadlocks, nothing is lost.

The deadlock this guards against: a reviewer's annotation on a revision an editor had
just replaced is carried onto the new text, locking the article's annotations; the
editor's save, holding the article, waited for those; and the reviewer's commit
(PostgreSQL checks the deferred foreign key to the article there) waited for the
editor. Every service now locks the article row first, then its annotations.

Real threads, each with its own connection and its own logged-in client, through the
desk's views, on PostgreSQL (SQLite serialises whole-database writes: no race there).
"""

import json
import threading
import time
from functools import partial

import pytest
from django.db import OperationalError, connection, connections, transaction
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Annotation, Article, Revision
from articles.models.review import AnchorState
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services import review, revisions
from articles.services.review import annotation_create
from articles.services.revisions import article_edit
from newsroom.conflicts import MESSAGE, WriteConflictMiddleware, is_write_conflict
from tests.articles.concurrency import logged_in_client, race, skip_unless_postgresql
from tests.articles.workflow_helpers import article_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 15
HOLD = 0.1  # seconds each write keeps its locks, so that the four overlap
BODY = (
    "The harbour authority said the new quay would open in March.\n\n"
    "Ferry operators welcomed the plan and expect more passengers next year."
)
PHRASE = "Ferry operators welcomed the plan"


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql("PostgreSQL row locks and deadlock detection")


@pytest.fixture
def _slow_writes(monkeypatch):
    """Hold the locks a while inside each save and each annotation."""
    for module in (revisions, review):
        record = module.audit_record

        def slow_record(record=record, **kwargs):
            time.sleep(HOLD)
            return record(**kwargs)

        monkeypatch.setattr(module, "audit_record", slow_record)


@pytest.mark.usefixtures("_slow_writes")
def test_editors_saving_while_reviewers_annotate():
    editors = [logged_in_client(UserFactory(role=EDITORS)) for _ in range(2)]
    reviewers = [logged_in_client(UserFactory(role=REVIEWERS)) for _ in range(2)]
    writer = UserFactory(role=EDITORS)
    errors, deadlocks, lost, misplaced, conflicts, noted = [], 0, 0, 0, 0, 0
    for round_ in range(ROUNDS):
        article = article_in(ArticleStatus.IN_REVIEW)
        first = article.current_revision
        Revision.objects.filter(pk=first.pk).update(body=BODY)
        start = BODY.index(PHRASE)
        note = {
            "start": start,
            "end": start + len(PHRASE),
            "exact": PHRASE,
            "kind": "needs_source",
            "severity": "advisory",
        }
        # An open note, then revision 2: the reviewers below still read revision 1,
        # so their notes are carried onto the current text, as the editors save.
        annotation_create(
            article=article, by=writer, revision_id=first.pk, comment="Earlier.", **note
        )
        base = article_edit(
            article=article,
            by=writer,
            base_revision_id=first.pk,
            headline="Same",
            body=f"{BODY} Updated.",
        )
        edit_url = reverse("articles:edit", args=[article.pk])
        annotate_url = reverse("articles:annotate", args=[article.pk])
        bodies = [f"{base.body} Checked by editor {n}, round {round_}." for n in (0, 1)]
        note["revision_id"] = first.pk
        saves = [
            partial(
                c.post,
                edit_url,
                {"base_revision_id": base.pk, "headline": "Same", "body": b},
            )
            for c, b in zip(editors, bodies, strict=True)
        ]
        notes = [
            partial(c.post, annotate_url, {**note, "comment": f"Who? {n}"})
            for n, c in enumerate(reviewers)
        ]
        responses = race(*saves, *notes)

        for response in responses:
            if isinstance(response, Exception) or response.status_code >= 500:
                errors.append(repr(response))
            elif MESSAGE in response.content.decode():
                deadlocks += 1  # the database broke a lock cycle off: answered 409
        codes = [getattr(r, "status_code", 0) for r in responses]
        conflicts += sorted(codes[:2]) == [302, 409]
        noted += codes[2:] == [302, 302]
        # Lost: a save or a note the user was told was done that is not there.
        saved = [b for code, b in zip(codes[:2], bodies, strict=True) if code == 302]
        current = Article.objects.get(pk=article.pk).current_revision
        revisions_added = Revision.objects.filter(article=article).count() - 2
        notes_stored = Annotation.objects.filter(article=article)
        lost += abs(revisions_added - len(saved)) + sum(
            b not in current.body for b in saved
        )
        lost += abs(notes_stored.count() - 1 - codes[2:].count(302))
        # All three notes sit on the text that won, on the phrase quoted (a note
        # left on a replaced revision is lost to the editors' text).
        placements = {(a.revision_id, a.exact, a.anchor_state) for a in notes_stored}
        misplaced += placements != {(current.pk, PHRASE, AnchorState.ANCHORED)}

    print(
        f"\n{ROUNDS} rounds of 2 saves and 2 annotations at once: {len(errors)} "
        f"errors, {deadlocks} deadlocks, {lost} lost updates, {misplaced} notes "
        f"left on an old revision, {conflicts} conflicts"
    )
    assert (errors, deadlocks, lost, misplaced) == ([], 0, 0, 0)
    # Every round: one save, the conflict page for the other, both notes added.
    assert (conflicts, noted) == (ROUNDS, ROUNDS)


def _real_deadlock() -> OperationalError:
    """Two transactions locking two articles in opposite orders: PostgreSQL breaks
    the cycle off by failing one of them; return that error."""
    first, second = ArticleFactory(), ArticleFactory()
    barrier = threading.Barrier(2)
    failures: list[OperationalError] = []

    def lock(pks: tuple[int, int]) -> None:
        try:
            with transaction.atomic():
                list(Article.objects.select_for_update().filter(pk=pks[0]))
                barrier.wait(timeout=10)
                list(Article.objects.select_for_update().filter(pk=pks[1]))
        except OperationalError as exc:
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=lock, args=(order,))
        for order in ((first.pk, second.pk), (second.pk, first.pk))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    [failure] = failures
    return failure


def test_a_deadlock_answers_409_with_a_message_not_500():
    error = _real_deadlock()
    middleware = WriteConflictMiddleware(lambda request: None)
    factory = RequestFactory()

    page = middleware.process_exception(factory.post("/desk/articles/1/edit/"), error)
    api = middleware.process_exception(factory.post("/api/v1/articles/"), error)

    assert is_write_conflict(error)
    assert page.status_code == api.status_code == 409
    assert MESSAGE in page.content.decode()
    assert json.loads(api.content) == {"detail": MESSAGE}


def test_other_database_errors_are_not_called_conflicts():
    with (
        pytest.raises(OperationalError) as raised,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL statement_timeout = 1")  # fails with 57014
        cursor.execute("SELECT pg_sleep(1)")
    middleware = WriteConflictMiddleware(lambda request: None)

    assert not is_write_conflict(raised.value)
    assert middleware.process_exception(RequestFactory().get("/"), raised.value) is None

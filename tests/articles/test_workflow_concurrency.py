"""Two people making a workflow move on the same article at the same moment: the row
lock lets exactly one through, and the other is told clearly what happened.

Real threads, each with its own database connection, on PostgreSQL (SQLite has no
row locks: it serialises whole-database writes, so the race cannot be staged there).
"""

import time
from collections.abc import Callable
from functools import partial

import pytest

from articles.models import AuditEntry
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services import workflow
from articles.services.workflow import (
    WorkflowError,
    article_approve,
    article_publish,
    article_request_changes,
)
from tests.articles.concurrency import race, skip_unless_postgresql
from tests.articles.workflow_helpers import article_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

S = ArticleStatus
HOLD = 0.5  # seconds the first transaction keeps the row locked


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql("PostgreSQL row locks (SELECT ... FOR UPDATE)")


@pytest.fixture(autouse=True)
def _slow_audit(monkeypatch):
    """Hold the lock a while inside each transition, so that the two overlap."""
    record = workflow.audit_record

    def slow_record(**kwargs):
        time.sleep(HOLD)
        return record(**kwargs)

    monkeypatch.setattr(workflow, "audit_record", slow_record)


def _race(*calls: Callable[[], object]) -> list[tuple[str, str, float]]:
    """Start the calls together, one thread each; return (outcome, message, seconds)."""

    def timed(call: Callable[[], object]) -> tuple[str, str, float]:
        started = time.monotonic()
        try:
            call()
        except WorkflowError as exc:
            return ("refused", str(exc), time.monotonic() - started)
        return ("done", "", time.monotonic() - started)

    results = race(*(partial(timed, call) for call in calls), join_timeout=30)
    return [
        ("missing", "", 0.0)
        if result is None
        else ("error", repr(result), 0.0)  # a failure the test reports
        if isinstance(result, Exception)
        else result
        for result in results
    ]


def _one_done_one_refused(results) -> tuple[str, float]:
    outcomes = sorted(outcome for outcome, _, _ in results)
    assert outcomes == ["done", "refused"], results
    [(_, message, waited)] = [r for r in results if r[0] == "refused"]
    return message, waited


def test_two_editors_approving_at_once_exactly_one_approves():
    article = article_in(S.IN_REVIEW)
    first, second = UserFactory(role=EDITORS), UserFactory(role=EDITORS)

    results = _race(
        lambda: article_approve(article=article, by=first),
        lambda: article_approve(article=article, by=second),
    )

    message, waited = _one_done_one_refused(results)
    assert message == (
        f"“{article.headline}” is already approved: reload the page to see its "
        "current state."
    )
    assert waited >= HOLD * 0.8  # it waited for the lock, then saw the new state
    article.refresh_from_db()
    assert article.status == S.APPROVED
    assert article.version == 2
    assert AuditEntry.objects.filter(action="approve").count() == 1


def test_two_editors_publishing_at_once_exactly_one_publishes():
    article = article_in(S.APPROVED)
    first, second = UserFactory(role=EDITORS), UserFactory(role=EDITORS)

    results = _race(
        lambda: article_publish(article=article, by=first),
        lambda: article_publish(article=article, by=second),
    )

    message, _ = _one_done_one_refused(results)
    assert "is already published" in message
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert AuditEntry.objects.filter(action="publish").count() == 1


def test_approval_and_a_request_for_changes_at_once_exactly_one_wins():
    article = article_in(S.IN_REVIEW)
    approver = UserFactory(role=EDITORS)
    reviewer = UserFactory(role=REVIEWERS)

    results = _race(
        lambda: article_approve(article=article, by=approver),
        lambda: article_request_changes(article=article, by=reviewer, note="Wait."),
    )

    message, _ = _one_done_one_refused(results)
    article.refresh_from_db()
    if article.status == S.APPROVED:
        assert "is already approved: only an editor who may approve" in message
    else:
        assert article.status == S.CHANGES_REQUESTED
        assert message == (
            f"“{article.headline}” is sent back for changes: only an article that "
            "is in review can be approved."
        )
    assert AuditEntry.objects.filter(content_type__model="article").count() == 1

"""The approval workflow's services: each transition, each gate and its message, only
the changed fields saved, one audit row per transition, nothing written on refusal."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, AuditEntry, PublicArticle, Revision
from articles.models.review import AnnotationStatus
from articles.models.stories import ALLOWED_TRANSITIONS, ArticleStatus, can_transition
from articles.roles import EDITORS
from articles.services.revisions import article_edit
from articles.services.workflow import (
    TRANSITIONS,
    WorkflowError,
    article_approve,
    article_publish,
    article_recommend_approval,
    article_request_changes,
    article_retract,
    article_submit,
    article_transition,
)
from tests.articles.workflow_helpers import article_in
from tests.factories import AnnotationFactory, UserFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus


def _audit(article: Article) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            content_type__model="article", object_id=str(article.pk)
        ).order_by("pk")
    )


def _updated_columns(queries: CaptureQueriesContext) -> set[str]:
    """The columns of the one UPDATE of articles_article among the captured queries."""
    updates = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('UPDATE "articles_article"')
    ]
    assert len(updates) == 1, updates
    set_clause = updates[0].split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    return set(re.findall(r'"(\w+)" =', set_clause))


# --- each transition ----------------------------------------------------------------


def test_submit_sends_a_draft_to_review_and_records_who_when_and_which_revision(
    editor,
):
    article = article_in(S.DRAFT)
    result = article_submit(article=article, by=editor, note="  Ready.  ")

    article.refresh_from_db()
    assert result.status == article.status == S.IN_REVIEW
    assert article.version == 2
    [entry] = _audit(article)
    assert (entry.actor, entry.action) == (editor, "submit")
    assert (entry.from_state, entry.to_state) == (S.DRAFT, S.IN_REVIEW)
    assert entry.revision_number == 1
    assert entry.note == "Ready."
    assert entry.created_at is not None


def test_an_article_sent_back_can_be_submitted_again(editor):
    article = article_in(S.CHANGES_REQUESTED)
    assert article_submit(article=article, by=editor).status == S.IN_REVIEW


def test_submitting_runs_the_automated_checks_on_the_text(editor):
    repeated = "The minister said the talks would resume in the spring next year."
    article = article_in(S.DRAFT)
    Revision.objects.filter(pk=article.current_revision_id).update(
        body=f"{repeated}\n\nA paragraph in between.\n\n{repeated}"
    )
    article_submit(article=article, by=editor)

    finding = article.annotations.get(origin="duplicate-paragraph")
    assert finding.severity == "blocking"
    assert finding.status == AnnotationStatus.OPEN


def test_a_reviewer_requests_changes_with_a_note(reviewer):
    article = article_in(S.IN_REVIEW)
    article_request_changes(article=article, by=reviewer, note="Check the title.")

    article.refresh_from_db()
    assert article.status == S.CHANGES_REQUESTED
    [entry] = _audit(article)
    assert (entry.action, entry.note) == ("request_changes", "Check the title.")


def test_an_editor_sending_back_an_approved_article_drops_its_approval(editor2):
    article = article_in(S.APPROVED)
    article_request_changes(article=article, by=editor2)

    article.refresh_from_db()
    assert article.status == S.CHANGES_REQUESTED
    assert article.approved_revision is None


def test_a_reviewer_cannot_send_back_an_article_already_approved(reviewer):
    article = article_in(S.APPROVED)
    with pytest.raises(WorkflowError, match="only an editor who may approve"):
        article_request_changes(article=article, by=reviewer)
    article.refresh_from_db()
    assert article.status == S.APPROVED


def test_a_recommendation_is_recorded_and_changes_nothing_on_the_article(reviewer):
    article = article_in(S.IN_REVIEW)
    with CaptureQueriesContext(connection) as queries:
        article_recommend_approval(article=article, by=reviewer, note="Looks right.")

    assert not any(q["sql"].startswith("UPDATE") for q in queries.captured_queries)
    article.refresh_from_db()
    assert (article.status, article.version) == (S.IN_REVIEW, 1)
    [entry] = _audit(article)
    assert (entry.action, entry.actor, entry.revision_number) == (
        "recommend_approval",
        reviewer,
        1,
    )


def test_a_reviewer_recommends_each_revision_once(reviewer):
    article = article_in(S.IN_REVIEW)
    article_recommend_approval(article=article, by=reviewer)
    with pytest.raises(WorkflowError, match="already recommended revision 1"):
        article_recommend_approval(article=article, by=reviewer)

    revision = Revision.objects.create(
        article=article, number=2, headline="New", body="New text."
    )
    Article.objects.filter(pk=article.pk).update(current_revision=revision)
    article_recommend_approval(article=article, by=reviewer)  # a new revision: fine
    assert [e.revision_number for e in _audit(article)] == [1, 2]


def test_approval_pins_the_current_revision(editor2):
    article = article_in(S.IN_REVIEW)
    article_approve(article=article, by=editor2, note="Good to go.")

    article.refresh_from_db()
    assert article.status == S.APPROVED
    assert article.approved_revision == article.current_revision
    [entry] = _audit(article)
    assert (entry.action, entry.revision_number, entry.note) == (
        "approve",
        1,
        "Good to go.",
    )


def test_publishing_publishes_the_pinned_revision_not_the_newest(editor2):
    article = article_in(S.APPROVED)
    pinned = article.approved_revision
    newer = Revision.objects.create(
        article=article, number=2, headline="Unreviewed", body="Unreviewed text."
    )
    Article.objects.filter(pk=article.pk).update(current_revision=newer)

    article_publish(article=article, by=editor2)

    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert article.published_revision == pinned
    assert article.published_at is not None
    public = PublicArticle.objects.get(article=article)
    assert public.revision == pinned
    assert _audit(article)[-1].revision_number == pinned.number


def test_an_edit_after_publication_stays_off_the_site_until_approved_and_published(
    editor, editor2
):
    article = article_in(S.APPROVED, author=editor)
    article = article_publish(article=article, by=editor2)
    first_published_at = article.published_at
    live = article.published_revision

    revision = article_edit(
        article=article,
        by=editor,
        base_revision_id=live.pk,
        headline=article.headline,
        body="A corrected first paragraph.\n\nA second paragraph.",
        correction="The first paragraph was corrected.",
    )
    article.refresh_from_db()
    assert article.status == S.DRAFT
    assert article.published_revision == live  # still what the site shows
    assert article.is_live
    assert PublicArticle.objects.get(article=article).revision == live

    article_submit(article=article, by=editor)
    article_approve(article=article, by=editor2)
    article = article_publish(article=article, by=editor2)
    assert article.published_revision == revision
    assert article.published_at == first_published_at
    assert PublicArticle.objects.get(article=article).revision == revision


def test_retraction_records_its_public_reason_and_time(editor):
    article = article_in(S.PUBLISHED)
    article_retract(article=article, by=editor, reason="  The source withdrew it.  ")

    article.refresh_from_db()
    assert article.status == S.RETRACTED
    assert article.retraction_reason == "The source withdrew it."
    assert article.retracted_at is not None
    assert not article.is_live
    [entry] = _audit(article)
    assert (entry.action, entry.note) == ("retract", "The source withdrew it.")
    public = PublicArticle.objects.get(article=article)  # what the API answers 410 with
    assert public.retraction_notice == "The source withdrew it."
    assert public.retracted_at == article.retracted_at


def test_a_live_article_with_a_pending_draft_can_be_retracted(editor):
    article = article_in(S.PUBLISHED)
    Article.objects.filter(pk=article.pk).update(status=S.DRAFT)
    article_retract(article=article, by=editor, reason="Legal advice.")
    article.refresh_from_db()
    assert article.status == S.RETRACTED


def test_article_transition_dispatches_by_name_and_refuses_unknown_names(editor):
    article = article_in(S.DRAFT)
    assert article_transition(name="submit", article=article, by=editor).status == (
        S.IN_REVIEW
    )
    with pytest.raises(WorkflowError, match="no workflow step called 'delete'"):
        article_transition(name="delete", article=article, by=editor)


# --- the table --------------------------------------------------------------------

# Where each transition may start, as the desk states it.
ALLOWED_FROM = {
    "submit": {S.DRAFT, S.CHANGES_REQUESTED},
    "recommend_approval": {S.IN_REVIEW},
    "request_changes": {S.IN_REVIEW, S.APPROVED},
    "approve": {S.IN_REVIEW},
    "publish": {S.APPROVED},
    "retract": {S.PUBLISHED},  # and a live article with a pending draft (above)
}


def test_the_stated_starts_agree_with_the_transition_table():
    for name, starts in ALLOWED_FROM.items():
        target = TRANSITIONS[name].target
        for status in starts:
            assert target is None or can_transition(status, target), (name, status)
    assert set(ALLOWED_TRANSITIONS) == set(S.values)


@pytest.mark.parametrize("status", S.values)
@pytest.mark.parametrize("name", list(ALLOWED_FROM))
def test_each_transition_from_each_status_follows_the_table(status, name, superuser):
    article = article_in(status)
    before = (article.status, article.version)
    if status in ALLOWED_FROM[name]:
        article_transition(name=name, article=article, by=superuser, note="Reason.")
        assert _audit(article)[-1].action == name
        return
    with pytest.raises(WorkflowError) as refused:
        article_transition(name=name, article=article, by=superuser, note="Reason.")
    assert f"“{article.headline}”" in str(refused.value)
    article.refresh_from_db()
    assert (article.status, article.version) == before
    assert _audit(article) == []


def test_a_refusal_says_where_the_article_is_and_where_it_must_be(editor2):
    article = article_in(S.DRAFT)
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=article, by=editor2)
    assert str(refused.value) == (
        f"“{article.headline}” is a draft: only an article that is in review can be "
        "approved."
    )


def test_a_repeated_transition_says_it_is_already_done(editor2):
    article = article_in(S.IN_REVIEW)
    article_approve(article=article, by=editor2)
    with pytest.raises(WorkflowError, match="is already approved: reload the page"):
        article_approve(article=article, by=editor2)
    assert [e.action for e in _audit(article)] == ["approve"]


# --- the gates ----------------------------------------------------------------------


def test_four_eyes_the_author_of_the_revision_cannot_approve_it(editor):
    article = article_in(S.IN_REVIEW, author=editor)
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=article, by=editor)
    assert str(refused.value) == (
        f"You wrote revision 1 of “{article.headline}”: another editor has to "
        "approve it (four-eyes rule)."
    )
    article.refresh_from_db()
    assert (article.status, article.approved_revision) == (S.IN_REVIEW, None)


def test_four_eyes_holds_for_a_superuser_too():
    boss = UserFactory(username="chief", admin=True)
    article = article_in(S.IN_REVIEW, author=boss)
    with pytest.raises(WorkflowError, match="four-eyes"):
        article_approve(article=article, by=boss)


def test_open_blocking_annotations_refuse_approval_and_are_each_named(editor2):
    article = article_in(S.IN_REVIEW)
    AnnotationFactory(article=article, exact="A first", comment="Which one?")
    AnnotationFactory(
        article=article, exact="second", start=22, end=28, kind="needs_source"
    )
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=article, by=editor2)
    message = str(refused.value)
    assert message.startswith(
        f"“{article.headline}” cannot be approved while 2 blocking annotations are open"
    )
    assert "“A first” (factual error: Which one?)" in message
    assert "“second” (needs a source)" in message
    assert message.endswith("Resolve or dismiss them first.")
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW


def test_advisory_resolved_and_dismissed_annotations_do_not_block(editor2):
    article = article_in(S.IN_REVIEW)
    AnnotationFactory(article=article, severity="advisory")
    AnnotationFactory(article=article, resolved=True)
    AnnotationFactory(article=article, status="dismissed", resolved_at=timezone.now())
    assert article_approve(article=article, by=editor2).status == S.APPROVED


def test_approval_is_refused_when_the_text_changed_since_the_approver_read_it(
    editor2,
):
    article = article_in(S.IN_REVIEW)
    read = article.current_revision_id
    newer = Revision.objects.create(article=article, number=2, headline="H", body="B")
    Article.objects.filter(pk=article.pk).update(current_revision=newer)
    with pytest.raises(WorkflowError, match="revision 2 is now the current one"):
        article_approve(article=article, by=editor2, revision_id=read)
    assert article_approve(article=article, by=editor2, revision_id=newer.pk)


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_retraction_needs_a_reason(reason, editor):
    article = article_in(S.PUBLISHED)
    with pytest.raises(WorkflowError, match="needs a public reason"):
        article_retract(article=article, by=editor, reason=reason)
    article.refresh_from_db()
    assert article.status == S.PUBLISHED


def test_only_a_published_article_can_be_retracted(editor):
    article = article_in(S.APPROVED)
    with pytest.raises(WorkflowError, match="has never been published"):
        article_retract(article=article, by=editor, reason="Why not.")


def test_only_an_approved_article_can_be_published(editor):
    article = article_in(S.IN_REVIEW)
    with pytest.raises(WorkflowError, match="only an article that is approved"):
        article_publish(article=article, by=editor)
    assert not PublicArticle.objects.exists()


def test_a_user_without_the_permission_is_refused_before_anything_else():
    article = article_in(S.IN_REVIEW)
    nobody = UserFactory(username="nobody")
    with pytest.raises(WorkflowError, match="You do not have permission to approve"):
        article_approve(article=article, by=nobody)
    with pytest.raises(WorkflowError, match="permission to publish"):
        article_publish(article=article, by=AnonymousUser())


# --- only the changed fields ------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "name", "columns"),
    [
        (S.DRAFT, "submit", {"status", "version", "updated_at"}),
        (S.IN_REVIEW, "request_changes", {"status", "version", "updated_at"}),
        (
            S.APPROVED,
            "request_changes",
            {"status", "approved_revision_id", "version", "updated_at"},
        ),
        (
            S.IN_REVIEW,
            "approve",
            {"status", "approved_revision_id", "version", "updated_at"},
        ),
        (
            S.APPROVED,
            "publish",
            {
                "status",
                "published_revision_id",
                "published_at",
                "version",
                "updated_at",
            },
        ),
        (
            S.PUBLISHED,
            "retract",
            {"status", "retracted_at", "retraction_reason", "version", "updated_at"},
        ),
    ],
)
def test_a_transition_saves_only_the_fields_it_changes(
    status, name, columns, superuser
):
    article = article_in(status)
    with CaptureQueriesContext(connection) as queries:
        article_transition(name=name, article=article, by=superuser, note="Why.")
    assert _updated_columns(queries) == columns


def test_publishing_again_keeps_the_first_publication_time(editor2):
    article = article_in(S.PUBLISHED)
    first = article.published_at
    Article.objects.filter(pk=article.pk).update(status=S.APPROVED)
    with CaptureQueriesContext(connection) as queries:
        article_publish(article=article, by=editor2)
    assert "published_at" not in _updated_columns(queries)
    article.refresh_from_db()
    assert article.published_at == first


def test_a_refused_transition_writes_nothing(editor):
    article = article_in(S.IN_REVIEW, author=editor)
    AnnotationFactory(article=article)
    approver = UserFactory(role=EDITORS)
    with CaptureQueriesContext(connection) as queries, pytest.raises(WorkflowError):
        article_approve(article=article, by=approver)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split(" ", 1)[0] in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    assert _audit(article) == []


# --- the demo -----------------------------------------------------------------------


def test_seed_demo_takes_two_articles_through_the_real_workflow_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    published = list(
        Article.objects.filter(status=S.PUBLISHED).select_related("published_revision")
    )
    assert len(published) == 2
    for article in published:
        assert article.published_revision == article.approved_revision
        assert article.published_revision.author.username == "editor"
        actions = {e.action: e.actor.username for e in _audit(article)}
        assert actions == {
            "submit": "editor",
            "recommend_approval": "reviewer",
            "approve": "editor2",
            "publish": "editor2",
        }
        note = article.annotations.get(origin="human")
        assert (note.author.username, note.severity) == ("reviewer", "blocking")
        assert note.status == AnnotationStatus.RESOLVED
        assert note.replies.get().author.username == "editor"
    assert PublicArticle.objects.count() == 2
    entries = AuditEntry.objects.count()

    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "already published" in out.getvalue()
    assert AuditEntry.objects.count() == entries
    assert Article.objects.filter(status=S.PUBLISHED).count() == 2

"""The desk home, assignment and recommendation as rows, and the workflow offered on
the review page: what each user sees, may do, and is told when they may not."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Annotation, Assignment, AuditEntry, Recommendation
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.selectors.queues import queue_articles
from articles.services.assignments import (
    AssignmentRefused,
    article_assign,
    article_claim,
    article_unassign,
)
from articles.services.distribution import subscription_add, subscription_disable
from articles.services.scheduling import scheduled_action_create
from articles.services.workflow import (
    WorkflowError,
    article_recommend_approval,
    workflow_offers,
)
from tests.articles.workflow_helpers import article_in
from tests.factories import AnnotationFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus


# --- desk home ----------------------------------------------------------------------


def _board(n: int, reviewer, editor) -> None:
    """n articles in each state the desk shows, each with annotations, a reviewer and
    a recommendation where the state has them; n scheduled publications and n
    scheduled retractions; n disabled webhook subscribers."""
    soon = timezone.now() + datetime.timedelta(days=1)
    for i in range(n):
        scheduled_action_create(
            article=article_in(S.APPROVED), action="publish", run_at=soon, by=editor
        )
        scheduled_action_create(
            article=article_in(S.PUBLISHED),
            action="retract",
            run_at=soon,
            by=editor,
            note="Legal asked us to.",
        )
        subscription_disable(
            subscription=subscription_add(url=f"http://127.0.0.1:9/{i}", by=editor),
            by=editor,
            reason="Every delivery failed.",
        )
        for status in (S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.PUBLISHED):
            AnnotationFactory(article=article_in(status))
        article = article_in(S.IN_REVIEW)
        AnnotationFactory(article=article)
        AnnotationFactory(article=article, severity="advisory")
        article_claim(article=article, by=reviewer)
        article_recommend_approval(article=article, by=reviewer, note="Fine now.")


@pytest.mark.parametrize("n", [2, 4])
def test_desk_home_costs_the_same_queries_for_n_and_2n_cards(
    n, editor, editor_client, reviewer, django_assert_num_queries
):
    _board(n, reviewer, editor)
    # session, user, user's permissions (twice: groups, own), queue counts (one per
    # queue: three for an editor), sources, five states and the scheduled,
    # recommendations, disabled subscribers, the section filter's choices
    with django_assert_num_queries(17):
        response = editor_client.get(reverse("desk:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-article="') == 7 * n
    assert html.count("scheduled by ed") == 2 * n
    assert html.count("Every delivery failed.") == n


def test_desk_home_card_says_what_an_editor_needs(editor_client, reviewer):
    article = article_in(S.IN_REVIEW, headline="Bridge to reopen in March")
    AnnotationFactory(article=article)
    AnnotationFactory(article=article, severity="advisory")
    AnnotationFactory(article=article, severity="advisory", resolved=True)
    article_claim(article=article, by=reviewer)
    article_recommend_approval(article=article, by=reviewer, note="Checked.")
    response = editor_client.get(reverse("desk:home"))
    html = response.content.decode()
    card = html[html.index(f'data-article="{article.pk}"') :]
    card = card[: card.index("</a>")]
    assert "Bridge to reopen in March" in card
    assert article.section.name in card
    assert article.current_revision.author.username in card
    assert "1 blocking" in card and "1 advisory" in card
    assert f"Reviewer: {reviewer.username}" in card
    assert f"recommended by {reviewer.username}" in card
    assert reverse("articles:review", args=[article.pk]) in html
    assert "now" in card and "0\xa0minutes" not in card  # just changed: "now"


def test_desk_home_filters_mine_assigned_and_section(editor, reviewer, reviewer_client):
    section = SectionFactory(name="Harbour")
    mine = article_in(S.DRAFT, author=editor, headline="Written by me")
    other = article_in(S.DRAFT, headline="Written by someone else", section=section)
    claimed = article_in(S.IN_REVIEW, headline="Claimed by the reviewer")
    article_claim(article=claimed, by=reviewer)
    client = Client()
    client.force_login(editor)

    def headlines(c, **query) -> set[str]:
        html = c.get(reverse("desk:home"), query).content.decode()
        return {a.headline for a in (mine, other, claimed) if a.headline in html}

    assert headlines(client) == {mine.headline, other.headline, claimed.headline}
    assert headlines(client, show="mine") == {mine.headline}
    assert headlines(client, section=section.pk) == {other.headline}
    assert headlines(reviewer_client, show="assigned") == {claimed.headline}


def test_desk_home_lists_documents_waiting_to_be_split(editor_client, reviewer_client):
    from tests.factories import SourceDocumentFactory

    waiting = SourceDocumentFactory(filename="wire-copy.txt")
    split = SourceDocumentFactory(filename="done.txt")
    article_in(S.DRAFT, source=split, first_line=1, last_line=2)
    html = editor_client.get(reverse("desk:home")).content.decode()
    assert "wire-copy.txt" in html and "done.txt" not in html
    assert reverse("admin:articles_sourcedocument_split", args=[waiting.pk]) in html
    # A reviewer does not split.
    assert (
        "wire-copy.txt"
        not in reviewer_client.get(reverse("desk:home")).content.decode()
    )


def test_log_in_lands_on_the_desk_home(editor):
    response = Client().post(
        reverse("desk:login"),
        {"username": editor.username, "password": "pw-for-tests"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/desk/"
    assert Client().get("/")["Location"] == reverse("desk:home")


def test_admin_header_and_index_link_to_the_desk(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert html.count(f'href="{reverse("desk:home")}"') >= 2


# --- assignment -----------------------------------------------------------------------


def test_a_reviewer_claims_an_unclaimed_article_and_it_leaves_others_queues(
    reviewer,
):
    other = UserFactory(username="rev2", role=REVIEWERS)
    article = article_in(S.IN_REVIEW)
    assert article in queue_articles(key="review", user=other)
    article_claim(article=article, by=reviewer)
    assert Assignment.objects.get(article=article).reviewer == reviewer
    assert article in queue_articles(key="review", user=reviewer)
    assert article not in queue_articles(key="review", user=other)
    with pytest.raises(AssignmentRefused, match="already claimed by rev"):
        article_claim(article=article, by=other)
    assert AuditEntry.objects.filter(action="claim", actor=reviewer).count() == 1


def test_an_editor_assigns_and_the_reviewer_releases(editor, reviewer):
    article = article_in(S.IN_REVIEW)
    article_assign(article=article, reviewer=reviewer, by=editor)
    assignment = Assignment.objects.get(article=article)
    assert (assignment.reviewer, assignment.assigned_by) == (reviewer, editor)
    article_unassign(article=article, by=reviewer)
    assert not Assignment.objects.exists()
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == [
        "assign",
        "unassign",
    ]


def test_assignment_refusals_write_nothing(editor, reviewer):
    draft = article_in(S.DRAFT)
    with pytest.raises(AssignmentRefused, match="not in review"):
        article_claim(article=draft, by=reviewer)
    in_review = article_in(S.IN_REVIEW)
    with pytest.raises(AssignmentRefused, match="is not a reviewer"):
        article_assign(article=in_review, reviewer=editor, by=editor)
    with pytest.raises(AssignmentRefused, match="Only an editor"):
        article_assign(article=in_review, reviewer=reviewer, by=reviewer)
    assert not Assignment.objects.exists()
    assert not AuditEntry.objects.exists()


# --- recommendation -------------------------------------------------------------------


def test_a_recommendation_is_a_row_for_the_current_revision(reviewer):
    article = article_in(S.IN_REVIEW)
    article_recommend_approval(article=article, by=reviewer, note="Sources check out.")
    rec = Recommendation.objects.get()
    assert (rec.reviewer, rec.revision, rec.note) == (
        reviewer,
        article.current_revision,
        "Sources check out.",
    )
    with pytest.raises(WorkflowError, match="already recommended revision 1"):
        article_recommend_approval(article=article, by=reviewer)
    assert Recommendation.objects.count() == 1
    assert article not in queue_articles(key="review", user=reviewer)


def test_recommending_over_ones_own_open_blocking_annotation_needs_a_note(reviewer):
    article = article_in(S.IN_REVIEW)
    AnnotationFactory(article=article, author=reviewer, severity="blocking")
    with pytest.raises(WorkflowError, match="Your own blocking annotation is still"):
        article_recommend_approval(article=article, by=reviewer, note="  ")
    assert not Recommendation.objects.exists()
    article_recommend_approval(
        article=article, by=reviewer, note="The editor has the figure; fix pending."
    )
    assert Recommendation.objects.get().note.startswith("The editor has")


def test_someone_elses_blocking_annotation_does_not_need_a_note(reviewer):
    article = article_in(S.IN_REVIEW)
    AnnotationFactory(article=article)  # by another reviewer
    article_recommend_approval(article=article, by=reviewer)
    assert Recommendation.objects.count() == 1


# --- what the review page offers -----------------------------------------------------


def _offers(article, user, **facts) -> dict[str, str]:
    facts = {"open_blocking": 0, "own_open_blocking": 0, "recommended": False} | facts
    return {
        o.transition.name: o.refusal
        for o in workflow_offers(article=article, user=user, **facts)
    }


def test_the_author_is_offered_approval_only_with_the_reason_they_may_not(editor):
    article = article_in(S.IN_REVIEW, author=editor)
    offers = _offers(article, editor)
    assert "You wrote revision 1" in offers["approve"]
    assert "publish" not in offers  # not approved: not offered at all
    other = UserFactory(username="ed3", role=EDITORS)
    assert _offers(article, other)["approve"] == ""
    assert (
        "2 blocking annotations are open"
        in _offers(article, other, open_blocking=2)["approve"]
    )


def test_a_reviewer_is_offered_review_steps_only(reviewer):
    article = article_in(S.IN_REVIEW)
    assert set(_offers(article, reviewer)) == {"recommend_approval", "request_changes"}
    assert (
        "already recommended"
        in _offers(article, reviewer, recommended=True)["recommend_approval"]
    )
    [recommend] = [
        o
        for o in workflow_offers(
            article=article,
            user=reviewer,
            open_blocking=1,
            own_open_blocking=1,
            recommended=False,
        )
        if o.transition.name == "recommend_approval"
    ]
    assert recommend.needs_note and "say in the note why" in recommend.hint


def test_review_page_offers_steps_and_a_refused_user_gets_a_desk_page(
    editor, editor_client, reviewer_client
):
    article = article_in(S.IN_REVIEW, author=editor)
    review = reverse("articles:review", args=[article.pk])
    html = editor_client.get(review).content.decode()
    assert 'data-step="approve"' in html and "disabled" in html
    assert "four-eyes rule" in html
    html = reviewer_client.get(review).content.decode()
    assert 'data-step="approve"' not in html
    assert reverse("articles:edit", args=[article.pk]) not in html
    assert 'id="claim"' in html
    refused = reviewer_client.get(reverse("articles:edit", args=[article.pk]))
    assert refused.status_code == 403
    assert "This is not open to you" in refused.content.decode()
    assert reverse("desk:home") in refused.content.decode()


def test_a_step_from_the_review_page_goes_through_the_service(editor, editor_client):
    author = UserFactory(username="writer", role=EDITORS)
    article = article_in(S.IN_REVIEW, author=author)
    step = reverse("desk:step", args=[article.pk, "approve"])
    AnnotationFactory(article=article)
    response = editor_client.post(
        step, {"revision": article.current_revision_id}, follow=True
    )
    assert "cannot be approved while 1 blocking annotation is open" in (
        response.content.decode()
    )
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW
    Annotation.objects.update(status="dismissed", resolved_at=article.created_at)
    editor_client.post(step, {"revision": article.current_revision_id})
    article.refresh_from_db()
    assert article.status == S.APPROVED
    assert article.approved_revision == article.current_revision


def test_retracting_asks_first_and_needs_a_reason(editor_client):
    article = article_in(S.PUBLISHED)
    confirm = editor_client.get(reverse("desk:retract", args=[article.pk]))
    assert confirm.status_code == 200
    assert "This cannot be undone" in confirm.content.decode()
    step = reverse("desk:step", args=[article.pk, "retract"])
    editor_client.post(step, {"note": ""})
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    editor_client.post(step, {"note": "The source withdrew the claim."})
    article.refresh_from_db()
    assert article.status == S.RETRACTED


def test_dismissing_asks_first_with_the_original_quote(editor_client):
    annotation = AnnotationFactory(article=article_in(S.IN_REVIEW))
    page = editor_client.get(reverse("desk:dismiss-confirm", args=[annotation.pk]))
    assert page.status_code == 200
    assert f"“{annotation.quoted_exact}”" in page.content.decode()
    url = reverse("articles:annotation-action", args=[annotation.pk, "dismiss"])
    assert f'action="{url}"' in page.content.decode()
    editor_client.post(url, {"note": "House style allows it."})
    annotation.refresh_from_db()
    assert annotation.status == "dismissed"


def test_claim_from_the_review_page(reviewer, reviewer_client):
    article = article_in(S.IN_REVIEW)
    reviewer_client.post(reverse("desk:assignment", args=[article.pk, "claim"]))
    assert Assignment.objects.get().reviewer == reviewer
    response = reviewer_client.post(
        reverse("desk:assignment", args=[article.pk, "claim"]), follow=True
    )
    assert "already" in response.content.decode()


# --- the annotation's record, as the desk shows it -----------------------------------


def test_after_a_suggestion_is_applied_card_and_timeline_keep_the_original_quote(
    editor, editor2, reviewer, editor_client
):
    from articles.selectors.timeline import article_timeline
    from articles.services.review import annotation_apply_suggestion, annotation_create

    article = article_in(S.IN_REVIEW, author=editor)
    body = "Prices rose 4 percent in May, the office said."
    from articles.services.revisions import article_edit

    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=body,
    )
    article.refresh_from_db()
    start = body.index("4 percent")
    annotation = annotation_create(
        article=article,
        by=reviewer,
        revision_id=article.current_revision_id,
        start=start,
        end=start + len("4 percent"),
        exact="4 percent",
        kind="factual_error",
        severity="blocking",
        suggestion="3.5 percent",
    )
    annotation_apply_suggestion(
        annotation=annotation, by=editor2, base_revision_id=article.current_revision_id
    )
    html = editor_client.get(reverse("articles:review", args=[article.pk])).content
    html = html.decode()
    card = html[html.index(f'id="annotation-{annotation.pk}"') :]
    card = card[: card.index("</article>")]
    assert "“4 percent”" in card
    assert "<del>4 percent</del> → <ins>3.5 percent</ins>" in card
    assert "revision 3</a>" in card
    lines = [e.text for e in article_timeline(article=article)]
    assert any("on “4 percent”" in line and "opened" in line for line in lines)
    assert any(
        "resolved an annotation on “4 percent”, fixed in revision 3" in line
        for line in lines
    )


@pytest.mark.parametrize("n", [3, 6])
def test_review_page_costs_the_same_queries_for_n_and_2n_threads(
    n, reviewer, reviewer_client, django_assert_num_queries
):
    from articles.services.review import annotation_reply

    article = article_in(S.IN_REVIEW)
    for i in range(n):
        a = AnnotationFactory(article=article, severity=("blocking", "advisory")[i % 2])
        annotation_reply(annotation=a, by=reviewer, body="Checked the filing.")
    AnnotationFactory(article=article, resolved=True)
    with django_assert_num_queries(11):
        response = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    assert response.content.decode().count('class="review-annotation ') == n + 1


def test_the_last_note_on_a_step_is_shown_with_the_step(reviewer, reviewer_client):
    from articles.services.workflow import article_request_changes

    article = article_in(S.IN_REVIEW)
    article_request_changes(article=article, by=reviewer, note="Source the <quote>.")
    html = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    html = html.content.decode()
    assert f"Last note, {reviewer.username} (request changes," in html
    assert "“Source the &lt;quote&gt;.”" in html


def test_recommendations_kept_in_the_audit_log_become_rows(reviewer):
    import importlib

    from django.apps import apps

    from articles.services.audit import audit_record

    article = article_in(S.IN_REVIEW)
    audit_record(
        actor=reviewer,
        action="recommend_approval",
        obj=article,
        revision_number=1,
        note="Read it twice.",
    )
    migration = importlib.import_module(
        "articles.migrations.0007_desk_assignments_recommendations"
    )
    migration.recommendations_from_audit(apps, None)
    migration.recommendations_from_audit(apps, None)  # safe to run again
    rec = Recommendation.objects.get()
    assert (rec.reviewer, rec.revision, rec.note) == (
        reviewer,
        article.current_revision,
        "Read it twice.",
    )


def test_desk_pages_carry_no_inline_script_or_style(editor, editor_client):
    """The desk runs under a strict Content-Security-Policy."""
    import re

    article = article_in(S.PUBLISHED)
    annotation = AnnotationFactory(article=article, comment='<b onclick="x()">')
    pages = [
        reverse("desk:home"),
        reverse("articles:review", args=[article.pk]),
        reverse("desk:retract", args=[article.pk]),
        reverse("desk:dismiss-confirm", args=[annotation.pk]),
    ]
    for url in pages:
        html = editor_client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"<style\b|\sstyle=", html), url
        assert not re.search(r"<[^>]+\son[a-z]+=[\"']", html), url


def test_an_editor_assigns_from_the_review_page(editor_client, reviewer):
    article = article_in(S.IN_REVIEW)
    review = reverse("articles:review", args=[article.pk])
    html = editor_client.get(review).content.decode()
    assert f'<option value="{reviewer.pk}">{reviewer.username}</option>' in html
    url = reverse("desk:assignment", args=[article.pk, "assign"])
    response = editor_client.post(url, {"reviewer": reviewer.pk}, follow=True)
    assert f"assigned to {reviewer.username}" in response.content.decode()
    assert Assignment.objects.get(article=article).reviewer == reviewer
    response = editor_client.post(url, {"reviewer": "abc"}, follow=True)
    assert "Choose a reviewer" in response.content.decode()


def test_a_reviewer_recommends_from_the_review_page_with_the_note_it_needs(
    reviewer, reviewer_client
):
    article = article_in(S.IN_REVIEW)
    AnnotationFactory(article=article, author=reviewer)
    step = reverse("desk:step", args=[article.pk, "recommend_approval"])
    revision = article.current_revision_id
    response = reviewer_client.post(step, {"revision": revision}, follow=True)
    assert "Your own blocking annotation is still open" in response.content.decode()
    assert not Recommendation.objects.exists()
    reviewer_client.post(step, {"revision": revision, "note": "Fix is agreed."})
    assert Recommendation.objects.get().note == "Fix is agreed."
    unknown = reviewer_client.post(
        reverse("desk:step", args=[article.pk, "delete-everything"]), follow=True
    )
    assert "not one the desk knows" in unknown.content.decode()

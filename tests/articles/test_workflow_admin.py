"""The article's admin pages: workflow buttons and their forms, bulk actions that
report each refusal, the timeline (escaped, constant queries) and the review link."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Revision
from articles.models.stories import ArticleStatus
from articles.selectors.timeline import article_timeline
from articles.services.audit import audit_record
from articles.services.review import annotation_create, annotation_resolve
from articles.services.workflow import (
    article_approve,
    article_publish,
    article_recommend_approval,
    article_request_changes,
    article_retract,
    article_submit,
)
from tests.articles.workflow_helpers import article_in
from tests.factories import AnnotationFactory, SectionFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus


def _change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _annotate(article, reviewer):
    revision = article.current_revision
    return annotation_create(
        article=article,
        by=reviewer,
        revision_id=revision.pk,
        start=0,
        end=7,
        exact=revision.body[:7],
        kind="needs_source",
        severity="blocking",
        comment="Source?",
    )


def _round_trip(article, editor, reviewer):
    """Submit, annotate, send back, resubmit, resolve."""
    article_submit(article=article, by=editor)
    note = _annotate(article, reviewer)
    article_request_changes(article=article, by=reviewer, note="See my note.")
    article_submit(article=article, by=editor)
    annotation_resolve(annotation=note, by=reviewer, note="Sourced.")


def _history(article, editor, editor2, reviewer) -> None:
    """A round trip through review, then recommend, approve, publish."""
    _round_trip(article, editor, reviewer)
    article_recommend_approval(article=article, by=reviewer)
    article_approve(article=article, by=editor2)
    article_publish(article=article, by=editor2)


# --- buttons --------------------------------------------------------------------


def test_the_approve_button_carries_the_revision_the_approver_is_reading(
    editor2,
):
    article = article_in(S.IN_REVIEW)
    client = Client()
    client.force_login(editor2)
    page = client.get(_change_url(article)).content.decode()
    action = reverse("admin:articles_article_transition", args=[article.pk, "approve"])
    assert f'action="{action}"' in page
    assert f'name="revision" value="{article.current_revision_id}"' in page
    assert "csrfmiddlewaretoken" in page

    newer = Revision.objects.create(article=article, number=2, headline="H", body="B")
    Article.objects.filter(pk=article.pk).update(current_revision=newer)
    response = client.post(action, {"revision": article.current_revision_id})
    assert "revision 2 is now the current one" in _messages(response)[0]
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW


def test_retract_asks_for_a_reason_and_request_changes_takes_a_note(editor):
    client = Client()
    client.force_login(editor)
    published = article_in(S.PUBLISHED)
    page = client.get(_change_url(published)).content.decode()
    assert 'name="note" rows="2" cols="60" required' in page

    url = reverse("admin:articles_article_transition", args=[published.pk, "retract"])
    response = client.post(url, {"note": "  "})
    assert _messages(response) == [
        "A retraction needs a public reason: say why the article is withdrawn."
    ]
    client.post(url, {"note": "The agency withdrew the story."})
    published.refresh_from_db()
    assert published.retraction_reason == "The agency withdrew the story."

    in_review = article_in(S.IN_REVIEW)
    url = reverse(
        "admin:articles_article_transition", args=[in_review.pk, "request_changes"]
    )
    client.post(url)  # the note is optional
    in_review.refresh_from_db()
    assert in_review.status == S.CHANGES_REQUESTED


def test_the_four_eyes_refusal_reaches_the_author_as_a_message(editor):
    article = article_in(S.IN_REVIEW, author=editor)
    client = Client()
    client.force_login(editor)
    url = reverse("admin:articles_article_transition", args=[article.pk, "approve"])
    response = client.post(url, follow=True)
    assert "another editor has to approve it (four-eyes rule)" in (
        response.content.decode()
    )


def test_saving_the_form_writes_only_the_section(editor):
    article = article_in(S.IN_REVIEW)
    section = SectionFactory()
    client = Client()
    client.force_login(editor)
    Article.objects.filter(pk=article.pk).update(status=S.APPROVED)  # meanwhile
    form = {
        "section": section.pk,
        "revisions-TOTAL_FORMS": 1,
        "revisions-INITIAL_FORMS": 1,
        "revisions-0-id": article.current_revision_id,
        "revisions-0-article": article.pk,
    }
    with CaptureQueriesContext(connection) as queries:
        response = client.post(_change_url(article), form)
    assert response.status_code == 302
    [update] = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('UPDATE "articles_article"')
    ]
    assert '"status"' not in update
    article.refresh_from_db()
    assert (article.section, article.status) == (section, S.APPROVED)


# --- bulk actions ---------------------------------------------------------------


def test_bulk_approval_applies_the_gates_to_each_and_names_each_refusal(
    editor, editor2
):
    good = article_in(S.IN_REVIEW, headline="Good story")
    own = article_in(S.IN_REVIEW, author=editor2, headline="Own story")
    blocked = article_in(S.IN_REVIEW, headline="Blocked story")
    AnnotationFactory(article=blocked, comment="Wrong date")
    draft = article_in(S.DRAFT, headline="Draft story")
    client = Client()
    client.force_login(editor2)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "approve_selected",
            "_selected_action": [a.pk for a in (good, own, blocked, draft)],
        },
    )
    messages = _messages(response)
    assert messages[0] == "Approved: 1 article (“Good story”)."
    assert len(messages) == 4
    assert "Refused: You wrote revision 1 of “Own story”" in messages[1]
    assert (
        "“Blocked story” cannot be approved while 1 blocking annotation"
        in (messages[2])
    )
    assert "Wrong date" in messages[2]
    assert messages[3] == (
        "Refused: “Draft story” is a draft: only an article that is in review can be "
        "approved."
    )
    statuses = dict(Article.objects.values_list("headline", "status"))
    assert statuses == {
        "Good story": S.APPROVED,
        "Own story": S.IN_REVIEW,
        "Blocked story": S.IN_REVIEW,
        "Draft story": S.DRAFT,
    }


def test_bulk_submit_and_publish(editor):
    drafts = [article_in(S.DRAFT) for _ in range(2)]
    approved = article_in(S.APPROVED)
    client = Client()
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    response = client.post(
        changelist,
        {"action": "submit_selected", "_selected_action": [a.pk for a in drafts]},
    )
    assert _messages(response) == [
        f"Submitted for review: 2 articles (“{drafts[0].headline}”, "
        f"“{drafts[1].headline}”)."
    ]
    client.get(changelist)  # shows (and so uses up) those messages
    response = client.post(
        changelist,
        {
            "action": "publish_selected",
            "_selected_action": [approved.pk, drafts[0].pk],
        },
    )
    assert _messages(response)[0].startswith("Published: 1 article")
    assert "Refused:" in _messages(response)[1]
    assert set(Article.objects.values_list("status", flat=True)) == {
        S.IN_REVIEW,
        S.PUBLISHED,
    }


# --- timeline ---------------------------------------------------------------------


def test_the_timeline_tells_each_step_with_people_in_order(editor, editor2, reviewer):
    article = article_in(S.DRAFT, author=editor)
    _history(article, editor, editor2, reviewer)
    article_retract(article=article, by=editor2, reason="Withdrawn by the agency.")

    lines = [(e.actor, e.text, e.detail) for e in article_timeline(article=article)]
    texts = [f"{actor} {text}" for actor, text, _ in lines]
    assert texts == [
        f"{editor.username} saved revision 1",
        f"{editor.username} submitted it for review",
        f"{reviewer.username} opened a blocking annotation (needs a source) on "
        "“A first”",
        f"{reviewer.username} requested changes",
        f"{editor.username} submitted it for review",
        f"{reviewer.username} resolved an annotation on “A first”",
        f"{reviewer.username} recommended approval",
        f"{editor2.username} approved revision 1",
        f"{editor2.username} published revision 1",
        f"{editor2.username} retracted it",
    ]
    details = [detail for _, _, detail in lines]
    assert "See my note." in details
    assert "Sourced." in details
    assert "Withdrawn by the agency." in details


def test_the_timeline_names_automated_checks_and_shows_an_edit_leaving_approval(
    editor, editor2
):
    article = article_in(S.APPROVED, author=editor)
    AnnotationFactory(article=article, origin="weekday-date", author=None)
    audit_record(
        actor=editor,
        action="edit",
        obj=article,
        from_state=S.APPROVED,
        to_state=S.DRAFT,
        revision_number=1,
    )
    events = article_timeline(article=article)
    assert any(e.actor == "weekday-date" and e.kind == "annotation" for e in events)
    [revision] = [e for e in events if e.kind == "revision"]
    assert (revision.from_state, revision.to_state) == ("Approved", "Draft")
    assert not any(e.action == "edit" for e in events)


def test_the_change_page_shows_the_timeline_with_user_text_escaped(
    editor, editor2, reviewer
):
    article = article_in(S.DRAFT, author=editor, headline="<b>Bold</b> claims")
    article_submit(article=article, by=editor, note="<script>alert(1)</script>")
    client = Client()
    client.force_login(editor2)
    page = client.get(_change_url(article)).content.decode()
    timeline = page[page.index('id="timeline"') :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in timeline
    assert "<script>alert(1)" not in page
    assert "<b>Bold</b>" not in page
    assert 'data-action="submit"' in timeline


def test_the_change_page_costs_the_same_queries_for_a_long_history(
    editor, editor2, reviewer, superuser
):
    client = Client()
    client.force_login(superuser)
    short = article_in(S.DRAFT, author=editor)
    _history(short, editor, editor2, reviewer)
    long = article_in(S.DRAFT, author=editor)
    for _ in range(3):
        _round_trip(long, editor, reviewer)
        article_request_changes(article=long, by=reviewer)
    _history(long, editor, editor2, reviewer)
    for number in range(2, 6):
        Revision.objects.create(article=long, number=number, headline="H", body="B")
    client.get(_change_url(short))  # warm caches

    def count(article) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_change_url(article)).status_code == 200
        return len(captured.captured_queries)

    assert len(article_timeline(article=long)) > 2 * len(
        article_timeline(article=short)
    )
    assert count(long) == count(short)


def test_the_timeline_takes_three_queries(editor, editor2, reviewer):
    article = article_in(S.DRAFT, author=editor)
    _history(article, editor, editor2, reviewer)
    article_timeline(article=article)  # warm the content-type cache
    with CaptureQueriesContext(connection) as captured:
        article_timeline(article=article)
    assert len(captured.captured_queries) == 3


# --- the review link ---------------------------------------------------------------


def test_the_change_page_links_to_the_review_page(editor_client):
    article = article_in(S.IN_REVIEW)
    page = editor_client.get(_change_url(article)).content.decode()
    review = reverse("articles:review", args=[article.pk])
    assert f'href="{review}" class="review-link">Review</a>' in page

"""Annotating, working threads, applying suggestions, editing with no lost update."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Annotation, AuditEntry, Correction, Revision
from articles.models.review import AnchorState, AnnotationStatus
from articles.models.stories import ArticleStatus
from articles.services.review import (
    ReviewRefused,
    annotation_apply_suggestion,
    annotation_create,
    annotation_dismiss,
    annotation_reattach,
    annotation_reopen,
    annotation_reply,
    annotation_resolve,
)
from articles.services.revisions import (
    EditConflict,
    EditRefused,
    article_edit,
    article_revert,
)
from tests.factories import AnnotationFactory, ArticleFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Russia recognises the group as a terrorist organisation.\n\n"
    "The foreign minister met officials on Friday."
)


@pytest.fixture
def article(editor):
    return ArticleFactory(body=BODY, body__author=editor)


def _annotate(article, user, exact, **fields):
    start = article.current_revision.body.index(exact)
    defaults = dict(kind="factual_error", severity="blocking", comment="Check this.")
    return annotation_create(
        article=article,
        by=user,
        revision_id=article.current_revision_id,
        start=start,
        end=start + len(exact),
        exact=exact,
        **{**defaults, **fields},
    )


def test_a_reviewer_annotates_a_span_with_its_context(article, reviewer):
    annotation = _annotate(article, reviewer, "recognises", suggestion="lists")
    assert (annotation.start, annotation.end) == (7, 17)
    assert annotation.prefix == "Russia "
    assert annotation.suffix.startswith(" the group")
    assert annotation.has_suggestion and annotation.suggestion == "lists"
    assert annotation.status == AnnotationStatus.OPEN
    assert AuditEntry.objects.filter(action="annotate", actor=reviewer).exists()


def test_a_typed_quote_is_found_in_the_text(article, reviewer):
    annotation = annotation_create(
        article=article,
        by=reviewer,
        revision_id=article.current_revision_id,
        start=-1,
        end=-1,
        exact="foreign minister",
        kind="needs_source",
        severity="advisory",
    )
    assert BODY[annotation.start : annotation.end] == "foreign minister"


def test_a_quote_that_is_not_in_the_text_is_refused(article, reviewer):
    with pytest.raises(ReviewRefused, match="not in the article"):
        annotation_create(
            article=article,
            by=reviewer,
            revision_id=article.current_revision_id,
            start=0,
            end=5,
            exact="Ukraine",
            kind="style",
            severity="advisory",
        )
    assert not Annotation.objects.exists()


def test_publishing_a_fact_check_needs_a_verdict(article, reviewer):
    with pytest.raises(ReviewRefused, match="verdict"):
        _annotate(article, reviewer, "Friday", is_public=True)


def test_threads_resolve_dismiss_and_reopen(article, reviewer, editor):
    annotation = _annotate(article, reviewer, "Friday")
    annotation_reply(annotation=annotation, by=editor, body="Which Friday?")
    assert annotation.replies.get().author == editor
    with pytest.raises(ReviewRefused, match="Say why"):
        annotation_dismiss(annotation=annotation, by=editor, reason="  ")
    annotation = annotation_dismiss(
        annotation=annotation, by=editor, reason="It is right"
    )
    assert annotation.status == AnnotationStatus.DISMISSED
    assert annotation.resolution_note == "It is right"
    with pytest.raises(ReviewRefused, match="already dismissed"):
        annotation_resolve(annotation=annotation, by=editor)
    annotation = annotation_reopen(annotation=annotation, by=reviewer)
    assert annotation.status == AnnotationStatus.OPEN
    assert annotation.resolved_at is None


def test_applying_a_suggestion_saves_a_revision_and_resolves(
    article, reviewer, editor2
):
    annotation = _annotate(article, reviewer, "recognises", suggestion="lists")
    revision = annotation_apply_suggestion(
        annotation=annotation, by=editor2, base_revision_id=article.current_revision_id
    )
    assert revision.number == 2
    assert revision.author == editor2
    assert revision.body.startswith("Russia lists the group")
    annotation.refresh_from_db()
    assert annotation.status == AnnotationStatus.RESOLVED
    assert annotation.resolved_in_revision == revision
    article.refresh_from_db()
    assert article.current_revision == revision


def test_a_reviewer_cannot_apply_suggestions(article, reviewer):
    annotation = _annotate(article, reviewer, "recognises", suggestion="lists")
    with pytest.raises(EditRefused, match="permission"):
        annotation_apply_suggestion(
            annotation=annotation,
            by=reviewer,
            base_revision_id=article.current_revision_id,
        )
    assert Revision.objects.filter(article=article).count() == 1


def test_an_edit_on_a_replaced_revision_is_a_conflict(article, editor, editor2):
    base = article.current_revision_id
    article_edit(
        article=article, by=editor, base_revision_id=base, headline="H", body="One."
    )
    with pytest.raises(EditConflict) as conflict:
        article_edit(
            article=article,
            by=editor2,
            base_revision_id=base,
            headline="H",
            body="Two.",
        )
    assert conflict.value.current.body == "One."
    assert conflict.value.body == "Two."
    assert "saved revision 2 while you were editing" in str(conflict.value)
    assert Revision.objects.filter(article=article).count() == 2


def test_annotations_follow_their_text_across_edits(article, reviewer, editor):
    same = _annotate(article, reviewer, "Russia recognises")
    moved = _annotate(article, reviewer, "foreign minister")
    edited = _annotate(article, reviewer, "met officials on Friday")
    lost = _annotate(article, reviewer, "terrorist organisation")
    new_body = (
        "Russia recognises the group.\n\n"
        "Earlier this week, the foreign minister met two officials on Friday."
    )
    revision = article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=new_body,
    )
    for annotation in (same, moved, edited, lost):
        annotation.refresh_from_db()
    assert same.anchor_state == AnchorState.ANCHORED
    # shifted by the words inserted before it, its own words untouched
    assert moved.anchor_state == AnchorState.ANCHORED
    assert new_body[moved.start : moved.end] == "foreign minister"
    assert edited.anchor_state == AnchorState.CHANGED
    assert new_body[edited.start : edited.end] == "met two officials on Friday"
    assert edited.quoted_exact == "met officials on Friday"
    assert lost.anchor_state == AnchorState.ORPHANED
    assert {a.revision_id for a in (same, moved, edited)} == {revision.pk}
    annotation_reattach(
        annotation=lost,
        by=reviewer,
        start=new_body.index("the group"),
        end=new_body.index("the group") + len("the group"),
        exact="the group",
    )
    lost.refresh_from_db()
    assert lost.anchor_state == AnchorState.ANCHORED
    assert lost.revision == revision


def test_editing_published_copy_needs_a_public_correction(article, editor):
    revision = article.current_revision
    type(article).objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED,
        approved_revision=revision,
        published_revision=revision,
    )
    article.refresh_from_db()
    with pytest.raises(EditRefused, match="correction"):
        article_edit(
            article=article,
            by=editor,
            base_revision_id=revision.pk,
            headline="H",
            body="B",
        )
    new = article_edit(
        article=article,
        by=editor,
        base_revision_id=revision.pk,
        headline="H",
        body="B",
        correction="An earlier version misstated the listing.",
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert article.published_revision == revision  # still live until re-approved
    assert Correction.objects.get().revision == new


def test_revert_saves_the_old_text_as_a_new_revision(article, editor):
    first = article.current_revision
    article_edit(
        article=article, by=editor, base_revision_id=first.pk, headline="H2", body="B2"
    )
    article.refresh_from_db()
    reverted = article_revert(
        article=article,
        by=editor,
        to_revision=first,
        base_revision_id=article.current_revision_id,
    )
    assert reverted.number == 3
    assert reverted.body == first.body
    assert reverted.message == "Reverted to revision 1"


def test_review_page_escapes_user_text(article, reviewer, reviewer_client):
    _annotate(article, reviewer, "Friday", comment="<script>alert('x')</script>")
    html = reviewer_client.get(reverse("articles:review", args=[article.pk])).content
    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert" in html


def test_review_page_query_count_does_not_grow_with_annotations(
    article, reviewer, reviewer_client, django_assert_num_queries
):
    url = reverse("articles:review", args=[article.pk])
    for _ in range(2):
        annotation = _annotate(article, reviewer, "Friday")
        annotation_reply(annotation=annotation, by=reviewer, body="Noted")
    with CaptureQueriesContext(connection) as few:
        assert reviewer_client.get(url).status_code == 200
    for _ in range(4):
        annotation = _annotate(article, reviewer, "foreign minister")
        annotation_reply(annotation=annotation, by=reviewer, body="Noted")
        annotation_resolve(annotation=annotation, by=reviewer)
    with django_assert_num_queries(len(few.captured_queries)):
        reviewer_client.get(url)


def test_annotate_through_the_page(article, reviewer_client):
    response = reviewer_client.post(
        reverse("articles:annotate", args=[article.pk]),
        {
            "revision_id": article.current_revision_id,
            "start": 0,
            "end": 6,
            "exact": "Russia",
            "kind": "inconsistency",
            "severity": "blocking",
            "comment": "Another story says otherwise.",
            "evidence": "https://example.org/source",
        },
    )
    assert response.status_code == 302
    annotation = Annotation.objects.get()
    assert annotation.evidence == ["https://example.org/source"]


def test_annotate_form_reports_bad_evidence(article, reviewer_client):
    response = reviewer_client.post(
        reverse("articles:annotate", args=[article.pk]),
        {
            "revision_id": article.current_revision_id,
            "exact": "Russia",
            "kind": "style",
            "severity": "advisory",
            "evidence": "javascript:alert(1)",
        },
    )
    assert response.status_code == 400
    assert "is not a web address" in response.content.decode()
    assert not Annotation.objects.exists()


def test_who_may_open_the_desk_pages(article, reviewer_client, editor_client):
    review = reverse("articles:review", args=[article.pk])
    edit = reverse("articles:edit", args=[article.pk])
    diff = reverse("articles:diff", args=[article.pk])
    anonymous = Client().get(review)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("desk:login"))
    assert reviewer_client.get(review).status_code == 200
    assert reviewer_client.get(diff).status_code == 200
    assert reviewer_client.get(edit).status_code == 403
    assert editor_client.get(edit).status_code == 200


def test_edit_page_shows_a_conflict_with_both_texts(article, editor, editor_client):
    base = article.current_revision_id
    article_edit(
        article=article, by=editor, base_revision_id=base, headline="H", body="Theirs."
    )
    response = editor_client.post(
        reverse("articles:edit", args=[article.pk]),
        {"base_revision_id": base, "headline": "H", "body": "Mine.", "message": ""},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "<del>Theirs</del>" in html
    assert "<ins>Mine</ins>" in html


def test_diff_page_shows_word_changes_escaped(article, editor, editor_client):
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=BODY.replace("recognises", "<b>lists</b>"),
    )
    html = editor_client.get(
        reverse("articles:diff", args=[article.pk]) + "?from=1&to=2"
    ).content.decode()
    assert "<del>recognises</del>" in html
    assert "<ins>&lt;b&gt;lists&lt;/b&gt;</ins>" in html


def test_orphaned_annotations_are_listed_for_reattachment(
    article, reviewer, editor, reviewer_client
):
    AnnotationFactory(article=article, exact="Russia", start=0, end=6)
    article_edit(
        article=article,
        by=editor,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body="Completely different copy about something else entirely.",
    )
    response = reviewer_client.get(reverse("articles:review", args=[article.pk]))
    assert len(response.context["orphans"]) == 1
    assert "Re-attach to selection" in response.content.decode()


def test_checks_run_after_the_split_and_again_on_demand(editor, editor_client):
    from articles.services.imports import source_document_import
    from articles.services.splitting import StoryPlan, source_document_split
    from articles.text.splitting import proposals_to_choices, suggest_split

    copy = (
        "Harbour reopens after storm\n\n"
        "The harbour reopened on Monday after a week of repairs, officials said.\n\n"
        "The harbour reopened on Monday after a week of repairs, officials said.\n"
        "Fishing boats returned at dawn, the harbour master said.\n"
    )
    document = source_document_import(
        data=copy.encode(), filename="x.txt", by=editor
    ).document
    choices = proposals_to_choices(suggest_split(document.text))
    # Keep the duplicate so that the check has something to find.
    kept = [type(c)(**{**c.__dict__, "drop_lines": ()}) for c in choices]
    source_document_split(
        document=document, stories=[StoryPlan(c, None) for c in kept], by=editor
    )
    # The split ran the checks already: running them again finds nothing new.
    finding = Annotation.objects.get(origin="duplicate-paragraph")
    assert finding.author is None and finding.fingerprint
    url = reverse("articles:source-check", args=[document.pk])
    response = editor_client.post(url, follow=True)
    assert response.status_code == 200
    assert "The checks found no new findings" in response.content.decode()
    annotation_dismiss(annotation=finding, by=editor, reason="Intentional repetition")
    editor_client.post(url)
    assert Annotation.objects.filter(origin="duplicate-paragraph").count() == 1


def test_the_editor_dates_the_public_correction(article, editor, editor_client):
    import datetime

    revision = article.current_revision
    type(article).objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED,
        approved_revision=revision,
        published_revision=revision,
    )
    page = editor_client.get(reverse("articles:edit", args=[article.pk]))
    assert "Public correction note" in page.content.decode()
    response = editor_client.post(
        reverse("articles:edit", args=[article.pk]),
        {
            "base_revision_id": revision.pk,
            "headline": "Corrected",
            "body": "Corrected body.",
            "correction": "The listing was misstated.",
            "correction_date": "2026-11-20",
        },
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.corrected_on == datetime.date(2026, 11, 20)
    assert correction.text == "The listing was misstated."


def test_evidence_must_be_web_addresses_whoever_calls(article, reviewer):
    with pytest.raises(ReviewRefused, match="not a web address"):
        _annotate(article, reviewer, "Friday", evidence=["javascript:alert(1)"])
    assert not Annotation.objects.exists()

"""Four-eyes over the whole change: whoever wrote any revision since the last
published one (or any revision at all, before a first publication) cannot approve,
from the service, the admin's button or its bulk action."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from articles.models import Article, AuditEntry
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS
from articles.services.revisions import article_edit
from articles.services.workflow import WorkflowError, article_approve, article_submit
from tests.articles.workflow_helpers import article_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus


def _edit(article: Article, by, body: str, correction: str = "") -> Article:
    article.refresh_from_db()
    article_edit(
        article=article,
        by=by,
        base_revision_id=article.current_revision_id,
        headline=article.headline,
        body=body,
        correction=correction,
    )
    article.refresh_from_db()
    return article


@pytest.fixture
def a():
    return UserFactory(username="writer-a", role=EDITORS)


@pytest.fixture
def b():
    return UserFactory(username="writer-b", role=EDITORS)


@pytest.fixture
def c():
    return UserFactory(username="editor-c", role=EDITORS)


@pytest.fixture
def touched_up(a, b) -> Article:
    """A wrote revision 2; B then added a full stop (revision 3); in review."""
    article = article_in(S.IN_REVIEW)
    _edit(article, a, "A new paragraph nobody has read\n\nA second paragraph.")
    return _edit(article, b, "A new paragraph nobody has read.\n\nA second paragraph.")


def test_an_earlier_revision_of_the_change_bars_its_author(touched_up, a):
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=touched_up, by=a)
    assert str(refused.value) == (
        f"You wrote revision 2 of “{touched_up.headline}”, part of the change that "
        "nobody has approved yet: another editor has to approve it (four-eyes rule)."
    )
    touched_up.refresh_from_db()
    assert (touched_up.status, touched_up.approved_revision) == (S.IN_REVIEW, None)
    assert not AuditEntry.objects.filter(action="approve").exists()


def test_the_author_of_the_last_touch_is_barred_too(touched_up, b):
    with pytest.raises(WorkflowError, match="You wrote revision 3 of"):
        article_approve(article=touched_up, by=b)


def test_an_editor_who_wrote_none_of_it_approves(touched_up, c):
    article_approve(article=touched_up, by=c)
    touched_up.refresh_from_db()
    assert touched_up.approved_revision == touched_up.current_revision


def test_every_revision_of_a_first_approval_counts(a, c):
    article = article_in(S.IN_REVIEW, author=a)
    _edit(article, c, "Rewritten by another editor.\n\nA second paragraph.")
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=article, by=a)
    assert "You wrote revision 1 of" in str(refused.value)
    assert "that nobody has approved yet" in str(refused.value)


def test_after_publication_only_the_new_change_counts(a, b, c):
    article = article_in(S.PUBLISHED, author=a)  # revision 1, approved by another
    _edit(
        article,
        c,
        "A first paragraph, corrected.\n\nA second paragraph.",
        correction="A detail was corrected.",
    )
    article_submit(article=article, by=c)
    article_approve(article=article, by=a)  # A wrote nothing since revision 1
    article.refresh_from_db()
    assert article.status == S.APPROVED


def test_several_revisions_are_all_named(a, b, c):
    article = article_in(S.PUBLISHED, author=b)
    _edit(article, a, "One.\n\nA second paragraph.", correction="Fixed.")
    _edit(article, c, "Two.\n\nA second paragraph.", correction="Fixed again.")
    _edit(article, a, "Three.\n\nA second paragraph.", correction="And again.")
    _edit(article, c, "Four.\n\nA second paragraph.", correction="Last one.")
    article_submit(article=article, by=c)
    with pytest.raises(WorkflowError) as refused:
        article_approve(article=article, by=a)
    assert str(refused.value).startswith(
        f"You wrote revisions 2 and 4 of “{article.headline}”, part of the change "
        "since revision 1 was published:"
    )


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_admin_button_refuses_with_the_reason(touched_up, a):
    client = Client()
    client.force_login(a)
    url = reverse("admin:articles_article_transition", args=[touched_up.pk, "approve"])
    response = client.post(url, {"revision": touched_up.current_revision_id})
    assert response.status_code == 302
    [message] = _messages(response)
    assert message.startswith("You wrote revision 2 of")
    touched_up.refresh_from_db()
    assert touched_up.status == S.IN_REVIEW


def test_the_bulk_action_refuses_with_the_reason(touched_up, a):
    client = Client()
    client.force_login(a)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "approve_selected", "_selected_action": [touched_up.pk]},
    )
    [message] = _messages(response)
    assert message.startswith("Refused: You wrote revision 2 of")
    touched_up.refresh_from_db()
    assert touched_up.status == S.IN_REVIEW

"""The desk's queues: what each holds, who sees which, and counts whose query cost
does not grow with the number of articles (on the index page and the changelist)."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Revision
from articles.models.stories import ArticleStatus
from articles.selectors.queues import desk_queues, queue_articles, queues_for
from articles.services.workflow import article_recommend_approval
from tests.articles.workflow_helpers import article_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus


def _counts(user) -> dict[str, int]:
    return {queue.key: queue.count for queue in desk_queues(user=user)}


def _fill(n: int) -> None:
    """n articles in each state the queues look at, one recommended by 'rev'."""
    for _ in range(n):
        article_in(S.DRAFT)
        article_in(S.IN_REVIEW)
        article_in(S.CHANGES_REQUESTED)
        article_in(S.PUBLISHED)
        article_in(S.APPROVED)


def test_each_role_sees_its_own_queues(editor, reviewer, superuser):
    assert [q.key for q in queues_for(user=reviewer)] == ["review", "published"]
    assert [q.key for q in queues_for(user=editor)] == [
        "approval",
        "changes",
        "published",
    ]
    assert [q.key for q in queues_for(user=superuser)] == [
        "review",
        "approval",
        "changes",
        "published",
    ]
    assert desk_queues(user=UserFactory(username="nobody")) == []


def test_the_review_queue_holds_what_in_review_i_have_not_recommended(reviewer):
    other = UserFactory(username="rev2", role="Reviewers")
    mine, theirs, done = (article_in(S.IN_REVIEW) for _ in range(3))
    article_in(S.DRAFT)
    article_recommend_approval(article=done, by=reviewer)
    article_recommend_approval(article=theirs, by=other)

    queue = queue_articles(key="review", user=reviewer)
    assert set(queue) == {mine, theirs}
    assert _counts(reviewer)["review"] == 2
    assert _counts(other)["review"] == 2  # its own recommendation left it


def test_a_new_revision_puts_a_recommended_article_back_in_the_review_queue(
    reviewer,
):
    article = article_in(S.IN_REVIEW)
    article_recommend_approval(article=article, by=reviewer)
    assert _counts(reviewer)["review"] == 0
    newer = Revision.objects.create(article=article, number=2, headline="H", body="B")
    Article.objects.filter(pk=article.pk).update(current_revision=newer)
    assert _counts(reviewer)["review"] == 1


def test_editor_queues_count_waiting_sent_back_and_recently_published(editor):
    _fill(2)
    old = article_in(S.PUBLISHED)
    Article.objects.filter(pk=old.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert _counts(editor) == {"approval": 2, "changes": 2, "published": 2}
    assert old not in queue_articles(key="published", user=editor)


def test_a_queue_the_user_may_not_see_is_empty(editor):
    article_in(S.IN_REVIEW)
    assert not queue_articles(key="review", user=editor).exists()
    assert not queue_articles(key="no-such-queue", user=editor).exists()


@pytest.mark.parametrize("role", ["editor", "reviewer", "superuser"])
def test_the_counts_take_one_query_per_queue_however_many_articles(
    role, request, django_assert_num_queries
):
    user = request.getfixturevalue(role)
    _fill(2)
    queues = len(desk_queues(user=user))  # loads the user's permissions, as any
    with django_assert_num_queries(queues):  # request does
        desk_queues(user=user)
    _fill(2)
    with django_assert_num_queries(queues):
        desk_queues(user=user)


def test_a_queue_longer_than_the_cap_shows_the_cap_and_a_plus(
    editor_client, editor, monkeypatch
):
    monkeypatch.setattr("articles.selectors.queues.COUNT_CAP", 2)
    for _ in range(3):
        article_in(S.CHANGES_REQUESTED)
    article_in(S.PUBLISHED)

    queues = {q.key: q for q in desk_queues(user=editor)}

    assert (queues["changes"].count, queues["changes"].more) == (2, True)
    assert (queues["published"].count, queues["published"].more) == (1, False)
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert '<span class="desk-queue-count">2+</span>' in page
    assert '<span class="desk-queue-count">1</span>' in page


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("role", ["editor", "reviewer", "superuser"])
def test_the_index_shows_the_queues_with_links_in_constant_queries(role, request):
    user = request.getfixturevalue(role)
    client = Client()
    client.force_login(user)
    index = reverse("admin:index")
    _fill(2)
    client.get(index)  # warm the content-type and session caches
    small = _queries(client, index)
    _fill(2)
    assert _queries(client, index) == small

    page = client.get(index).content.decode()
    changelist = reverse("admin:articles_article_changelist")
    for queue in desk_queues(user=user):
        assert f'href="{changelist}?queue={queue.key}"' in page
        assert f'data-queue="{queue.key}"' in page
    assert page.index('id="desk-queues"') < page.index('id="content-main"')


def test_the_index_shows_no_queues_to_staff_without_a_role():
    client = Client()
    client.force_login(UserFactory(username="nobody"))
    assert 'id="desk-queues"' not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize("key", ["review", "approval", "changes", "published"])
def test_a_queue_link_lists_exactly_its_articles_in_constant_queries(key, superuser):
    client = Client()
    client.force_login(superuser)
    url = f"{reverse('admin:articles_article_changelist')}?queue={key}"
    _fill(2)
    client.get(url)
    small = _queries(client, url)
    _fill(2)
    assert _queries(client, url) == small
    response = client.get(url)
    listed = set(response.context["cl"].result_list)
    assert listed == set(queue_articles(key=key, user=superuser))
    assert len(listed) == 4

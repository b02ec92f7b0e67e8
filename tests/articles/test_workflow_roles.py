"""Who may make which workflow move: each role against each transition, through the
service, the change page's buttons and the changelist's bulk actions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from articles.models import Article, AuditEntry
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services.workflow import TRANSITIONS, WorkflowError, article_transition
from tests.articles.workflow_helpers import article_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

S = ArticleStatus
ROLES = ["editor", "reviewer", "superuser", "staff without a role", "anonymous"]
# Where each transition is tried from: a state the table allows it from.
START = {
    "submit": S.DRAFT,
    "recommend_approval": S.IN_REVIEW,
    "request_changes": S.IN_REVIEW,
    "approve": S.IN_REVIEW,
    "publish": S.APPROVED,
    "retract": S.PUBLISHED,
}
# The matrix: what each role may do (issue 6: editors submit, approve, publish and
# retract; reviewers recommend and send back; admins everything; nobody else).
MAY = {
    "editor": {"submit", "request_changes", "approve", "publish", "retract"},
    "reviewer": {"recommend_approval", "request_changes"},
    "superuser": set(START),
    "staff without a role": set(),
    "anonymous": set(),
}
CASES = [(role, name) for role in ROLES for name in START]
BULK = {
    "submit": "submit_selected",
    "approve": "approve_selected",
    "publish": "publish_selected",
}


def _user(role: str):
    if role == "anonymous":
        return AnonymousUser()
    return {
        "editor": lambda: UserFactory(username="ed", role=EDITORS),
        "reviewer": lambda: UserFactory(username="rev", role=REVIEWERS),
        "superuser": lambda: UserFactory(username="boss", admin=True),
        "staff without a role": lambda: UserFactory(username="nobody"),
    }[role]()


def _client(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def _moved(article: Article, name: str) -> bool:
    article.refresh_from_db()
    return AuditEntry.objects.filter(
        object_id=str(article.pk), content_type__model="article", action=name
    ).exists()


def test_the_matrix_covers_every_transition():
    assert set(START) == set(TRANSITIONS)


@pytest.mark.parametrize(("role", "name"), CASES)
def test_service(role, name):
    user, article = _user(role), article_in(START[name])
    if name in MAY[role]:
        article_transition(name=name, article=article, by=user, note="A reason.")
        assert _moved(article, name)
        return
    with pytest.raises(WorkflowError, match="You do not have permission to"):
        article_transition(name=name, article=article, by=user, note="A reason.")
    assert not _moved(article, name)
    assert article.status == START[name]


@pytest.mark.parametrize(("role", "name"), CASES)
def test_change_page_button(role, name):
    user, article = _user(role), article_in(START[name])
    client = _client(user)
    url = reverse("admin:articles_article_transition", args=[article.pk, name])
    response = client.post(url, {"note": "A reason."})

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif role == "staff without a role":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "admin:articles_article_change", args=[article.pk]
        )
        [message] = [str(m) for m in get_messages(response.wsgi_request)]
        if name in MAY[role]:
            assert message == f"“{article.headline}” {TRANSITIONS[name].done}."
        else:
            assert message.startswith("You do not have permission to")
    assert _moved(article, name) == (name in MAY[role])


@pytest.mark.parametrize(("role", "name"), CASES)
def test_change_page_shows_the_button_only_to_who_may_use_it(role, name):
    user, article = _user(role), article_in(START[name])
    response = _client(user).get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    if role == "anonymous":
        assert response.status_code == 302
        return
    if role == "staff without a role":
        assert response.status_code == 403
        return
    steps = {step.name for step in response.context["transitions"]}
    assert (name in steps) == (name in MAY[role])
    shown = f'data-step="{name}"' in response.content.decode()
    assert shown == (name in MAY[role])


@pytest.mark.parametrize(
    ("role", "name"), [(role, name) for role in ROLES for name in BULK]
)
def test_bulk_action(role, name):
    user, article = _user(role), article_in(START[name])
    client = _client(user)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": BULK[name], "_selected_action": [article.pk]},
    )
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif role == "staff without a role":
        assert response.status_code == 403
    else:
        assert response.status_code in (200, 302)
        changelist = client.get(reverse("admin:articles_article_changelist"))
        form = changelist.context["action_form"]  # None: no action at all
        offered = (
            {value for value, _ in form.fields["action"].choices} if form else set()
        )
        assert (BULK[name] in offered) == (name in MAY[role])
    assert _moved(article, name) == (name in MAY[role])


def test_a_transition_is_a_post_with_the_csrf_token(editor):
    article = article_in(S.DRAFT)
    url = reverse("admin:articles_article_transition", args=[article.pk, "submit"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    article.refresh_from_db()
    assert article.status == S.DRAFT


def test_an_unknown_step_or_article_is_not_found(editor_client):
    article = article_in(S.DRAFT)
    url = reverse("admin:articles_article_transition", args=[article.pk, "delete"])
    assert editor_client.post(url).status_code == 404
    url = reverse("admin:articles_article_transition", args=[article.pk + 1, "submit"])
    assert editor_client.post(url).status_code == 404

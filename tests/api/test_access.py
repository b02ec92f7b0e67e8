"""Who may read: anyone, throttled; partner sites with a key, at a higher rate.
Keys are issued and revoked by administrators and stored only as hashes."""

import hashlib

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import ApiKey, AuditEntry
from articles.services.api_keys import ApiKeyRefused, api_key_issue, api_key_revoke
from tests.api.helpers import published
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", admin=True)


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "partner": "6/min"},
    }


def test_anyone_may_read_without_a_key(api):
    published()
    assert api.get("/api/v1/articles/").status_code == 200


def test_a_key_works_in_either_header_and_only_its_hash_is_stored(api, admin_user):
    key, raw = api_key_issue(name="Partner site", by=admin_user)
    assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(ApiKey.objects.values().get())
    assert raw.startswith(key.prefix)
    assert api.get("/api/v1/articles/", HTTP_X_API_KEY=raw).status_code == 200
    response = api.get("/api/v1/articles/", HTTP_AUTHORIZATION=f"Api-Key {raw}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_API_KEY": "not-a-key"},
        {"HTTP_AUTHORIZATION": "Api-Key not-a-key"},
        {"HTTP_AUTHORIZATION": "Api-Key"},
        {"HTTP_AUTHORIZATION": "Api-Key two parts"},
        {"HTTP_X_API_KEY": ""},
    ],
)
def test_a_wrong_key_is_refused_not_downgraded_to_anonymous(api, headers):
    response = api.get("/api/v1/articles/", **headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"
    assert response.json()["detail"]


def test_a_revoked_key_stops_working_at_once(api, admin_user):
    key, raw = api_key_issue(name="Partner site", by=admin_user)
    assert api.get("/api/v1/articles/", HTTP_X_API_KEY=raw).status_code == 200
    api_key_revoke(key=key, by=admin_user)
    assert api.get("/api/v1/articles/", HTTP_X_API_KEY=raw).status_code == 401
    with pytest.raises(ApiKeyRefused, match="already revoked"):
        api_key_revoke(key=key, by=admin_user)


def test_only_administrators_issue_and_revoke_keys_and_it_is_audited(
    admin_user, editor
):
    with pytest.raises(ApiKeyRefused):
        api_key_issue(name="Sneaky", by=editor)
    key, _ = api_key_issue(name="Partner site", by=admin_user)
    with pytest.raises(ApiKeyRefused):
        api_key_revoke(key=key, by=editor)
    api_key_revoke(key=key, by=admin_user)
    actions = list(
        AuditEntry.objects.filter(object_id=str(key.pk))
        .order_by("pk")
        .values_list("action", "actor__username")
    )
    assert actions == [("issue_api_key", "root"), ("revoke_api_key", "root")]


def test_anonymous_clients_are_throttled_by_address(api, low_rates):
    published()
    statuses = [
        api.get(f"/api/v1/articles/?page_size={n}").status_code for n in (1, 2, 3, 4)
    ]
    assert statuses == [200, 200, 200, 429]
    assert int(api.get("/api/v1/articles/?page_size=5")["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/api/v1/articles/").status_code == 200


def test_spoofed_forwarded_for_does_not_escape_the_throttle(api, low_rates):
    codes = [
        api.get("/api/v1/sections/", HTTP_X_FORWARDED_FOR=f"10.1.1.{n}").status_code
        for n in range(4)
    ]
    assert codes[-1] == 429


def test_partner_keys_get_their_own_higher_rate(api, admin_user, low_rates):
    _, raw = api_key_issue(name="Partner site", by=admin_user)
    for n in range(3):
        api.get(f"/api/v1/sections/?n={n}")
    assert api.get("/api/v1/sections/?n=x").status_code == 429
    codes = [
        api.get(f"/api/v1/sections/?k={n}", HTTP_X_API_KEY=raw).status_code
        for n in range(7)
    ]
    assert codes == [200] * 6 + [429]


def test_the_admin_issues_a_key_and_shows_it_once(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:articles_apikey_add"), {"name": "Partner site"}, follow=True
    )
    assert response.status_code == 200
    key = ApiKey.objects.get()
    [shown] = [m.message for m in response.context["messages"] if "copy" in m.message]
    raw = shown.split(" is ")[1].split(" ")[0]
    assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert key.created_by == admin_user
    changelist = client.get(reverse("admin:articles_apikey_changelist"))
    assert key.prefix in changelist.content.decode()
    assert raw not in changelist.content.decode()
    assert (
        raw
        not in client.get(
            reverse("admin:articles_apikey_change", args=[key.pk])
        ).content.decode()
    )


def test_the_admin_revokes_selected_keys(admin_user, api):
    key, raw = api_key_issue(name="Partner site", by=admin_user)
    client = Client()
    client.force_login(admin_user)
    client.post(
        reverse("admin:articles_apikey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk]},
    )
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert api.get("/api/v1/articles/", HTTP_X_API_KEY=raw).status_code == 401


def test_editors_do_not_see_api_keys(editor_client):
    assert (
        editor_client.get(reverse("admin:articles_apikey_changelist")).status_code
        == 403
    )

"""Log-in throttling and lockout (django-axes) and the password-reset flow."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tests.factories import UserFactory
from tests.newsroom.test_page_policy import policy_problems

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "pw-for-tests"  # tests.factories.UserFactory's


def _log_in(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def _logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_lock_the_account_with_a_clear_message(settings):
    user = UserFactory(username="chief", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _log_in(client, "chief", "not-the-password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.text
    response = _log_in(client, "chief", "not-the-password")
    assert response.status_code == 429
    assert "Log-in is locked for “chief”" in response.text
    assert "ask an administrator to unlock it" in response.text
    assert policy_problems(response.text) == []
    # Now even the right password is refused, from another address too.
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert _log_in(other, user.username, PASSWORD).status_code == 429
    assert not _logged_in(other)


def test_an_administrator_unlocks_an_account_with_axes_reset(settings):
    UserFactory(username="chief", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, "chief", "not-the-password")
    assert _log_in(client, "chief", PASSWORD).status_code == 429
    call_command("axes_reset_username", "chief")
    response = _log_in(client, "chief", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_an_administrator_sees_the_lockout_in_the_admin_and_can_clear_it(
    settings, superuser
):
    UserFactory(username="chief", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(Client(), "chief", "not-the-password")
    admin = Client()
    admin.force_login(superuser)
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "chief" in listing.text
    call_command("axes_reset")
    assert "chief" not in admin.get("/admin/axes/accessattempt/").text
    assert _log_in(Client(), "chief", PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(settings):
    UserFactory(username="chief", is_staff=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "chief", "not-the-password")
    assert _log_in(client, "chief", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, "chief", "not-the-password")
    assert _log_in(client, "chief", PASSWORD).status_code == 302


def test_the_log_in_page_offers_a_password_reset():
    response = Client().get(LOGIN)
    assert 'href="/accounts/password-reset/"' in response.text


def test_a_password_reset_by_e_mail_sets_a_new_password():
    user = UserFactory(username="chief", email="chief@example.org", is_staff=True)
    client = Client()
    response = client.post("/accounts/password-reset/", {"email": "chief@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chief@example.org"]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    assert "Enter new password" in form_page.text
    assert policy_problems(form_page.text) == []
    done = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a-new-long-passphrase-42",
            "new_password2": "a-new-long-passphrase-42",
        },
    )
    assert done.status_code == 302
    assert done["Location"] == "/accounts/reset/done/"
    user.refresh_from_db()
    assert user.check_password("a-new-long-passphrase-42")
    assert _log_in(Client(), "chief", "a-new-long-passphrase-42").status_code == 302


def test_a_reset_for_an_unknown_address_says_the_same_and_sends_nothing():
    response = Client().post(
        "/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True
    )
    assert response.status_code == 200
    assert "emailed you instructions for setting your password" in response.text
    assert mail.outbox == []


def test_a_used_reset_link_is_refused():
    UserFactory(username="chief", email="chief@example.org")
    client = Client()
    client.post("/accounts/password-reset/", {"email": "chief@example.org"})
    path = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)
    form_url = client.get(path.group(1), follow=True).redirect_chain[-1][0]
    new = {
        "new_password1": "another-long-phrase-7",
        "new_password2": "another-long-phrase-7",
    }
    client.post(form_url, new)
    again = Client().get(path.group(1), follow=True)
    assert "The password reset link was invalid" in again.text

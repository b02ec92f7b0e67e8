"""The production settings follow Django's deployment checklist, set from the env."""

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({n: "
    "getattr(s, n) for n in ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SAMESITE', "
    "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_PROXY_SSL_HEADER', "
    "'EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_USE_TLS', "
    "'DEFAULT_FROM_EMAIL']}))"
)


def _production(**env: str) -> dict:
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.prod",
            "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
            "ALLOWED_HOSTS": "desk.example.org",
            **env,
        },
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_and_https_is_enforced_by_default():
    values = _production()
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    # No proxy header is trusted unless the environment names one.
    assert values["SECURE_PROXY_SSL_HEADER"] is None


def test_the_proxy_header_and_the_smtp_server_come_from_the_environment():
    values = _production(
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="desk@example.org",
    )
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "smtp.example.org"
    assert values["EMAIL_PORT"] == 2525
    assert values["EMAIL_USE_TLS"] is False
    assert values["DEFAULT_FROM_EMAIL"] == "desk@example.org"


def test_a_loopback_run_without_tls_turns_https_off():
    values = _production(HTTPS="false")
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0

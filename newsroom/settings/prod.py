"""Production: refuses to start without SECRET_KEY; HTTPS-only cookies and HSTS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

if not SECRET_KEY or SECRET_KEY.startswith("django-insecure"):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: production needs a long random secret "
        "in the environment."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# A cache shared by every app server (API throttles live there), e.g. redis://host:6379/0.
if CACHE_URL := env_str("CACHE_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool(
    "NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS", False
)

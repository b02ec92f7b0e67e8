"""Production: refuses to start without SECRET_KEY; HTTPS-only cookies and HSTS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE
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

# --- Serving and security (issue 10b) ------------------------------------------------

# Static files from the app server itself (WhiteNoise, right after SecurityMiddleware):
# compressed, with content-hashed names cached for a year. `collectstatic` fills
# STATIC_ROOT (make serve does it).
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STATIC_ROOT = env_str("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# HTTPS=false only for a run on loopback without TLS (make serve on 127.0.0.1): no
# redirect, no Secure cookies, no HSTS. Anything reachable from outside keeps it on.
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# Health checks from the load balancer come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
X_FRAME_OPTIONS = "DENY"
# Set only behind a proxy that always sets (and strips from clients) this header,
# e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto: a request is HTTPS when it says
# "https". Unset, the connection to the app server decides.
if PROXY_SSL_HEADER := env_str("SECURE_PROXY_SSL_HEADER", ""):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + PROXY_SSL_HEADER.upper().replace("-", "_"),
        "https",
    )

# Password-reset mail by SMTP.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405
NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool(
    "NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS", False
)

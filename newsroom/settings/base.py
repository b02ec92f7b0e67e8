"""Settings shared by every environment; what differs comes from the environment."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has a web server and a task worker writing one file: write-ahead
    # logging lets readers go on while one writes, a write transaction takes its lock
    # when it begins (so it waits for it, instead of failing half-way when it first
    # writes), and a writer waits up to 20 s for the other before giving up.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "/desk/"

# Raw copy larger than this is refused at import; copy is text, rarely over 1 MB.
NEWSROOM_MAX_IMPORT_BYTES = env_int("NEWSROOM_MAX_IMPORT_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSROOM_MAX_IMPORT_BYTES + 1024 * 1024
# Where readers find a published article on the public site, for feed item links:
# a template with {id}, {slug} and {section} (the section's slug), e.g.
# "https://news.example.org/{section}/{slug}/". Empty: the API's article URL.
NEWSROOM_PUBLIC_ARTICLE_URL = env_str("NEWSROOM_PUBLIC_ARTICLE_URL", "")
FILE_UPLOAD_MAX_MEMORY_SIZE = NEWSROOM_MAX_IMPORT_BYTES + 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The public API's limits per window; counts live in the (shared) cache.
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/min"),
        "partner": env_str("API_PARTNER_RATE", "1200/min"),
    },
    # Proxies in front of the app (the load balancer): 0 trusts no X-Forwarded-For.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom review desk: public API",
    "DESCRIPTION": "Published articles only, as approved. See docs/api.md.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "articles.api.schema.allow_empty_query_values",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- Serving and security (issue 10b) ------------------------------------------------
# Kept in one block so that other changes to the lists above merge cleanly.

INSTALLED_APPS += ["csp", "axes"]
MIDDLEWARE += [
    "csp.middleware.CSPMiddleware",
    "newsroom.security.PrivateCacheMiddleware",
    # django-axes asks to be last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Every page, the admin and the API docs included: scripts and styles only from our
# own static files, never inline (templates carry none; a test renders every page).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Swagger UI's and the admin's stylesheets draw icons as data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Pages under these prefixes are one user's: no shared cache may keep them.
PRIVATE_PATH_PREFIXES = ("/admin/", "/desk/", "/accounts/")

# Log-in throttling and lockout (django-axes): after AXES_FAILURE_LIMIT wrong
# passwords for one account, or from one address, log-in is refused for
# AXES_COOLOFF_TIME hours or until an administrator runs `manage.py axes_reset`
# (or deletes the access attempts in the admin).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "newsroom.security.lockout_response"
# The address the proxies in front (API_NUM_PROXIES of them) saw, as for the API.
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"

# Password reset by e-mail (django.contrib.auth): printed to the console here,
# sent by SMTP in production (prod.py reads EMAIL_HOST and the rest).
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "desk@localhost")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Cookies, as Django's deployment checklist says (prod.py makes them Secure).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Django: HttpOnly on the CSRF cookie "offers no practical benefit", and a page's
# script may need to read the token; the session cookie is the one that matters.
CSRF_COOKIE_HTTPONLY = False
# --- Background tasks (issue 13) ---------------------------------------------------
# Code uses only the django.tasks API (`articles/tasks.py`); the backend is chosen
# here. The database backend needs no other service: `manage.py db_worker` (or
# `make worker`) runs the tasks, on SQLite or PostgreSQL, any number of workers.
# docs/operations.md shows how to switch to RQ or Celery.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Items (articles) per chunk of a background job: one task and one transaction each.
NEWSROOM_JOB_CHUNK_SIZE = env_int("NEWSROOM_JOB_CHUNK_SIZE", 400)
# Source documents larger than this are checked in a background task, not the request.
NEWSROOM_CHECKS_INLINE_BYTES = env_int("NEWSROOM_CHECKS_INLINE_BYTES", 200_000)
# Webhooks (docs/webhooks.md): attempts before a delivery is given up, the first
# retry's delay (doubled each time, with jitter), timeouts, and how long a subscriber
# may fail before it is disabled. Loopback and private targets only where allowed.
NEWSROOM_WEBHOOK_MAX_ATTEMPTS = env_int("NEWSROOM_WEBHOOK_MAX_ATTEMPTS", 10)
NEWSROOM_WEBHOOK_BACKOFF_SECONDS = env_int("NEWSROOM_WEBHOOK_BACKOFF_SECONDS", 30)
NEWSROOM_WEBHOOK_CONNECT_TIMEOUT = env_int("NEWSROOM_WEBHOOK_CONNECT_TIMEOUT", 5)
NEWSROOM_WEBHOOK_TOTAL_TIMEOUT = env_int("NEWSROOM_WEBHOOK_TOTAL_TIMEOUT", 15)
NEWSROOM_WEBHOOK_DISABLE_AFTER_SECONDS = env_int(
    "NEWSROOM_WEBHOOK_DISABLE_AFTER_SECONDS", 24 * 3600
)
NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool(
    "NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS", DEBUG
)

# --- Concurrency (issue 10c) ---------------------------------------------------------
# A deadlock or serialization failure answers 409 "try again", never a 500.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"),
    "newsroom.conflicts.WriteConflictMiddleware",
)

# --- API polls (issue 13) ------------------------------------------------------------
# Innermost, so that every other middleware sees its 304s as it sees the views': a
# conditional poll of a path already checked is answered before URL resolution.
MIDDLEWARE.append("articles.api.caching.EarlyNotModifiedMiddleware")

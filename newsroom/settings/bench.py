"""The API benchmark's server (tests/benchmarks/bench_api.py): production-like
(DEBUG off, persistent connections, the same middleware), plus a constant view to
compare with, and rate limits too high to interfere. Never for serving users."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-key-not-for-any-real-deployment-0123")

from .base import *  # noqa: F403
from .base import DATABASES, REST_FRAMEWORK

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "newsroom.bench_urls"
DATABASES["default"]["CONN_MAX_AGE"] = None
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "1000000000/min", "partner": "1000000000/min"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}

"""Test settings: fast hashing, no DEBUG; DATABASE_URL still picks the database."""

import os

os.environ.setdefault("SECRET_KEY", "django-insecure-test-only")

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Task bodies run at once in unit tests; tests/tasks/ switch to the database backend
# and run real `db_worker` processes.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# The webhook tests run a real receiver on 127.0.0.1.
NEWSROOM_WEBHOOK_ALLOW_PRIVATE_TARGETS = True

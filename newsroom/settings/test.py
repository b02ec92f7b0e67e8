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

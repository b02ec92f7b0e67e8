"""Local development: DEBUG on by default, an insecure key that only works here."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "django-insecure-dev-only-never-use-in-production")

from .base import *  # noqa: F403

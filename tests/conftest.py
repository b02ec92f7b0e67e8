"""Shared fixtures: users in each role, logged-in clients."""

import os

import pytest
from django.test import Client
from hypothesis import settings

from articles.roles import EDITORS, REVIEWERS
from tests.factories import UserFactory

# The property tests run on a fixed sequence of examples, so that `make test` gives
# the same verdict on every machine and every run. HYPOTHESIS_EXPLORE=1 makes them
# try new examples on every run instead (and remember failures in .hypothesis/):
# that is how new counterexamples are found; keep each as an explicit test.
settings.register_profile("fixed", derandomize=True, database=None)
if os.environ.get("HYPOTHESIS_EXPLORE", "").lower() not in {"1", "true", "yes"}:
    settings.load_profile("fixed")


@pytest.fixture
def editor(db):
    return UserFactory(username="ed", role=EDITORS)


@pytest.fixture
def editor2(db):
    return UserFactory(username="ed2", role=EDITORS)


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rev", role=REVIEWERS)


@pytest.fixture
def superuser(db):
    return UserFactory(username="boss", admin=True)


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor) -> Client:
    return _client_for(editor)


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    return _client_for(reviewer)

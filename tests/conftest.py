"""Shared fixtures: users in each role, logged-in clients."""

import os

import pytest
from django.test import Client
from hypothesis import settings

from articles.roles import EDITORS, REVIEWERS
from tests.factories import UserFactory

# CI (CI=true) runs the property tests on a fixed sequence of examples, so that a
# submission is judged on the same cases every time; on a developer's machine they
# explore new examples on every run, which is where new counterexamples are found.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    settings.load_profile("ci")


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

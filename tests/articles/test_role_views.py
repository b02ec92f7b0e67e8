"""Editors and reviewers can read in the admin who reviews what and what was
recommended; they change neither there (each is written by its service)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RECORDS = ["assignment", "recommendation"]


@pytest.mark.parametrize("model", RECORDS)
def test_editors_and_reviewers_read_the_desks_records(
    model, editor_client, reviewer_client
):
    changelist = reverse(f"admin:articles_{model}_changelist")
    for client in (editor_client, reviewer_client):
        page = client.get(changelist)
        assert page.status_code == 200
        assert f'href="{reverse(f"admin:articles_{model}_add")}"' not in (
            page.content.decode()
        )

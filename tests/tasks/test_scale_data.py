"""The rows `make bench-scale` writes with COPY are rows the app itself would have
written: the API serves them as it serves a publication, and a rename's relink
re-renders them without error. (The benchmark is only as true as its data.)"""

import pytest
from django.db import connection, transaction
from django.test import Client

from articles.models import BackgroundJob, JobChunk, Mention, PublicArticle
from articles.services.entities import entity_update
from articles.services.jobs import background_job_plan, job_chunk_run
from tests.benchmarks import scale

pytestmark = pytest.mark.django_db(transaction=True)


def test_generated_articles_are_served_and_relinked_like_published_ones():
    if connection.vendor != "postgresql":
        pytest.skip("bench-scale writes with PostgreSQL's COPY; run with DATABASE_URL")
    scale.populate(30)
    public = PublicArticle.objects.order_by("pk").first()
    assert isinstance(public.payload, dict)
    detail = Client().get(f"/api/v1/articles/{public.payload['id']}/")
    assert detail.status_code == 200
    assert detail.json()["headline"] == public.headline

    entity = Mention.objects.order_by("pk").first().entity
    with transaction.atomic():
        entity_update(entity=entity, by=None, name="A renamed agency")
    job = BackgroundJob.objects.get()
    background_job_plan(job_id=job.pk)
    for chunk in JobChunk.objects.filter(job=job).order_by("number"):
        job_chunk_run(chunk_id=chunk.pk)
    job.refresh_from_db()
    assert job.state == "done", job.outcome
    assert job.outcome["refreshed"] >= 1

"""A registry change in the admin only saves, audits and asks for a job: the live
articles it concerns are found by the job, not by the request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import BackgroundJob, PublicArticle
from articles.models.stories import ArticleStatus
from articles.services.entities import revision_link_entities
from articles.services.workflow import article_publish
from tests.articles.workflow_helpers import article_in
from tests.factories import EntityAliasFactory, EntityFactory

pytestmark = pytest.mark.django_db


def test_a_rename_request_reads_no_article_and_its_job_re_renders_them(
    editor, editor2, editor_client, django_capture_on_commit_callbacks, settings
):
    group = EntityFactory(name="Zorblax Agency", kind="organisation")
    EntityAliasFactory(entity=group, text="ZA")  # still found after the rename
    article = article_in(ArticleStatus.APPROVED, body="The ZA said so.")
    revision_link_entities(revision=article.current_revision)
    article_publish(article=article, by=editor2)
    form = {
        "name": "Zorblax Authority",
        "kind": "organisation",
        "description": "",
        "external_id": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
    }
    url = f"/admin/articles/entity/{group.pk}/change/"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert editor_client.post(url, form).status_code == 302

    tables = ("articles_article", "articles_mention", "articles_publicarticle")
    assert not [q["sql"] for q in queries if any(t in q["sql"] for t in tables)]
    job = BackgroundJob.objects.get(kind="relink", state="queued")
    assert job.params["entities"] == [group.pk]

    # The job (run here as a worker would) re-renders the article naming it,
    # though its mentions did not change.
    from articles.services.jobs import background_job_plan, job_chunk_run

    with django_capture_on_commit_callbacks(execute=False):
        background_job_plan(job_id=job.pk)
    for chunk in job.chunks.all():
        job_chunk_run(chunk_id=chunk.pk)
    payload = PublicArticle.objects.get(article=article).payload
    assert [e["name"] for e in payload["entities"]] == ["Zorblax Authority"]

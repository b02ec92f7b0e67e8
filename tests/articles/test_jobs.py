"""Background jobs (task bodies run at once here): chunks, progress, resuming,
section changes reaching the payloads, and requests that do not grow with the archive.
"""

import pytest
from django.utils import timezone

from articles.models import (
    Article,
    AuditEntry,
    BackgroundJob,
    Entity,
    JobChunk,
    Mention,
    PublicArticle,
    PublicVersion,
)
from articles.models.stories import ArticleStatus
from articles.services import jobs as job_services
from articles.services.entities import (
    entity_delete,
    entity_update,
    revision_link_entities,
)
from articles.services.jobs import (
    background_jobs_resume,
    job_chunk_run,
    relink_job_request,
)
from articles.services.publishing import public_articles_republish
from articles.services.sections import article_section_change, section_update
from articles.services.workflow import article_publish
from tests.articles.workflow_helpers import article_in
from tests.factories import (
    ArticleFactory,
    EntityAliasFactory,
    EntityFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what is enqueued on commit when the block ends (tests never commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def small_chunks(settings):
    settings.NEWSROOM_JOB_CHUNK_SIZE = 2


def _live(body: str, by, **kwargs) -> Article:
    article = article_in(ArticleStatus.APPROVED, body=body, **kwargs)
    revision_link_entities(revision=article.current_revision)
    return article_publish(article=article, by=by)


def test_a_relink_job_covers_every_article_in_chunks(small_chunks, on_commit):
    articles = [ArticleFactory(body=f"Talks in Kabul, day {i}.") for i in range(5)]
    kabul = EntityFactory(name="Kabul", kind="place")

    with on_commit():
        job = relink_job_request()

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("done", 5, 5)
    assert job.progress == "relinking 5 of 5"
    assert job.outcome["changed"] == 5
    assert [c.size for c in job.chunks.all()] == [2, 2, 1]
    assert all(chunk.runs == 1 for chunk in job.chunks.all())
    for article in articles:
        assert Mention.objects.get(revision=article.current_revision).entity == kabul


def test_running_a_done_chunk_again_does_nothing(small_chunks, on_commit):
    ArticleFactory(body="Kabul.")
    with on_commit():
        job = relink_job_request()
    chunk = job.chunks.get()

    assert job_chunk_run(chunk_id=chunk.pk) is False
    chunk.refresh_from_db()
    job.refresh_from_db()
    assert (chunk.runs, job.done, job.total) == (1, 1, 1)


def test_a_job_that_crashed_resumes_where_it_stopped(
    small_chunks, on_commit, monkeypatch
):
    for i in range(5):
        ArticleFactory(body=f"Kabul {i}.")
    EntityFactory(name="Kabul", kind="place")
    step = job_services._STEPS["relink"]
    seen = []

    def crash_on_second(chunk):
        seen.append(chunk.number)
        if len(seen) == 2:
            raise RuntimeError("the worker died")
        return step(chunk)

    monkeypatch.setitem(job_services._STEPS, "relink", crash_on_second)
    with on_commit():  # the task backend records the failure; the rest runs
        job = relink_job_request()
    job = BackgroundJob.objects.get()
    assert job.state == "failed" and "worker died" in job.outcome["error"]
    assert (job.done, job.total) == (3, 5)  # chunks 1 and 3 are kept

    with on_commit():
        assert background_jobs_resume() == 1  # the chunk that failed
    job.refresh_from_db()
    assert (job.state, job.done) == ("done", 5)
    assert Mention.objects.count() == 5
    assert list(JobChunk.objects.values_list("runs", flat=True)) == [1, 1, 1]


def test_resuming_purges_what_a_relink_crashed_before_purging(
    editor, on_commit, monkeypatch
):
    entity = EntityFactory(name="Kabul", kind="place")
    ArticleFactory(body="Kabul.", linked=True)
    purge = job_services._purge_deleted_entities
    monkeypatch.setattr(job_services, "_purge_deleted_entities", lambda ids: None)
    with on_commit():  # the worker dies after the last chunk, before the purge
        entity_delete(entity=entity, by=editor)
    assert BackgroundJob.objects.get().state == "done"
    assert not Mention.objects.exists()  # the chunk took them off
    assert Entity._base_manager.filter(pk=entity.pk).exists()

    monkeypatch.setattr(job_services, "_purge_deleted_entities", purge)
    with on_commit():
        background_jobs_resume()

    assert not Entity._base_manager.filter(pk=entity.pk).exists()


def test_relink_requests_while_a_job_waits_share_it(editor):
    first = relink_job_request(refresh_article_ids=[1])  # not committed: waits
    second = relink_job_request(refresh_article_ids=[2])
    assert first == second
    assert BackgroundJob.objects.get().params["refresh"] == [1, 2]


def test_an_entity_rename_request_does_not_grow_with_the_archive(
    editor_client, django_capture_on_commit_callbacks, settings
):
    """The admin save only records a queued job; the work is the worker's."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rename_queries(entity, name: str) -> int:
        url = f"/admin/articles/entity/{entity.pk}/change/"
        form = {
            "name": name,
            "kind": "place",
            "description": "",
            "external_id": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        }
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = editor_client.post(url, form)
        assert response.status_code == 302, response.content[:2000]
        return len(queries)

    kabul = EntityFactory(name="Kabul", kind="place")
    rename_queries(kabul, "Kabul city")  # caches warmed (content types)
    for i in range(3):
        ArticleFactory(body=f"Kabul {i}.")
    n = rename_queries(kabul, "Kabul")
    BackgroundJob.objects.update(state="done")  # as if a worker had run it
    for i in range(6):
        ArticleFactory(body=f"Kabul more {i}.")
    assert rename_queries(kabul, "Kabul town") == n
    assert BackgroundJob.objects.filter(state="queued").count() == 1


def test_the_entity_page_shows_relink_progress(editor_client, small_chunks):
    entity = EntityFactory(name="Kabul", kind="place")
    for i in range(3):
        ArticleFactory(body=f"Kabul {i}.")
    job = relink_job_request()
    job_services.background_job_plan(job_id=job.pk)
    job_chunk_run(chunk_id=job.chunks.order_by("number").first().pk)

    page = editor_client.get(f"/admin/articles/entity/{entity.pk}/change/")

    assert "relinking 2 of 3" in page.content.decode()


def test_renaming_a_section_re_renders_its_live_articles(editor, editor2, on_commit):
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    article = _live("Talks in Kabul.", editor2, section=asia)

    with on_commit():
        _, job = section_update(section=world, by=None, name="International")

    payload = PublicArticle.objects.get(article=article).payload
    assert payload["section"]["path"] == "International > Asia"
    job.refresh_from_db()
    assert (job.kind, job.state, job.done) == ("republish", "done", 1)
    entry = AuditEntry.objects.get(action="section_update")
    assert entry.data == {"name": ["World", "International"]}


def test_moving_an_article_to_another_section_reaches_its_payload(editor2):
    article = _live("Talks in Kabul.", editor2)
    sport = SectionFactory(name="Sport", slug="sport")

    article_section_change(article=article, section=sport, by=editor2)

    assert PublicArticle.objects.get(article=article).payload["section"]["slug"] == (
        "sport"
    )
    assert AuditEntry.objects.filter(action="article_section_change").exists()


def test_a_batch_republish_moves_the_version_once_and_never_past_now(editor2):
    articles = [_live(f"Story {i} in Kabul.", editor2) for i in range(4)]
    before = PublicVersion.objects.get(pk=1).counter

    assert public_articles_republish(article_ids=[a.pk for a in articles]) == 4

    version = PublicVersion.objects.get(pk=1)
    assert version.counter == before + 1
    assert version.changed_at <= timezone.now()


def test_many_refreshes_never_push_the_version_ahead_of_the_clock(editor2):
    article = _live("Kabul.", editor2)
    for _ in range(20):
        public_articles_republish(article_ids=[article.pk])
    assert PublicVersion.objects.get(pk=1).changed_at <= timezone.now()


def test_renaming_an_entity_re_renders_the_live_articles_naming_it(
    editor, editor2, on_commit
):
    group = EntityFactory(name="Islamic Emirate", kind="organisation")
    EntityAliasFactory(entity=group, text="Taliban")
    article = _live("The Taliban said so.", editor2)

    with on_commit():
        entity_update(entity=group, by=editor, name="Taliban government")

    names = [
        e["name"]
        for e in PublicArticle.objects.get(article=article).payload["entities"]
    ]
    assert names == ["Taliban government"]


def test_relink_entities_candidates_stores_what_an_old_database_lacks():
    import io

    from django.core.management import call_command

    from articles.models import CandidateName

    ArticleFactory(body="The Zorblax Agency said so.")  # not linked: no rows yet
    assert not CandidateName.objects.exists()

    call_command("relink_entities", "--candidates", stdout=io.StringIO())

    assert CandidateName.objects.get().text == "Zorblax Agency"


def test_a_large_document_is_checked_in_the_background(
    editor, editor_client, settings, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from articles.models import Annotation
    from articles.services.imports import source_document_import
    from articles.services.splitting import StoryPlan, source_document_split
    from articles.text.splitting import proposals_to_choices, suggest_split

    settings.NEWSROOM_CHECKS_INLINE_BYTES = 10  # every document is "large"
    copy = (
        "Harbour reopens after storm\n\n"
        "The harbour reopened on Monday after a week of repairs, officials said.\n\n"
        "The harbour reopened on Monday after a week of repairs, officials said.\n"
    )
    document = source_document_import(
        data=copy.encode(), filename="big.txt", by=editor
    ).document
    choices = proposals_to_choices(suggest_split(document.text))
    kept = [type(c)(**{**c.__dict__, "drop_lines": ()}) for c in choices]
    with django_capture_on_commit_callbacks(execute=True):
        source_document_split(
            document=document, stories=[StoryPlan(c, None) for c in kept], by=editor
        )
    split_job = BackgroundJob.objects.get(kind="checks")
    split_job.refresh_from_db()
    assert (split_job.state, split_job.outcome) == ("done", {"findings": 1})
    assert Annotation.objects.filter(origin="duplicate-paragraph").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("articles:source-check", args=[document.pk])
        )

    job = BackgroundJob.objects.exclude(pk=split_job.pk).get(kind="checks")
    assert response["Location"].endswith(f"/backgroundjob/{job.pk}/change/")
    job.refresh_from_db()
    assert (job.state, job.outcome) == ("done", {"findings": 0})  # none raised twice
    page = editor_client.get(response["Location"])
    assert page.status_code == 200 and "checking 1 of 1" in page.content.decode()


def test_a_name_added_to_the_registry_leaves_the_stored_candidates_on_relink(
    editor, on_commit
):
    from articles.models import CandidateName
    from articles.selectors.entities import entity_candidates
    from articles.services.entities import entity_create

    ArticleFactory(linked=True, body="The Zorblax Agency met the Quux Council.")
    assert {row.text for row in entity_candidates()} == {
        "Zorblax Agency",
        "Quux Council",
    }

    with on_commit():
        entity_create(name="Zorblax Agency", kind="organisation", by=editor)

    assert [row.text for row in entity_candidates()] == ["Quux Council"]
    assert CandidateName.objects.count() == 1

"""The background tasks: each a thin call into a service (`articles.services.jobs`).

Only the django.tasks API is used, so the backend (the database, RQ, Celery) is a
setting. Arguments are ids, never objects: a task reads the committed rows.
"""

from django_tasks import task

from articles.services import jobs


@task()
def plan_job(job_id: int) -> int:
    """Split a queued job into chunks and enqueue them."""
    return jobs.background_job_plan(job_id=job_id)


@task()
def run_job_chunk(chunk_id: int) -> bool:
    """Do one chunk of a job (nothing if it is done already)."""
    return jobs.job_chunk_run(chunk_id=chunk_id)


@task()
def send_deliveries(subscription_id: int, article_id: int) -> int:
    """Send one subscriber's pending webhooks about one article, in order."""
    from articles.services.distribution import deliveries_send

    return deliveries_send(subscription_id=subscription_id, article_id=article_id)


@task()
def run_scheduled_action(scheduled_id: int) -> str:
    """Publish or retract at the scheduled time (nothing if it is not due yet)."""
    from articles.services.scheduling import scheduled_action_run

    return scheduled_action_run(scheduled_id=scheduled_id)

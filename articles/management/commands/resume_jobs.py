"""python manage.py resume_jobs: enqueue again what background jobs have left to do.

After a worker crashed, or tasks were lost (a broker restarted): planning a job
that is planned, or running a chunk that is done, does nothing, so it is always safe.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.services.jobs import background_jobs_resume


class Command(BaseCommand):
    help = "Enqueue unplanned background jobs and unfinished chunks again."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            count = background_jobs_resume()
        self.stdout.write(f"Enqueued {count} tasks again.")

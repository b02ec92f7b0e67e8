"""python manage.py run_scheduled: carry out the scheduled actions that are due.

Workers do it at the time when the task backend can delay a task; run this from cron
(every minute) otherwise, or after the workers were down. Safe to run at any time.
"""

from django.core.management.base import BaseCommand

from articles.services.scheduling import scheduled_actions_run_due


class Command(BaseCommand):
    help = "Publish or retract what was scheduled for now or earlier."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Carried out {scheduled_actions_run_due()}.")

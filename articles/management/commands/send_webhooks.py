"""python manage.py send_webhooks: send every webhook delivery that is due.

The workers send deliveries as they are enqueued; run this from cron (every minute)
when the task backend cannot delay a retry, or after a worker died.
"""

from django.core.management.base import BaseCommand

from articles.services.distribution import deliveries_send_due


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due (retries included)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Delivered {deliveries_send_due()}.")

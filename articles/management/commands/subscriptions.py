"""python manage.py subscriptions add|list|disable|replay: webhook subscribers.

`add` prints the signing secret once (generated unless `--secret` gives one).
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Entity, Section, Subscription
from articles.models.distribution import DeliveryState
from articles.services.distribution import (
    SubscriptionError,
    deliveries_replay_failed,
    subscription_add,
    subscription_disable,
)


class Command(BaseCommand):
    help = "Add, list, disable webhook subscriptions, or replay their failed ones."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        add = commands.add_parser("add", help="Subscribe a URL.")
        add.add_argument("url")
        add.add_argument("--secret", default="", help="whsec_… (generated if left out)")
        add.add_argument(
            "--events", default="", help="Comma-separated, e.g. published,retracted"
        )
        add.add_argument("--section", help="A section's slug (sub-sections included)")
        add.add_argument("--entity", type=int, help="An entity's id")
        commands.add_parser("list", help="List the subscriptions.")
        disable = commands.add_parser("disable", help="Stop sending to one.")
        disable.add_argument("id", type=int)
        replay = commands.add_parser("replay", help="Send its failed deliveries again.")
        replay.add_argument("id", type=int)

    def handle(self, *args, command: str, **options) -> None:
        getattr(self, f"_{command}")(**options)

    def _add(self, *, url, secret, events, section, entity, **options) -> None:
        section_id = None
        if section:
            found = Section.objects.filter(slug=section).first()
            if found is None:
                raise CommandError(f"There is no section with the slug {section!r}.")
            section_id = found.pk
        if entity is not None and not Entity.objects.filter(pk=entity).exists():
            raise CommandError(f"There is no entity with the id {entity}.")
        try:
            subscription = subscription_add(
                url=url,
                by=None,
                secret=secret,
                events=events.split(","),
                section_id=section_id,
                entity_id=entity,
            )
        except SubscriptionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Subscription {subscription.pk}: {subscription.url}")
        if not secret:
            self.stdout.write(f"Signing secret (shown once): {subscription.secret}")

    def _list(self, **options) -> None:
        for s in Subscription.objects.select_related("section"):
            state = "active" if s.is_active else f"disabled: {s.disabled_reason}"
            failed = s.deliveries.filter(state=DeliveryState.FAILED).count()
            self.stdout.write(
                f"{s.pk}\t{s.url}\t{','.join(s.events) or 'all events'}\t"
                f"{s.section or 'all sections'}\t{state}\t{failed} failed"
            )

    def _disable(self, *, id, **options) -> None:
        subscription = self._get(id)
        subscription_disable(subscription=subscription, by=None, reason="command")
        self.stdout.write(f"Subscription {id} is disabled.")

    def _replay(self, *, id, **options) -> None:
        count = deliveries_replay_failed(subscription=self._get(id), by=None)
        self.stdout.write(f"Sending {count} failed deliveries again.")

    def _get(self, id: int) -> Subscription:
        try:
            return Subscription.objects.get(pk=id)
        except Subscription.DoesNotExist:
            raise CommandError(f"There is no subscription {id}.") from None

"""python manage.py seed_demo: demo sections, users (DEBUG only) and the seed copy."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from articles.models import Section
from articles.roles import EDITORS, REVIEWERS
from articles.services.imports import RawCopyError, source_document_import

DEMO_SECTIONS = {
    "World": ["Asia", "Europe", "Middle East", "Americas"],
    "Politics": [],
    "Security": [],
    "Humanitarian": [],
}
DEMO_USERS = [("editor", EDITORS), ("editor2", EDITORS), ("reviewer", REVIEWERS)]


class Command(BaseCommand):
    help = "Load demo data: sections, demo users (DEBUG only) and the copy in seeds/."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--seeds",
            type=Path,
            default=Path(settings.BASE_DIR) / "seeds",
            help="seed folder",
        )

    def handle(self, *args, seeds: Path, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates demo users with known passwords, so it only runs "
                "with DEBUG on (DEBUG=true)."
            )
        with transaction.atomic():
            self._sections()
            logins = self._users()
        for path in sorted(seeds.glob("*.txt")):
            try:
                result = source_document_import(
                    data=path.read_bytes(), filename=path.name, by=None
                )
            except RawCopyError as exc:
                raise CommandError(f"{path}: {exc}") from None
            self.stdout.write(f"{path.name}: {result.message}")
        self.stdout.write("Demo logins (passwords are new on every run):")
        for username, role, password in logins:
            self.stdout.write(f"  {username:<9} {password}   ({role})")

    def _sections(self) -> None:
        for parent_name, children in DEMO_SECTIONS.items():
            parent, _ = Section.objects.get_or_create(
                parent=None, name=parent_name, defaults={"slug": slugify(parent_name)}
            )
            for child in children:
                Section.objects.get_or_create(
                    parent=parent, name=child, defaults={"slug": slugify(child)}
                )

    def _users(self) -> list[tuple[str, str, str]]:
        user_model = get_user_model()
        logins = []
        for username, role in DEMO_USERS:
            user, _ = user_model.objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.is_staff = True
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            logins.append((username, role, password))
        return logins

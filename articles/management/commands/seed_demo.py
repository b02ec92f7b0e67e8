"""python manage.py seed_demo: demo sections, users (DEBUG only), the seed copy, and two
of its articles carried through the real workflow to publication.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import ngettext

from articles.demo import load_demo_registry
from articles.models import Annotation, Article, Section, SourceDocument
from articles.models.review import HUMAN_ORIGIN, AnnotationKind, Severity
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services.imports import RawCopyError, source_document_import
from articles.services.review import (
    ReviewRefused,
    annotation_create,
    annotation_reply,
    annotation_resolve,
)
from articles.services.splitting import SplitError, StoryPlan, source_document_split
from articles.services.workflow import (
    WorkflowError,
    article_approve,
    article_publish,
    article_recommend_approval,
    article_submit,
)
from articles.text.splitting import proposals_to_choices, suggest_split

DEMO_SECTIONS = {
    "World": ["Asia", "Europe", "Middle East", "Americas"],
    "Politics": [],
    "Security": [],
    "Humanitarian": [],
}
DEMO_USERS = [("editor", EDITORS), ("editor2", EDITORS), ("reviewer", REVIEWERS)]
DEMO_SECTION = ("World", "Asia")  # the seed's stories are about Afghanistan
DEMO_PUBLISHED = 2  # articles of the first seed document carried to publication


class Command(BaseCommand):
    help = (
        "Load demo data (DEBUG only): sections, demo users, the copy in seeds/, and "
        "two of its articles taken through review to publication."
    )

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
            added = load_demo_registry()  # relinks articles once this commits
        self.stdout.write(f"Demo entity registry: {added} entities added.")
        documents = []
        for path in sorted(seeds.glob("*.txt")):
            try:
                result = source_document_import(
                    data=path.read_bytes(), filename=path.name, by=None
                )
            except RawCopyError as exc:
                raise CommandError(f"{path}: {exc}") from None
            self.stdout.write(f"{path.name}: {result.message}")
            documents.append(result.document)
        if documents:
            self._demo_workflow(documents[0])
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

    # --- the demo workflow --------------------------------------------------------

    def _demo_workflow(self, document: SourceDocument) -> None:
        """Split the document (once) and publish its first two articles through the
        same service functions the desk uses; articles already live are left alone.
        """
        users = get_user_model().objects.in_bulk(
            [name for name, _ in DEMO_USERS], field_name="username"
        )
        editor, editor2, reviewer = (users[name] for name, _ in DEMO_USERS)
        if not document.articles.exists():
            try:
                self._split(document, by=editor)
            except SplitError as exc:
                self.stderr.write(f"Demo split of {document.filename} refused: {exc}")
                return
        for article in document.articles.order_by("first_line", "pk")[:DEMO_PUBLISHED]:
            if article.is_live:
                self.stdout.write(f"Demo article already published: “{article}”.")
                continue
            try:
                with transaction.atomic():  # an article gets all its steps or none
                    self._publish(article, editor, editor2, reviewer)
            except (WorkflowError, ReviewRefused) as exc:
                self.stderr.write(f"Demo workflow stopped for “{article}”: {exc}")
            else:
                self.stdout.write(
                    f"Demo article published: “{article}” (approved and published by "
                    f"{editor2.get_username()}; see its timeline in the admin)."
                )

    def _split(self, document: SourceDocument, *, by: AbstractBaseUser) -> None:
        parent, child = DEMO_SECTION
        section = Section.objects.filter(parent__name=parent, name=child).first()
        choices = proposals_to_choices(suggest_split(document.text))
        articles = source_document_split(
            document=document,
            stories=[StoryPlan(choice=choice, section=section) for choice in choices],
            by=by,
        )
        self.stdout.write(
            ngettext(
                "Split %(file)s into %(count)d draft article.",
                "Split %(file)s into %(count)d draft articles.",
                len(articles),
            )
            % {"file": document.filename, "count": len(articles)}
        )

    def _publish(
        self,
        article: Article,
        editor: AbstractBaseUser,
        editor2: AbstractBaseUser,
        reviewer: AbstractBaseUser,
    ) -> None:
        """Take the article from wherever it stands to published."""
        if article.status in (ArticleStatus.DRAFT, ArticleStatus.CHANGES_REQUESTED):
            article = article_submit(
                article=article, by=editor, note="Ready for review."
            )
        if article.status == ArticleStatus.IN_REVIEW:
            self._review(article, editor, reviewer)
            article = article_recommend_approval(
                article=article, by=reviewer, note="Checked against the wire copy."
            )
            article = article_approve(article=article, by=editor2)
        if article.status == ArticleStatus.APPROVED:
            article_publish(article=article, by=editor2)
        else:
            raise WorkflowError(
                f"it is {article.get_status_display().lower()}, not approved."
            )

    def _review(
        self, article: Article, editor: AbstractBaseUser, reviewer: AbstractBaseUser
    ) -> None:
        """The reviewer asks for a source on the lede; the editor answers; resolved."""
        if Annotation.objects.filter(
            article=article, author=reviewer, origin=HUMAN_ORIGIN
        ).exists():
            return
        revision = article.current_revision
        quote = _first_sentence(revision.body)
        start = revision.body.index(quote)
        annotation = annotation_create(
            article=article,
            by=reviewer,
            revision_id=revision.pk,
            start=start,
            end=start + len(quote),
            exact=quote,
            kind=AnnotationKind.NEEDS_SOURCE,
            severity=Severity.BLOCKING,
            comment="Who reported this first? Name the source before this goes out.",
        )
        annotation_reply(
            annotation=annotation,
            by=editor,
            body="It is in the agency copy we received; the source is named in the "
            "second paragraph.",
        )
        annotation_resolve(
            annotation=annotation, by=reviewer, note="Source confirmed in the copy."
        )


def _first_sentence(body: str) -> str:
    """The first sentence of the first prose paragraph (at most 200 characters)."""
    paragraphs = [p.strip() for p in body.split("\n\n")]
    paragraph = next(
        (p for p in paragraphs if p and not p.startswith("## ")), body.strip()
    )
    end = paragraph.find(". ")
    sentence = paragraph[: end + 1] if 0 < end < 200 else paragraph[:200]
    return sentence.strip()

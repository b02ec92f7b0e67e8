"""python manage.py relink_entities [--republish]: recompute mentions from the registry.

Registry changes relink on commit; this re-runs that pass by hand (after a failed
relink, or a bulk registry load) and, with --republish, re-renders every live article's
public representation (after renaming a section or an entity, say).
"""

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.services.entities import candidates_rebuild, registry_relink
from articles.services.publishing import public_article_refresh


class Command(BaseCommand):
    help = "Recompute entity mentions of every article; optionally re-render live ones."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--republish",
            action="store_true",
            help="Also re-render the public representation of every live article.",
        )
        parser.add_argument(
            "--candidates",
            action="store_true",
            help="Also store every current revision's candidate names again.",
        )

    def handle(self, *args, republish: bool, candidates: bool, **options) -> None:
        result = registry_relink()
        self.stdout.write(
            f"Matched {result.revisions} revisions again: {result.changed} changed, "
            f"{result.mentions} mentions written, "
            f"{len(result.refreshed)} live articles re-rendered."
        )
        if candidates:
            count = candidates_rebuild()
            self.stdout.write(f"Stored the candidates of {count} articles.")
        if republish:
            live = Article.objects.filter(
                published_revision__isnull=False, retracted_at__isnull=True
            )
            count = 0
            for article in live.iterator():
                public_article_refresh(article=article)
                count += 1
            self.stdout.write(f"Re-rendered {count} live articles.")

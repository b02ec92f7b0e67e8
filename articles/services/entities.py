"""The entity registry's writes, and linking entities in the text of revisions."""

from django.db import transaction

from articles.models import Mention, Revision
from articles.selectors.entities import entity_matcher


def revision_link_entities(*, revision: Revision) -> list[Mention]:
    """Replace the revision's mentions with what the current registry finds in its body.

    Ambiguous matches (one span, several entities) are all recorded.
    """
    matches = entity_matcher().find(revision.body)
    mentions = [
        Mention(
            revision=revision,
            entity_id=match.entity_id,
            start=match.start,
            end=match.end,
            text=match.text[:200],
        )
        for match in matches
    ]
    with transaction.atomic():
        Mention.objects.filter(revision=revision).delete()
        Mention.objects.bulk_create(mentions)
    return mentions

"""The checks compare a draft with the desk's published articles about its entities."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Mention
from articles.models.stories import ArticleStatus
from articles.selectors.checks import check_context_for
from articles.services.review import article_run_checks
from tests.factories import ArticleFactory, EntityAliasFactory, EntityFactory

pytestmark = pytest.mark.django_db


def _mention(article, entity, text):
    body = article.current_revision.body
    start = body.index(text)
    Mention.objects.create(
        revision=article.current_revision,
        entity=entity,
        start=start,
        end=start + len(text),
        text=text,
    )


def _published(body, entity, text, *, days_ago=1, headline=None):
    article = ArticleFactory(body=body, **({"headline": headline} if headline else {}))
    _mention(article, entity, text)
    article.status = ArticleStatus.PUBLISHED
    article.published_revision = article.current_revision
    article.published_at = timezone.now() - datetime.timedelta(days=days_ago)
    article.save(update_fields=["status", "published_revision", "published_at"])
    return article


def test_a_draft_contradicting_a_published_article_is_annotated_naming_it():
    finland = EntityFactory(name="Finland", kind="place")
    _published(
        "Finland joined NATO on Tuesday.", finland, "Finland", headline="Finland joins"
    )
    draft = ArticleFactory(body="Finland is not a member of NATO, the minister said.")
    _mention(draft, finland, "Finland")

    [annotation] = article_run_checks(article=draft)

    assert annotation.severity == "blocking"
    assert "the published article “Finland joins”" in annotation.comment


def test_published_articles_about_other_entities_are_not_compared():
    finland, chile = EntityFactory(name="Finland"), EntityFactory(name="Chile")
    _published("Finland joined NATO on Tuesday.", finland, "Finland")
    draft = ArticleFactory(body="Finland is not a member of NATO, the minister said.")
    _mention(draft, chile, "minister")

    assert article_run_checks(article=draft) == []


def test_the_context_holds_the_registry_aliases_of_the_draft_entities():
    person = EntityFactory(name="Sergey Lavin", kind="person")
    EntityAliasFactory(entity=person, text="Sergei Lavin")
    EntityAliasFactory(text="Someone Else")
    draft = ArticleFactory(body="Sergei Lavin arrived.")
    _mention(draft, person, "Sergei Lavin")

    context = check_context_for(articles=[draft])

    assert dict(context.aliases) == {"Sergei Lavin": "Sergey Lavin"}


def test_the_most_recent_published_articles_are_compared_up_to_the_limit():
    entity = EntityFactory(name="Chile")
    for days in (3, 1, 2):
        _published(f"Chile story {days}.", entity, "Chile", days_ago=days)
    draft = ArticleFactory(body="Chile said so.")
    _mention(draft, entity, "Chile")

    context = check_context_for(articles=[draft], limit=2)

    assert [a.paragraphs for a in context.published] == [
        ("Chile story 1.",),
        ("Chile story 2.",),
    ]


@pytest.mark.parametrize("count", [3, 6])
def test_the_context_takes_two_queries_however_many_published(
    count, django_assert_num_queries
):
    entity = EntityFactory(name="Chile")
    EntityAliasFactory(entity=entity, text="Republic of Chile")
    for days in range(count):
        _published(f"Chile story {days}.", entity, "Chile", days_ago=days + 1)
    draft = ArticleFactory(body="Chile said so.")
    _mention(draft, entity, "Chile")

    with django_assert_num_queries(2):
        context = check_context_for(articles=[draft])
    assert len(context.published) == count

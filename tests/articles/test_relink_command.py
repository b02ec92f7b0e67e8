"""relink_entities: recompute mentions by hand, and re-render what is live."""

import io

import pytest
from django.core.management import call_command

from articles.models import Entity, Mention, PublicArticle
from articles.services.publishing import public_article_refresh
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_relink_finds_entities_added_without_a_relink():
    article = ArticleFactory(body="The Harbour Board met on Monday.")
    Entity.objects.create(kind="organisation", name="Harbour Board")  # no service
    assert not Mention.objects.exists()
    out = io.StringIO()
    call_command("relink_entities", stdout=out)
    mention = Mention.objects.get()
    assert (mention.revision, mention.text) == (
        article.current_revision,
        "Harbour Board",
    )
    assert "1 changed" in out.getvalue()


def test_republish_re_renders_live_articles():
    article = ArticleFactory(body="The Harbour Board met on Monday.")
    type(article).objects.filter(pk=article.pk).update(
        status="published",
        approved_revision=article.current_revision,
        published_revision=article.current_revision,
    )
    public_article_refresh(article=article)
    before = PublicArticle.objects.get().updated_at
    out = io.StringIO()
    call_command("relink_entities", "--republish", stdout=out)
    assert "Re-rendered 1 live articles." in out.getvalue()
    assert PublicArticle.objects.get().updated_at > before

"""Serializers of the public API, with explicit fields.

`ArticleSerializer` describes the stored payload that `public_article_refresh` renders
(the views serve that payload as stored, so this class documents the schema and is
what tests validate against). The other resources are read from the database.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Correction, Entity, Section
from articles.models.entities import EntityKind
from articles.models.review import Verdict


class SpanSerializer(serializers.Serializer):
    block = serializers.IntegerField(help_text="Index of the block in `body`.")
    start = serializers.IntegerField(help_text="Offset in the block's text.")
    end = serializers.IntegerField()


class BodyBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["paragraph", "subheading"])
    text = serializers.CharField()


class ArticleSectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.SlugField()
    path = serializers.CharField(help_text="Parents first: 'World > Asia'.")


class MentionedEntitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=EntityKind.choices)
    spans = SpanSerializer(many=True)


class CorrectionNoteSerializer(serializers.Serializer):
    date = serializers.DateField()
    text = serializers.CharField()


class FactCheckSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    claim = serializers.CharField()
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    verdict_label = serializers.CharField()
    quote = serializers.CharField(allow_blank=True)
    span = SpanSerializer(allow_null=True, help_text="Where the quote is, if found.")


class ArticleSerializer(serializers.Serializer):
    """A published article: its pinned published revision, rendered at publication."""

    id = serializers.IntegerField()
    url = serializers.CharField(help_text="This article's path on the API.")
    slug = serializers.SlugField()
    headline = serializers.CharField()
    body = BodyBlockSerializer(many=True)
    section = ArticleSectionSerializer(allow_null=True)
    entities = MentionedEntitySerializer(many=True)
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        help_text="Last published, corrected or republished."
    )
    version = serializers.IntegerField(help_text="The published revision's number.")
    corrections = CorrectionNoteSerializer(many=True)
    fact_checks = FactCheckSerializer(many=True)


class RetractedSerializer(serializers.Serializer):
    """What a retracted article's URL answers (410 Gone)."""

    detail = serializers.CharField()
    retracted_at = serializers.DateTimeField()
    retraction_notice = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class SectionSerializer(serializers.ModelSerializer):
    path = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = ["id", "name", "slug", "parent", "path", "articles_url"]

    def get_path(self, section: Section) -> str:
        return self.context["paths"][section.pk]

    def get_articles_url(self, section: Section) -> str:
        return f"{reverse('api:article-list')}?section={section.slug}"


class ArticleRefSerializer(serializers.Serializer):
    """A link to a published article."""

    id = serializers.IntegerField()
    url = serializers.CharField()
    headline = serializers.CharField(help_text="The published headline.")


def article_ref(article_id: int, headline: str) -> dict:
    return {
        "id": article_id,
        "url": reverse("api:article-detail", args=[article_id]),
        "headline": headline,
    }


class EntitySerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()
    articles = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()

    class Meta:
        model = Entity
        fields = [
            "id",
            "name",
            "kind",
            "external_id",
            "aliases",
            "articles",
            "articles_url",
        ]

    def get_aliases(self, entity: Entity) -> list[str]:
        return [alias.text for alias in entity.aliases.all()]

    @extend_schema_field(ArticleRefSerializer(many=True))
    def get_articles(self, entity: Entity) -> list[dict]:
        rows = self.context["articles"].get(entity.pk, [])
        return [article_ref(row["id"], row["headline"]) for row in rows]

    def get_articles_url(self, entity: Entity) -> str:
        return f"{reverse('api:article-list')}?entity={entity.pk}"


class CorrectionSerializer(serializers.ModelSerializer):
    article = serializers.SerializerMethodField()
    date = serializers.DateField(source="corrected_on")

    class Meta:
        model = Correction
        fields = ["id", "article", "date", "text"]

    @extend_schema_field(ArticleRefSerializer)
    def get_article(self, correction: Correction) -> dict:
        return article_ref(correction.article_id, correction.headline)

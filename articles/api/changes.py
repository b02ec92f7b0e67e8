"""The changes feed: every publication, update, correction and retraction, oldest
first, so that a client that missed webhooks can catch up (and learn of
retractions). Each entry's `id` is the position to resume from: `?since=<id>`.

Changes are numbered in commit order: the publishing service takes the public version
lock before it writes one, so a change with a smaller id never appears later.
"""

import datetime

from django import forms
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from articles.api import caching
from articles.api.filters import MAX_ID, AwareDateTimeField, IdFilter
from articles.api.pagination import StrictCursorPagination
from articles.api.views import ERRORS, PublicView
from articles.models import PublicChange


class SinceField(forms.CharField):
    """A change id (changes after it) or an ISO 8601 date-time (changes from then)."""

    def clean(self, value: str | None) -> int | datetime.datetime | None:
        value = super().clean(value)
        if not value:
            return None
        if value.isascii() and value.isdigit():
            return forms.IntegerField(min_value=0, max_value=MAX_ID).clean(value)
        try:
            return AwareDateTimeField().clean(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "Give the id of the last change you read, or an ISO 8601 date-time "
                "such as 2024-05-01T12:00:00Z."
            ) from None


@extend_schema_field({"type": "string", "example": "1042"})
class SinceFilter(filters.Filter):
    field_class = SinceField

    def filter(self, queryset: QuerySet, value) -> QuerySet:
        if value is None:
            return queryset
        if isinstance(value, int):
            return queryset.filter(id__gt=value)
        return queryset.filter(created_at__gte=value)


class ChangeFilter(filters.FilterSet):
    since = SinceFilter(label="A change id (exclusive) or a date-time (inclusive).")
    article = IdFilter(field_name="article_id", label="Article id.")

    class Meta:
        model = PublicChange
        fields = ["since", "article"]


class ChangeSerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(source="article_id")
    url = serializers.SerializerMethodField()
    at = serializers.DateTimeField(source="created_at")

    class Meta:
        model = PublicChange
        fields = ["id", "event", "article", "url", "version", "at"]

    def get_url(self, change: PublicChange) -> str:
        return change.payload["data"]["url"]


class ChangePagination(StrictCursorPagination):
    """Oldest first by id: the order the changes were committed in."""

    ordering = ("id",)


class ChangeList(PublicView, ListAPIView):
    """Every change to the public articles, oldest first."""

    serializer_class = ChangeSerializer
    filterset_class = ChangeFilter
    pagination_class = ChangePagination
    conditional = staticmethod(caching.public_conditional)

    def get_queryset(self) -> QuerySet:
        return PublicChange.objects.only(
            "id", "event", "article_id", "version", "created_at", "payload"
        )

    @extend_schema(responses={200: ChangeSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

"""One FilterSet per public resource. A value the API does not understand is a 400
that names the parameter and says what it takes (the filter backend raises it).
"""

import datetime
import re

from django import forms
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django_filters import rest_framework as filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field

from articles.models import Correction, Entity, PublicArticle, Section
from articles.models.entities import EntityKind
from articles.search import public_search
from articles.selectors.public import in_section_tree

MAX_ID = 2**63 - 1  # the largest id either database can hold
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
# What the schema admits for a section: a slug, or an id (so not all zeros: no id 0).
SECTION_REF = r"^[-a-zA-Z0-9_]*[-a-zA-Z1-9_][-a-zA-Z0-9_]*$"
WORD = re.compile(r"\w+")
SEARCH_TOKEN = re.compile(r'-*"[^"]*"?|\S+')
ISO_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$",
    re.IGNORECASE,
)


class IdField(forms.IntegerField):
    """A positive database id, in plain ASCII digits (no spaces, signs or "²")."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def to_python(self, value: str | None) -> int | None:
        if value not in self.empty_values and not (
            str(value).isascii() and str(value).isdigit()
        ):
            raise forms.ValidationError("Give a whole number.", code="invalid")
        return super().to_python(value)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.Filter):
    field_class = IdField


class SectionRefField(forms.CharField):
    """A section's id or slug; returns an int or a str."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("strip", False)  # " world" is not a slug: say so
        super().__init__(**kwargs)

    def clean(self, value: str | None) -> int | str | None:
        value = super().clean(value)
        if not value:
            return None
        if value.isascii() and value.isdigit():
            return IdField().clean(value)
        if not SLUG.fullmatch(value):
            raise forms.ValidationError(
                "Give a section's id or slug (letters, digits, - and _)."
            )
        return value


@extend_schema_field(
    {"type": "string", "pattern": SECTION_REF, "minLength": 1, "maxLength": 100}
)
class SectionRefFilter(filters.Filter):
    field_class = SectionRefField


class AwareDateTimeField(forms.DateTimeField):
    """An ISO 8601 date-time (or date); a time without offset is UTC."""

    def to_python(self, value: str | None) -> datetime.datetime | None:
        if value in self.empty_values:
            return None
        value = value.strip()
        try:
            if not ISO_DATE_TIME.fullmatch(value):
                raise ValueError(value)
            parsed = datetime.datetime.fromisoformat(
                value.upper().replace("Z", "+00:00")
            )
        except ValueError:
            raise forms.ValidationError(
                "Give an ISO 8601 date-time such as 2024-05-01T12:00:00Z, "
                "or a date such as 2024-05-01.",
                code="invalid",
            ) from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=datetime.UTC)
        try:
            return parsed.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(
                "That date-time is out of range.", code="invalid"
            ) from None


@extend_schema_field({"type": "string", "format": "date-time"})
class AwareDateTimeFilter(filters.Filter):
    field_class = AwareDateTimeField


class SearchField(forms.CharField):
    """Words to search for; at least one word, at most a sentence."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value: str | None) -> str | None:
        value = super().clean(value)
        if value and not WORD.search(value):
            raise forms.ValidationError("Give at least one word to search for.")
        return value or None


@extend_schema_field({"type": "string", "maxLength": MAX_QUERY_LENGTH})
class SearchFilter(filters.Filter):
    field_class = SearchField


INVALID = object()
_SECTION_REF = SectionRefField(required=False)  # stateless: built once


def article_id(pk: str) -> int | None:
    """The article id in a detail URL (any path segment), or None: no article."""
    if pk.isascii() and pk.isdigit() and 0 < int(pk) <= MAX_ID:
        return int(pk)
    return None


def hot_section(value: str) -> int | str | object | None:
    """`section` as `ArticleFilter` cleans it (None when empty), or INVALID."""
    try:
        return _SECTION_REF.clean(value)
    except forms.ValidationError:
        return INVALID


def article_filters_named(params: QueryDict) -> list[str]:
    """The article filters that the query string names, in declaration order."""
    return [name for name in ArticleFilter.base_filters if name in params]


def article_filters_valid(params: QueryDict) -> bool:
    """Whether `ArticleFilter` would accept these parameters (no database work)."""
    named = article_filters_named(params)
    if named == ["section"]:
        return hot_section(params["section"]) is not INVALID
    if named:
        return ArticleFilter(params, queryset=PublicArticle.objects.none()).is_valid()
    return True


class ArticleFilter(filters.FilterSet):
    """Filters for the article list; all of them combine (AND)."""

    section = SectionRefFilter(
        method="filter_section",
        label="Section id or slug; its sub-sections are included.",
    )
    entity = IdFilter(field_name="entities", label="Entity id: articles mentioning it.")
    published_after = AwareDateTimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        label="Published at or after this ISO 8601 date-time.",
    )
    published_before = AwareDateTimeFilter(
        field_name="published_at",
        lookup_expr="lt",
        label="Published before this ISO 8601 date-time.",
    )
    updated_since = AwareDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Published, corrected or republished at or after this date-time "
        "(for syncing).",
    )
    q = SearchFilter(
        method="filter_q",
        label="Full-text search in headline and body (all words must match).",
    )

    class Meta:
        model = PublicArticle
        fields = [
            "section",
            "entity",
            "published_after",
            "published_before",
            "updated_since",
            "q",
        ]

    def filter_section(self, queryset: QuerySet, name: str, value: int | str):
        return in_section_tree(queryset, section=value)

    def filter_q(self, queryset: QuerySet, name: str, value: str):
        return article_search(queryset, value)


def article_search(queryset: QuerySet[PublicArticle], text: str) -> QuerySet:
    """Full-text search on the stored index (`articles.search`), never a row scan.

    On PostgreSQL the text goes through `websearch_text` first, so that no input
    can overflow the tsquery parser.
    """
    if connection.vendor == "postgresql":
        text = websearch_text(text)
    return public_search(queryset, text)


def websearch_text(text: str) -> str:
    """The search as websearch_to_tsquery can always parse it: words, "phrases",
    -excluded words and `or`, at most MAX_QUERY_WORDS terms.

    PostgreSQL's parser nests one level per operator, so a run of `-` or other
    punctuation in front of a word overflows its stack ("tsquery stack too small");
    each term keeps its words and at most one `-`.
    """
    terms = []
    for token in SEARCH_TOKEN.findall(text):
        negated = "-" if token.startswith("-") else ""
        words = WORD.findall(token)
        if not words:
            continue
        if token.lstrip("-").startswith('"'):
            terms.append(f'{negated}"{" ".join(words)}"')
        elif token.lower() == "or":
            terms.append("or")
        else:
            terms.extend([negated + words[0], *words[1:]])
    return " ".join(terms[:MAX_QUERY_WORDS])


class SectionFilter(filters.FilterSet):
    parent = IdFilter(field_name="parent", label="Only the sections inside this one.")

    class Meta:
        model = Section
        fields = ["parent"]


class EntityFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=EntityKind.choices)
    name = filters.CharFilter(
        method="filter_name", max_length=200, label="Part of a name or alias."
    )

    class Meta:
        model = Entity
        fields = ["kind", "name"]

    def filter_name(self, queryset: QuerySet, name: str, value: str):
        matching = Entity.objects.filter(
            Q(name__icontains=value) | Q(aliases__text__icontains=value)
        ).values("pk")
        return queryset.filter(pk__in=matching)


class CorrectionFilter(filters.FilterSet):
    article = IdFilter(field_name="article_id", label="Article id.")
    since = filters.DateFilter(
        field_name="corrected_on", lookup_expr="gte", label="Corrected on or after."
    )

    class Meta:
        model = Correction
        fields = ["article", "since"]


class PublicFilterBackend(DjangoFilterBackend):
    """django-filter's backend, skipped when the request names none of the filters.

    Building a FilterSet and its form costs more than the page query; a poll
    without filters (the common case) needs neither.
    """

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            name in request.query_params for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)

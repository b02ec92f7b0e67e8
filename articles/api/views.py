"""The public read-only API: published articles only, served as rendered at publication.

Article views answer conditional requests from the version probe before anything
else (see caching.py), then select stored payloads with one query and hand them to
the renderers undecoded. Nothing here reads Article.status, a draft revision, an
internal annotation or a user.
"""

import functools

from django.db.models import Prefetch
from django.http import HttpRequest
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from articles.api import caching, fast, filters, pagination, serializers
from articles.api.authentication import ApiKeyAuthentication
from articles.api.negotiation import StrictContentNegotiation
from articles.api.renderers import (
    JsonLdRenderer,
    NinjsRenderer,
    PublicJSONRenderer,
    RawJSON,
    StoredNinjs,
)
from articles.api.throttling import AnonymousThrottle, PartnerThrottle
from articles.models import EntityAlias
from articles.selectors.public import (
    live_public_articles,
    public_article_detail,
    public_corrections,
    public_entities,
    public_entity_articles,
    public_section_paths,
    public_sections,
)

ERROR_RENDERER = PublicJSONRenderer()


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_detail = "This article has been retracted."
    default_code = "gone"


def repeated_parameters(request: HttpRequest | Request) -> list[str]:
    """The query parameters given more than once (each is a 400)."""
    return sorted(name for name, values in request.GET.lists() if len(values) > 1)


def formats_valid(request: HttpRequest, renderer_classes: list[type]) -> bool:
    """Whether `?format=` and Accept select one of these renderers, as DRF would."""
    format = request.GET.get("format")
    if format and format not in {renderer.format for renderer in renderer_classes}:
        return False
    if request.META.get("HTTP_ACCEPT", "*/*") != "*/*":
        try:
            StrictContentNegotiation().select_renderer(
                Request(request), [renderer() for renderer in renderer_classes]
            )
        except APIException:
            return False
    return True


ARTICLE_RENDERERS = [PublicJSONRenderer, NinjsRenderer, JsonLdRenderer]


def list_query_valid(request: HttpRequest) -> bool:
    """Whether the article list would accept this query string (no 400): a
    not-modified answer is given only then, and without the view's work."""
    if repeated_parameters(request) or not formats_valid(request, ARTICLE_RENDERERS):
        return False
    try:
        pagination.page_size_from(request)
        pagination.PublishedPagination().decode_cursor(request)
    except ValidationError:
        return False
    return filters.article_filters_valid(request.GET)


def detail_query_valid(request: HttpRequest) -> bool:
    """As `list_query_valid`, for an article's own URL."""
    return not repeated_parameters(request) and formats_valid(
        request, ARTICLE_RENDERERS
    )


class PublicView(GenericAPIView):
    """Anonymous read with a throttle, or a partner's API key with a higher rate.

    Errors are always plain JSON, whatever format was asked for.
    """

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousThrottle, PartnerThrottle]
    content_negotiation_class = StrictContentNegotiation
    renderer_classes = [PublicJSONRenderer]
    filter_backends = [filters.PublicFilterBackend]
    conditional = staticmethod(caching.content_conditional)
    # The common polls' plain-Django answer, tried first (fast.py); None: DRF only.
    fast_path: fast.Answer | None = None

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        answer = initkwargs.get("fast_path", cls.fast_path)
        if answer is not None:
            view = fast.answered_first(answer, view)
        return cls.conditional(view)

    def initial(self, request: Request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        repeated = repeated_parameters(request)
        if repeated:
            raise ValidationError(
                {name: ["Give this parameter once."] for name in repeated}
            )

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)
        self.request.accepted_renderer = ERROR_RENDERER
        self.request.accepted_media_type = ERROR_RENDERER.media_type
        return response


def stored_document(request: Request) -> str:
    """Which stored rendition the negotiated format is served from."""
    return "ninjs" if request.accepted_renderer.format == "ninjs" else "payload"


def stored_type(request: Request) -> type[RawJSON]:
    return StoredNinjs if request.accepted_renderer.format == "ninjs" else RawJSON


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "ninjs", "jsonld"],
    description="json (default), ninjs (IPTC ninjs 2.2) or jsonld (schema.org).",
)
ERRORS = {
    (400, "application/json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="A parameter the API does not understand."
    ),
    (401, "application/json"): serializers.ErrorSerializer,
    (429, "application/json"): serializers.ErrorSerializer,
}


class ArticleList(PublicView):
    """Published articles, newest first."""

    serializer_class = serializers.ArticleSerializer
    filterset_class = filters.ArticleFilter
    pagination_class = pagination.PublishedPagination
    renderer_classes = ARTICLE_RENDERERS
    conditional = staticmethod(
        functools.partial(
            caching.public_conditional,
            query_valid=caching.remembered_per_query(list_query_valid),
        )
    )
    fast_path = staticmethod(fast.article_list)

    def get_queryset(self):
        return live_public_articles()

    @extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses={
            (200, "application/json"): serializers.ArticleSerializer(many=True),
            (200, "application/ninjs+json"): OpenApiTypes.OBJECT,
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
            **ERRORS,
        },
    )
    def get(self, request: Request) -> Response:
        # The common polls (no filter, or only a section) skip the FilterSet and the
        # ORM: their page is precompiled SQL. Anything else, or a section value that
        # does not clean, goes through the FilterSet (which words the 400).
        named = filters.article_filters_named(request.query_params)
        queryset, section = None, None
        if named == ["section"]:
            section = filters.hot_section(request.query_params["section"])
        if named and (named != ["section"] or section is filters.INVALID):
            queryset, section = self.filter_queryset(self.get_queryset()), None
        rows = self.paginator.paginate_queryset(
            queryset,
            request,
            view=self,
            document=stored_document(request),
            section=section,
        )
        raw = stored_type(request)
        return self.get_paginated_response([raw(row.payload_text) for row in rows])


class ArticleDetail(PublicView):
    """One published article; a retracted one answers 410 Gone with its notice."""

    serializer_class = serializers.ArticleSerializer
    renderer_classes = ARTICLE_RENDERERS
    conditional = staticmethod(
        functools.partial(
            caching.article_conditional,
            query_valid=caching.remembered_per_query(detail_query_valid),
        )
    )
    fast_path = staticmethod(fast.article_detail)
    filter_backends = []

    @extend_schema(
        parameters=[
            FORMAT_PARAMETER,
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1, "maximum": filters.MAX_ID},
                OpenApiParameter.PATH,
                description="The article's id.",
            ),
        ],
        responses={
            (200, "application/json"): serializers.ArticleSerializer,
            (200, "application/ninjs+json"): OpenApiTypes.OBJECT,
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
            (404, "application/json"): serializers.ErrorSerializer,
            (410, "application/json"): serializers.RetractedSerializer,
            **ERRORS,
        },
    )
    def get(self, request: Request, pk: str) -> Response:
        article_id = filters.article_id(pk)
        row = None
        if article_id is not None:
            row = public_article_detail(
                article_id=article_id, document=stored_document(request)
            )
        if row is None:
            raise NotFound("There is no published article with this id.")
        if row["retracted_at"] is not None:
            raise Gone(
                {
                    "detail": "This article has been retracted.",
                    "retracted_at": row["retracted_at"].isoformat(),
                    "retraction_notice": row["retraction_notice"],
                }
            )
        response = Response(stored_type(request)(row["payload_text"]))
        response.public_state = row["state"]  # its validators (caching.py)
        return response


@extend_schema_view(
    get=extend_schema(
        responses={200: serializers.SectionSerializer(many=True), **ERRORS}
    )
)
class SectionList(PublicView, ListAPIView):
    """The section taxonomy; `articles_url` lists a section's articles."""

    serializer_class = serializers.SectionSerializer
    filterset_class = filters.SectionFilter
    pagination_class = None

    def get_queryset(self):
        return public_sections()

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "paths": public_section_paths()}


@extend_schema_view(
    get=extend_schema(
        responses={200: serializers.EntitySerializer(many=True), **ERRORS}
    )
)
class EntityList(PublicView, ListAPIView):
    """Entities that published articles mention, with aliases and those articles."""

    serializer_class = serializers.EntitySerializer
    filterset_class = filters.EntityFilter
    pagination_class = pagination.EntityCursorPagination

    def get_queryset(self):
        return public_entities().prefetch_related(
            Prefetch("aliases", queryset=EntityAlias.objects.order_by("text"))
        )

    def list(self, request: Request, *args, **kwargs) -> Response:
        entities = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        articles = public_entity_articles(entity_ids=[e.pk for e in entities])
        context = {**self.get_serializer_context(), "articles": articles}
        serializer = self.get_serializer_class()(entities, many=True, context=context)
        return self.get_paginated_response(serializer.data)


@extend_schema_view(
    get=extend_schema(
        responses={200: serializers.CorrectionSerializer(many=True), **ERRORS}
    )
)
class CorrectionList(PublicView, ListAPIView):
    """Public corrections of published articles, newest first."""

    serializer_class = serializers.CorrectionSerializer
    filterset_class = filters.CorrectionFilter
    pagination_class = pagination.IdCursorPagination

    def get_queryset(self):
        return public_corrections()

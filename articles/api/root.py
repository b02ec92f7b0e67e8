"""GET /api/v1/: what the API offers, with links, so a client can start from one URL."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from articles.api.authentication import ApiKeyAuthentication
from articles.api.renderers import PublicJSONRenderer
from articles.api.throttling import AnonymousThrottle, PartnerThrottle

# (name, URL name, what it is), in the order a newcomer reads them.
ENDPOINTS = [
    ("articles", "api:article-list", "Published articles, newest first; filters."),
    ("sections", "api:section-list", "The section taxonomy."),
    ("entities", "api:entity-list", "People, places and organisations in articles."),
    ("corrections", "api:correction-list", "Public corrections, newest first."),
    ("schema", "api:schema", "The OpenAPI schema of this API."),
    ("docs", "api:docs", "Interactive documentation of this API."),
    ("rss", "feeds:latest-rss", "RSS feed of the latest articles."),
    ("atom", "feeds:latest-atom", "Atom feed of the latest articles."),
]


class ApiRoot(APIView):
    """The list of endpoints, each with its absolute URL and a line about it."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousThrottle, PartnerThrottle]
    renderer_classes = [PublicJSONRenderer]

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": "v1",
                "endpoints": [
                    {
                        "name": name,
                        "url": reverse(url_name, request=request),
                        "description": description,
                    }
                    for name, url_name, description in ENDPOINTS
                ],
            }
        )

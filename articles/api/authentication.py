"""API keys for partner sites: `Authorization: Api-Key <key>` or `X-Api-Key: <key>`.

Only the key's SHA-256 is stored; a request's key is hashed and looked up by that
hash. No key means anonymous read access (with the anonymous throttle).
"""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from articles.models import ApiKey
from articles.services.api_keys import api_key_hash

KEYWORD = "Api-Key"
HEADER = "HTTP_X_API_KEY"


def presented_key(request: Request) -> str | None:
    """The key the request carries, if any (an empty or malformed header is a 401)."""
    raw = request.META.get(HEADER)
    if raw is None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() != KEYWORD.lower():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                f"Send the key as 'Authorization: {KEYWORD} <key>'."
            )
        raw = parts[1].decode("latin-1")
    raw = raw.strip()
    if not raw:
        raise exceptions.AuthenticationFailed("The API key header is empty.")
    return raw


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """A partner site: `request.auth` is its ApiKey, `request.user` anonymous."""

    def authenticate(self, request: Request) -> tuple[AnonymousUser, ApiKey] | None:
        raw = presented_key(request)
        if raw is None:
            return None
        key = ApiKey.objects.filter(key_hash=api_key_hash(raw)).first()
        if key is None or not key.is_active:
            raise exceptions.AuthenticationFailed("Invalid or revoked API key.")
        return AnonymousUser(), key

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes partner keys."""

    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": "A partner site's key (or 'Authorization: Api-Key <key>').",
        }

"""Content negotiation that answers an unknown `?format=` with 400, not DRF's 404."""

from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class StrictContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        """As DRF chooses; a client that accepts anything (no Accept, or */*, the
        usual poll) gets the first renderer for its format without parsing."""
        if request.META.get("HTTP_ACCEPT", "*/*") == "*/*":
            format = format_suffix or request.query_params.get(
                self.settings.URL_FORMAT_OVERRIDE
            )
            if format:
                renderers = self.filter_renderers(renderers, format)
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            known = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError(
                {"format": [f"Unknown format {format[:40]!r}: use one of {known}."]}
            )
        return matching

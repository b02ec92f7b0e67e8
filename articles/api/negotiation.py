"""Content negotiation that answers an unknown `?format=` with 400, not DRF's 404."""

from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class StrictContentNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            known = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError(
                {"format": [f"Unknown format {format[:40]!r}: use one of {known}."]}
            )
        return matching

"""The desk's admin: one module per sub-domain, registered on import."""

from . import api_keys, audit, entities, review, sections, sources, stories  # noqa: F401

"""The desk's admin: one module per sub-domain, registered on import."""

from . import (  # noqa: F401
    api_keys,
    audit,
    desk,
    distribution,
    entities,
    jobs,
    public,
    review,
    sections,
    sources,
    stories,
)

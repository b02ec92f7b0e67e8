"""The desk's domain model, one module per sub-domain, re-exported here."""

from .audit import AuditEntry
from .entities import Entity, EntityAlias, IgnoredName, Mention
from .review import Annotation, AnnotationReply
from .sections import Section
from .sources import SourceDocument
from .stories import Article, Correction, Revision

__all__ = [
    "Annotation",
    "AnnotationReply",
    "Article",
    "AuditEntry",
    "Correction",
    "Entity",
    "EntityAlias",
    "IgnoredName",
    "Mention",
    "Revision",
    "Section",
    "SourceDocument",
]

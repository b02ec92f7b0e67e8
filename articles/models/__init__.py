"""The desk's domain model, one module per sub-domain, re-exported here."""

from .audit import AuditEntry
from .desk import Assignment, Recommendation
from .entities import Entity, EntityAlias, IgnoredName, Mention
from .public import ApiKey, PublicArticle, PublicVersion
from .review import Annotation, AnnotationPlacement, AnnotationReply
from .sections import Section
from .sources import SourceDocument
from .stories import Article, Correction, Revision

__all__ = [
    "Annotation",
    "AnnotationPlacement",
    "AnnotationReply",
    "ApiKey",
    "Article",
    "Assignment",
    "AuditEntry",
    "Correction",
    "Entity",
    "EntityAlias",
    "IgnoredName",
    "Mention",
    "PublicArticle",
    "PublicVersion",
    "Recommendation",
    "Revision",
    "Section",
    "SourceDocument",
]

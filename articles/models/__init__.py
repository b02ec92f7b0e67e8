"""The desk's domain model, one module per sub-domain, re-exported here."""

from .audit import AuditEntry
from .desk import Assignment, Recommendation
from .distribution import Delivery, PublicChange, ScheduledAction, Subscription
from .entities import (
    CandidateName,
    CandidateTotal,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
)
from .jobs import BackgroundJob, JobChunk
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
    "BackgroundJob",
    "CandidateName",
    "CandidateTotal",
    "Correction",
    "Delivery",
    "Entity",
    "EntityAlias",
    "IgnoredName",
    "JobChunk",
    "Mention",
    "PublicArticle",
    "PublicChange",
    "PublicVersion",
    "Recommendation",
    "Revision",
    "ScheduledAction",
    "Section",
    "SourceDocument",
    "Subscription",
]

"""Annotations and their replies in the admin, read-only.

The admin inspects, the desk acts: annotations are made, answered, resolved, dismissed
and reopened on the review page, through `articles.services.review`, which checks the
rules and writes the audit log. An editable form here would walk around both.
"""

from django.contrib import admin

from articles.admin.columns import (
    CHANGELIST_CSS,
    HEADLINE_CHARS,
    LABEL_CHARS,
    shortened,
)
from articles.admin.public import ReadOnlyAdmin
from articles.models import Annotation, AnnotationReply
from articles.models.review import HUMAN_ORIGIN


class AnnotationReplyInline(admin.TabularInline):
    model = AnnotationReply
    fields = ["author", "body", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Annotation)
class AnnotationAdmin(ReadOnlyAdmin):
    list_display = [
        "exact_short",
        "severity",
        "status",
        "kind",
        "article_short",
        "anchor",
        "made_by",
        "created_at",
    ]
    list_select_related = ["article", "author"]
    list_filter = [
        "status",
        "severity",
        "kind",
        "anchor_state",
        "origin",
        "verdict",
        ("article__source", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["quoted_exact", "exact", "comment", "claim", "article__headline"]
    date_hierarchy = "created_at"
    inlines = [AnnotationReplyInline]

    class Media:
        css = CHANGELIST_CSS

    @admin.display(description="quote", ordering="quoted_exact")
    def exact_short(self, annotation: Annotation) -> str:
        return shortened(annotation.quoted_exact, HEADLINE_CHARS)

    @admin.display(description="article", ordering="article__headline")
    def article_short(self, annotation: Annotation) -> str:
        return shortened(annotation.article.headline, LABEL_CHARS)

    @admin.display(description="anchor", ordering="anchor_state")
    def anchor(self, annotation: Annotation) -> str:
        return annotation.get_anchor_state_display()

    @admin.display(description="by", ordering="origin")
    def made_by(self, annotation: Annotation) -> str:
        if annotation.origin == HUMAN_ORIGIN:
            return str(annotation.author or "-")
        return f"check: {annotation.origin}"


@admin.register(AnnotationReply)
class AnnotationReplyAdmin(ReadOnlyAdmin):
    list_display = ["annotation", "author", "created_at"]
    list_select_related = ["annotation", "author"]
    list_filter = ["created_at"]
    search_fields = ["body"]

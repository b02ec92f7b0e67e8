"""Annotations and their replies in the admin, read-only.

The admin inspects, the desk acts: annotations are made, answered, resolved, dismissed
and reopened on the review page, through `articles.services.review`, which checks the
rules and writes the audit log. An editable form here would walk around both.
"""

from django.contrib import admin

from articles.admin.public import ReadOnlyAdmin
from articles.models import Annotation, AnnotationReply


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
        "article",
        "kind",
        "severity",
        "status",
        "anchor_state",
        "origin",
        "author",
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

    @admin.display(description="quote", ordering="quoted_exact")
    def exact_short(self, annotation: Annotation) -> str:
        quote = annotation.quoted_exact
        return quote if len(quote) <= 60 else quote[:59] + "…"


@admin.register(AnnotationReply)
class AnnotationReplyAdmin(ReadOnlyAdmin):
    list_display = ["annotation", "author", "created_at"]
    list_select_related = ["annotation", "author"]
    list_filter = ["created_at"]
    search_fields = ["body"]

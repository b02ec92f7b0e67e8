"""Annotations and their replies in the admin."""

from django.contrib import admin

from articles.models import Annotation, AnnotationReply


class AnnotationReplyInline(admin.TabularInline):
    model = AnnotationReply
    fields = ["author", "body", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
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
    autocomplete_fields = ["article", "revision", "created_on_revision"]
    readonly_fields = [
        "article",
        "revision",
        "created_on_revision",
        "quoted_exact",
        "quoted_prefix",
        "quoted_suffix",
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
        "anchor_state",
        "origin",
        "fingerprint",
        "author",
        "created_at",
        "resolved_by",
        "resolved_at",
        "resolved_in_revision",
    ]
    inlines = [AnnotationReplyInline]

    @admin.display(description="quote", ordering="quoted_exact")
    def exact_short(self, annotation: Annotation) -> str:
        quote = annotation.quoted_exact
        return quote if len(quote) <= 60 else quote[:59] + "…"

    def has_add_permission(self, request) -> bool:
        return False  # annotations are made on the text, in the review view


@admin.register(AnnotationReply)
class AnnotationReplyAdmin(admin.ModelAdmin):
    list_display = ["annotation", "author", "created_at"]
    list_select_related = ["annotation", "author"]
    list_filter = ["created_at"]
    search_fields = ["body"]
    autocomplete_fields = ["annotation"]
    readonly_fields = ["author", "created_at"]

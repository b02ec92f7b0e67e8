"""Annotations and their replies in the admin."""

from django.contrib import admin

from articles.admin.columns import (
    CHANGELIST_CSS,
    HEADLINE_CHARS,
    LABEL_CHARS,
    shortened,
)
from articles.models import Annotation, AnnotationReply
from articles.models.review import HUMAN_ORIGIN


class AnnotationReplyInline(admin.TabularInline):
    model = AnnotationReply
    fields = ["author", "body", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
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
    search_fields = ["exact", "comment", "claim", "article__headline"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["article", "revision", "created_on_revision"]
    readonly_fields = [
        "article",
        "revision",
        "created_on_revision",
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

    class Media:
        css = CHANGELIST_CSS

    @admin.display(description="quote", ordering="exact")
    def exact_short(self, annotation: Annotation) -> str:
        return shortened(annotation.exact, HEADLINE_CHARS)

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

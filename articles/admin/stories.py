"""Articles, revisions and corrections in the admin."""

from django.contrib import admin

from articles.models import Article, Correction, Revision


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ["number", "headline", "author", "message", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "section",
        "status",
        "source",
        "line_range",
        "revision_number",
        "updated_at",
    ]
    list_select_related = ["section", "section__parent", "source", "current_revision"]
    list_filter = [
        "status",
        ("section", admin.RelatedOnlyFieldListFilter),
        ("source", admin.RelatedOnlyFieldListFilter),
        "updated_at",
    ]
    search_fields = ["headline", "slug", "source__filename"]
    date_hierarchy = "updated_at"
    autocomplete_fields = ["section"]
    fields = [
        "headline",
        "slug",
        "section",
        "status",
        "source",
        "first_line",
        "last_line",
        "dropped_lines",
        "current_revision",
        "approved_revision",
        "published_revision",
        "version",
        "published_at",
        "retracted_at",
        "retraction_reason",
    ]
    readonly_fields = [name for name in fields if name != "section"]
    inlines = [RevisionInline]

    @admin.display(description="revision", ordering="current_revision__number")
    def revision_number(self, article: Article) -> int | None:
        return article.current_revision.number if article.current_revision else None

    def has_add_permission(self, request) -> bool:
        return False  # articles are made by splitting a source document


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "author", "message", "created_at"]
    list_select_related = ["article", "author"]
    list_filter = ["created_at"]
    search_fields = ["article__headline", "headline", "message"]
    date_hierarchy = "created_at"
    fields = [
        "article",
        "number",
        "headline",
        "body",
        "author",
        "message",
        "created_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a revision is never edited: a change is a new revision

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["article", "corrected_on", "text", "author"]
    list_select_related = ["article", "author"]
    list_filter = ["corrected_on"]
    search_fields = ["article__headline", "text"]
    autocomplete_fields = ["article", "revision"]
    readonly_fields = ["author", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False  # written with the correction itself, on the article

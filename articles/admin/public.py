"""What downstream sites see, read-only: it is rendered by the publishing service."""

from django.contrib import admin

from articles.models import PublicArticle, PublicVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PublicArticle)
class PublicArticleAdmin(ReadOnlyAdmin):
    list_display = ["headline", "section", "version", "published_at", "updated_at"]
    list_select_related = ["section", "section__parent"]
    list_filter = ["published_at", ("section", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["headline", "slug"]
    # No date hierarchy: its year list is a scan of the whole archive on every view.
    show_full_result_count = False
    exclude = ["entities", "search_vector"]


@admin.register(PublicVersion)
class PublicVersionAdmin(ReadOnlyAdmin):
    list_display = ["counter", "changed_at"]

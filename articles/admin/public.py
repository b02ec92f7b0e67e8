"""What downstream sites see, read-only: it is rendered by the publishing service."""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.http import HttpRequest

from articles.admin.paging import EstimatedCountPaginator, SectionListFilter
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
    # Every section as a choice (a "related only" filter is a DISTINCT over the
    # archive); no date hierarchy (its year list is a scan); no full count; the
    # default order is the (-published_at, -id) index.
    list_filter = ["published_at", ("section", SectionListFilter)]
    search_fields = ["headline", "slug"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    exclude = ["entities", "search_vector"]

    def get_changelist(self, request: HttpRequest, **kwargs) -> type[ChangeList]:
        return _ListWithoutPayloads


class _ListWithoutPayloads(ChangeList):
    """The list shows a few columns: it never loads the stored JSON and text."""

    def get_queryset(self, request: HttpRequest, exclude_parameters=None):
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("payload", "search_text", "search_vector")
        )


@admin.register(PublicVersion)
class PublicVersionAdmin(ReadOnlyAdmin):
    list_display = ["counter", "changed_at"]

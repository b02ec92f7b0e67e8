"""Assignments and recommendations: inspected here, made on the desk (services)."""

from django.contrib import admin

from articles.models import Assignment, Recommendation


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(_ReadOnly):
    list_display = ["article", "reviewer", "assigned_by", "assigned_at"]
    list_select_related = ["article", "reviewer", "assigned_by"]
    search_fields = ["article__headline", "reviewer__username"]


@admin.register(Recommendation)
class RecommendationAdmin(_ReadOnly):
    list_display = ["article", "revision_number", "reviewer", "created_at"]
    list_select_related = ["article", "revision", "reviewer"]
    search_fields = ["article__headline", "reviewer__username", "note"]

    @admin.display(description="revision", ordering="revision__number")
    def revision_number(self, recommendation: Recommendation) -> int:
        return recommendation.revision.number

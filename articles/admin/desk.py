"""Assignments and recommendations: inspected here, made on the desk (services)."""

from django.contrib import admin

from articles.admin.public import ReadOnlyAdmin
from articles.models import Assignment, Recommendation


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["article", "reviewer", "assigned_by", "assigned_at"]
    list_select_related = ["article", "reviewer", "assigned_by"]
    search_fields = ["article__headline", "reviewer__username"]


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyAdmin):
    list_display = ["article", "revision_number", "reviewer", "created_at"]
    list_select_related = ["article", "revision", "reviewer"]
    search_fields = ["article__headline", "reviewer__username", "note"]

    @admin.display(description="revision", ordering="revision__number")
    def revision_number(self, recommendation: Recommendation) -> int:
        return recommendation.revision.number

"""The audit log: readable by staff, never editable."""

from django.contrib import admin

from articles.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "actor",
        "action",
        "content_type",
        "object_repr",
        "from_state",
        "to_state",
        "revision_number",
    ]
    list_select_related = ["actor", "content_type"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["object_repr", "note", "actor__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

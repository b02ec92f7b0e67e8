"""The audit log: readable by staff, never editable."""

from django.contrib import admin

from articles.admin.columns import CHANGELIST_CSS, LABEL_CHARS, shortened
from articles.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "actor",
        "action",
        "object_short",
        "change",
        "revision",
        "kind",
    ]
    list_select_related = ["actor", "content_type"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["object_repr", "note", "actor__username"]
    date_hierarchy = "created_at"

    class Media:
        css = CHANGELIST_CSS

    @admin.display(description="object", ordering="object_repr")
    def object_short(self, entry: AuditEntry) -> str:
        return shortened(entry.object_repr, LABEL_CHARS)

    @admin.display(description="change")
    def change(self, entry: AuditEntry) -> str:
        if not (entry.from_state or entry.to_state):
            return "-"
        return f"{entry.from_state or '-'} → {entry.to_state or '-'}"

    @admin.display(description="rev.", ordering="revision_number")
    def revision(self, entry: AuditEntry) -> str:
        return str(entry.revision_number) if entry.revision_number else "-"

    @admin.display(description="kind", ordering="content_type__model")
    def kind(self, entry: AuditEntry) -> str:
        return entry.content_type.name if entry.content_type else "-"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

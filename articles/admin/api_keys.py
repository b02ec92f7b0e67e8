"""API keys for partner sites (issued and revoked here, by administrators only).

Adding a key calls `api_key_issue` and shows the raw key once, in a message; it is
never stored or shown again. Revoking calls `api_key_revoke`. Keys are not deleted:
a revoked key stays listed, with the audit log, as the record of who had access.
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from articles.models import ApiKey
from articles.services.api_keys import ApiKeyRefused, api_key_issue, api_key_revoke


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "created_at", "created_by", "revoked_at"]
    list_select_related = ["created_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    actions = ["revoke"]
    fields = ["name"]
    readonly_fields = ["name", "prefix", "created_at", "created_by", "revoked_at"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # nothing about a key can be edited: revoke it instead

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_fields(self, request: HttpRequest, obj: ApiKey | None = None):
        return self.fields if obj is None else self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj: ApiKey | None = None):
        return [] if obj is None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: ApiKey, form, change: bool) -> None:
        issued, raw_key = api_key_issue(name=obj.name, by=request.user)
        for field in ApiKey._meta.concrete_fields:
            setattr(obj, field.attname, getattr(issued, field.attname))
        obj._state.adding = False
        obj._state.db = issued._state.db
        self.message_user(
            request,
            f"The key for {issued.name} is {raw_key} — copy it now: it is stored "
            "only as a hash and will not be shown again.",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        revoked = 0
        for key in queryset:
            try:
                api_key_revoke(key=key, by=request.user)
            except ApiKeyRefused as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                revoked += 1
        if revoked:
            self.message_user(
                request, f"Revoked {revoked} key{'s' if revoked > 1 else ''}."
            )

"""The entity registry in the admin."""

from django.contrib import admin
from django.db.models import Count

from articles.models import Entity, EntityAlias, IgnoredName, Mention


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    extra = 1


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "description", "external_id", "alias_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__text", "external_id", "description"]
    inlines = [EntityAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_count=Count("aliases"))

    @admin.display(description="aliases", ordering="alias_count")
    def alias_count(self, entity: Entity) -> int:
        return entity.alias_count


@admin.register(EntityAlias)
class EntityAliasAdmin(admin.ModelAdmin):
    list_display = ["text", "entity"]
    list_select_related = ["entity"]
    list_filter = ["entity__kind"]
    search_fields = ["text", "entity__name"]
    autocomplete_fields = ["entity"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "entity", "revision", "start", "end"]
    list_select_related = ["entity", "revision", "revision__article"]
    list_filter = ["entity__kind"]
    search_fields = ["text", "entity__name", "revision__article__headline"]
    autocomplete_fields = ["entity", "revision"]

    def has_add_permission(self, request) -> bool:
        return False  # mentions are computed from the text

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IgnoredName)
class IgnoredNameAdmin(admin.ModelAdmin):
    list_display = ["name", "ignored_by", "created_at"]
    list_select_related = ["ignored_by"]
    list_filter = ["created_at"]
    search_fields = ["name", "normalized"]
    readonly_fields = ["normalized", "ignored_by", "created_at"]

from django.contrib import admin, messages
from django.http import HttpRequest

from articles.models import Article, Section
from articles.services.sections import SectionError, section_update


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "parent"]
    list_select_related = ["parent", "parent__parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def save_model(self, request, obj: Section, form, change: bool) -> None:
        """A rename or move goes through the service: audited, payloads refreshed."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        try:
            _, job = section_update(
                section=obj,
                by=request.user,
                name=data["name"],
                slug=data["slug"],
                parent=data["parent"],
            )
        except SectionError as exc:  # the form validated; a race or a permission
            self.message_user(request, str(exc), messages.ERROR)
            return
        if job is not None:
            self.message_user(
                request,
                "Its live articles are being re-rendered in the background.",
                messages.INFO,
            )

    def get_deleted_objects(self, objs, request: HttpRequest):
        """A section that files articles or holds sections is kept (PROTECT): say so
        from two existence probes, rather than list every article filed in it."""
        sections = list(objs)
        protected = []
        if Article.objects.filter(section__in=sections).exists():
            protected.append("Articles filed in it: move them to another section.")
        if Section.objects.filter(parent__in=sections).exists():
            protected.append("Sections inside it: move or delete them first.")
        if protected:
            return [], {}, set(), protected
        return super().get_deleted_objects(sections, request)

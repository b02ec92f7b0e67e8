"""Source documents: read-only originals, the "Import copy" page."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join

from articles.admin.split import split_view
from articles.forms import ImportCopyForm
from articles.models import SourceDocument
from articles.services.imports import source_document_import
from articles.views.errors import not_found


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "size", "article_count", "imported_by", "imported_at"]
    list_select_related = ["imported_by"]
    list_filter = ["imported_at"]
    search_fields = ["filename", "sha256"]
    date_hierarchy = "imported_at"
    fields = ["filename", "sha256", "size", "imported_by", "imported_at", "original"]
    readonly_fields = fields
    change_list_template = "admin/articles/sourcedocument/change_list.html"
    change_form_template = "admin/articles/sourcedocument/change_form.html"

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, document: SourceDocument) -> int:
        return document.article_count

    @admin.display(description="Original copy")
    def original(self, document: SourceDocument) -> str:
        lines = format_html_join(
            "",
            '<li value="{}"><code>{}</code></li>',
            enumerate(document.lines, start=1),
        )
        return format_html('<ol class="source-lines">{}</ol>', lines)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # documents arrive through the import page, never typed in

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the original is kept byte for byte

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # and kept: it is the record of what the agency sent

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="articles_sourcedocument_import",
            ),
            path(
                "<int:object_id>/split/",
                self.admin_site.admin_view(partial(split_view, self)),
                name="articles_sourcedocument_split",
            ),
            path("<path:object_id>/split/", not_found),  # not an id: 404
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_split": request.user.has_perm("articles.split_sourcedocument"),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import": request.user.has_perm("articles.add_sourcedocument"),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("articles.add_sourcedocument"):
            raise PermissionDenied
        if request.method == "POST":
            form = ImportCopyForm(request.POST, request.FILES)
        else:
            form = ImportCopyForm()
        if form.is_bound and form.is_valid():
            result = source_document_import(
                data=form.cleaned_data["data"],
                filename=form.cleaned_data["name"],
                by=request.user,
            )
            level = messages.SUCCESS if result.created else messages.WARNING
            self.message_user(request, result.message, level)
            return redirect("admin:articles_sourcedocument_change", result.document.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import copy",
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, "admin/articles/sourcedocument/import.html", context
        )

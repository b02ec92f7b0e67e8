"""Background jobs, read-only: the task workers write them, people watch them."""

from django.contrib import admin

from articles.admin.public import ReadOnlyAdmin
from articles.models import BackgroundJob


@admin.register(BackgroundJob)
class BackgroundJobAdmin(ReadOnlyAdmin):
    list_display = ["kind", "target", "progress", "state", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    fields = [
        "kind",
        "target",
        "state",
        "progress",
        "outcome",
        "created_at",
        "started_at",
        "finished_at",
    ]
    readonly_fields = fields

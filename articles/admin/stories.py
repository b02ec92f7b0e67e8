"""Articles, revisions and corrections in the admin, with the workflow's buttons,
bulk actions, queues and the article's timeline.

Every workflow change goes through `articles.services.workflow`: the buttons and the
bulk actions only collect the request's input and report the service's answer.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse

from articles.admin.columns import (
    CHANGELIST_CSS,
    HEADLINE_CHARS,
    LABEL_CHARS,
    shortened,
)
from articles.admin.paging import EstimatedCountPaginator, SectionListFilter
from articles.admin.public import ReadOnlyAdmin
from articles.models import Article, Correction, Revision
from articles.selectors.queues import queue_articles, queues_for
from articles.selectors.timeline import article_timeline
from articles.services.sections import SectionError, article_section_change
from articles.services.workflow import (
    APPROVE,
    PUBLISH,
    SUBMIT,
    TRANSITIONS,
    Transition,
    WorkflowError,
    article_transition,
    article_transitions_available,
)
from articles.views.errors import not_found


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ["number", "headline", "author", "message", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Revision]:
        # Each row shows its author and (as its name) its article: load them at once.
        return super().get_queryset(request).select_related("article", "author")


class QueueFilter(admin.SimpleListFilter):
    """The desk's queues (see articles.selectors.queues) as a changelist filter."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [(spec.key, spec.title) for spec in queues_for(user=request.user)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]):
        if self.value() is None:
            return queryset
        return queue_articles(key=self.value(), user=request.user, queryset=queryset)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline_short",
        "status",
        "section",
        "revision_number",
        "updated_at",
        "source_short",
        "lines",
    ]
    list_select_related = ["section", "section__parent", "source", "current_revision"]
    # Nothing here reads the whole archive per view: no "related only" filters
    # (a DISTINCT over every article; the source is found by searching its file
    # name), no date hierarchy (its year list is a scan), no full count, and the
    # default order is the (-updated_at, -id) index.
    list_filter = [QueueFilter, "status", ("section", SectionListFilter), "updated_at"]
    search_fields = ["headline", "slug", "source__filename"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["section"]
    fields = [
        "headline",
        "slug",
        "section",
        "status",
        "source",
        "first_line",
        "last_line",
        "dropped_lines",
        "current_revision",
        "approved_revision",
        "published_revision",
        "version",
        "published_at",
        "retracted_at",
        "retraction_reason",
    ]
    readonly_fields = [name for name in fields if name != "section"]
    inlines = [RevisionInline]
    actions = ["submit_selected", "approve_selected", "publish_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = CHANGELIST_CSS

    @admin.display(description="headline", ordering="headline")
    def headline_short(self, article: Article) -> str:
        return shortened(article.headline, HEADLINE_CHARS)

    @admin.display(description="source", ordering="source__filename")
    def source_short(self, article: Article) -> str:
        return (
            shortened(article.source.filename, LABEL_CHARS) if article.source else "-"
        )

    @admin.display(description="lines", ordering="first_line")
    def lines(self, article: Article) -> str:
        return article.line_range

    @admin.display(description="revision", ordering="current_revision__number")
    def revision_number(self, article: Article) -> int | None:
        return article.current_revision.number if article.current_revision else None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # The list shows the current revision's number, never its body.
        return super().get_queryset(request).defer("current_revision__body")

    def has_add_permission(self, request) -> bool:
        return False  # articles are made by splitting a source document

    def has_delete_permission(self, request, obj=None) -> bool:
        # The record of the desk's work: a published article is retracted, and
        # splitting again replaces unedited drafts (`articles_delete`).
        return False

    def save_model(self, request, obj, form, change) -> None:
        # The form edits only the section; the service locks, audits and updates
        # the public copy. A refusal shows as the form's error, nothing written.
        if "section" in form.changed_data:
            try:
                article_section_change(
                    article=obj, section=obj.section, by=request.user
                )
            except SectionError as exc:
                raise PermissionDenied(str(exc)) from None

    # --- bulk actions -------------------------------------------------------------

    def has_submit_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.submit_article")

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.approve_article")

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article")

    @admin.action(
        description="Submit selected articles for review", permissions=["submit"]
    )
    def submit_selected(
        self, request: HttpRequest, queryset: QuerySet[Article]
    ) -> None:
        self._bulk(request, queryset, SUBMIT)

    @admin.action(description="Approve selected articles", permissions=["approve"])
    def approve_selected(
        self, request: HttpRequest, queryset: QuerySet[Article]
    ) -> None:
        self._bulk(request, queryset, APPROVE)

    @admin.action(description="Publish selected articles", permissions=["publish"])
    def publish_selected(
        self, request: HttpRequest, queryset: QuerySet[Article]
    ) -> None:
        self._bulk(request, queryset, PUBLISH)

    def _bulk(
        self, request: HttpRequest, queryset: QuerySet[Article], transition: Transition
    ) -> None:
        """Apply the transition to each article on its own; report each refusal."""
        done, refused = [], []
        for article in queryset.order_by("pk"):
            try:
                article_transition(
                    name=transition.name, article=article, by=request.user
                )
            except WorkflowError as exc:
                refused.append(str(exc))
            else:
                done.append(f"“{article.headline}”")
        if done:
            count = f"{len(done)} article{'s' if len(done) > 1 else ''}"
            self.message_user(
                request,
                f"{transition.done.capitalize()}: {count} ({', '.join(done)}).",
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, f"Refused: {reason}", messages.ERROR)

    # --- the change page: buttons, timeline, review link ------------------------

    def get_urls(self):
        return [
            path(
                "<int:object_id>/workflow/<slug:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="articles_article_transition",
            ),
            path("<path:object_id>/workflow/<path:name>/", not_found),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {}
        if article is not None:
            extra = {
                "transitions": article_transitions_available(
                    article=article, user=request.user
                ),
                "timeline": article_timeline(article=article),
                "review_url": _review_url(article),
            }
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), **extra}
        )

    def transition_view(
        self, request: HttpRequest, object_id: int, name: str
    ) -> HttpResponse:
        """One click on a workflow button: make that transition, say how it went."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, object_id)
        if article is None or name not in TRANSITIONS:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        revision = request.POST.get("revision", "")
        try:
            article_transition(
                name=name,
                article=article,
                by=request.user,
                note=request.POST.get("note", ""),
                revision_id=int(revision)
                if revision.isascii() and revision.isdigit()
                else None,
            )
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(
                request,
                f"“{article.headline}” {TRANSITIONS[name].done}.",
                messages.SUCCESS,
            )
        return redirect("admin:articles_article_change", article.pk)


def _review_url(article: Article) -> str | None:
    try:
        return reverse("articles:review", args=[article.pk])
    except NoReverseMatch:  # the review view is not installed yet
        return None


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["headline_short", "number", "author", "message", "created_at"]
    list_select_related = ["article", "author"]
    list_filter = ["created_at"]
    search_fields = ["article__headline", "headline", "message"]
    date_hierarchy = "created_at"
    fields = [
        "article",
        "number",
        "headline",
        "body",
        "author",
        "message",
        "created_at",
    ]
    readonly_fields = fields

    class Media:
        css = CHANGELIST_CSS

    @admin.display(description="headline", ordering="headline")
    def headline_short(self, revision: Revision) -> str:
        return shortened(revision.headline, HEADLINE_CHARS)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a revision is never edited: a change is a new revision

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    """Read-only: a correction is written with the revision that makes it (the
    editor's save), and what readers see of it is rebuilt when that is published."""

    list_display = ["article", "corrected_on", "text", "author"]
    list_select_related = ["article", "author"]
    list_filter = ["corrected_on"]
    search_fields = ["article__headline", "text"]

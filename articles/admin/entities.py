"""The entity registry in the admin: entities, aliases, mentions, ignored names, and
the candidates page. Every write goes through `articles.services.entities`.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.models import BackgroundJob, Entity, EntityAlias, IgnoredName, Mention
from articles.models.entities import EntityKind
from articles.models.jobs import JobKind, JobState
from articles.selectors.entities import entity_articles, entity_candidates
from articles.services.entities import (
    RegistryError,
    alias_delete,
    alias_split_off,
    alias_update,
    candidate_confirm_alias,
    candidate_confirm_new,
    candidate_ignore,
    entity_add_alias,
    entity_create,
    entity_delete,
    entity_merge,
    entity_update,
)
from articles.services.jobs import jobs_for_progress
from articles.text.entities import normalize_name

CANDIDATE_LIMIT = 150  # rows on the candidates page
MENTIONED_IN_LIMIT = 100  # articles listed on an entity's page
MOVE_NOTE = (
    "Their mentions move in a background relink job; every entity's page shows how "
    "far it is."
)
RELINK_NOTE = (
    "Its mentions leave the archive in a background relink job; every entity's "
    "page shows how far it is."
)


def _adopt(obj: models.Model, saved: models.Model) -> None:
    """Give the admin's unsaved `obj` the state of the row a service created.

    The admin keeps using its own instance (the inline formsets hold it).
    """
    for field in saved._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding = False
    obj._state.db = saved._state.db


# --- entities -----------------------------------------------------------------


class EntityAliasFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        """Refuse two aliases (or an alias and the name) that are the same name."""
        super().clean()
        name = getattr(self.instance, "name", "")
        seen = {normalize_name(name)} if name else set()
        for form in self.forms:
            text = getattr(form, "cleaned_data", {}).get("text")
            if not text or form in self.deleted_forms:
                continue
            key = normalize_name(text)
            if key in seen:
                form.add_error("text", "This entity already has this name.")
            seen.add(key)


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    formset = EntityAliasFormSet
    fields = ["text"]
    extra = 1


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "description", "external_id", "alias_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__text", "external_id", "description"]
    fields = ["name", "kind", "description", "external_id", "relinking", "mentioned_in"]
    readonly_fields = ["relinking", "mentioned_in"]
    inlines = [EntityAliasInline]
    actions = ["merge_entities"]
    change_list_template = "admin/articles/entity/change_list.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entity]:
        # An aggregate drops Meta.ordering (GROUP BY): order again, or the
        # autocomplete's paginator gets an unordered list.
        return (
            super()
            .get_queryset(request)
            .annotate(alias_count=Count("aliases"))
            .order_by("name", "pk")
        )

    @admin.display(description="aliases", ordering="alias_count")
    def alias_count(self, entity: Entity) -> int:
        return entity.alias_count

    @admin.display(description="Relinking the archive")
    def relinking(self, entity: Entity) -> str:
        """The latest relink jobs: "relinking 12,400 of 100,000", or how they ended."""
        jobs = list(jobs_for_progress(kind=JobKind.RELINK))
        if not jobs:
            return "No relink has run yet."
        return format_html_join(
            "",
            "<p>{} ({}, started {})</p>",
            ((job.progress, _job_outcome(job), job.started_at or "—") for job in jobs),
        )

    @admin.display(description="Mentioned in")
    def mentioned_in(self, entity: Entity) -> str:
        if entity.pk is None:
            return "—"
        articles = entity_articles(entity_id=entity.pk, limit=MENTIONED_IN_LIMIT + 1)
        if not articles:
            return "No current or published article mentions it."
        rows = format_html_join(
            "",
            "<tr><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:articles_article_change", args=[article.pk]),
                    article.headline,
                    article.get_status_display(),
                    article.current_mentions,
                    article.published_mentions if article.is_live else "—",
                )
                for article in articles[:MENTIONED_IN_LIMIT]
            ),
        )
        more = (
            format_html("<p>Only the {} most recently updated.</p>", MENTIONED_IN_LIMIT)
            if len(articles) > MENTIONED_IN_LIMIT
            else ""
        )
        return format_html(
            "<table class='entity-articles'><thead><tr><th>Article</th><th>Status</th>"
            "<th>Mentions (current)</th><th>Mentions (published)</th></tr></thead>"
            "<tbody>{}</tbody></table>{}",
            rows,
            more,
        )

    # Saving through the services, so that every change is audited and relinked.

    def save_model(self, request, obj: Entity, form, change: bool) -> None:
        data = form.cleaned_data
        if change:
            entity_update(
                entity=obj,
                by=request.user,
                name=data["name"],
                kind=data["kind"],
                description=data["description"],
                external_id=data["external_id"],
            )
        else:
            created = entity_create(
                name=data["name"],
                kind=data["kind"],
                description=data["description"],
                external_id=data["external_id"],
                by=request.user,
            )
            _adopt(obj, created)

    def save_related(self, request, form, formsets, change: bool) -> None:
        form.save_m2m()
        for formset in formsets:
            _save_aliases(request, formset, entity=form.instance)

    def get_deleted_objects(self, objs, request: HttpRequest):
        """The confirmation page lists the entities and their aliases, never their
        mentions: as many as the archive holds, removed by the relink job."""
        entities = list(objs)
        aliases: dict[int, list[str]] = {}
        for entity_id, text in EntityAlias.objects.filter(
            entity__in=entities
        ).values_list("entity_id", "text"):
            aliases.setdefault(entity_id, []).append(f"Entity alias: {text}")
        listed = []
        for entity in entities:
            listed += [f"Entity: {entity}", aliases.get(entity.pk, [])]
        count = {
            self.opts.verbose_name_plural: len(entities),
            EntityAlias._meta.verbose_name_plural: sum(map(len, aliases.values())),
        }
        listed.append(RELINK_NOTE)
        return listed, count, set(), []

    def delete_model(self, request, obj: Entity) -> None:
        entity_delete(entity=obj, by=request.user)
        self.message_user(request, RELINK_NOTE, messages.INFO)

    def delete_queryset(self, request, queryset: QuerySet[Entity]) -> None:
        with transaction.atomic():
            for entity in queryset:
                entity_delete(entity=entity, by=request.user)
        self.message_user(request, RELINK_NOTE, messages.INFO)

    # Merging.

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(
            "articles.change_entity"
        ) and request.user.has_perm("articles.delete_entity")

    @admin.action(description="Merge selected entities into one", permissions=["merge"])
    def merge_entities(self, request: HttpRequest, queryset: QuerySet[Entity]):
        entities = list(queryset.order_by("created_at", "pk"))
        if len(entities) < 2:
            self.message_user(
                request, "Select at least two entities to merge.", messages.WARNING
            )
            return None
        if request.POST.get("post") == "yes":
            chosen = request.POST.get("survivor", "")
            survivor = next((e for e in entities if str(e.pk) == chosen), None)
            if survivor is None:
                self.message_user(request, "Choose the entity to keep.", messages.ERROR)
                return None
            try:
                with transaction.atomic():
                    for other in entities:
                        if other.pk != survivor.pk:
                            entity_merge(
                                survivor=survivor, other=other, by=request.user
                            )
            except RegistryError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            merged = len(entities) - 1
            self.message_user(
                request,
                f"Merged {merged} entit{'y' if merged == 1 else 'ies'} into "
                f"“{survivor.name}”. {MOVE_NOTE}",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge entities",
            "opts": self.opts,
            "entities": entities,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/entity/merge.html", context)

    # The candidates page.

    def get_urls(self):
        return [
            path(
                "candidates/",
                self.admin_site.admin_view(self.candidates_view),
                name="articles_entity_candidates",
            ),
            *super().get_urls(),
        ]

    def candidates_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            return self._candidate_decide(request)
        can = _candidate_permissions(request)
        # A row's controls differ only by the kind preselected: each variant is
        # rendered once and shared, rather than a form rendered per row.
        kind_selects: dict[str | None, str] = {}
        rows = []
        for candidate in entity_candidates(limit=CANDIDATE_LIMIT):
            hint = candidate.kind_hint
            if hint not in kind_selects:
                form = CandidateForm(auto_id=False, hint=hint)
                kind_selects[hint] = str(form["kind"])
            rows.append((candidate, kind_selects[hint]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Candidates: names the registry does not know",
            "opts": self.opts,
            "rows": rows,
            "entity_select": str(CandidateForm(auto_id=False)["entity"]),
            "limit": CANDIDATE_LIMIT,
            "can": can,
            "can_decide": any(can.values()),
            "media": self.media
            + CandidateForm().media
            + forms.Media(css={"all": ["articles/candidates.css"]}),
        }
        return TemplateResponse(
            request, "admin/articles/entity/candidates.html", context
        )

    def _candidate_decide(self, request: HttpRequest) -> HttpResponse:
        if not _candidate_permissions(request).get(request.POST.get("decision", "")):
            raise PermissionDenied
        form = CandidateForm(request.POST)
        if not form.is_valid():
            errors = "; ".join(e for errs in form.errors.values() for e in errs)
            self.message_user(request, errors, messages.ERROR)
            return HttpResponseRedirect(request.path)
        decision, text = form.cleaned_data["decision"], form.cleaned_data["text"]
        try:
            if decision == "new":
                entity = candidate_confirm_new(
                    text=text, kind=form.cleaned_data["kind"], by=request.user
                )
                kind = entity.get_kind_display().lower()
                message = f"“{entity.name}” is in the registry as a new {kind}."
            elif decision == "alias":
                alias = candidate_confirm_alias(
                    text=text, entity=form.cleaned_data["entity"], by=request.user
                )
                message = f"“{alias.text}” is now an alias of “{alias.entity.name}”."
            else:
                candidate_ignore(text=text, by=request.user)
                message = f"“{text}” will not be proposed again."
        except RegistryError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(request.path)


def _job_outcome(job: BackgroundJob) -> str:
    if job.state == JobState.DONE:
        o = job.outcome
        return (
            f"done: {o.get('changed', 0):,} revisions changed, "
            f"{o.get('refreshed', 0):,} live articles re-rendered"
        )
    if job.state == JobState.FAILED:
        return f"failed: {job.outcome.get('error', '')}"
    return job.get_state_display().lower()


def _candidate_permissions(request: HttpRequest) -> dict[str, bool]:
    user = request.user
    return {
        "new": user.has_perm("articles.add_entity"),
        "alias": user.has_perm("articles.add_entityalias"),
        "ignore": user.has_perm("articles.add_ignoredname"),
    }


def _save_aliases(request: HttpRequest, formset, *, entity: Entity) -> None:
    """Save an alias inline through the services; record what changed for the log."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.initial_forms:
        alias = form.instance
        if form in formset.deleted_forms:
            alias_delete(alias=alias, by=request.user)
            formset.deleted_objects.append(alias)
        elif form.has_changed():
            alias = alias_update(
                alias=alias, text=form.cleaned_data["text"], by=request.user
            )
            formset.changed_objects.append((alias, form.changed_data))
    for form in formset.extra_forms:
        if form.has_changed() and form not in formset.deleted_forms:
            alias = entity_add_alias(
                entity=entity, text=form.cleaned_data["text"], by=request.user
            )
            formset.new_objects.append(alias)


class CandidateForm(forms.Form):
    """One decision on one candidate: a new entity, an alias of one, or ignore."""

    DECISIONS = [("new", "New entity"), ("alias", "Alias of"), ("ignore", "Ignore")]

    text = forms.CharField(max_length=200, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=DECISIONS)
    kind = forms.ChoiceField(choices=EntityKind.choices, required=False)
    entity = forms.ModelChoiceField(
        queryset=Entity.objects.all(),
        required=False,
        widget=AutocompleteSelect(EntityAlias._meta.get_field("entity"), admin.site),
    )

    def __init__(self, *args, hint: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if hint in EntityKind.values:
            self.fields["kind"].initial = hint
        else:  # no guess: the editor picks, rather than "other" by default
            self.fields["kind"].choices = [("", "kind…"), *EntityKind.choices]

    def clean(self) -> dict:
        data = super().clean()
        decision = data.get("decision")
        if decision == "new" and not data.get("kind"):
            raise forms.ValidationError("Choose the new entity's kind.")
        if decision == "alias" and data.get("entity") is None:
            raise forms.ValidationError("Choose the entity this name is an alias of.")
        return data


# --- aliases, mentions, ignored names -------------------------------------------


@admin.register(EntityAlias)
class EntityAliasAdmin(admin.ModelAdmin):
    list_display = ["text", "entity"]
    list_select_related = ["entity"]
    list_filter = ["entity__kind"]
    search_fields = ["text", "entity__name"]
    autocomplete_fields = ["entity"]
    actions = ["split_off"]

    def save_model(self, request, obj: EntityAlias, form, change: bool) -> None:
        data = form.cleaned_data
        if change:
            alias_update(
                alias=obj, text=data["text"], entity=data["entity"], by=request.user
            )
        else:
            created = entity_add_alias(
                entity=data["entity"], text=data["text"], by=request.user
            )
            _adopt(obj, created)

    def delete_model(self, request, obj: EntityAlias) -> None:
        alias_delete(alias=obj, by=request.user)

    def delete_queryset(self, request, queryset: QuerySet[EntityAlias]) -> None:
        with transaction.atomic():
            for alias in queryset:
                alias_delete(alias=alias, by=request.user)

    def has_split_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.add_entity") and request.user.has_perm(
            "articles.delete_entityalias"
        )

    @admin.action(description="Split off as a new entity", permissions=["split"])
    def split_off(self, request: HttpRequest, queryset: QuerySet[EntityAlias]) -> None:
        try:
            with transaction.atomic():
                created = [
                    alias_split_off(alias=alias, by=request.user)
                    for alias in queryset.select_related("entity")
                ]
        except RegistryError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        names = ", ".join(f"“{entity.name}”" for entity in created)
        self.message_user(
            request, f"New entities: {names}. {MOVE_NOTE}", messages.SUCCESS
        )


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

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # relinking replaces them


@admin.register(IgnoredName)
class IgnoredNameAdmin(admin.ModelAdmin):
    list_display = ["name", "ignored_by", "created_at"]
    list_select_related = ["ignored_by"]
    list_filter = ["created_at"]
    search_fields = ["name", "normalized"]
    readonly_fields = ["normalized", "ignored_by", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the key is derived from the name: delete and ignore again

    def save_model(self, request, obj: IgnoredName, form, change: bool) -> None:
        _adopt(obj, candidate_ignore(text=form.cleaned_data["name"], by=request.user))

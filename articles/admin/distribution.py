"""Webhook subscriptions, their delivery log, the changes, and scheduled actions.

Administrators only (a subscription holds a signing secret). Every change goes
through `articles.services.distribution` and `articles.services.scheduling`: the admin
shows the log and offers replays, it never edits a delivery.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from articles.models import Delivery, PublicChange, ScheduledAction, Subscription
from articles.models.distribution import ChangeEvent
from articles.services.distribution import (
    SubscriptionError,
    deliveries_replay_failed,
    delivery_replay,
    subscription_add,
    subscription_check,
    subscription_disable,
    webhook_secret_generate,
)
from articles.services.scheduling import (
    ScheduleError,
    scheduled_action_cancel,
    scheduled_action_check,
    scheduled_action_create,
)


class AdminOnly:
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")
    secret = forms.CharField(
        required=False, help_text="whsec_… Leave empty to have one generated."
    )
    events = forms.MultipleChoiceField(
        choices=ChangeEvent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: all events.",
    )

    class Meta:
        model = Subscription
        fields = ["url", "secret", "events", "section", "entity"]

    def clean(self) -> dict:
        data = super().clean()
        data["secret"] = data.get("secret", "").strip() or webhook_secret_generate()
        if data.get("url"):
            try:
                subscription_check(
                    url=data["url"], secret=data["secret"], events=data["events"]
                )
            except SubscriptionError as error:
                raise forms.ValidationError(str(error)) from None
        return data


@admin.register(Subscription)
class SubscriptionAdmin(AdminOnly, admin.ModelAdmin):
    form = SubscriptionForm
    list_display = [
        "url",
        "events_shown",
        "section",
        "is_active",
        "disabled_reason",
        "failing_since",
        "failed_count",
    ]
    list_select_related = ["section", "section__parent"]
    list_filter = ["is_active"]
    actions = ["disable", "replay_failed"]
    readonly_fields = [
        "url",
        "events",
        "section",
        "entity",
        "is_active",
        "failing_since",
        "disabled_at",
        "disabled_reason",
        "created_by",
        "created_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_module_permission(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(failed=Count("deliveries", filter=Q(deliveries__state="failed")))
        )

    def get_fields(self, request: HttpRequest, obj=None):
        return self.form.Meta.fields if obj is None else self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return [] if obj is None else self.readonly_fields

    @admin.display(description="events")
    def events_shown(self, obj: Subscription) -> str:
        return ", ".join(obj.events) or "all"

    @admin.display(description="given up", ordering="failed")
    def failed_count(self, obj: Subscription) -> int:
        return obj.failed

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        data = form.cleaned_data
        made = subscription_add(
            url=data["url"],
            by=request.user,
            secret=data["secret"],
            events=data["events"],
            section_id=data["section"].pk if data["section"] else None,
            entity_id=data["entity"].pk if data["entity"] else None,
        )
        obj.pk = made.pk
        obj._state.adding = False
        if not form.data.get("secret", "").strip():
            self.message_user(
                request,
                f"The signing secret is {made.secret} — copy it now: it will not be "
                "shown again.",
                messages.WARNING,
            )

    @admin.action(description="Disable the selected subscriptions")
    def disable(self, request: HttpRequest, queryset: QuerySet) -> None:
        for subscription in queryset:
            subscription_disable(
                subscription=subscription, by=request.user, reason="disabled in admin"
            )
        self.message_user(request, f"Disabled {len(queryset)}.")

    @admin.action(description="Replay the failed deliveries (and re-enable)")
    def replay_failed(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = sum(
            deliveries_replay_failed(subscription=s, by=request.user) for s in queryset
        )
        self.message_user(request, f"Sending {count} failed deliveries again.")


@admin.register(Delivery)
class DeliveryAdmin(AdminOnly, admin.ModelAdmin):
    list_display = [
        "webhook_id",
        "subscription",
        "event",
        "article",
        "state",
        "attempts",
        "last_status",
        "last_attempt_at",
        "next_attempt_at",
        "last_error",
    ]
    list_select_related = ["subscription", "article"]
    list_filter = ["state", "event", "subscription"]
    search_fields = ["webhook_id"]
    actions = ["replay"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    @admin.action(description="Replay the selected deliveries")
    def replay(self, request: HttpRequest, queryset: QuerySet) -> None:
        for delivery in queryset.order_by("id"):
            delivery_replay(delivery=delivery, by=request.user)
        self.message_user(request, f"Sending {len(queryset)} deliveries again.")


@admin.register(PublicChange)
class PublicChangeAdmin(AdminOnly, admin.ModelAdmin):
    list_display = ["id", "created_at", "event", "article", "version"]
    list_select_related = ["article"]
    list_filter = ["event"]
    readonly_fields = ["article", "event", "version", "created_at", "payload"]


class ScheduledActionForm(forms.ModelForm):
    class Meta:
        model = ScheduledAction
        fields = ["article", "action", "run_at", "note"]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("article") and data.get("run_at") and data.get("action"):
            try:
                scheduled_action_check(
                    article=data["article"],
                    action=data["action"],
                    run_at=data["run_at"],
                    by=self.user,
                    note=data.get("note", ""),
                )
            except ScheduleError as error:
                raise forms.ValidationError(str(error)) from None
        return data


@admin.register(ScheduledAction)
class ScheduledActionAdmin(admin.ModelAdmin):
    """What is scheduled and when, who scheduled it; schedule and unschedule here."""

    form = ScheduledActionForm
    list_display = [
        "article",
        "action",
        "run_at",
        "state",
        "scheduled_by",
        "created_at",
        "outcome",
    ]
    list_select_related = ["article", "scheduled_by"]
    list_filter = ["state", "action"]
    raw_id_fields = ["article"]
    actions = ["unschedule"]
    readonly_fields = [
        "article",
        "action",
        "run_at",
        "note",
        "state",
        "outcome",
        "scheduled_by",
        "created_at",
        "done_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article") or (
            request.user.has_perm("articles.retract_article")
        )

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_add_permission(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_fields(self, request: HttpRequest, obj=None):
        return self.form.Meta.fields if obj is None else self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_form(self, request: HttpRequest, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        data = form.cleaned_data
        try:
            made = scheduled_action_create(
                article=data["article"],
                action=data["action"],
                run_at=data["run_at"],
                note=data.get("note", ""),
                by=request.user,
            )
        except ScheduleError as error:  # changed since the form was checked
            self.message_user(request, str(error), messages.ERROR)
            return
        obj.pk = made.pk
        obj._state.adding = False

    @admin.action(description="Unschedule the selected actions")
    def unschedule(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = 0
        for scheduled in queryset:
            try:
                scheduled_action_cancel(scheduled=scheduled, by=request.user)
                done += 1
            except ScheduleError as error:
                self.message_user(request, f"{scheduled}: {error}", messages.ERROR)
        if done:
            self.message_user(request, f"Unscheduled {done}.")

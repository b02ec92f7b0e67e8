"""The side-door walk: every ModelAdmin of the app, as an editor, a reviewer and a
superuser, GET and POST each add, change and delete page with every field altered.

What services rule (the workflow, pins, annotations, replies, corrections, revisions,
the public copy, the audit log) must not change through the admin; what the admin may
change (a section, the registry) goes through a service whose audit row names the
person who did it; nothing answers 5xx.
"""

import datetime
import json
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Annotation,
    ApiKey,
    Article,
    AuditEntry,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
    Section,
)
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS
from articles.services.api_keys import api_key_issue
from articles.services.assignments import article_claim
from articles.services.distribution import subscription_add
from articles.services.entities import candidate_ignore
from articles.services.jobs import relink_job_request
from articles.services.publishing import public_article_refresh
from articles.services.review import annotation_reply
from articles.services.revisions import article_edit
from articles.services.scheduling import scheduled_action_create
from articles.services.workflow import article_recommend_approval
from tests.articles.workflow_helpers import article_in
from tests.factories import (
    AnnotationFactory,
    EntityAliasFactory,
    SectionFactory,
    SourceDocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Fields an admin form may change, each through a service that audits it. Every
# other concrete field of every model of the app is gated.
DESK_EDITABLE: dict[type[models.Model], set[str]] = {
    Section: {"name", "slug", "parent"},
    Article: {"section", "version", "updated_at"},
    Entity: {"name", "kind", "description", "external_id", "updated_at"},
    EntityAlias: {"entity", "text", "updated_at"},
    IgnoredName: set(),  # added through candidate_ignore, never changed
    ApiKey: set(),  # issued through api_key_issue, never changed
}
# Rows a form may add through a service (audit rows: each must name the actor).
ADDABLE = {Section, Entity, EntityAlias, IgnoredName, ApiKey, AuditEntry}
DELETABLE = {Section, Entity, EntityAlias, IgnoredName}


def _app_admins() -> list[tuple[type[models.Model], admin.ModelAdmin]]:
    return sorted(
        (
            (model, model_admin)
            for model, model_admin in admin.site._registry.items()
            if model._meta.app_label == "articles"
        ),
        key=lambda pair: pair[0]._meta.model_name,
    )


@pytest.fixture
def world(db):
    """One or more rows of every model, made the way the desk makes them."""
    boss = UserFactory(username="boss", admin=True)
    writer = UserFactory(username="writer", role=EDITORS)
    approver = UserFactory(username="approver", role=EDITORS)
    reviewer = UserFactory(username="rev", role=REVIEWERS)
    SectionFactory()
    in_review = article_in(ArticleStatus.IN_REVIEW, author=writer)
    annotation = AnnotationFactory(article=in_review, author=reviewer)
    annotation_reply(annotation=annotation, by=reviewer, body="Which one?")
    AnnotationFactory(article=in_review, author=reviewer, resolved=True)
    article_claim(article=in_review, by=reviewer)
    article_recommend_approval(
        article=in_review, by=reviewer, note="Fine once the open note is answered."
    )
    subscription_add(url="http://127.0.0.1:9/hook", by=boss)
    live = article_in(ArticleStatus.PUBLISHED, author=writer)
    public_article_refresh(article=live)
    scheduled_action_create(
        article=article_in(ArticleStatus.APPROVED, author=writer),
        action="publish",
        run_at=timezone.now() + datetime.timedelta(days=1),
        by=approver,
    )
    relink_job_request(target="registry")
    article_edit(
        article=live,
        by=approver,
        base_revision_id=live.current_revision_id,
        headline=live.headline,
        body="A corrected first paragraph.\n\nA second paragraph.",
        correction="An unpublished draft's correction.",
    )
    alias = EntityAliasFactory()
    EntityAliasFactory()
    Mention.objects.create(
        revision=in_review.current_revision,
        entity=alias.entity,
        start=0,
        end=7,
        text="A first",
    )
    candidate_ignore(text="Nobody In Particular", by=boss)
    api_key_issue(name="Partner site", by=boss)
    SourceDocumentFactory()
    SourceDocumentFactory()
    return {"editor": approver, "reviewer": reviewer, "superuser": boss}


def _snapshot() -> dict:
    """Every concrete field of every row of the app, by model and pk."""
    state = {}
    for model in apps.get_app_config("articles").get_models():
        names = [f.attname for f in model._meta.concrete_fields]
        state[model] = {row["pk"]: row for row in model.objects.values("pk", *names)}
    return state


def _gated(model: type[models.Model]) -> list[models.Field]:
    editable = DESK_EDITABLE.get(model, set())
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in editable
    ]


def _altered(f: models.Field, current, model: type[models.Model]):
    """A value for `f` other than `current`, as a form would post it; None if none."""
    if f.choices:
        others = [value for value, _ in f.flatchoices if value not in (current, "")]
        return others[0] if others else None
    if f.is_relation:
        related = f.related_model.objects.exclude(pk=current).order_by("pk")
        other = related.values_list("pk", flat=True).first()
        return None if other is None else str(other)
    if isinstance(f, models.BooleanField):
        return not current
    if isinstance(f, models.JSONField):
        return json.dumps(["javascript:alert(1)"])
    if isinstance(f, models.DateTimeField):
        return "2001-02-03 04:05:06"
    if isinstance(f, models.DateField):
        return "2001-02-03"
    if isinstance(f, models.IntegerField):
        return str((current or 0) + 3)
    if isinstance(f, models.BinaryField):
        return None
    if isinstance(f, models.SlugField):
        return "side-door"
    if isinstance(f, (models.CharField, models.TextField)):
        return "side door"
    return None


def _put(data: dict, name: str, value) -> None:
    if value is True:
        data[name] = "on"
    elif value is False:
        data.pop(name, None)
    else:
        data[name] = value
        if isinstance(value, str) and len(value) == 19 and value[4] == "-":
            data[f"{name}_0"], data[f"{name}_1"] = value.split(" ")


def _form_data(response) -> dict:
    """What the rendered form would post unchanged: its fields and inline formsets."""
    data: dict = {}
    context = response.context
    if context is None:
        return data
    try:
        adminform = context["adminform"]
    except KeyError:
        return data
    forms = [adminform.form]
    try:
        inlines = context["inline_admin_formsets"]
    except KeyError:
        inlines = []
    for inline in inlines:
        formset = inline.formset
        forms.extend([formset.management_form, *formset.forms])
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None:
                continue
            if isinstance(value, datetime.datetime | datetime.date):
                value = (
                    value.isoformat(sep=" ") if hasattr(value, "hour") else str(value)
                )
            _put(data, bound.html_name, value)
    return data


def _attack(model, obj, base: dict) -> tuple[dict, int]:
    """`base` with every concrete field of `model` (and of each inline row) altered."""
    data, tried = dict(base), 0
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        value = _altered(f, getattr(obj, f.attname) if obj else None, model)
        if value is None:
            continue
        _put(data, f.name, value)
        tried += 1
    return data, tried


@dataclass
class Walk:
    admins: set = field(default_factory=set)
    requests: int = 0
    fields_tried: int = 0
    changes_blocked: int = 0
    problems: list[str] = field(default_factory=list)

    def check(self, label: str, response, before: dict, user) -> None:
        self.requests += 1
        if response.status_code >= 500:
            self.problems.append(f"{label}: HTTP {response.status_code}")
        after = _snapshot()
        for model, rows in before.items():
            gated = _gated(model)
            for pk, row in rows.items():
                new = after[model].get(pk)
                if new is None:
                    if model not in DELETABLE:
                        self.problems.append(f"{label}: {model.__name__} {pk} deleted")
                    continue
                for f in gated:
                    if new[f.attname] != row[f.attname]:
                        self.problems.append(
                            f"{label}: {model.__name__} {pk}.{f.name} changed"
                        )
            if model not in ADDABLE:
                added = set(after[model]) - set(rows)
                if added:
                    self.problems.append(f"{label}: {model.__name__} rows added")
        new_audit = set(after[AuditEntry]) - set(before[AuditEntry])
        for pk in new_audit:
            actor = after[AuditEntry][pk]["actor_id"]
            if actor != user.pk:
                self.problems.append(f"{label}: audit row {pk} names {actor}")


def _walk(client: Client, user) -> Walk:
    walk = Walk()
    for model, _ in _app_admins():
        walk.admins.add(model)
        name = f"admin:articles_{model._meta.model_name}"
        obj = model.objects.order_by("pk").first()
        assert obj is not None, f"the world has no {model.__name__}"

        add_url = reverse(f"{name}_add")
        response = client.get(add_url)
        walk.check(f"{user} GET {add_url}", response, _snapshot(), user)
        data, tried = _attack(model, None, _form_data(response))
        before = _snapshot()
        response = client.post(add_url, data)
        walk.check(f"{user} POST {add_url}", response, before, user)
        walk.fields_tried += tried

        change_url = reverse(f"{name}_change", args=[obj.pk])
        response = client.get(change_url)
        walk.check(f"{user} GET {change_url}", response, _snapshot(), user)
        data, tried = _attack(model, obj, _form_data(response))
        before = _snapshot()
        response = client.post(change_url, data)
        walk.check(f"{user} POST {change_url}", response, before, user)
        walk.fields_tried += tried
        walk.changes_blocked += len(
            [f for f in _gated(model) if _altered(f, getattr(obj, f.attname), model)]
        )

        if model not in DELETABLE:
            delete_url = reverse(f"{name}_delete", args=[obj.pk])
            before = _snapshot()
            response = client.post(delete_url, {"post": "yes"})
            walk.check(f"{user} POST {delete_url}", response, before, user)
    return walk


@pytest.mark.parametrize("role", ["editor", "reviewer", "superuser"])
def test_no_admin_form_changes_what_the_services_rule(world, role):
    user = world[role]
    client = Client()
    client.force_login(user)

    walk = _walk(client, user)

    print(
        f"\nside-door walk as {role}: {len(walk.admins)} admins, {walk.requests} "
        f"requests, {walk.fields_tried} altered fields posted, "
        f"{walk.changes_blocked} gated fields held"
    )
    assert walk.problems == [], "\n".join(walk.problems)
    assert len(walk.admins) == len(_app_admins()) >= 15
    assert walk.changes_blocked > 100


def test_the_walk_notices_an_admin_that_lets_a_gated_field_through(world, monkeypatch):
    """The harness proves itself: an annotation admin with an editable severity."""
    from articles.admin.review import AnnotationAdmin

    monkeypatch.setattr(AnnotationAdmin, "has_change_permission", lambda *a: True)
    monkeypatch.setattr(AnnotationAdmin, "fields", ["severity"])
    monkeypatch.setattr(AnnotationAdmin, "inlines", [])
    user = world["superuser"]
    client = Client()
    client.force_login(user)
    annotation = Annotation.objects.order_by("pk").first()
    url = reverse("admin:articles_annotation_change", args=[annotation.pk])
    before = _snapshot()
    response = client.post(url, {"severity": "advisory"})
    walk = Walk()
    assert response.status_code == 302
    walk.check("probe", response, before, user)
    assert any("Annotation" in p and "severity changed" in p for p in walk.problems)

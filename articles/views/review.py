"""The review page: read the current revision, annotate spans, work the threads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from articles.desk.access import desk_context, desk_view
from articles.desk.forms import AssignForm
from articles.forms import AnnotationForm, CloseAnnotationForm, ReplyForm
from articles.models import Annotation, Article
from articles.models.review import AnchorState, AnnotationStatus, Severity
from articles.selectors.review import (
    article_annotations,
    placement_note,
    review_body_html,
    review_runs,
    review_workflow,
    revision_mentions,
)
from articles.services.review import (
    ReviewRefused,
    annotation_apply_suggestion,
    annotation_create,
    annotation_dismiss,
    annotation_reattach,
    annotation_reopen,
    annotation_reply,
    annotation_resolve,
)
from articles.services.revisions import EditRefused


@desk_view("articles.view_article")
def review(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related(
            "current_revision__author", "section", "source", "assignment__reviewer"
        ),
        pk=pk,
    )
    form = AnnotationForm(initial={"revision_id": article.current_revision_id})
    return _render_review(request, article, form)


@require_POST
@desk_view("articles.add_annotation")
def annotate(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("current_revision"), pk=pk
    )
    form = AnnotationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            annotation_create(
                article=article,
                by=request.user,
                revision_id=data["revision_id"],
                start=data["start"] if data["start"] is not None else -1,
                end=data["end"] if data["end"] is not None else -1,
                exact=data["exact"],
                kind=data["kind"],
                severity=data["severity"],
                comment=data["comment"],
                evidence=data["evidence"],
                claim=data["claim"],
                verdict=data["verdict"],
                suggestion=data["suggestion"],
                is_public=data["is_public"],
            )
        except ReviewRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Annotation added.")
            return redirect("articles:review", pk=article.pk)
    return _render_review(request, article, form, status=400)


@require_POST
@desk_view("articles.view_article")
def annotation_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    annotation = get_object_or_404(Annotation.objects.select_related("article"), pk=pk)
    article = annotation.article
    user = request.user
    try:
        if action == "reply":
            form = ReplyForm(request.POST)
            if not form.is_valid():
                raise ReviewRefused("A reply cannot be empty.")
            annotation_reply(
                annotation=annotation, by=user, body=form.cleaned_data["body"]
            )
            messages.success(request, "Reply added.")
        elif action in {"resolve", "dismiss"}:
            form = CloseAnnotationForm(request.POST)
            note = form.cleaned_data["note"] if form.is_valid() else ""
            if action == "resolve":
                annotation_resolve(annotation=annotation, by=user, note=note)
            else:
                annotation_dismiss(annotation=annotation, by=user, reason=note)
            done = "Resolved" if action == "resolve" else "Dismissed"
            messages.success(request, f"{done} the annotation on {_quote(annotation)}.")
        elif action == "reopen":
            annotation_reopen(annotation=annotation, by=user)
            messages.success(
                request, f"Reopened the annotation on {_quote(annotation)}."
            )
        elif action == "apply":
            if not user.has_perm("articles.change_article"):
                raise PermissionDenied
            revision = annotation_apply_suggestion(
                annotation=annotation,
                by=user,
                base_revision_id=_int(request.POST.get("base_revision_id")),
                correction=request.POST.get("correction", ""),
            )
            messages.success(
                request, f"Suggestion applied: revision {revision.number} saved."
            )
        elif action == "reattach":
            annotation_reattach(
                annotation=annotation,
                by=user,
                start=_int(request.POST.get("start")),
                end=_int(request.POST.get("end")),
                exact=request.POST.get("exact", ""),
            )
            messages.success(
                request, f"Re-attached the annotation on {_quote(annotation)}."
            )
        else:
            raise PermissionDenied
    except (ReviewRefused, EditRefused) as exc:
        messages.error(request, str(exc))
    return redirect(f"{reverse('articles:review', args=[article.pk])}#annotation-{pk}")


def _quote(annotation: Annotation, limit: int = 60) -> str:
    """The annotation's quote, shortened, for a message: people know it by its text."""
    return f"“{Truncator(' '.join(annotation.quoted_exact.split())).chars(limit)}”"


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1


def _render_review(
    request: HttpRequest, article: Article, form: AnnotationForm, status: int = 200
) -> HttpResponse:
    revision = article.current_revision
    user = request.user
    annotations = list(article_annotations(article=article))
    for annotation in annotations:
        annotation.placement_note = placement_note(annotation)
    mentions = revision_mentions(revision=revision)
    runs = review_runs(revision=revision, annotations=annotations, mentions=mentions)
    entities = {m.entity_id: m.entity for m in mentions}
    open_ = [a for a in annotations if a.status == AnnotationStatus.OPEN]
    blocking = [a for a in open_ if a.severity == Severity.BLOCKING]
    workflow = review_workflow(article=article, user=user, open_blocking=blocking)
    context = desk_context(
        request,
        title=f"Review: {revision.headline}",
        article=article,
        revision=revision,
        body_html=review_body_html(
            runs=runs, annotations=annotations, entities=entities
        ),
        open_threads=blocking + [a for a in open_ if a.severity != Severity.BLOCKING],
        closed_threads=[a for a in annotations if a.status != AnnotationStatus.OPEN],
        open_count=len(open_),
        blocking_count=len(blocking),
        orphans=[a for a in open_ if a.anchor_state == AnchorState.ORPHANED],
        entities=sorted(entities.values(), key=lambda e: e.name),
        form=form,
        workflow=workflow,
        assign_form=AssignForm() if workflow.can_assign else None,
        can_annotate=user.has_perm("articles.add_annotation"),
        can_close=user.has_perm("articles.change_annotation"),
        can_edit=user.has_perm("articles.change_article"),
    )
    return TemplateResponse(request, "articles/review.html", context, status=status)

"""Editing an article's text, comparing revisions and reverting to one."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from articles.forms import EditArticleForm
from articles.models import Article, Revision
from articles.services.revisions import (
    EditConflict,
    EditRefused,
    article_edit,
    article_revert,
)
from articles.text.diff import word_diff
from articles.views.review import desk_context, desk_view


@desk_view("articles.change_article")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("current_revision"), pk=pk
    )
    current = article.current_revision
    conflict = None
    if request.method == "POST":
        form = EditArticleForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                revision = article_edit(
                    article=article,
                    by=request.user,
                    base_revision_id=data["base_revision_id"],
                    headline=data["headline"],
                    body=data["body"],
                    message=data["message"],
                    correction=data["correction"],
                    correction_date=data["correction_date"],
                )
            except EditConflict as exc:
                conflict = exc
                form.add_error(None, str(exc))
            except EditRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Saved revision {revision.number}.")
                return redirect("articles:review", pk=article.pk)
    else:
        form = EditArticleForm(
            initial={
                "base_revision_id": current.pk,
                "headline": current.headline,
                "body": current.body,
            }
        )
    context = desk_context(
        request,
        title=f"Edit: {current.headline}",
        article=article,
        revision=current,
        form=form,
        conflict=conflict,
        conflict_diff=word_diff(conflict.current.body, conflict.body)
        if conflict
        else (),
        conflict_headline=word_diff(conflict.current.headline, conflict.headline)
        if conflict and conflict.current.headline != conflict.headline
        else (),
        started_from=Revision.objects.filter(
            article=article, pk=form.cleaned_data["base_revision_id"]
        ).first()
        if conflict
        else None,
        needs_correction=article.is_live,
    )
    return TemplateResponse(
        request, "articles/edit.html", context, status=409 if conflict else 200
    )


@desk_view("articles.view_article")
def diff(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("current_revision"), pk=pk
    )
    revisions = list(
        Revision.objects.filter(article=article)
        .select_related("author")
        .order_by("number")
    )
    by_number = {r.number: r for r in revisions}
    newest = revisions[-1].number
    old_number = _number(request.GET.get("from"), default=max(1, newest - 1))
    new_number = _number(request.GET.get("to"), default=newest)
    if old_number not in by_number or new_number not in by_number:
        raise Http404("No such revision.")
    old, new = by_number[old_number], by_number[new_number]
    context = desk_context(
        request,
        title=f"Changes: revision {old.number} → {new.number}",
        article=article,
        revisions=revisions,
        old=old,
        new=new,
        headline_diff=word_diff(old.headline, new.headline),
        body_diff=word_diff(old.body, new.body),
        can_edit=request.user.has_perm("articles.change_article"),
    )
    return TemplateResponse(request, "articles/diff.html", context)


@require_POST
@desk_view("articles.change_article")
def revert(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    target = get_object_or_404(Revision, article=article, number=number)
    try:
        revision = article_revert(
            article=article,
            by=request.user,
            to_revision=target,
            base_revision_id=_number(request.POST.get("base_revision_id"), default=-1),
            correction=request.POST.get("correction", ""),
        )
    except EditRefused as exc:
        messages.error(request, str(exc))
        return redirect("articles:diff", pk=article.pk)
    messages.success(
        request, f"Reverted to revision {number}: saved as revision {revision.number}."
    )
    return redirect("articles:review", pk=article.pk)


def _number(value: str | None, *, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default

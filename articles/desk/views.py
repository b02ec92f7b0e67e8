"""The desk's pages: the home board, workflow steps and assignment from the review
page, and the confirmation pages of destructive steps. Each view validates, calls one
selector or service and renders."""

from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST, require_safe

from articles.desk.access import desk_context, desk_view
from articles.desk.forms import AssignForm, DeskFilterForm, ScheduleForm, StepForm
from articles.models import Annotation, Article, ScheduledAction
from articles.models.distribution import ScheduledKind, ScheduledState
from articles.models.review import AnnotationStatus
from articles.selectors.desk import desk_home
from articles.services.assignments import (
    AssignmentRefused,
    article_assign,
    article_claim,
    article_unassign,
)
from articles.services.scheduling import (
    PERMISSIONS as SCHEDULE_PERMISSIONS,
)
from articles.services.scheduling import (
    ScheduleError,
    scheduled_action_cancel,
    scheduled_action_create,
)
from articles.services.workflow import (
    RETRACT,
    TRANSITIONS,
    WorkflowError,
    article_transition,
)


class DeskLoginView(auth_views.LoginView):
    """The admin's log-in form; afterwards the user lands on the desk home."""

    template_name = "admin/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs) -> dict:
        return {
            **admin.site.each_context(self.request),
            **super().get_context_data(**kwargs),
        }


@desk_view("articles.view_article")
def home(request: HttpRequest) -> HttpResponse:
    form = DeskFilterForm(request.GET or None)
    show, section = "all", None
    if form.is_valid():
        show = form.cleaned_data["show"] or "all"
        section = form.cleaned_data["section"]
    board = desk_home(
        user=request.user, show=show, section_id=section.pk if section else None
    )
    context = desk_context(
        request, title="Desk", board=board, filter_form=form, show=show
    )
    return TemplateResponse(request, "desk/home.html", context)


@require_POST
@desk_view("articles.view_article")
def step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One workflow button on the review page; the service decides and explains."""
    article = get_object_or_404(Article, pk=pk)
    form = StepForm(request.POST)
    if name not in TRANSITIONS or not form.is_valid():
        messages.error(request, "That workflow step is not one the desk knows.")
        return redirect("articles:review", pk=pk)
    try:
        article = article_transition(
            name=name,
            article=article,
            by=request.user,
            note=form.cleaned_data["note"],
            revision_id=form.cleaned_data["revision"],
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{article.headline}” {TRANSITIONS[name].done}.")
    return redirect(f"{reverse('articles:review', args=[pk])}#workflow")


@require_safe
@desk_view("articles.retract_article")
def retract_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Retraction asks first: the reason readers will see, and a clear warning."""
    article = get_object_or_404(Article, pk=pk)
    context = desk_context(
        request,
        title=f"Retract “{article.headline}”?",
        article=article,
        step=RETRACT,
        action=reverse("desk:step", args=[pk, RETRACT.name]),
    )
    return TemplateResponse(request, "desk/confirm_retract.html", context)


@require_safe
@desk_view("articles.change_annotation")
def dismiss_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Dismissing asks first, for the reason it is not a problem."""
    annotation = get_object_or_404(
        Annotation.objects.select_related("article"),
        pk=pk,
        status=AnnotationStatus.OPEN,
    )
    context = desk_context(
        request,
        title="Dismiss this annotation?",
        article=annotation.article,
        annotation=annotation,
    )
    return TemplateResponse(request, "desk/confirm_dismiss.html", context)


@require_POST
@desk_view("articles.view_article")
def assignment(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Claim, assign or release an article in review."""
    article = get_object_or_404(Article, pk=pk)
    try:
        if action == "claim":
            article_claim(article=article, by=request.user)
            messages.success(request, f"You are reviewing “{article.headline}”.")
        elif action == "assign":
            form = AssignForm(request.POST)
            if not form.is_valid():
                raise AssignmentRefused("Choose a reviewer to assign it to.")
            reviewer = form.cleaned_data["reviewer"]
            article_assign(article=article, reviewer=reviewer, by=request.user)
            messages.success(request, f"“{article.headline}” assigned to {reviewer}.")
        elif action == "release":
            article_unassign(article=article, by=request.user)
            messages.success(request, f"“{article.headline}” is unclaimed again.")
        else:
            raise AssignmentRefused("That is not something the desk can do.")
    except AssignmentRefused as exc:
        messages.error(request, str(exc))
    return redirect(f"{reverse('articles:review', args=[pk])}#workflow")


@require_POST
@desk_view("articles.view_article")
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Schedule an approved article's publication or a live one's retraction; the
    service decides and explains."""
    article = get_object_or_404(Article, pk=pk)
    form = ScheduleForm(request.POST)
    action = request.POST.get("action") or ScheduledKind.PUBLISH
    if not request.user.has_perm(SCHEDULE_PERMISSIONS.get(action, "-")):
        raise PermissionDenied(f"You may not schedule that for “{article.headline}”.")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(f"{reverse('articles:review', args=[pk])}#workflow")
    try:
        scheduled = scheduled_action_create(
            article=article,
            action=form.cleaned_data["action"],
            run_at=form.cleaned_data["run_at"],
            by=request.user,
            note=form.cleaned_data["note"],
        )
    except ScheduleError as exc:
        messages.error(request, str(exc))
    else:
        verb = "retracts" if scheduled.action == ScheduledKind.RETRACT else "publishes"
        messages.success(
            request,
            f"“{article.headline}” {verb} "
            f"{date_format(localtime(scheduled.run_at), 'D j M H:i T')}.",
        )
    return redirect(f"{reverse('articles:review', args=[pk])}#workflow")


@require_POST
@desk_view("articles.view_article")
def unschedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Unschedule the article's waiting action (the service checks the permission)."""
    article = get_object_or_404(Article, pk=pk)
    waiting = ScheduledAction.objects.filter(
        article=article, state=ScheduledState.WAITING
    ).first()
    try:
        if waiting is None:
            raise ScheduleError(f"Nothing is scheduled for “{article.headline}”.")
        scheduled_action_cancel(scheduled=waiting, by=request.user)
    except ScheduleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"“{article.headline}” is no longer scheduled to "
            f"{waiting.get_action_display().lower()}.",
        )
    return redirect(f"{reverse('articles:review', args=[pk])}#workflow")

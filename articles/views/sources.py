"""Actions on a whole source document from the desk."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles.models import BackgroundJob, SourceDocument
from articles.services.jobs import source_document_checks_request
from articles.views.review import desk_view


@require_POST
@desk_view("articles.add_annotation")
def run_checks(request: HttpRequest, pk: int) -> HttpResponse:
    """Run the automated checks across the document's articles, then list findings."""
    document = get_object_or_404(SourceDocument, pk=pk)
    if not document.articles.exists():
        messages.warning(request, "Split the document into articles first.")
        return redirect("admin:articles_sourcedocument_change", document.pk)
    outcome = source_document_checks_request(document=document)
    if isinstance(outcome, BackgroundJob):
        job = outcome
        messages.info(
            request,
            "The document is large: the checks run in the background "
            f"(job {job.pk}); their findings appear in the list as they are made.",
        )
        return redirect("admin:articles_backgroundjob_change", job.pk)
    created = outcome
    found = (
        ngettext(
            "The checks found %(count)d new finding",
            "The checks found %(count)d new findings",
            len(created),
        )
        % {"count": len(created)}
        if created
        else "The checks found no new findings"
    )
    messages.success(
        request, f"{found} (findings dismissed before are not raised again)."
    )
    url = reverse("admin:articles_annotation_changelist")
    return redirect(
        f"{url}?article__source__id__exact={document.pk}&status__exact=open"
    )

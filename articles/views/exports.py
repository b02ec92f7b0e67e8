"""An article's annotations as W3C Web Annotation JSON-LD."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.models import Annotation, Article
from articles.models.review import HUMAN_ORIGIN, AnnotationStatus
from articles.text.webannotation import (
    MEDIA_TYPE,
    AnnotationData,
    to_annotation_page,
)
from articles.views.review import desk_view

GENERATOR = "Newsroom review desk"


@desk_view("articles.view_annotation")
def annotations_jsonld(request: HttpRequest, pk: int) -> HttpResponse:
    """Open and resolved annotations (dismissed ones are left out) of the article."""
    article = get_object_or_404(Article, pk=pk)
    review_url = request.build_absolute_uri(reverse("articles:review", args=[pk]))
    annotations = (
        Annotation.objects.filter(article=article)
        .exclude(status=AnnotationStatus.DISMISSED)
        .select_related("author", "revision", "created_on_revision")
        .order_by("pk")
    )
    items = [_data(annotation, review_url) for annotation in annotations]
    page = to_annotation_page(items, id=request.build_absolute_uri())
    response = HttpResponse(
        json.dumps(page, ensure_ascii=False, indent=2), content_type=MEDIA_TYPE
    )
    response["Content-Disposition"] = (
        f'inline; filename="article-{pk}-annotations.jsonld"'
    )
    return response


def _data(annotation: Annotation, review_url: str) -> AnnotationData:
    human = annotation.origin == HUMAN_ORIGIN
    return AnnotationData(
        id=f"{review_url}#annotation-{annotation.pk}",
        source=f"{review_url}?revision={annotation.revision.number}",
        exact=annotation.exact,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
        start=annotation.start,
        end=annotation.end,
        kind=annotation.kind,
        comment=annotation.comment,
        suggestion=annotation.suggestion if annotation.has_suggestion else None,
        claim=annotation.claim,
        verdict=annotation.verdict,
        verdict_label=annotation.get_verdict_display() if annotation.verdict else "",
        evidence=tuple(annotation.evidence),
        status=annotation.status,
        creator_id=None,
        creator_name=(annotation.author.get_username() if annotation.author else None)
        if human
        else annotation.origin,
        creator_is_software=not human,
        generator_name=GENERATOR,
        created=annotation.created_at,
        modified=annotation.updated_at,
        quoted_source=f"{review_url}?revision={annotation.created_on_revision.number}",
        quoted_exact=annotation.quoted_exact,
        quoted_prefix=annotation.quoted_prefix,
        quoted_suffix=annotation.quoted_suffix,
    )

"""URLs of the desk's own pages (outside the ModelAdmins), under /desk/."""

from django.urls import path

from articles.views import exports, review, revisions, sources

app_name = "articles"

urlpatterns = [
    path("desk/articles/<int:pk>/review/", review.review, name="review"),
    path("desk/articles/<int:pk>/annotate/", review.annotate, name="annotate"),
    path(
        "desk/annotations/<int:pk>/<slug:action>/",
        review.annotation_action,
        name="annotation-action",
    ),
    path("desk/articles/<int:pk>/edit/", revisions.edit, name="edit"),
    path("desk/articles/<int:pk>/changes/", revisions.diff, name="diff"),
    path(
        "desk/articles/<int:pk>/revert/<int:number>/", revisions.revert, name="revert"
    ),
    path("desk/sources/<int:pk>/check/", sources.run_checks, name="source-check"),
    path(
        "desk/articles/<int:pk>/annotations.jsonld",
        exports.annotations_jsonld,
        name="annotations-jsonld",
    ),
]

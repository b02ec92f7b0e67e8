"""The public API under /api/: version 1, its OpenAPI schema and the docs.

The docs are Swagger UI from drf-spectacular-sidecar's static files (no CDN), in the
"split" form whose start-up script is a separate request, so the page carries no
inline script under the Content-Security-Policy. Redoc is left out because its page
loads web fonts from Google.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from articles.api import changes, views
from articles.api.root import ApiRoot

app_name = "api"

urlpatterns = [
    # The polled URLs first: patterns are tried in order.
    path("v1/articles/", views.ArticleList.as_view(), name="article-list"),
    # Any segment, so that a malformed id is the API's JSON 404, not an HTML page.
    path("v1/articles/<str:pk>/", views.ArticleDetail.as_view(), name="article-detail"),
    path("v1/", ApiRoot.as_view(), name="root"),
    path("v1/sections/", views.SectionList.as_view(), name="section-list"),
    path("v1/entities/", views.EntityList.as_view(), name="entity-list"),
    path("v1/corrections/", views.CorrectionList.as_view(), name="correction-list"),
    path("v1/changes/", changes.ChangeList.as_view(), name="change-list"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
]

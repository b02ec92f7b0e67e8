"""Root URLs: the admin (where editors and reviewers work) and the app's own views."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Newsroom review desk"
admin.site.site_title = "Review desk"
admin.site.index_title = "Desk"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("articles.api.urls")),
    path("feeds/", include("articles.feeds")),
    path("", include("articles.urls")),
]

# JSON under /api/, the desk's own page elsewhere (articles/views/errors.py).
handler404 = "articles.views.errors.page_not_found"
handler500 = "articles.views.errors.server_error"

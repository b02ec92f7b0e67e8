"""Root URLs: the admin (where editors and reviewers work) and the app's own views."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Newsroom review desk"
admin.site.site_title = "Review desk"
admin.site.index_title = "Desk"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="desk:home", permanent=False)),
    path("desk/", include("articles.desk.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("articles.api.urls")),
    path("feeds/", include("articles.feeds")),
    path("", include("articles.urls")),
]

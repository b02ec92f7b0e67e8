"""Root URLs: the admin (where editors and reviewers work) and the app's own views."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from newsroom.health import healthz

admin.site.site_header = "Newsroom review desk"
admin.site.site_title = "Review desk"
admin.site.index_title = "Desk"

urlpatterns = [
    # First: downstream sites poll it all day, and patterns are tried in order.
    path("api/", include("articles.api.urls")),
    path("", RedirectView.as_view(pattern_name="desk:home", permanent=False)),
    path("desk/", include("articles.desk.urls")),
    path("admin/", admin.site.urls),
    path("feeds/", include("articles.feeds")),
    path("", include("articles.urls")),
    path("healthz", healthz, name="healthz"),
    # Password reset (django.contrib.auth's views, the admin's templates); the
    # first name is the one the admin's log-in page looks for to offer the link.
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# JSON under /api/, the desk's own page elsewhere (articles/views/errors.py).
handler404 = "articles.views.errors.page_not_found"
handler500 = "articles.views.errors.server_error"

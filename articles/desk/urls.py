"""The desk's URLs, under /desk/ (the review page and editor are in articles.urls)."""

from django.urls import path

from articles.desk import views

app_name = "desk"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.DeskLoginView.as_view(), name="login"),
    path("articles/<int:pk>/step/<slug:name>/", views.step, name="step"),
    path("articles/<int:pk>/retract/", views.retract_confirm, name="retract"),
    path("articles/<int:pk>/schedule/", views.schedule, name="schedule"),
    path("articles/<int:pk>/unschedule/", views.unschedule, name="unschedule"),
    path(
        "articles/<int:pk>/assignment/<slug:action>/",
        views.assignment,
        name="assignment",
    ),
    path(
        "annotations/<int:pk>/dismiss/confirm/",
        views.dismiss_confirm,
        name="dismiss-confirm",
    ),
]

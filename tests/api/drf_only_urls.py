"""The project's URLs with the article list and detail served by DRF alone, without
the fast path (articles/api/fast.py): what the fast path is compared with."""

from django.urls import path

from articles.api import views
from newsroom import urls

urlpatterns = [
    path("api/v1/articles/", views.ArticleList.as_view(fast_path=None)),
    path("api/v1/articles/<str:pk>/", views.ArticleDetail.as_view(fast_path=None)),
    *urls.urlpatterns,
]
handler404 = urls.handler404
handler500 = urls.handler500

"""URLs of the app's own (non-admin) views."""

app_name = "articles"

urlpatterns: list = []

"""RSS and Atom feeds of published articles."""

urlpatterns: list = []

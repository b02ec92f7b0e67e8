"""Every HTML page the app serves keeps to the Content-Security-Policy.

The policy allows scripts and styles only from our own files, so a page with an
inline <script>, a <style> element, a style="" or on*="" attribute, or a javascript:
link would be broken in the browser. The walk visits every URL pattern (the admin's,
the desk's, the API docs, the log-in and password pages), fills its parameters with
real objects, and reads every HTML page that answers a GET.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from articles.services.api_keys import api_key_issue
from articles.services.entities import candidate_ignore
from articles.services.review import annotation_reply
from tests.api.helpers import build_demo
from tests.factories import AnnotationFactory, ArticleFactory, EntityAliasFactory

pytestmark = pytest.mark.django_db

# Inert data blocks: the browser never runs them, and CSP does not apply to them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class PolicyReader(HTMLParser):
    """Collects what a strict CSP would block in one page."""

    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        line = self.getpos()[0]
        kind = (values.get("type") or "").lower()
        if tag == "script" and not values.get("src") and kind not in DATA_SCRIPT_TYPES:
            self.problems.append(f"line {line}: inline <script>")
        if tag == "style":
            self.problems.append(f"line {line}: <style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"line {line}: style= on <{tag}>")
            elif name.startswith("on") and len(name) > 2:
                self.problems.append(f"line {line}: {name}= on <{tag}>")
            elif name in {"href", "src", "action"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"line {line}: javascript: {name} on <{tag}>")


def policy_problems(html: str) -> list[str]:
    reader = PolicyReader()
    reader.feed(html)
    reader.close()
    return reader.problems


def _routes(patterns, prefix: str = "") -> list[str]:
    """Every URL pattern's full route, as `admin/articles/article/<path:object_id>/`."""
    routes = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes


def _model_named(segment: str):
    """The model a URL segment names: `article`, `articles`, `sourcedocument`..."""
    singular = segment.removesuffix("s")
    for model in apps.get_models():
        name = model._meta.model_name
        if segment == name or singular == name:
            return model
    for model in apps.get_models():
        if model._meta.model_name.startswith(singular) and len(singular) > 3:
            return model
    return None


def _fill(route: str) -> str | None:
    """The route with real values for its parameters, or None when one has none."""
    if "(?P<app_label>" in route:  # the admin's index of one app
        return None
    if route.startswith("^") or "(?P" in route:
        return None  # regex routes: static files and the like
    segments = route.split("/")
    for index, segment in enumerate(segments):
        match = PARAMETER.fullmatch(segment)
        if not match:
            continue
        model = _model_named(segments[index - 1]) if index else None
        if model is None:
            return None
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            return None
        segments[index] = str(obj.pk)
    return "/" + "/".join(segments)


@pytest.fixture
def desk(editor, editor2, reviewer, superuser):
    """Published stories with corrections and fact-checks, one in review, a row
    of every other kind the admin lists (a failed log-in among them)."""
    articles = build_demo(editor=editor, editor2=editor2, reviewer=reviewer)
    in_review = ArticleFactory(in_review=True)
    annotation = AnnotationFactory(article=in_review, author=reviewer)
    annotation_reply(annotation=annotation, by=editor, body="Checked with the desk.")
    EntityAliasFactory()
    candidate_ignore(text="Monday Briefing", by=editor)
    api_key_issue(name="Partner site", by=superuser)
    Client().post("/admin/login/", {"username": "ed", "password": "wrong"})
    return articles


def _app_indexes() -> list[str]:
    labels = {model._meta.app_label for model in admin.site._registry}
    return [f"/admin/{label}/" for label in sorted(labels)]


def _visit_all(client: Client) -> dict[str, list[str]]:
    """Problems per page, for every HTML page that answers a GET with 200."""
    seen: dict[str, list[str]] = {}
    urls = [_fill(route) for route in _routes(get_resolver().url_patterns)]
    for url in urls + _app_indexes():
        if url is None or url in seen:
            continue
        response = client.get(url)
        if response.status_code != 200:
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        policy = response.get("Content-Security-Policy", "")
        problems = policy_problems(response.content.decode())
        if "script-src 'self'" not in policy or "unsafe-inline" in policy:
            problems.append(f"Content-Security-Policy is {policy!r}")
        seen[url] = problems
    return seen


def test_no_admin_or_desk_page_has_inline_scripts_or_styles(desk, superuser):
    client = Client()
    client.force_login(superuser)
    pages = _visit_all(client)
    # Every ModelAdmin's list, add and change pages at the least were read.
    assert len(pages) >= 3 * len(admin.site._registry), sorted(pages)
    assert any(url.startswith("/desk/") for url in pages), sorted(pages)
    assert "/api/docs/" in pages
    assert {url: found for url, found in pages.items() if found} == {}


def test_pages_seen_logged_out_have_no_inline_scripts_or_styles(db):
    pages = _visit_all(Client())
    assert {"/admin/login/", "/accounts/password-reset/", "/api/docs/"} <= set(pages)
    assert {url: found for url, found in pages.items() if found} == {}


def test_the_reader_finds_what_the_policy_blocks():
    page = """<html><head><style>p{}</style><script>alert(1)</script>
    <script type="application/json">{"data": 1}</script><script src="/s.js"></script>
    </head><body><p style="color:red" onclick="x()">a</p>
    <a href="javascript:void(0)">b</a></body></html>"""
    assert policy_problems(page) == [
        "line 1: <style> element",
        "line 1: inline <script>",
        "line 3: style= on <p>",
        "line 3: onclick= on <p>",
        "line 4: javascript: href on <a>",
    ]

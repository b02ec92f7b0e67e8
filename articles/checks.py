"""System checks: settings the desk needs, and what `check --deploy` should also say."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list[Warning]:
    """API throttles count in the cache: each app server must see the same counts."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The default cache is kept in each process, so API throttles count "
                "per process and per server.",
                hint="Set CACHE_URL to a shared Redis, e.g. redis://127.0.0.1:6379/0.",
                id="articles.W001",
            )
        ]
    return []


@register()
def check_public_article_url(app_configs, **kwargs) -> list[Error]:
    """A mistyped placeholder would break every feed; say so at start-up instead."""
    template = settings.NEWSROOM_PUBLIC_ARTICLE_URL
    try:
        url = template.format(id=1, slug="slug", section="section")
    except (KeyError, IndexError, ValueError) as exc:
        problem = f"it cannot be filled in ({exc!r})"
    else:
        if not template or url.startswith(("https://", "http://", "/")):
            return []
        problem = "it is neither an absolute URL nor a path"
    return [
        Error(
            f"NEWSROOM_PUBLIC_ARTICLE_URL is {template!r}: {problem}.",
            hint="Use {id}, {slug} and {section}, e.g. "
            "https://news.example.org/{section}/{slug}/",
            id="articles.E001",
        )
    ]

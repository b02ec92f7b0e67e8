"""System checks for deployment: what `manage.py check --deploy` should also say."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

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

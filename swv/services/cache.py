"""Cache versioning: every change of what pages show bumps one number, so cached pages go stale at once."""

from django.core.cache import cache

VERSION_KEY = "site-data-version"


def data_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def data_changed() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)

"""Cache versioning: every change of what pages show bumps a number, so cached pages go stale at once.

Two numbers: the site's data version (every import, publish, upload or edited text; the page cache
keys by it) and the source-data version (only what the imports deliver: figures, regions, names).
What is computed from the imported data alone keys by the second, so a published toelichting re-renders
pages without recomputing every sector's figures. Both live in the shared cache (Redis in production),
so every app server sees a change the moment any server makes it.
"""

import time

from django.core.cache import cache

VERSION_KEY = "site-data-version"
SOURCE_VERSION_KEY = "site-source-data-version"
CHANGED_AT_KEY = "site-data-changed-at"


def data_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def data_changed_at() -> float:
    return cache.get_or_set(CHANGED_AT_KEY, time.time, timeout=None)


def source_data_version() -> int:
    return cache.get_or_set(SOURCE_VERSION_KEY, 1, timeout=None)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)


def data_changed(**_signal_kwargs) -> None:
    _bump(VERSION_KEY)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def source_data_changed(**_signal_kwargs) -> None:
    """An import (or any change of the swv app's tables): the derived data and every page are stale."""
    _bump(SOURCE_VERSION_KEY)
    data_changed()


def connect_content_signals() -> None:
    """Any saved or deleted row of the content apps invalidates the cached pages."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for label, changed in (("swv", source_data_changed), ("landelijk", data_changed), ("uploads", data_changed)):
        for model in apps.get_app_config(label).get_models():
            if model._meta.model_name != "importrun":
                post_save.connect(changed, sender=model, dispatch_uid=f"cache-{label}-{model._meta.model_name}")
                post_delete.connect(changed, sender=model, dispatch_uid=f"cache-del-{label}-{model._meta.model_name}")

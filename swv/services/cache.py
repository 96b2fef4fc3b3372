"""Cache versioning: every change of what pages show bumps one number, so cached pages go stale at once.

The number lives in the shared cache (Redis in production), so every app server sees a change the
moment an import, a publish or an upload on any server makes it.
"""

import time

from django.core.cache import cache

VERSION_KEY = "site-data-version"
CHANGED_AT_KEY = "site-data-changed-at"


def data_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def data_changed_at() -> float:
    return cache.get_or_set(CHANGED_AT_KEY, time.time, timeout=None)


def data_changed(**_signal_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def connect_content_signals() -> None:
    """Any saved or deleted row of the content apps invalidates the cached pages."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for label in ("swv", "landelijk", "uploads"):
        for model in apps.get_app_config(label).get_models():
            if model._meta.model_name != "importrun":
                post_save.connect(data_changed, sender=model, dispatch_uid=f"cache-{label}-{model._meta.model_name}")
                post_delete.connect(
                    data_changed, sender=model, dispatch_uid=f"cache-del-{label}-{model._meta.model_name}"
                )

"""Cache versioning: every change of what pages show bumps a number, so cached pages go stale at once.

Two numbers: the site's data version (every import, publish, upload or edited text; the page cache
keys by it) and the source-data version (only what the imports deliver: figures, regions, names).
What is computed from the imported data alone keys by the second, so a published toelichting re-renders
pages without recomputing every sector's figures. Both live in the shared cache (Redis in production);
each process reads them from memory kept current by Redis' notices (verantwoording/tracked_keys.py), so
a change shows on every app server once the notice arrives and on the server that made it at once.
"""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "site-data-version"
SOURCE_VERSION_KEY = "site-source-data-version"
CHANGED_AT_KEY = "site-data-changed-at"


def _new_version() -> int:
    # A version that was never used before, also after Redis lost its data (a restart without
    # persistence, FLUSHALL, eviction): counting again from 1 would make pages that app servers still
    # hold from long ago current again.
    return time.time_ns()


def _version(key: str) -> int:
    # Every page-cache hit reads the data version: from memory where the backend tracks the key in
    # Redis (verantwoording/redis_cache.py), kept current by Redis' notices.
    read = getattr(cache, "get_tracked", cache.get)
    value = read(key)
    if value is None:
        value = cache.get_or_set(key, _new_version, timeout=None)
        _forget(key)
    return value


def data_version() -> int:
    return _version(VERSION_KEY)


def data_changed_at() -> float:
    return cache.get_or_set(CHANGED_AT_KEY, time.time, timeout=None)


def source_data_version() -> int:
    return _version(SOURCE_VERSION_KEY)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _new_version(), timeout=None)
    _forget(key)


def _forget(key: str) -> None:
    """Redis' notice of this process's own change may arrive after its next read: read it from Redis."""
    forget = getattr(cache, "forget_tracked", None)
    if forget is not None:
        forget(key)


def data_changed(**_signal_kwargs) -> None:
    _bump(VERSION_KEY)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def source_data_changed(**_signal_kwargs) -> None:
    """An import (or any change of the swv app's tables): the derived data and every page are stale."""
    _bump(SOURCE_VERSION_KEY)
    data_changed()


def _now_and_at_commit(changed):
    """A signal handler that bumps the version at once and again when the transaction commits.

    Between a save and its commit another request can render the page from the old rows and cache it
    under the new version; the bump at commit retires that copy. Once per transaction (or savepoint),
    however many rows it saves.
    """

    def handler(**_signal_kwargs) -> None:
        changed()
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            return  # autocommit: the row is already committed
        level = set(connection.savepoint_ids)
        if not any(entry[1] is changed and entry[0] == level for entry in connection.run_on_commit):
            transaction.on_commit(changed, robust=True)

    return handler


def connect_content_signals() -> None:
    """Any saved or deleted row of the content apps invalidates the cached pages."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    for label, changed in (("swv", source_data_changed), ("landelijk", data_changed), ("uploads", data_changed)):
        handler = _now_and_at_commit(changed)
        for model in apps.get_app_config(label).get_models():
            if model._meta.model_name != "importrun":
                uid = f"{label}-{model._meta.model_name}"
                post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"cache-{uid}")
                post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"cache-del-{uid}")

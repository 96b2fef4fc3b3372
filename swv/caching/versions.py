"""Cache versioning: every change of what pages show sets a new version, so cached pages go stale at once.

Two versions live in the shared cache (Redis in production): the site's data version (every import,
publish, upload or edited text; the page cache compares it) and the source-data version (only what the
imports deliver: figures, regions, names). What is computed from the imported data alone keys by the
second, so a published toelichting re-renders pages without recomputing every sector's figures.

The write services call pages_changed() / source_data_changed() explicitly. Inside a transaction the
version is set again when it commits: a page rendered between the write and the commit shows the old
rows, and was stored under the version of the first bump, which the second retires.

A version is a nanosecond timestamp, never used before: also after Redis lost its data (a restart
without persistence, eviction), pages that app servers kept from long ago never become current again.
While Redis is unreachable a process uses the versions it last knew (so figures it holds in memory stay
usable; a change it makes itself takes effect at once, one on another server shows once Redis is back),
and the first read after Redis is back sets a new data version, because a publish or upload during the
outage could not retire the pages it made stale. The source-data version is kept (recomputing every
sector's figures on every server after each blip would stall them): an import during an outage logs an
error, and its figures show after the next import.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache, caches
from django.db import transaction

from swv.caching import pool

logger = logging.getLogger(__name__)
VERSION_KEY = "site-data-version"
# The pages this process served in the last PAGE_CACHE_PROCESS_SECONDS (swv.caching.middleware).
PROCESS_PAGES = "local"
SOURCE_VERSION_KEY = "site-source-data-version"
_lost: set[str] = set()  # versions this process set while Redis was away
_seen_outages: dict[int, int] = {}  # per breaker: the recoveries this process has acted on
# The versions this process last read or set, used while Redis cannot be reached: what this process has
# computed for them (figures in memory) stays usable, and its own changes still take effect here.
_known: dict[str, int] = {}


def _new_version() -> int:
    return time.time_ns()


def _version(key: str) -> int:
    _after_outage()
    # A version missing from Redis (a Redis restarted empty) continues from what this process knew, so the
    # figures it holds stay usable; a new one only when it knew none.
    value = cache.get_or_set(key, lambda: _known.get(key) or _new_version())
    if redis_failing():  # not stored, and nothing in Redis is cached under it
        return _known.setdefault(key, value)
    _known[key] = value
    return value


def data_version() -> int:
    """The version cached pages are compared with; a version never seen before when Redis is away."""
    return _version(VERSION_KEY)


def source_data_version() -> int:
    """The version what is computed from the imported data is keyed by."""
    return _version(SOURCE_VERSION_KEY)


def data_version_and(key: str):
    """The data version and the cache entry under `key`, in one round trip (the page cache's hit)."""
    _after_outage()
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    return (version if version is not None else data_version()), found.get(key)


T = TypeVar("T")
_derived: dict[str, tuple[int, object]] = {}  # name -> (source version, value): this process's copies
_derived_lock = threading.Lock()


def derived(name: str, build: Callable[[], T]) -> T:
    """What is computed from the imported data alone (figures, regions, names), built once per source-data
    version: from this process's memory, else the shared cache, else built and stored in both.

    Unpickling a sector's figures from Redis costs more than rendering a page, hence the process copy; it
    holds only the current version of each name. While Redis is away the process copy keeps serving.
    """
    version = source_data_version()
    held = _derived.get(name)
    if held is not None and held[0] == version:
        return held[1]
    key = f"derived:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value)
    with _derived_lock:
        _derived[name] = (version, value)
    return value


def changed_at(version: int) -> float:
    """When the data of `version` changed (seconds since the epoch), for Last-Modified."""
    return version / 1e9


def _set(*keys: str) -> None:
    version = _new_version()
    _known.update(dict.fromkeys(keys, version))
    cache.set_many(dict.fromkeys(keys, version))
    caches[PROCESS_PAGES].clear()  # a change shows at once here; other processes' copies expire
    if redis_failing():
        _lost.update(keys)
        logger.error(
            "Redis unreachable: %s not renewed. Pages are renewed when Redis is back; figures computed from "
            "the imported data only at the next import (or manage.py demo_figures / import_data).",
            ", ".join(keys),
        )


def _now_and_at_commit(*keys: str) -> None:
    _set(*keys)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set(*keys), robust=True)


def pages_changed() -> None:
    """A published text, an upload or an edited context text: every cached page is stale."""
    _now_and_at_commit(VERSION_KEY)


def source_data_changed() -> None:
    """An import: the data computed from the imported rows and every page are stale."""
    _now_and_at_commit(SOURCE_VERSION_KEY, VERSION_KEY)


def redis_failing() -> bool:
    """Whether the shared cache's Redis failed and has not answered since."""
    breaker = pool.breaker_of(cache)
    return breaker is not None and breaker.failed


def _after_outage() -> None:
    breaker = pool.breaker_of(cache)
    if breaker is not None and breaker.recoveries != _seen_outages.get(id(breaker), 0):
        _seen_outages[id(breaker)] = breaker.recoveries
        # This process's versions that Redis missed go there now (what it computed under them stays
        # right); the page version is new anyway, since another server's publish may have been lost too.
        lost = {key: _known[key] for key in _lost if key in _known}
        _lost.clear()
        _known[VERSION_KEY] = _new_version()
        cache.set_many({**lost, VERSION_KEY: _known[VERSION_KEY]})

"""Django's Redis cache backend, with one redis-py client per pool and tracked reads of hot keys.

Django's RedisCacheClient builds a new redis.Redis for every cache call. Since redis-py 5 that
constructor fills a case-insensitive table of some 170 response callbacks: about 0.2 ms, half the time
of serving a cached page. A client is a thin, thread-safe wrapper around its connection pool, so one
per pool serves every call; the pool itself still reconnects after a fork (gunicorn workers).

get_tracked() reads a key that every request needs (the data version) from process memory, kept
current by Redis' invalidation notices (verantwoording/tracked_keys.py); forget_tracked() after this
process changes such a key.
"""

import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.utils.functional import cached_property

from verantwoording.tracked_keys import TrackedKeys, TrackingUnavailable


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    @cached_property
    def _tracked(self) -> TrackedKeys | None:
        # The pool every write goes to, so the tracker reads the same server and database as the cache
        # (whatever the URL or OPTIONS say) and no replica lag hides a change.
        return _tracker_for(self._cache._get_connection_pool(write=True))

    def get_tracked(self, key, default=None, version=None):
        """cache.get(), answered from memory until Redis reports that the key changed."""
        if self._tracked is None:
            return self.get(key, default, version=version)
        try:
            raw = self._tracked.get(self.make_and_validate_key(key, version=version))
        except TrackingUnavailable:
            return self.get(key, default, version=version)
        return default if raw is None else self._cache._serializer.loads(raw)

    def forget_tracked(self, key, version=None) -> None:
        if self._tracked is not None:
            self._tracked.forget(self.make_and_validate_key(key, version=version))


_trackers: dict[tuple, TrackedKeys | None] = {}
_trackers_lock = threading.Lock()


def _tracker_for(pool) -> TrackedKeys | None:
    """One tracking connection per process and server, shared by the per-thread cache backends."""
    kwargs = pool.connection_kwargs
    identity = (pool.connection_class, kwargs.get("host"), kwargs.get("port"), kwargs.get("db"), kwargs.get("path"))
    with _trackers_lock:
        if identity not in _trackers:
            _trackers[identity] = TrackedKeys.for_pool(pool)
        return _trackers[identity]

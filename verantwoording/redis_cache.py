"""Django's Redis cache backend, with one redis-py client per pool and tracked reads of hot keys.

Django's RedisCacheClient builds a new redis.Redis for every cache call. Since redis-py 5 that
constructor fills a case-insensitive table of some 170 response callbacks: about 0.2 ms, half the time
of serving a cached page. A client is a thin, thread-safe wrapper around its connection pool, so one
per pool serves every call; the pool itself still reconnects after a fork (gunicorn workers).

get_tracked() reads a key that every request needs (the data version) from process memory, kept
exactly as fresh as a round trip by Redis' invalidation pushes (verantwoording/tracked_keys.py).
"""

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
        # Reads go to the first server, where every write goes, so no replica lag hides a change.
        try:
            return _tracked_keys_for(self._servers[0])
        except ValueError:
            return None

    def get_tracked(self, key, default=None, version=None):
        """cache.get(), answered from memory until Redis reports that the key changed."""
        if self._tracked is None:
            return self.get(key, default, version=version)
        full_key = self.make_and_validate_key(key, version=version)
        try:
            raw = self._tracked.get(full_key)
        except TrackingUnavailable:
            return self.get(key, default, version=version)
        return default if raw is None else self._cache._serializer.loads(raw)


_trackers: dict[str, TrackedKeys] = {}


def _tracked_keys_for(url: str) -> TrackedKeys:
    """One tracking connection per process and server, shared by the per-thread cache backends."""
    if url not in _trackers:
        _trackers[url] = TrackedKeys(url)
    return _trackers[url]

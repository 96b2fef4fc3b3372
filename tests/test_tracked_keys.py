"""The data version is read from memory, yet a change made by any app server shows at once.

Runs against the real Redis of the test settings (REDIS_URL), as production does.
"""

import os
import time

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from swv.services.cache import VERSION_KEY, data_changed, data_version
from verantwoording import tracked_keys
from verantwoording.tracked_keys import TrackedKeys, TrackingUnavailable

URL = settings.CACHES["default"]["LOCATION"]
FLUSH_TEST_DB = 13  # emptied by one test; the suite's own keys live in another database


def _tracker(url: str = URL) -> TrackedKeys:
    return TrackedKeys.for_pool(redis.ConnectionPool.from_url(url))


def _eventually(read, expected, seconds: float = 2.0):
    """Another server's change shows once Redis's notice has arrived (well under a millisecond here)."""
    deadline = time.monotonic() + seconds
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.001)
    return value


@pytest.fixture
def other_server():
    """A second app server: its own connection to the same Redis."""
    client = redis.Redis.from_url(URL)
    yield client
    client.close()


@pytest.fixture
def key(other_server):
    name = cache.make_key("tracked-keys-test")
    other_server.set(name, 1)
    yield name
    other_server.delete(name)


@pytest.fixture
def tracked():
    keys = _tracker()
    yield keys
    keys._close()


def test_a_value_once_read_comes_from_memory(tracked, key, monkeypatch):
    assert tracked.get(key) == b"1"
    monkeypatch.setattr(tracked_keys, "VERIFY_EVERY_SECONDS", 3600)

    def refuse(*args):
        raise AssertionError(f"round trip to Redis: {args}")

    monkeypatch.setattr(tracked, "_command", refuse)
    for _ in range(3):
        assert tracked.get(key) == b"1"


def test_a_change_by_another_server_is_seen_once_its_notice_arrives(tracked, key, other_server):
    assert tracked.get(key) == b"1"
    other_server.incr(key)
    assert _eventually(lambda: tracked.get(key), b"2") == b"2"
    other_server.delete(key)
    assert _eventually(lambda: tracked.get(key), None) is None
    other_server.set(key, 7)
    assert _eventually(lambda: tracked.get(key), b"7") == b"7"


def test_a_missed_notice_is_corrected_within_a_second(tracked, key, other_server, monkeypatch):
    """E.g. SWAPDB, or a proxy that accepts tracking but never pushes: what is known is asked again."""
    assert tracked.get(key) == b"1"
    monkeypatch.setattr(tracked, "_take_invalidations", lambda: None)
    other_server.incr(key)
    assert tracked.get(key) == b"1"  # the notice never comes
    tracked._verified_at -= tracked_keys.VERIFY_EVERY_SECONDS + 0.1  # a second later
    assert tracked.get(key) == b"2"


def test_a_flushed_database_forgets_everything_known():
    url = URL.rsplit("/", 1)[0] + f"/{FLUSH_TEST_DB}"
    writer, keys = redis.Redis.from_url(url), _tracker(url)
    try:
        writer.set("flush-test", 1)
        assert keys.get("flush-test") == b"1"
        writer.flushdb()  # Redis pushes an invalidation with no keys: forget everything
        assert _eventually(lambda: keys.get("flush-test"), None) is None
    finally:
        keys._close()
        writer.close()


def test_a_lost_connection_is_noticed_and_nothing_known_is_trusted(tracked, key, other_server):
    assert tracked.get(key) == b"1"
    other_server.execute_command("CLIENT", "KILL", "ID", tracked._command("CLIENT", "ID"))
    other_server.set(key, 3)  # changed while this server was not listening
    with pytest.raises(TrackingUnavailable):
        tracked.get(key)
    tracked._retry_at = 0.0  # the retry pause has passed
    assert tracked.get(key) == b"3"


def test_a_silent_connection_is_proven_alive_every_second(tracked, key, monkeypatch):
    """A partition can leave a dead connection that shows neither data nor an end."""
    assert tracked.get(key) == b"1"

    def no_answer(*args):
        raise TimeoutError("timed out")

    monkeypatch.setattr(tracked, "_command", no_answer)
    monkeypatch.setattr(tracked, "_verified_at", time.monotonic())
    assert tracked.get(key) == b"1"  # proven alive a moment ago
    tracked._verified_at -= tracked_keys.VERIFY_EVERY_SECONDS + 0.1
    with pytest.raises(TrackingUnavailable):
        tracked.get(key)
    assert tracked._known == {}


def test_an_interrupted_reply_closes_the_connection(tracked, key, monkeypatch):
    """A timeout signal halfway through a reply would leave the rest of it to be read as the next one."""
    tracked.get(key)

    class Interrupted(BaseException):
        pass

    def interrupted(*args):
        raise Interrupted

    tracked._verified_at = 0.0
    monkeypatch.setattr(tracked, "_command", interrupted)
    with pytest.raises(Interrupted):
        tracked.get(key)
    assert tracked._sock is None and tracked._known == {}


def test_redis_refusing_tracking_is_not_asked_again_for_a_while():
    """Redis older than 6, an ACL without CLIENT, or (here) a user the server does not know."""
    keys = TrackedKeys(host="127.0.0.1", port=6379, username="niemand", password="onbekend")
    with pytest.raises(TrackingUnavailable):
        keys.get("anything")
    assert keys._retry_at - time.monotonic() > tracked_keys.GIVE_UP_SECONDS - 10
    with pytest.raises(TrackingUnavailable, match="kort geleden"):
        keys.get("anything")


def test_a_forked_worker_opens_its_own_connection_and_leaves_the_parents(tracked, key, other_server):
    assert tracked.get(key) == b"1"
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker gunicorn forks
        try:
            ok = tracked._sock is None and tracked.get(key) == b"1"
            os.write(write_end, b"ok" if ok else b"wrong")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read_end, 16) == b"ok"
    other_server.incr(key)  # the parent's connection still works and still hears about changes
    assert _eventually(lambda: tracked.get(key), b"2") == b"2"


def test_the_tracker_uses_the_pools_server_and_database():
    assert _tracker("redis://127.0.0.1:6379/3?db=12").db == 12  # the query wins, as in redis-py
    assert _tracker("redis://:geheim@127.0.0.1:6380/2").password == "geheim"
    assert _tracker("rediss://cache.example:6380/0") is None
    assert _tracker("unix:///run/redis.sock?db=1") is None


def test_the_cache_falls_back_to_an_ordinary_read_when_tracking_fails(monkeypatch, key):
    def unavailable(_key):
        raise TrackingUnavailable("test")

    monkeypatch.setattr(cache._tracked, "get", unavailable)
    assert cache.get_tracked("tracked-keys-test") == 1


def test_this_servers_own_change_shows_on_its_very_next_read():
    for _ in range(200):
        before = data_version()
        data_changed()
        assert data_version() == before + 1


def test_the_data_version_follows_a_change_on_another_server(other_server):
    before = data_version()
    other_server.incr(cache.make_key(VERSION_KEY))
    assert _eventually(data_version, before + 1) == before + 1


def test_one_redis_client_serves_every_cache_call():
    """Django made a new redis.Redis per call; its constructor cost as much as the rest of a cached page."""
    assert cache._cache.get_client() is cache._cache.get_client()

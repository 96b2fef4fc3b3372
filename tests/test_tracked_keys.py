"""The data version is read from memory, yet a change made by any app server shows at once.

Runs against the real Redis of the test settings (REDIS_URL), as production does.
"""

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from swv.services.cache import VERSION_KEY, data_changed, data_version
from verantwoording.tracked_keys import VERIFY_EVERY_SECONDS, TrackedKeys, TrackingUnavailable

URL = settings.CACHES["default"]["LOCATION"]


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
    keys = TrackedKeys(URL)
    yield keys
    keys._close()


def _no_more_round_trips(monkeypatch, keys: TrackedKeys) -> None:
    def refuse(*args):
        raise AssertionError(f"round trip to Redis: {args}")

    monkeypatch.setattr(keys, "_command", refuse)


def test_a_value_once_read_comes_from_memory(tracked, key, monkeypatch):
    assert tracked.get(key) == b"1"
    _no_more_round_trips(monkeypatch, tracked)
    for _ in range(3):
        assert tracked.get(key) == b"1"


def test_a_change_by_another_server_is_seen_on_the_next_read(tracked, key, other_server):
    assert tracked.get(key) == b"1"
    other_server.incr(key)
    assert tracked.get(key) == b"2"
    other_server.delete(key)
    assert tracked.get(key) is None
    other_server.set(key, 7)
    assert tracked.get(key) == b"7"


def test_a_flushed_database_forgets_everything_known(tracked, key):
    assert tracked.get(key) == b"1"
    tracked._on_push([b"invalidate", None])  # what Redis pushes after FLUSHDB, to every tracking client
    assert tracked._known == {}


def test_a_lost_connection_is_noticed_and_nothing_known_is_trusted(tracked, key, other_server):
    assert tracked.get(key) == b"1"
    other_server.execute_command("CLIENT", "KILL", "ID", tracked._command("CLIENT", "ID"))
    other_server.set(key, 3)  # changed while this server was not listening
    with pytest.raises(TrackingUnavailable):
        tracked.get(key)
    tracked._failed_at = 0.0  # the retry pause has passed
    assert tracked.get(key) == b"3"


def test_a_silent_connection_is_proven_alive_now_and_then(tracked, key, monkeypatch):
    """A partition can leave a dead connection that shows neither data nor an end."""
    assert tracked.get(key) == b"1"

    def no_answer(*args):
        raise TimeoutError("timed out")

    monkeypatch.setattr(tracked, "_command", no_answer)
    assert tracked.get(key) == b"1"  # proven alive a moment ago
    tracked._verified_at -= VERIFY_EVERY_SECONDS + 1
    with pytest.raises(TrackingUnavailable):
        tracked.get(key)
    assert tracked._known == {}


def test_a_forked_worker_opens_its_own_connection(tracked, key):
    assert tracked.get(key) == b"1"
    parent_socket = tracked._sock
    tracked._pid = -1  # as seen from a child process after gunicorn forks
    assert tracked.get(key) == b"1"
    assert tracked._sock is not parent_socket


def test_only_plain_redis_addresses_are_tracked():
    with pytest.raises(ValueError):
        TrackedKeys("rediss://cache.example:6380/0")


def test_the_cache_falls_back_to_an_ordinary_read_when_tracking_fails(monkeypatch, key):
    def unavailable(_key):
        raise TrackingUnavailable("test")

    monkeypatch.setattr(cache._tracked, "get", unavailable)
    assert cache.get_tracked("tracked-keys-test") == 1


def test_the_data_version_follows_a_change_on_another_server(other_server):
    before = data_version()
    assert data_version() == before  # from memory now
    other_server.incr(cache.make_key(VERSION_KEY))
    assert data_version() == before + 1
    data_changed()  # and a change made here
    assert data_version() == before + 2


def test_one_redis_client_serves_every_cache_call():
    """Django made a new redis.Redis per call; its constructor cost as much as the rest of a cached page."""
    assert cache._cache.get_client() is cache._cache.get_client()

"""A Redis connection pool that stops asking a Redis that is down or hung, and asks again a moment later.

The cache backend (django-redis with IGNORE_EXCEPTIONS) already turns a failed command into a cache
miss, and the socket timeouts (REDIS_TIMEOUT, 0.1 s) bound one failed command. But one page view makes
several cache calls (page, data version, figures, names): against a hung Redis each would wait out its
timeout. After one failure the pool therefore answers every command at once with ConnectionError for
RETRY_AFTER seconds, then lets commands through again to see whether Redis is back. No restart needed.
"""

import logging
import threading
import time

from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 1.0  # seconds without Redis after a failure
_FAILURES = (ConnectionError, TimeoutError, OSError)


def breaker_of(cache) -> "Breaker | None":
    """The breaker of a django-redis cache's server (None for other backends)."""
    client = getattr(cache, "client", None)
    if client is None:
        return None
    return getattr(client.get_client(write=True).connection_pool, "breaker", None)


class Breaker:
    def __init__(self, name: str):
        self.name = name
        self.open_until = 0.0
        self.failed = False
        self.recoveries = 0  # how many times this Redis came back after failing
        self.lock = threading.Lock()

    def check(self) -> None:
        if self.failed and time.monotonic() < self.open_until:
            raise ConnectionError(f"Redis {self.name} failed less than {RETRY_AFTER} s ago")

    def trip(self, error: Exception) -> None:
        with self.lock:
            if not self.failed:
                logger.warning("Redis %s unavailable, serving without cache: %s", self.name, error)
            self.failed = True
            self.open_until = time.monotonic() + RETRY_AFTER

    def succeeded(self) -> None:
        if self.failed:
            with self.lock:
                if self.failed:
                    self.failed = False
                    self.recoveries += 1
                    logger.warning("Redis %s reachable again, cache in use", self.name)


class _BreakerConnection:
    """Mixed into whatever connection class the URL asks for (TCP, TLS, unix socket)."""

    breaker: Breaker

    def connect(self):
        self.breaker.check()
        try:
            return super().connect()
        except _FAILURES as error:
            self.breaker.trip(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        self.breaker.check()
        try:
            return super().send_packed_command(*args, **kwargs)
        except _FAILURES as error:
            self.breaker.trip(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except _FAILURES as error:
            self.breaker.trip(error)
            raise
        self.breaker.succeeded()
        return response


_mixed: dict[type, type] = {}


class BreakerConnectionPool(ConnectionPool):
    """A pool with one breaker for its server (CONNECTION_POOL_CLASS in the cache settings)."""

    def __init__(self, connection_class=Connection, **kwargs):
        if connection_class not in _mixed:
            name = f"Breaker{connection_class.__name__}"
            _mixed[connection_class] = type(name, (_BreakerConnection, connection_class), {})
        super().__init__(connection_class=_mixed[connection_class], **kwargs)
        where = kwargs.get("path") or f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"
        self.breaker = Breaker(where)

    def make_connection(self):
        connection = super().make_connection()
        connection.breaker = self.breaker
        return connection

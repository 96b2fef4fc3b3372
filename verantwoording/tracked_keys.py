"""A few Redis keys kept in process memory, each valid until Redis reports that it changed.

Every cached page is checked against the site's data version in Redis, and that round trip cost as
much as the rest of serving the page. Redis 6 and newer can tell a client when a key it has read
changes (server-assisted client-side caching: RESP3 with CLIENT TRACKING ON). The notice is pushed on
this process's own connection the moment the key changes, and the process reads its socket before
every use. So a change made elsewhere shows here once Redis's notice has arrived: on a local network
well under a millisecond after the writer got its answer. Whatever happens to the connection (a notice
lost, a silent network partition, a server that accepts tracking but never pushes), nothing known is
used for more than a second without asking Redis again. A broken connection drops everything known and
the caller reads the key the ordinary way. A process that changes a key itself forgets it at once.

Plain TCP only, with the host, port, database and credentials of the cache's own connection pool.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time

_MISSING = object()
VERIFY_EVERY_SECONDS = 1.0  # the longest anything known is used without asking Redis
RETRY_AFTER_SECONDS = 1.0  # after a lost connection
GIVE_UP_SECONDS = 300.0  # after Redis refused tracking (older than 6, or an ACL without CLIENT)


class TrackingUnavailable(Exception):
    """The key could not be read through the tracking connection; read it the ordinary way."""


class _ReplyError(Exception):
    pass


class TrackedKeys:
    def __init__(self, *, host: str, port: int = 6379, db: int = 0, username=None, password=None, timeout=2.0):
        self.address = (host, port)
        self.db = db
        self.username, self.password = username, password
        self.timeout = timeout
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._buffer = b""
        self._known: dict[str, bytes | None] = {}
        self._retry_at = 0.0
        self._verified_at = 0.0
        # A forked worker must not share the parent's connection, nor wait on a lock the parent held.
        os.register_at_fork(after_in_child=self._after_fork)

    @classmethod
    def for_pool(cls, pool) -> TrackedKeys | None:
        """A tracker on the same server and database as a redis-py connection pool; None for TLS or a
        unix socket, which are read the ordinary way."""
        from redis.connection import Connection

        if pool.connection_class is not Connection:
            return None
        kwargs = pool.connection_kwargs
        return cls(
            host=kwargs.get("host", "localhost"),
            port=int(kwargs.get("port", 6379)),
            db=int(kwargs.get("db", 0) or 0),
            username=kwargs.get("username"),
            password=kwargs.get("password"),
        )

    def get(self, key: str) -> bytes | None:
        """The raw value of `key` (None when it does not exist). Raises TrackingUnavailable when Redis
        cannot be asked this way."""
        with self._lock:
            try:
                self._connect_if_needed()
                self._take_invalidations()
                if time.monotonic() - self._verified_at > VERIFY_EVERY_SECONDS:
                    self._known.clear()  # ask again: proves the connection alive and bounds any missed notice
                    self._verified_at = time.monotonic()
                value = self._known.get(key, _MISSING)
                if value is _MISSING:
                    value = self._command("GET", key)
                    self._known[key] = value
                return value
            except _ReplyError as exc:
                self._fail(GIVE_UP_SECONDS)
                raise TrackingUnavailable(str(exc)) from exc
            except (OSError, ValueError) as exc:
                self._fail(RETRY_AFTER_SECONDS)
                raise TrackingUnavailable(str(exc)) from exc
            except BaseException:
                self._close()  # interrupted mid-reply (e.g. a timeout signal): the stream is out of step
                raise

    def forget(self, key: str) -> None:
        """This process changed the key: read it from Redis next time, not from a notice yet to come."""
        with self._lock:
            self._known.pop(key, None)

    # Connection ---------------------------------------------------------------------------------------
    def _connect_if_needed(self) -> None:
        if self._sock is not None:
            return
        if time.monotonic() < self._retry_at:
            raise TrackingUnavailable("Redis kort geleden onbereikbaar of zonder tracking")
        self._sock = socket.create_connection(self.address, timeout=self.timeout)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._poller = select.poll()  # unlike select(), not limited to descriptors below 1024
        self._poller.register(self._sock, select.POLLIN)
        hello = ["HELLO", "3"]
        if self.password is not None:
            hello += ["AUTH", self.username or "default", self.password]
        self._command(*hello)
        if self.db:
            self._command("SELECT", str(self.db))
        self._command("CLIENT", "TRACKING", "ON")
        self._verified_at = time.monotonic()

    def _fail(self, pause: float) -> None:
        self._close()
        self._retry_at = time.monotonic() + pause

    def _close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
        self._sock, self._buffer, self._known = None, b"", {}

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._close()  # the child's copy of the socket; the parent's stays open

    def _take_invalidations(self) -> None:
        """Read whatever Redis has pushed since the last call, without waiting."""
        while self._poller.poll(0):  # readable, or closed (then _fill raises)
            self._fill()
        while self._buffer:
            kind, value = self._read_value()
            if kind != ">":  # only pushes arrive unasked: anything else means the stream is out of step
                raise _ReplyError("onverwacht antwoord van Redis")
            self._on_push(value)

    def _command(self, *args: str):
        encoded = [a.encode() for a in args]
        payload = b"*%d\r\n" % len(encoded) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in encoded)
        self._sock.sendall(payload)
        return self._read_reply()

    # RESP3 --------------------------------------------------------------------------------------------
    def _read_reply(self):
        """The next reply that is not a push; pushes met on the way update what is known."""
        while True:
            kind, value = self._read_value()
            if kind != ">":
                return value
            self._on_push(value)

    def _on_push(self, message: list) -> None:
        if not message or message[0] != b"invalidate":
            return
        keys = message[1] if len(message) > 1 else None
        if not isinstance(keys, list):  # null: FLUSHDB / FLUSHALL, or Redis forgot what it tracked
            self._known.clear()
            return
        for key in keys:
            self._known.pop(key.decode(errors="replace") if isinstance(key, bytes) else str(key), None)

    def _read_value(self):
        line = self._read_line()
        if not line:
            raise _ReplyError("lege regel van Redis")
        kind, rest = chr(line[0]), line[1:]
        if kind == "+":
            return kind, rest
        if kind == "-":
            raise _ReplyError(rest.decode(errors="replace"))
        if kind in ":(":
            return kind, int(rest)
        if kind == "_":
            return kind, None
        if kind in "#,":
            return kind, rest
        if kind in "$=!":
            size = int(rest)
            if size < 0:
                return kind, None
            data = self._read_exact(size + 2)[:-2]
            if kind == "!":
                raise _ReplyError(data.decode(errors="replace"))
            return kind, data
        if kind in "*~>":
            count = int(rest)
            return kind, (None if count < 0 else [self._read_value()[1] for _ in range(count)])
        if kind == "%":
            return kind, [self._read_value()[1] for _ in range(2 * int(rest))]
        if kind == "|":  # attributes describe the next value; skip them
            for _ in range(2 * int(rest)):
                self._read_value()
            return self._read_value()
        raise _ReplyError(f"onbekend RESP3-type {kind!r}")

    def _read_line(self) -> bytes:
        while (end := self._buffer.find(b"\r\n")) < 0:
            self._fill()
        line, self._buffer = self._buffer[:end], self._buffer[end + 2 :]
        return line

    def _read_exact(self, size: int) -> bytes:
        while len(self._buffer) < size:
            self._fill()
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def _fill(self) -> None:
        data = self._sock.recv(65536)
        if not data:
            raise ConnectionError("Redis heeft de verbinding gesloten")
        self._buffer += data

"""A few Redis keys kept in process memory, each valid until Redis reports that it changed.

Every cached page is checked against the site's data version in Redis, and that round trip cost as
much as the rest of serving the page. Redis 6 and newer can tell a client when a key it has read
changes (server-assisted client-side caching: RESP3 with CLIENT TRACKING ON). The invalidation is
pushed on the same connection the moment the key changes, so a process that reads its socket before
every use knows as soon as a round trip would have told it, without making one. A broken connection
drops everything known; the caller then reads the key the ordinary way.

Plain TCP only (redis://, with user, password and database number); other URLs are not tracked.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import time
from urllib.parse import unquote, urlsplit


class TrackingUnavailable(Exception):
    """The key could not be read through the tracking connection; read it the ordinary way."""


class _ReplyError(Exception):
    pass


_MISSING = object()
RETRY_AFTER_SECONDS = 1.0
# A connection that died without closing (a network partition) shows no data and no end: a real round
# trip now and then proves it alive, bounding how long such a silence could go unnoticed.
VERIFY_EVERY_SECONDS = 5.0


class TrackedKeys:
    def __init__(self, url: str, *, timeout: float = 2.0):
        parts = urlsplit(url)
        if parts.scheme != "redis" or not parts.hostname:
            raise ValueError(f"alleen redis://-adressen kunnen gevolgd worden, niet {parts.scheme}://")
        self.address = (parts.hostname, parts.port or 6379)
        self.username = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.db = int(parts.path.strip("/") or 0)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._buffer = b""
        self._known: dict[str, bytes | None] = {}
        self._pid = os.getpid()
        self._failed_at = 0.0
        self._verified_at = 0.0

    def get(self, key: str) -> bytes | None:
        """The raw value of `key` (None when it does not exist), from memory when Redis has not said
        otherwise. Raises TrackingUnavailable when Redis cannot be asked this way."""
        with self._lock:
            try:
                self._connect_if_needed()
                self._take_invalidations()
                if time.monotonic() - self._verified_at > VERIFY_EVERY_SECONDS:
                    self._command("PING")  # also reads any invalidation that was still on its way
                    self._verified_at = time.monotonic()
                value = self._known.get(key, _MISSING)
                if value is _MISSING:
                    value = self._command("GET", key)
                    self._known[key] = value
                return value
            except (OSError, _ReplyError, ValueError) as exc:
                self._close()
                self._failed_at = time.monotonic()
                raise TrackingUnavailable(str(exc)) from exc

    # Connection ---------------------------------------------------------------------------------------
    def _connect_if_needed(self) -> None:
        if self._pid != os.getpid():
            # A forked worker must not share the parent's connection (nor trust what the parent knew);
            # closing its copy of the socket leaves the parent's open.
            self._close()
            self._pid = os.getpid()
        if self._sock is not None:
            return
        if time.monotonic() - self._failed_at < RETRY_AFTER_SECONDS:
            raise TrackingUnavailable("Redis kort geleden onbereikbaar")
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

    def _close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
        self._sock, self._buffer, self._known = None, b"", {}

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
        if keys is None:  # FLUSHDB / FLUSHALL, or Redis forgot what it tracked
            self._known.clear()
            return
        for key in keys:
            self._known.pop(key.decode(errors="replace"), None)

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
            return kind, [self._read_value()[1] for _ in range(int(rest))]
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

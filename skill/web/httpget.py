"""One HTTP(S) GET whose deadline covers the whole exchange, and whose body is capped.

A socket timeout bounds each wait, not the sum: a host that sends one byte every half
second never trips a 3-second timeout and can hold the caller for as long as it likes.
Here a watchdog timer shuts the socket down when the deadline passes, wherever the
exchange is (connecting, the TLS handshake, the headers, the body), so the caller is
free at the deadline. (Resolving the host name is the one step it cannot cut short.)
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from functools import cache
from typing import Final
from urllib.parse import urlsplit

import certifi

CHUNK: Final = 8192


class FetchError(Exception):
    """The GET failed; ``str()`` is ``failed``, ``too slow`` or ``too large``."""


@cache
def tls_context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=certifi.where())


class _Watchdog:
    """At ``seconds`` from now: mark the exchange expired and shut its socket down."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.connection = connection
        # http.client lets go of the socket once a response that closes the connection
        # has begun (the response reads on): keep it here to shut it down even then.
        self.sock: socket.socket | None = None
        self.deadline = time.monotonic() + seconds
        self.fired = threading.Event()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    @property
    def expired(self) -> bool:
        return self.fired.is_set() or time.monotonic() >= self.deadline

    def _fire(self) -> None:
        self.fired.set()
        sock = self.sock or self.connection.sock  # while connecting: the plain socket
        if sock is not None:
            try:  # the plain socket's shutdown: a blocked read or handshake returns at once
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


def get(url: str, *, timeout: float, limit: int) -> bytes:
    """The body of a 200 answer to GET ``url``, all of it within ``timeout`` seconds and
    at most ``limit`` bytes; FetchError otherwise (redirects are not followed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("failed")
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=timeout,
                                                 context=tls_context())
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    data = bytearray()
    with _Watchdog(connection, timeout) as watchdog:
        try:
            connection.connect()
            watchdog.sock = connection.sock
            if watchdog.expired:  # it fired before there was a socket to shut down
                raise FetchError("too slow")
            connection.request("GET", target, headers={"Connection": "close"})
            response = connection.getresponse()
            if response.status != 200:
                raise FetchError("failed")
            declared = response.getheader("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError("too large")
            while len(data) <= limit and not watchdog.expired:
                chunk = response.read(min(CHUNK, limit + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise FetchError("too slow" if watchdog.expired else "failed") from exc
        finally:
            connection.close()
        if watchdog.expired:
            raise FetchError("too slow")
    if len(data) > limit:
        raise FetchError("too large")
    return bytes(data)

"""Small thread-safe limits for work a request can make a server do: a token bucket, a
memory that forgets after a while, and one lock per key.

``CertificateFetcher`` uses all three so that unauthenticated requests cannot turn it
into a download machine: a failed certificate URL is remembered for a minute, outbound
downloads are rate-limited, and concurrent requests for one URL share one download.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

Clock = Callable[[], float]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class TokenBucket:
    """``take()`` is true at most ``capacity`` times at once, and refills at ``capacity``
    per ``period`` seconds."""

    def __init__(self, capacity: int, period: float, clock: Clock = time.monotonic) -> None:
        self.capacity = capacity
        self._rate = capacity / period
        self._clock = clock
        self._tokens = float(capacity)
        self._last = clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) * self._rate)
            self._last = now
            if self._tokens < 1.0:
                return False
            self._tokens -= 1.0
            return True


class Memory(Generic[K, V]):
    """A value per key for ``seconds``; the oldest are forgotten beyond ``max_entries``."""

    def __init__(self, seconds: float, max_entries: int, clock: Clock = time.monotonic) -> None:
        self._seconds = seconds
        self._max = max_entries
        self._clock = clock
        self._items: OrderedDict[K, tuple[V, float]] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, key: K, value: V) -> None:
        with self._lock:
            self._items.pop(key, None)
            self._items[key] = (value, self._clock() + self._seconds)
            while len(self._items) > self._max:
                self._items.popitem(last=False)

    def recall(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            if self._clock() >= found[1]:
                del self._items[key]
                return None
            return found[0]


class KeyedLocks(Generic[K]):
    """``with locks.hold(key):`` one holder per key; locks exist only while in use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict[K, tuple[threading.Lock, int]] = {}

    @contextlib.contextmanager
    def hold(self, key: K) -> Iterator[None]:
        with self._lock:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._lock:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        with self._lock:
            return len(self._locks)

"""In-memory twin of the Cache port (one process, exact TTLs via an injected clock)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import msgspec

T = TypeVar("T")


class InMemoryCache:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._entries: dict[str, tuple[float, bytes]] = {}

    async def get(self, key: str, type_: type[T]) -> T | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= self._clock():
            self._entries.pop(key, None)
            return None
        return msgspec.msgpack.decode(entry[1], type=type_)

    async def set(self, key: str, value: object, ttl_seconds: int) -> None:
        self._entries[key] = (self._clock() + ttl_seconds, msgspec.msgpack.encode(value))

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)

"""The `Cache` port: a best-effort key/value cache with per-entry TTL."""

from __future__ import annotations

from typing import Protocol, TypeVar

T = TypeVar("T")


class Cache(Protocol):
    """Values are msgspec-encodable; `get` decodes into `type_`.

    A cache never fails a request: when its backend is down, `get` is a miss and
    `set`/`delete` do nothing (adapters log it). Entries may be stale for up to the
    in-process tier's TTL in other processes after a `delete`.
    """

    async def get(self, key: str, type_: type[T]) -> T | None: ...

    async def set(self, key: str, value: object, ttl_seconds: int) -> None: ...

    async def delete(self, key: str) -> None: ...

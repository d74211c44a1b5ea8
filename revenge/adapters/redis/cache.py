"""Two-level cache: an in-process TTL cache (L1) in front of Redis (L2), msgpack-encoded."""

from __future__ import annotations

import logging
import time
from typing import TypeVar

import msgspec
import redis.asyncio as aioredis
from cachetools import TLRUCache
from redis.exceptions import RedisError

T = TypeVar("T")
log = logging.getLogger(__name__)

# After a Redis error the L2 tier is skipped for this long, so an outage costs one
# timeout per window instead of one per request.
_L2_BACKOFF_SECONDS = 5.0


class RedisCache:
    def __init__(self, client: aioredis.Redis, *, l1_max_items: int, l1_ttl_seconds: int,
                 prefix: str = "revenge:cache:") -> None:
        self._redis = client
        self._prefix = prefix
        self._l2_down_until = 0.0
        # Entries expire at the sooner of the L1 TTL and their own TTL.
        self._l1: TLRUCache[str, tuple[int, bytes]] = TLRUCache(
            maxsize=l1_max_items, ttu=lambda _k, v, now: now + min(v[0], l1_ttl_seconds)
        )

    async def get(self, key: str, type_: type[T]) -> T | None:
        raw = self._l1_get(key)
        if raw is None:
            raw = await self._l2_get(key)
        return None if raw is None else msgspec.msgpack.decode(raw, type=type_)

    async def set(self, key: str, value: object, ttl_seconds: int) -> None:
        raw = msgspec.msgpack.encode(value)
        self._l1[key] = (ttl_seconds, raw)
        if self._l2_available():
            try:
                await self._redis.set(self._prefix + key, raw, ex=ttl_seconds)
            except RedisError as exc:
                self._l2_failed("set", exc)

    async def delete(self, key: str) -> None:
        self._l1.pop(key, None)
        if self._l2_available():
            try:
                await self._redis.delete(self._prefix + key)
            except RedisError as exc:
                self._l2_failed("delete", exc)

    def _l1_get(self, key: str) -> bytes | None:
        entry = self._l1.get(key)
        return None if entry is None else entry[1]

    async def _l2_get(self, key: str) -> bytes | None:
        if not self._l2_available():
            return None
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.get(self._prefix + key)
                pipe.ttl(self._prefix + key)
                found, ttl = await pipe.execute()
        except RedisError as exc:
            self._l2_failed("get", exc)
            return None
        if not isinstance(found, bytes):
            return None
        if ttl > 0:
            self._l1[key] = (int(ttl), found)
        return found

    def _l2_available(self) -> bool:
        return time.monotonic() >= self._l2_down_until

    def _l2_failed(self, operation: str, exc: RedisError) -> None:
        self._l2_down_until = time.monotonic() + _L2_BACKOFF_SECONDS
        log.warning("cache %s failed; Redis tier skipped for %ss: %s",
                    operation, _L2_BACKOFF_SECONDS, exc)

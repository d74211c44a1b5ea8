"""Two-level cache: an in-process TTL cache (L1) in front of Redis (L2), msgpack-encoded."""

from __future__ import annotations

import logging
from typing import TypeVar

import msgspec
import redis.asyncio as aioredis
from cachetools import TLRUCache
from redis.exceptions import RedisError

T = TypeVar("T")
log = logging.getLogger(__name__)


class RedisCache:
    def __init__(self, client: aioredis.Redis, *, l1_max_items: int, l1_ttl_seconds: int,
                 prefix: str = "revenge:cache:") -> None:
        self._redis = client
        self._prefix = prefix
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
        try:
            await self._redis.set(self._prefix + key, raw, ex=ttl_seconds)
        except RedisError as exc:
            log.warning("cache set failed, kept in-process only: %s", exc)

    async def delete(self, key: str) -> None:
        self._l1.pop(key, None)
        try:
            await self._redis.delete(self._prefix + key)
        except RedisError as exc:
            log.warning("cache delete failed: %s", exc)

    def _l1_get(self, key: str) -> bytes | None:
        entry = self._l1.get(key)
        return None if entry is None else entry[1]

    async def _l2_get(self, key: str) -> bytes | None:
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.get(self._prefix + key)
                pipe.ttl(self._prefix + key)
                raw, ttl = await pipe.execute()
        except RedisError as exc:
            log.warning("cache read failed, treated as a miss: %s", exc)
            return None
        if raw is not None and ttl > 0:
            self._l1[key] = (ttl, raw)
        return raw

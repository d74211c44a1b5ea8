"""Redis-backed failure counters and blocks for the Throttle port (shared by processes).

Fails open: when Redis is down, nothing is blocked and a warning is logged, because
throttling must not turn a cache outage into a login outage.
"""

from __future__ import annotations

import logging

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from revenge.domain.identity.throttling import ThrottleRule

log = logging.getLogger(__name__)

# KEYS: counter, block. ARGV: limit, window, block seconds. Returns seconds blocked (0).
_FAIL = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if count >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return tonumber(ARGV[3])
end
return 0
"""


class RedisThrottle:
    def __init__(self, client: aioredis.Redis, prefix: str = "revenge:throttle:") -> None:
        self._redis = client
        self._prefix = prefix
        self._fail = client.register_script(_FAIL)

    async def blocked_for(self, key: str) -> int:
        try:
            ttl = await self._redis.ttl(self._block(key))
        except RedisError as exc:
            log.warning("throttle unavailable, allowing: %s", exc)
            return 0
        return max(int(ttl), 0)

    async def fail(self, key: str, rule: ThrottleRule) -> int:
        try:
            blocked = await self._fail(keys=[self._count(key), self._block(key)],
                                       args=[rule.limit, rule.window_seconds, rule.block_seconds])
        except RedisError as exc:
            log.warning("throttle unavailable, failure not counted: %s", exc)
            return 0
        return int(blocked)

    async def reset(self, key: str) -> None:
        try:
            await self._redis.delete(self._count(key), self._block(key))
        except RedisError as exc:
            log.warning("throttle reset failed: %s", exc)

    async def remember(self, key: str, ttl_seconds: int) -> None:
        try:
            await self._redis.set(self._prefix + key, b"1", ex=ttl_seconds)
        except RedisError as exc:
            log.warning("throttle remember failed: %s", exc)

    async def remembers(self, key: str) -> bool:
        try:
            return bool(await self._redis.exists(self._prefix + key))
        except RedisError as exc:
            log.warning("throttle unavailable: %s", exc)
            return False

    def _count(self, key: str) -> str:
        return f"{self._prefix}{key}:n"

    def _block(self, key: str) -> str:
        return f"{self._prefix}{key}:b"

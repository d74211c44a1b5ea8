"""The shared async Redis client and its readiness probe."""

from __future__ import annotations

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff


def create_redis_client(url: str, timeout_seconds: float = 2.0) -> aioredis.Redis:
    """One client (with its own connection pool) for the process; no I/O until used."""
    return aioredis.Redis.from_url(
        url,
        socket_timeout=timeout_seconds,
        socket_connect_timeout=timeout_seconds,
        health_check_interval=15,
        retry_on_timeout=False,
        # One quick retry covers a dropped idle connection; an outage must fail fast
        # so callers (readiness, cache) can degrade instead of hanging for seconds.
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), retries=1),
    )


class RedisProbe:
    name = "redis"
    critical = True

    def __init__(self, client: aioredis.Redis) -> None:
        self._client = client

    async def check(self) -> None:
        await self._client.ping()  # type: ignore[misc]  # redis-py types sync|async

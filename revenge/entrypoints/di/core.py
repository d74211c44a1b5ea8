"""Shared infrastructure: settings, the database pool, Redis, cache, readiness probes.

Two profiles with the same provider names: `real` (PostgreSQL + Redis) and `memory`
(in-memory twins, no I/O), so the app and the worker can boot with no infrastructure.
Constructing a provider never does I/O; `lifecycle.start/stop` open and close pools.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database, PostgresProbe
from revenge.adapters.redis.cache import RedisCache
from revenge.adapters.redis.client import RedisProbe, create_redis_client
from revenge.entrypoints.config import Config


def _required(value: str | None, variable: str) -> str:
    if not value:
        raise RuntimeError(f"{variable} is required outside the memory profile")
    return value


class CoreContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    # Every in-memory adapter shares this, so one memory unit of work rolls back
    # the changes of all contexts it touched.
    memory_state = providers.Singleton(InMemoryState)

    database = providers.Singleton(
        Database,
        providers.Callable(_required, settings.provided.database_url, "REVENGE_DATABASE_URL"),
        min_size=settings.provided.db_pool_min_size,
        max_size=settings.provided.db_pool_max_size,
    )
    redis = providers.Singleton(
        create_redis_client,
        providers.Callable(_required, settings.provided.redis_url, "REVENGE_REDIS_URL"),
    )

    cache = providers.Selector(
        profile,
        real=providers.Singleton(
            RedisCache,
            redis,
            l1_max_items=settings.provided.cache_l1_max_items,
            l1_ttl_seconds=settings.provided.cache_l1_ttl_seconds,
        ),
        memory=providers.Singleton(InMemoryCache),
    )
    # Without the in-process tier: what every replica must see change at once (a
    # revoked sign-in is refused by all of them, not after the L1 TTL).
    shared_cache = providers.Selector(
        profile,
        real=providers.Singleton(RedisCache, redis, l1_max_items=1, l1_ttl_seconds=0,
                                 prefix="revenge:shared:"),
        memory=cache,
    )

    probes = providers.Selector(
        profile,
        real=providers.List(
            providers.Singleton(PostgresProbe, database), providers.Singleton(RedisProbe, redis)
        ),
        memory=providers.List(),
    )

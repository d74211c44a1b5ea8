"""Sign-ins cached for several replicas: a revocation on one is seen by all at once, not
after an in-process cache's lifetime (the cache the identity container wires)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from revenge.adapters.redis.cache import RedisCache
from revenge.adapters.redis.client import create_redis_client
from revenge.application.identity.session_cache import CachedSession, SessionCache
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container

ENTRY = CachedSession(session_id="s1", user_id="u1", username="alice",
                      permissions=["playback"], mfa_verified=False)


@pytest.fixture
async def replicas(redis_url: str, tmp_path: object) -> AsyncIterator[list[SessionCache]]:
    """Two replicas' session caches, built as the container builds them."""
    prefix = f"test:{uuid.uuid4().hex}:"
    caches, containers = [], []
    for _ in range(2):
        container = build_container(Config(redis_url=redis_url, database_url="postgresql://x",
                                           jwt_secret="replicas share this secret" * 2),
                                    "real")
        shared = container.core.shared_cache()
        assert isinstance(shared, RedisCache)
        shared._prefix = prefix
        caches.append(container.identity.session_cache())
        containers.append(container)
    yield caches
    for container in containers:
        await container.core.redis().aclose()


async def test_a_sign_in_revoked_through_one_replica_is_forgotten_by_the_other_at_once(
        replicas: list[SessionCache]) -> None:
    first, second = replicas
    await first.put(ENTRY)
    assert await second.get("s1") == ENTRY  # the other one has it cached now
    await first.forget(["s1"])
    assert await second.get("s1") is None
    assert await first.get("s1") is None


async def test_an_l1_cache_would_have_kept_it(redis_url: str) -> None:
    """Why the shared cache has no in-process tier: with one, the other replica keeps
    the revoked entry (this is what the test above guards against)."""
    client = create_redis_client(redis_url)
    prefix = f"test:{uuid.uuid4().hex}:"
    first = SessionCache(RedisCache(client, l1_max_items=10, l1_ttl_seconds=30, prefix=prefix))
    second = SessionCache(RedisCache(client, l1_max_items=10, l1_ttl_seconds=30, prefix=prefix))
    await first.put(ENTRY)
    await second.get("s1")
    await first.forget(["s1"])
    assert await second.get("s1") == ENTRY
    await client.aclose()

"""Review finding 1: whoever could write to Redis could plant a cached sign-in and make a
normal user admin. Cached sign-ins and server settings are sealed (HMAC under the
server's secret): an entry the server did not write reads as a miss, on the in-memory
cache and on real Redis alike, and through the container's own wiring."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import msgspec
import pytest

from revenge.adapters.crypto.sealed_cache import Sealed, SealedCache, seal_key
from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.redis.cache import RedisCache
from revenge.adapters.redis.client import create_redis_client
from revenge.application.identity.session_cache import CachedSession, SessionCache
from revenge.application.shared.cache import Cache
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container

USER = CachedSession(session_id="s1", user_id="u1", username="alice",
                     permissions=["library.read"], mfa_verified=False)
FORGED = CachedSession(session_id="s1", user_id="u1", username="alice",
                       permissions=["users.manage", "settings.manage"], mfa_verified=True)
KEY = seal_key(b"the server's secret" * 3)


@pytest.fixture(params=["memory", "redis"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    """The in-memory cache, or real Redis under a prefix of this test's own."""
    if request.param == "memory":
        yield InMemoryCache()
    else:
        client = create_redis_client(request.getfixturevalue("redis_url"))
        try:
            yield RedisCache(client, l1_max_items=1, l1_ttl_seconds=0,
                             prefix=f"test:{uuid.uuid4().hex}:")
        finally:
            await client.aclose()


async def test_a_sign_in_the_server_cached_is_read_back(backend: Cache) -> None:
    cache = SessionCache(SealedCache(backend, KEY))
    await cache.put(USER)
    assert await cache.get("s1") == USER


async def test_a_sign_in_planted_in_the_cache_is_ignored(backend: Cache) -> None:
    """Finding 1: a plain entry written straight to the backend grants nothing."""
    await backend.set("identity:session:s1", FORGED, 30)
    assert await SessionCache(SealedCache(backend, KEY)).get("s1") is None


async def test_an_altered_or_foreign_sealed_entry_is_ignored(backend: Cache) -> None:
    cache = SessionCache(SealedCache(backend, KEY))
    await cache.put(USER)
    sealed = await backend.get("identity:session:s1", Sealed)
    assert sealed is not None
    tampered = sealed.body.replace(b"library.read", b"users.manage")
    await backend.set("identity:session:s1", Sealed(sealed.mac, tampered), 30)
    assert await cache.get("s1") is None
    other_server = SessionCache(SealedCache(backend, seal_key(b"another secret" * 4)))
    await other_server.put(FORGED)
    assert await cache.get("s1") is None


async def test_the_containers_sign_in_cache_ignores_planted_entries(redis_url: str) -> None:
    """Finding 1, through the wiring the server uses (real profile, shared Redis cache).
    A session id of this test's own keeps other tests' entries out of the way."""
    session_id = uuid.uuid4().hex
    user = msgspec.structs.replace(USER, session_id=session_id)
    forged = msgspec.structs.replace(FORGED, session_id=session_id)
    container = build_container(Config(redis_url=redis_url, database_url="postgresql://x",
                                       jwt_secret="k" * 48), "real")
    sessions = container.identity.session_cache()
    try:
        key = f"identity:session:{session_id}"
        await container.core.shared_cache().set(key, forged, 30)
        assert await sessions.get(session_id) is None
        await sessions.put(user)
        assert await sessions.get(session_id) == user
        # the forged entry sat where the server reads: its own entry there is sealed
        assert await container.core.shared_cache().get(key, Sealed) is not None
    finally:
        await container.core.redis().aclose()

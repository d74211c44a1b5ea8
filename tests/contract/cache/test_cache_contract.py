"""The Cache port: the same behaviour from the in-memory twin and Redis (L1 + L2)."""

from __future__ import annotations

import asyncio
import uuid

import msgspec
import pytest

from revenge.adapters.redis.cache import RedisCache
from revenge.adapters.redis.client import create_redis_client
from revenge.application.shared.cache import Cache


class Movie(msgspec.Struct):
    title: str
    year: int


@pytest.fixture
def cache(any_cache: Cache) -> Cache:
    return any_cache  # the in-memory twin and Redis (tests/conftest.py)


async def test_a_stored_struct_comes_back_equal(cache: Cache) -> None:
    await cache.set("m", Movie("Heat", 1995), ttl_seconds=60)
    assert await cache.get("m", Movie) == Movie("Heat", 1995)


async def test_a_missing_key_is_none(cache: Cache) -> None:
    assert await cache.get("absent", Movie) is None


async def test_delete_removes_the_entry(cache: Cache) -> None:
    await cache.set("k", [1, 2], ttl_seconds=60)
    await cache.delete("k")
    assert await cache.get("k", list[int]) is None


async def test_entries_expire_after_their_ttl(cache: Cache) -> None:
    await cache.set("short", "v", ttl_seconds=1)
    await asyncio.sleep(1.2)
    assert await cache.get("short", str) is None


async def test_redis_tier_is_shared_between_processes(redis_url: str) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    writer_client, reader_client = create_redis_client(redis_url), create_redis_client(redis_url)
    writer = RedisCache(writer_client, l1_max_items=10, l1_ttl_seconds=30, prefix=prefix)
    reader = RedisCache(reader_client, l1_max_items=10, l1_ttl_seconds=30, prefix=prefix)
    await writer.set("shared", Movie("Alien", 1979), ttl_seconds=60)
    assert await reader.get("shared", Movie) == Movie("Alien", 1979)
    await writer_client.aclose()
    await reader_client.aclose()


async def test_redis_down_is_a_miss_not_an_error() -> None:
    client = create_redis_client("redis://127.0.0.1:1/0", timeout_seconds=0.2)
    cache = RedisCache(client, l1_max_items=10, l1_ttl_seconds=30)
    assert await cache.get("k", str) is None
    await cache.set("k", "kept in process", ttl_seconds=60)
    assert await cache.get("k", str) == "kept in process"
    await cache.delete("k")
    await client.aclose()

"""The metadata provider port, run against TMDb (the adapter, talking HTTP to the fake
TMDb) and the in-memory twin."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.adapters.tmdb.provider import TmdbMetadataProvider
from revenge.adapters.tmdb.resilience import RetryPolicy
from revenge.application.metadata.ports import MetadataProvider
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.domain import memory_provider
from revenge.testing.fake_tmdb.server import API_KEY


@pytest.fixture(scope="session")
def fake_tmdb() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


@pytest.fixture(params=["tmdb", "memory"])
async def provider(request: pytest.FixtureRequest,
                   fake_tmdb: FakeTmdb) -> AsyncIterator[MetadataProvider]:
    if request.param == "memory":
        yield memory_provider()
        return
    client = TmdbClient(TmdbSettings(api_key=API_KEY, base_url=fake_tmdb.base_url,
                                     retry=RetryPolicy(attempts=2, base_wait_seconds=0.01)),
                        InMemoryCache())
    yield TmdbMetadataProvider(client)
    await client.aclose()

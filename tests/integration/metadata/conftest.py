"""The fake TMDb, one per module (a module's scripted failures stay in it), and for the
matcher's tests a fresh in-memory world per test. A module that needs a fake per test
defines its own `fake_tmdb`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY
from tests.integration.metadata.test_provider_outages import FAST, World


@pytest.fixture(scope="module")
def fake_tmdb() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


@pytest.fixture
async def world(fake_tmdb: FakeTmdb) -> AsyncIterator[World]:
    client = TmdbClient(TmdbSettings(api_key=API_KEY, base_url=fake_tmdb.base_url, retry=FAST),
                        InMemoryCache())
    yield World(client)
    await client.aclose()

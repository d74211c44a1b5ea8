"""Fixtures for search integration tests: a Typesense index under a private alias."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
import uuid_utils
from psycopg import sql

from revenge.adapters.postgres.migrations import MigrationRunner, default_directory, load_migrations
from revenge.adapters.typesense.client import TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from tests.contract.search.conftest import drop_collections


@pytest.fixture
def fresh_database_url(postgres_server_url: str) -> Iterator[str]:
    """A database of this test's own, migrated (with the roles identity seeds), dropped after."""
    name = f"revenge_search_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    url = psycopg.conninfo.make_conninfo(**{**{k: v for k, v in info.items() if v}, "dbname": name})
    runner = MigrationRunner(url, load_migrations(default_directory()))
    with ThreadPoolExecutor(1) as pool:  # this fixture may be set up inside a running loop
        pool.submit(asyncio.run, runner.up()).result()
    yield url
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def private_alias() -> str:
    return f"it_{uuid_utils.uuid7().hex[-12:]}"


@pytest.fixture
async def typesense_index(typesense: tuple[str, str]) -> AsyncIterator[TypesenseSearchIndex]:
    client = TypesenseClient(*typesense)
    alias = private_alias()
    try:
        yield TypesenseSearchIndex(client, alias=alias)
    finally:
        await drop_collections(client, alias)
        await client.close()

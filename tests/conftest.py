"""Shared fixtures: real PostgreSQL and Redis for contract/integration tests.

By default they are the embedded services (started once per test session in a temp
dir), exactly what `revenge serve` uses. Set REVENGE_TEST_DATABASE_URL and/or
REVENGE_TEST_REDIS_URL to use existing servers instead (e.g. the machine's
PostgreSQL 15): each session then gets its own fresh database, dropped at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import hypothesis
import psycopg
import pytest
from psycopg import sql

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.migrations import MigrationRunner, default_directory, load_migrations

_KINDS = ("unit", "contract", "integration", "e2e")

# Property tests draw the same examples on every run, so CI never turns red on a new
# random draw; REVENGE_HYPOTHESIS_PROFILE=default draws new ones each run (to search
# further). No per-example deadline: a loaded CI box is slow.
hypothesis.settings.register_profile("revenge", derandomize=True, deadline=None)
hypothesis.settings.load_profile(os.environ.get("REVENGE_HYPOTHESIS_PROFILE", "revenge"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by its folder, so `-m "integration or contract"` selects them."""
    for item in items:
        parts = Path(str(item.fspath)).parts
        for kind in _KINDS:
            if kind in parts:
                item.add_marker(kind)


@pytest.fixture(scope="session")
def services_dir() -> Iterator[Path]:
    """Outside pytest's temp root: every pytest session re-applies mode 0700 to that
    root, which would cut off the embedded PostgreSQL (it runs as its own user when
    started as root) whenever another test session starts on the same machine."""
    path = Path(tempfile.mkdtemp(prefix="revenge-test-services-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server_url(services_dir: Path) -> Iterator[str]:
    configured = os.environ.get("REVENGE_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    from revenge.entrypoints.embedded.postgres import embedded_postgres

    with embedded_postgres(services_dir / "postgres") as url:
        yield url


@pytest.fixture(scope="session")
def database_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh, empty database for this test session (dropped afterwards)."""
    name = f"revenge_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield _with_database(postgres_server_url, name)
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def _with_database(url: str, name: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    info["dbname"] = name
    return psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})


@pytest.fixture(scope="session")
def migrated_database_url(database_url: str) -> str:
    runner = MigrationRunner(database_url, load_migrations(default_directory()))
    # In a thread: this fixture may be first requested from inside a running loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, runner.up()).result()
    _SEEDS[database_url] = _seed_rows(database_url)
    return database_url


# Rows the migrations themselves insert (built-in roles, counters, settings), per
# database: `truncate_all` puts them back, so a test never sees a half-empty schema.
_SEEDS: dict[str, list[tuple[str, sql.Composed, bytes]]] = {}

_COLUMNS = """
SELECT attname FROM pg_attribute
WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
ORDER BY attnum"""


def _seed_rows(url: str) -> list[tuple[str, sql.Composed, bytes]]:
    """(table, its column list, its rows in COPY's text format) per non-empty table."""
    seeds = []
    with psycopg.connect(url) as conn:
        for (table,) in conn.execute(_TABLES).fetchall():
            columns = [c for (c,) in conn.execute(_COLUMNS, (table,)).fetchall()]
            names = sql.SQL(", ").join(map(sql.Identifier, columns))
            data = bytearray()
            query = sql.SQL("COPY {} ({}) TO STDOUT").format(sql.Identifier(table), names)
            with conn.cursor().copy(query) as copy:
                for chunk in copy:
                    data += chunk
            if data:
                seeds.append((table, names, bytes(data)))
    return seeds


_TABLES = ("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
           "AND tablename <> 'schema_migrations'")


@pytest.fixture(scope="session")
def redis_url(services_dir: Path) -> Iterator[str]:
    configured = os.environ.get("REVENGE_TEST_REDIS_URL")
    if configured:
        yield configured
        return
    from revenge.entrypoints.embedded.redis import embedded_redis

    with embedded_redis(services_dir / "redis") as url:
        yield url


@pytest.fixture(params=["memory", "redis"])
async def any_cache(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    """The Cache port, once as the in-memory twin and once over Redis (L1 + L2), under a
    key prefix of its own."""
    from revenge.adapters.memory.cache import InMemoryCache
    from revenge.adapters.redis.cache import RedisCache
    from revenge.adapters.redis.client import create_redis_client

    if request.param == "memory":
        yield InMemoryCache()
        return
    client = create_redis_client(request.getfixturevalue("redis_url"))
    yield RedisCache(client, l1_max_items=100, l1_ttl_seconds=30,
                     prefix=f"test:{uuid.uuid4().hex}:")
    await client.aclose()


@pytest.fixture(scope="session")
def typesense(services_dir: Path) -> Iterator[tuple[str, str]]:
    """(url, api_key) of a Typesense server: REVENGE_TEST_TYPESENSE_URL and
    REVENGE_TEST_TYPESENSE_API_KEY when set, else the embedded one. Tests isolate
    themselves by alias/collection names, not by server."""
    configured = os.environ.get("REVENGE_TEST_TYPESENSE_URL")
    if configured:
        yield configured, os.environ.get("REVENGE_TEST_TYPESENSE_API_KEY", "")
        return
    from revenge.entrypoints.embedded.typesense import embedded_typesense

    with embedded_typesense(services_dir / "typesense") as (url, api_key):
        yield url, api_key


@contextlib.asynccontextmanager
async def open_database(url: str) -> AsyncIterator[Database]:
    """A small pool on `url`, closed on exit."""
    db = Database(url, min_size=1, max_size=4)
    await db.open()
    try:
        yield db
    finally:
        await db.close()


async def delete_rows(db: Database, tables: Sequence[str]) -> None:
    """Empty just these tables (much faster than truncating every table)."""
    async with db.transaction() as conn:
        for table in tables:
            await conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))


@pytest.fixture
async def database(migrated_database_url: str) -> AsyncIterator[Database]:
    """An open pool on the migrated test database; every table emptied after the test."""
    async with open_database(migrated_database_url) as db:
        try:
            yield db
        finally:
            with contextlib.suppress(Exception):
                await truncate_all(db)


async def truncate_all(db: Database) -> None:
    """Empty every table, then restore what the migrations seeded."""
    async with db.transaction() as conn:
        cur = await conn.execute(_TABLES)
        tables = [row["tablename"] for row in await cur.fetchall()]
        if tables:
            await conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
                sql.SQL(", ").join(sql.Identifier(t) for t in tables)))
        for table, names, data in _SEEDS.get(db.url, []):
            await _restore(conn, table, names, data)


async def _restore(conn: Any, table: str, names: sql.Composed, data: bytes) -> None:
    # Through a scratch table: triggers may already have re-created some seed rows
    # (the catalog generation counter) during the TRUNCATE.
    scratch = sql.Identifier(f"seed_{table}")
    await conn.execute(sql.SQL("CREATE TEMP TABLE {} (LIKE {}) ON COMMIT DROP").format(
        scratch, sql.Identifier(table)))
    async with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
            scratch, names)) as copy:
        await copy.write(data)
    await conn.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT DO NOTHING")
                       .format(sql.Identifier(table), names, names, scratch))

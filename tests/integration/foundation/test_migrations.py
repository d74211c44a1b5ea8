"""Migrations against real PostgreSQL: apply, roll back, and never twice at once."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from revenge.adapters.postgres.migrations import (
    MigrationError,
    MigrationRunner,
    default_directory,
    load_migrations,
)

pytestmark = pytest.mark.integration


def _write(directory: Path, name: str, sql: str) -> None:
    (directory / name).write_text(sql)


@pytest.fixture
def scratch_migrations(tmp_path: Path) -> Path:
    _write(tmp_path, "0001_a.up.sql", "CREATE TABLE t_a (id int); SELECT pg_sleep(0.2);")
    _write(tmp_path, "0001_a.down.sql", "DROP TABLE t_a;")
    _write(tmp_path, "0002_b.up.sql", "CREATE TABLE t_b (id int);")
    _write(tmp_path, "0002_b.down.sql", "DROP TABLE t_b;")
    return tmp_path


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")
        return {r[0] for r in rows}


async def test_project_migrations_apply_and_roll_back_cleanly(fresh_url: str) -> None:
    migrations = load_migrations(default_directory())
    runner = MigrationRunner(fresh_url, migrations)
    assert len(await runner.up()) == len(migrations) and await runner.pending() == []
    assert len(await runner.down(len(migrations))) == len(migrations)
    assert _tables(fresh_url) == {"schema_migrations"}
    assert len(await runner.up()) == len(migrations)


async def test_two_runners_starting_together_apply_each_migration_once(
    fresh_url: str, scratch_migrations: Path
) -> None:
    url = fresh_url
    migrations = load_migrations(scratch_migrations)
    results = await asyncio.gather(*(MigrationRunner(url, migrations).up() for _ in range(3)))
    assert sorted(len(r) for r in results) == [0, 0, 2]
    assert {"t_a", "t_b"} <= _tables(url)


async def test_a_failing_migration_leaves_nothing_half_applied(
    fresh_url: str, tmp_path: Path
) -> None:
    url = fresh_url
    _write(tmp_path, "0001_bad.up.sql", "CREATE TABLE half (id int); SELECT nonsense();")
    runner = MigrationRunner(url, load_migrations(tmp_path))
    with pytest.raises(MigrationError, match="0001_bad failed"):
        await runner.up()
    assert "half" not in _tables(url)
    assert await runner.pending() == ["0001_bad"]


async def test_an_edited_applied_migration_is_refused(
    fresh_url: str, scratch_migrations: Path
) -> None:
    url = fresh_url
    await MigrationRunner(url, load_migrations(scratch_migrations)).up()
    _write(scratch_migrations, "0002_b.up.sql", "CREATE TABLE t_b (id bigint);")
    with pytest.raises(MigrationError, match="edited after it was applied"):
        await MigrationRunner(url, load_migrations(scratch_migrations)).up()


def test_duplicate_numbers_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, "0001_a.up.sql", "")
    _write(tmp_path, "0001_b.up.sql", "")
    with pytest.raises(MigrationError, match="two migrations numbered 0001"):
        load_migrations(tmp_path)


@pytest.fixture
def fresh_url(postgres_server_url: str) -> Iterator[str]:
    """An empty database of its own, dropped after the test."""
    name = f"revenge_mig_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    info["dbname"] = name
    yield psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))

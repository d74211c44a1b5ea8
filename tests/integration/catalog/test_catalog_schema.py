"""The catalog schema on a real PostgreSQL: it migrates down and up again, `percent` is
derived by the database, and the catalog generation moves only when a change commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

from revenge.adapters.postgres.migrations import MigrationRunner, default_directory, load_migrations

pytestmark = pytest.mark.integration


@pytest.fixture
def catalog_only_database(postgres_server_url: str) -> Iterator[str]:
    """A database migrated up to the catalog (0005) and no further."""
    name = f"revenge_catalog_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    info["dbname"] = name
    yield psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def _runner(url: str) -> MigrationRunner:
    return MigrationRunner(url, [m for m in load_migrations(default_directory())
                                 if m.version <= 5])


async def test_the_catalog_migration_rolls_back_and_applies_again(
        catalog_only_database: str) -> None:
    runner = _runner(catalog_only_database)
    await runner.up()
    assert await runner.down(1) == ["0005_catalog"]
    with psycopg.connect(catalog_only_database) as conn:
        left = conn.execute("SELECT to_regclass('movies'), to_regclass('watch_state'), "
                            "to_regprocedure('bump_catalog_generation()')").fetchone()
    assert left == (None, None, None)
    assert await runner.up() == ["0005_catalog"]


async def test_percent_is_derived_and_clamped_by_the_database(
        catalog_only_database: str) -> None:
    await _runner(catalog_only_database).up()
    user, movie = str(uuid.uuid4()), str(uuid.uuid4())
    with psycopg.connect(catalog_only_database) as conn:
        conn.execute("INSERT INTO users (id, username, email, password_hash, created_at, "
                     "updated_at) VALUES (%s, 'u', 'u@x', 'x', now(), now())", (user,))
        conn.execute("INSERT INTO movies (id, title, sort_title, added_at, updated_at) "
                     "VALUES (%s, 'A', 'a', now(), now())", (movie,))
        conn.execute("INSERT INTO watch_state (user_id, movie_id, position_seconds, "
                     "duration_seconds) VALUES (%s, %s, 150, 100)", (user, movie))
        percent = conn.execute("SELECT percent FROM watch_state").fetchone()
        with pytest.raises(psycopg.errors.GeneratedAlways):
            conn.execute("UPDATE watch_state SET percent = 5")
    assert percent == (100.0,)


async def test_the_generation_moves_when_a_change_commits_not_before(
        catalog_only_database: str) -> None:
    await _runner(catalog_only_database).up()

    def generation() -> int:
        with psycopg.connect(catalog_only_database) as reader:
            row = reader.execute("SELECT generation FROM catalog_generation").fetchone()
            assert row is not None
            return int(row[0])

    before = generation()
    with psycopg.connect(catalog_only_database) as writer:
        for title in ("A", "B"):  # many rows, one bump
            writer.execute("INSERT INTO movies (id, title, sort_title, added_at, updated_at) "
                           "VALUES (%s, %s, lower(%s), now(), now())",
                           (str(uuid.uuid4()), title, title))
        assert generation() == before  # uncommitted: readers still see the old catalog
        writer.commit()
    after = generation()
    assert after > before
    with psycopg.connect(catalog_only_database) as writer:
        writer.execute("UPDATE movies SET missing = true")
        writer.rollback()
    assert generation() == after

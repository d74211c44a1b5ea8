"""The shared `database` fixture empties tables between tests but keeps migration seeds."""

from __future__ import annotations

from revenge.adapters.postgres.database import Database
from tests.conftest import truncate_all


async def _count(db: Database, table: str) -> int:
    async with db.connection() as conn:
        cur = await conn.execute(f"SELECT count(*) AS n FROM {table}")  # noqa: S608 - fixed names
        row = await cur.fetchone()
        return int(row["n"]) if row else 0


async def test_truncation_restores_the_rows_migrations_seeded(database: Database) -> None:
    seeded = await _count(database, "roles")
    await truncate_all(database)
    assert seeded >= 3 and await _count(database, "roles") == seeded
    assert await _count(database, "catalog_generation") == 1

"""Libraries in PostgreSQL: the repository (inside a unit of work) and the read queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import psycopg

from revenge.adapters.postgres.catalog_sql import is_uuid, reading
from revenge.adapters.postgres.database import Connection, Database
from revenge.domain.errors import Conflict, NotFound
from revenge.domain.library.library import Library

_SELECT = """
SELECT id, name, paths, scan_interval_minutes, watch, follow_symlinks_outside,
       scan_requested_at, created_at, updated_at
FROM libraries"""
_INSERT = """
INSERT INTO libraries (id, name, paths, scan_interval_minutes, watch,
                       follow_symlinks_outside, scan_requested_at, created_at, updated_at)
VALUES (%(id)s, %(name)s, %(paths)s, %(scan_interval_minutes)s, %(watch)s,
        %(follow_symlinks_outside)s, %(scan_requested_at)s, %(created_at)s, %(updated_at)s)"""
_UPDATE = """
UPDATE libraries SET name = %(name)s, paths = %(paths)s,
    scan_interval_minutes = %(scan_interval_minutes)s, watch = %(watch)s,
    follow_symlinks_outside = %(follow_symlinks_outside)s, updated_at = %(updated_at)s
WHERE id = %(id)s"""
_CLAIM = """
UPDATE libraries SET scan_requested_at = %s
WHERE id = %s AND scan_requested_at IS NOT DISTINCT FROM %s"""


def _library(row: dict[str, Any]) -> Library:
    return Library(**{**row, "id": str(row["id"]), "paths": tuple(row["paths"])})


def _params(library: Library) -> dict[str, Any]:
    return {name: getattr(library, name) for name in Library.__struct_fields__} | {
        "paths": list(library.paths)}


async def _get(conn: Connection, library_id: str) -> Library:
    if is_uuid(library_id):
        cur = await conn.execute(_SELECT + " WHERE id = %s",
                                 (library_id,))
        row = await cur.fetchone()
        if row is not None:
            return _library(row)
    raise NotFound(f"library {library_id} not found", field="library_id")


async def _find(conn: Connection, name: str) -> Library | None:
    cur = await conn.execute(_SELECT + " WHERE lower(name) = lower(%s)",
                             (name.strip(),))
    row = await cur.fetchone()
    return _library(row) if row else None


async def _all(conn: Connection) -> list[Library]:
    cur = await conn.execute(_SELECT + " ORDER BY lower(name), id")
    return [_library(row) for row in await cur.fetchall()]


class PostgresLibraryRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, library: Library) -> None:
        await self._write(_INSERT, library)

    async def get(self, library_id: str) -> Library:
        return await _get(self._conn, library_id)

    async def find_by_name(self, name: str) -> Library | None:
        return await _find(self._conn, name)

    async def list(self) -> list[Library]:
        return await _all(self._conn)

    async def update(self, library: Library) -> None:
        if await self._write(_UPDATE, library) == 0:
            raise NotFound(f"library {library.id} not found", field="library_id")

    async def remove(self, library_id: str) -> None:
        if is_uuid(library_id):
            await self._conn.execute("DELETE FROM libraries WHERE id = %s", (library_id,))

    async def lock(self, library_id: str) -> None:
        await self._conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('library:' || %s::text, 0))",
            (library_id,))

    async def claim_scan(self, library_id: str, previous: datetime | None,
                         now: datetime) -> bool:
        cur = await self._conn.execute(_CLAIM, (now, library_id, previous))
        return cur.rowcount == 1

    async def _write(self, statement: str, library: Library) -> int:
        try:
            cur = await self._conn.execute(statement, _params(library))
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict(f"a library named {library.name!r} exists", field="name") from exc
        return cur.rowcount


class PostgresLibraryQueries:
    """Reads outside any unit of work, on a connection of their own."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def list_libraries(self) -> list[Library]:
        async with reading(self._database) as conn:
            return await _all(conn)

    async def get_library(self, library_id: str) -> Library:
        async with reading(self._database) as conn:
            return await _get(conn, library_id)

    async def find_library(self, name: str) -> Library | None:
        async with reading(self._database) as conn:
            return await _find(conn, name)

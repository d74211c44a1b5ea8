"""Read side of the Radarr context in PostgreSQL: the admin's status page and the
Emby-style `/Items` list."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import msgspec
from psycopg.rows import dict_row

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.radarr_records import (
    CONFLICTS,
    DELIVERIES,
    PostgresRadarrSettings,
    conflict_of,
    delivery_of,
)
from revenge.application.radarr.records import (
    MediaItem,
    RadarrStatus,
    StoredConflict,
    SyncState,
)
from revenge.domain.radarr.settings import RadarrSettings

_COUNTS = """
SELECT (SELECT count(*) FROM radarr_links) AS linked,
       (SELECT count(*) FROM radarr_conflicts) AS conflicts,
       (SELECT count(*) FROM radarr_downloads WHERE status = 'downloading') AS downloading,
       (SELECT api_key_sealed IS NOT NULL FROM radarr_settings) AS configured,
       (SELECT enabled FROM radarr_settings) AS enabled"""
_ITEMS = """
SELECT * FROM (
    SELECT DISTINCT ON (m.id) m.id::text AS movie_id, m.title, f.path, m.year, m.tmdb_id,
           m.imdb_id, m.sort_title
    FROM movies m JOIN movie_files f
      ON f.movie_id = m.id AND f.kind = 'main' AND f.missing_since IS NULL
    WHERE cardinality(%(years)s::int[]) = 0 OR m.year = ANY(%(years)s::int[])
    ORDER BY m.id, f.path) items
ORDER BY sort_title, movie_id"""


class PostgresRadarrQueries:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def settings(self) -> RadarrSettings | None:
        async with self._database.connection() as conn:
            return await PostgresRadarrSettings(conn).get()

    async def status(self, *, conflicts: int = 50, deliveries: int = 20) -> RadarrStatus:
        (counts,) = await self._rows(_COUNTS)
        state = await self._rows("SELECT * FROM radarr_sync_state")
        recent = await self._rows(DELIVERIES + " ORDER BY received_at DESC, key DESC LIMIT %s",
                                  (deliveries,))
        return RadarrStatus(
            configured=bool(counts["configured"]), enabled=bool(counts["enabled"]),
            state=_state(state[0]) if state else SyncState(), linked_movies=counts["linked"],
            open_conflicts=counts["conflicts"], downloading=counts["downloading"],
            conflicts=tuple((await self.conflicts())[:conflicts]),
            recent_deliveries=tuple(delivery_of(row) for row in recent))

    async def conflicts(self) -> list[StoredConflict]:
        rows = await self._rows(CONFLICTS + " ORDER BY opened_at, key")
        return [StoredConflict(conflict=conflict_of(row), opened_at=row["opened_at"])
                for row in rows]

    async def media_items(self, years: Collection[int] | None = None) -> list[MediaItem]:
        rows = await self._rows(_ITEMS, {"years": sorted(years or ())})
        return [MediaItem(movie_id=row["movie_id"], title=row["title"], path=row["path"],
                          year=row["year"], tmdb_id=row["tmdb_id"], imdb_id=row["imdb_id"])
                for row in rows]

    async def _rows(self, statement: str, params: Any = None) -> list[dict[str, Any]]:
        async with self._database.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            await cur.execute(statement, params)
            return await cur.fetchall()


def _state(row: dict[str, Any]) -> SyncState:
    return msgspec.convert({k: v for k, v in row.items() if k != "singleton"}, SyncState)

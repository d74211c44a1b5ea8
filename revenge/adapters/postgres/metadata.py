"""The metadata context in PostgreSQL: its records (inside the catalog's unit of work)
and the reads behind the metadata API."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import msgspec

from revenge.adapters.postgres.catalog_sql import is_uuid
from revenge.adapters.postgres.catalog_unit_of_work import PostgresCatalogUnitOfWork
from revenge.adapters.postgres.database import Connection, Database
from revenge.application.metadata.read_models import (
    MatchCandidateView,
    MetadataState,
    PendingMovie,
    SimilarMovieView,
    StoredImage,
)
from revenge.domain.errors import NotFound
from revenge.domain.metadata.details import SimilarMovie
from revenge.domain.metadata.matching import ScoredCandidate

_SAVE_STATE = """
INSERT INTO metadata_movie_state (movie_id, status, operation, attempts, last_error,
                                  next_attempt_at, refreshed_at, updated_at)
VALUES (%(movie_id)s, %(status)s, %(operation)s, %(attempts)s, %(last_error)s,
        %(next_attempt_at)s, %(refreshed_at)s, %(now)s)
ON CONFLICT (movie_id) DO UPDATE SET status = EXCLUDED.status,
    operation = EXCLUDED.operation, attempts = EXCLUDED.attempts,
    last_error = EXCLUDED.last_error, next_attempt_at = EXCLUDED.next_attempt_at,
    refreshed_at = EXCLUDED.refreshed_at, updated_at = EXCLUDED.updated_at"""

_INSERT_CANDIDATE = """
INSERT INTO metadata_match_candidates (movie_id, position, tmdb_id, title, original_title,
                                       year, popularity, score, poster_path, overview)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"""

_INSERT_SIMILAR = """
INSERT INTO movie_similar (movie_id, position, tmdb_id, title, year, poster_path, vote_average)
VALUES (%s, %s, %s, %s, %s, %s, %s)"""

_RECORD_IMAGE = """
INSERT INTO metadata_images (source_path, kind, content_hash, content_type, width, height,
                             size_bytes, blurhash, fetched_at)
VALUES (%(source_path)s, %(kind)s, %(content_hash)s, %(content_type)s, %(width)s,
        %(height)s, %(size_bytes)s, %(blurhash)s, %(now)s)
ON CONFLICT (source_path) DO UPDATE SET content_hash = EXCLUDED.content_hash,
    content_type = EXCLUDED.content_type, width = EXCLUDED.width, height = EXCLUDED.height,
    size_bytes = EXCLUDED.size_bytes, blurhash = EXCLUDED.blurhash"""


def coarse_status(state: MetadataState) -> str:
    """movies.match_status: a parked movie keeps what it was before the outage."""
    if state.status == "pending":
        return "matched" if state.refreshed_at else "unmatched"
    return state.status


class PostgresMetadataRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def state(self, movie_id: str) -> MetadataState | None:
        if not is_uuid(movie_id):
            return None
        cur = await self._conn.execute(
            "SELECT status, operation, attempts, last_error, next_attempt_at, refreshed_at "
            "FROM metadata_movie_state WHERE movie_id = %s", (movie_id,))
        row = await cur.fetchone()
        return None if row is None else msgspec.convert(row, MetadataState)

    async def save_state(self, movie_id: str, state: MetadataState, now: datetime) -> None:
        params = {**msgspec.structs.asdict(state), "movie_id": movie_id, "now": now}
        await self._conn.execute(_SAVE_STATE, params)
        await self._conn.execute("UPDATE movies SET match_status = %s WHERE id = %s",
                                 (coarse_status(state), movie_id))

    async def replace_candidates(self, movie_id: str,
                                 candidates: Sequence[ScoredCandidate]) -> None:
        await self._conn.execute("DELETE FROM metadata_match_candidates WHERE movie_id = %s",
                                 (movie_id,))
        rows = [(movie_id, i, s.candidate.tmdb_id, s.candidate.title, s.candidate.original_title,
                 s.candidate.year, s.candidate.popularity, s.score, s.candidate.poster_path,
                 s.candidate.overview) for i, s in enumerate(candidates)]
        await self._many(_INSERT_CANDIDATE, rows)

    async def replace_similar(self, movie_id: str, similar: Sequence[SimilarMovie]) -> None:
        await self._conn.execute("DELETE FROM movie_similar WHERE movie_id = %s", (movie_id,))
        rows = [(movie_id, i, s.tmdb_id, s.title, s.year, s.poster_path, s.vote_average)
                for i, s in enumerate(similar)]
        await self._many(_INSERT_SIMILAR, rows)

    async def _many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            async with self._conn.cursor() as cur:
                await cur.executemany(statement, rows)

    async def movie_ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]:
        cur = await self._conn.execute(
            "SELECT tmdb_id, id::text AS id FROM movies WHERE tmdb_id = ANY(%s)",
            (list(tmdb_ids),))
        return {row["tmdb_id"]: row["id"] for row in await cur.fetchall()}

    async def collection_id_by_tmdb(self, tmdb_id: int) -> str | None:
        cur = await self._conn.execute(
            "SELECT id::text AS id FROM collections WHERE tmdb_id = %s", (tmdb_id,))
        row = await cur.fetchone()
        return None if row is None else str(row["id"])

    async def record_image(self, image: StoredImage, now: datetime) -> None:
        await self._conn.execute(_RECORD_IMAGE, {**msgspec.structs.asdict(image), "now": now})

    async def synced_until(self, name: str) -> datetime | None:
        cur = await self._conn.execute(
            "SELECT synced_until FROM metadata_sync WHERE name = %s", (name,))
        row = await cur.fetchone()
        return None if row is None else row["synced_until"]

    async def set_synced_until(self, name: str, until: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO metadata_sync (name, synced_until) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET synced_until = EXCLUDED.synced_until",
            (name, until))


class PostgresMetadataUnitOfWork(PostgresCatalogUnitOfWork):
    """The catalog's repositories plus `metadata`, on one transaction."""

    def _bind(self) -> None:
        super()._bind()
        self.metadata = PostgresMetadataRepository(self.connection)


class PostgresMetadataQueries:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def candidates(self, movie_id: str) -> list[MatchCandidateView]:
        rows = await self._movie_rows(
            movie_id, "SELECT tmdb_id, title, original_title, year, popularity, score, "
            "poster_path, overview FROM metadata_match_candidates WHERE movie_id = %s "
            "ORDER BY position")
        return [msgspec.convert(row, MatchCandidateView) for row in rows]

    async def similar(self, movie_id: str) -> list[SimilarMovieView]:
        rows = await self._movie_rows(
            movie_id, "SELECT s.tmdb_id, s.title, s.year, s.poster_path, s.vote_average, "
            "m.id::text AS movie_id FROM movie_similar s LEFT JOIN movies m "
            "ON m.tmdb_id = s.tmdb_id WHERE s.movie_id = %s ORDER BY s.position")
        return [msgspec.convert(row, SimilarMovieView) for row in rows]

    async def _movie_rows(self, movie_id: str, query: str) -> list[dict[str, Any]]:
        if not is_uuid(movie_id):
            raise NotFound("no such movie", field="movie_id")
        async with self._database.connection() as conn:
            cur = await conn.execute("SELECT 1 FROM movies WHERE id = %s", (movie_id,))
            if await cur.fetchone() is None:
                raise NotFound("no such movie", field="movie_id")
            rows = await (await conn.execute(query, (movie_id,))).fetchall()
            await conn.rollback()
        return rows

    async def pending(self, due_before: datetime, limit: int) -> list[PendingMovie]:
        async with self._database.connection() as conn:
            cur = await conn.execute(
                "SELECT movie_id::text AS movie_id, operation FROM metadata_movie_state "
                "WHERE status = 'pending' AND next_attempt_at <= %s "
                "ORDER BY next_attempt_at, movie_id LIMIT %s", (due_before, limit))
            rows = await cur.fetchall()
            await conn.rollback()
        return [msgspec.convert(row, PendingMovie) for row in rows]

    async def image(self, source_path: str) -> StoredImage | None:
        async with self._database.connection() as conn:
            cur = await conn.execute(
                "SELECT source_path, kind, content_hash, content_type, width, height, "
                "size_bytes, blurhash FROM metadata_images WHERE source_path = %s",
                (source_path,))
            row = await cur.fetchone()
            await conn.rollback()
        return None if row is None else msgspec.convert(row, StoredImage)

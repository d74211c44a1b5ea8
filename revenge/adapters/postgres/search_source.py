"""Search's view of the catalog tables: movie documents, their versions, watched movies."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from typing import Any

from psycopg import sql

from revenge.adapters.postgres.database import Database
from revenge.application.search.read_models import MovieDocument, version_of
from revenge.application.search.requests import IndexMovieCommand

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$")

# The version is the latest change of the movie row or of its collection (whose name is
# part of the document). Genres and credits are written with the movie, which bumps it.
_VERSION = sql.SQL("""GREATEST(m.updated_at, (
    SELECT max(co.updated_at) FROM collection_members cm
    JOIN collections co ON co.id = cm.collection_id WHERE cm.movie_id = m.id))""")

_DOCUMENT = sql.SQL("""
SELECT m.id::text AS id, m.title, m.original_title, m.sort_title, m.overview, m.year,
       m.vote_average AS rating, m.runtime_minutes, m.popularity, m.poster_path, m.added_at,
       c.name AS collection, {version} AS updated_at,
       ARRAY(SELECT g.name FROM movie_genres mg JOIN genres g ON g.id = mg.genre_id
             WHERE mg.movie_id = m.id ORDER BY g.name) AS genres,
       ARRAY(SELECT p.name FROM movie_credits mc JOIN people p ON p.id = mc.person_id
             WHERE mc.movie_id = m.id AND mc.kind = 'cast'
             ORDER BY mc.position LIMIT 15) AS "cast",  -- MAX_CAST
       ARRAY(SELECT p.name FROM movie_credits mc JOIN people p ON p.id = mc.person_id
             WHERE mc.movie_id = m.id AND mc.kind = 'crew' AND mc.job = 'Director'
             ORDER BY mc.position) AS directors
FROM movies m
LEFT JOIN LATERAL (
    SELECT co.name FROM collection_members cm
    JOIN collections co ON co.id = cm.collection_id
    WHERE cm.movie_id = m.id ORDER BY co.name LIMIT 1
) c ON true
""").format(version=_VERSION)

# Movies less index requests still queued or running (each committed catalog change
# enqueues one in its own transaction, so this never counts a movie the index may lack).
# Distinct existing movies only: a burst of requests for one movie, or requests for
# movies since deleted, must not excuse other movies missing from the index.
_SETTLED = """
SELECT (SELECT count(*) FROM movies) - (
    SELECT count(DISTINCT m.id) FROM job_runs j
    JOIN movies m ON m.id::text = j.payload->>'movie_id'
    WHERE j.name = %s AND j.status IN ('queued', 'running')) AS n"""

_VERSIONS = sql.SQL("SELECT m.id::text AS id, {version} AS updated_at FROM movies m").format(
    version=_VERSION)


class PostgresMovieDocuments:
    """`MovieDocuments` read from the catalog's tables (outside any unit of work)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def get(self, movie_ids: Sequence[str]) -> list[MovieDocument]:
        ids = [i for i in movie_ids if _UUID.match(i)]
        if not ids:
            return []
        where = sql.SQL("WHERE m.id = ANY(%s::uuid[]) ORDER BY m.id")
        return await self._documents(_DOCUMENT + where, (ids,))

    async def batches(self, size: int) -> AsyncIterator[list[MovieDocument]]:
        after = "00000000-0000-0000-0000-000000000000"
        while True:
            batch = await self._documents(
                _DOCUMENT + sql.SQL("WHERE m.id > %s::uuid ORDER BY m.id LIMIT %s"), (after, size))
            if batch:
                yield batch
            if len(batch) < size:
                return
            after = batch[-1].id

    async def versions(self) -> dict[str, int]:
        async with self._database.connection() as conn:
            rows = await (await conn.execute(_VERSIONS)).fetchall()
        return {row["id"]: version_of(row["updated_at"]) for row in rows}

    async def settled_count(self) -> int:
        async with self._database.connection() as conn:
            row = await (await conn.execute(_SETTLED, (IndexMovieCommand.job,))).fetchone()
        return int(row["n"]) if row else 0

    async def _documents(self, query: sql.Composed,
                         params: tuple[Any, ...]) -> list[MovieDocument]:
        async with self._database.connection() as conn:
            rows = await (await conn.execute(query, params)).fetchall()
        return [_document(row) for row in rows]


def _document(row: dict[str, Any]) -> MovieDocument:
    updated_at = row.pop("updated_at")
    for key in ("genres", "cast", "directors"):
        row[key] = tuple(row[key])
    return MovieDocument(**row, version=version_of(updated_at))


class PostgresWatchedMovies:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def watched_ids(self, user_id: str) -> frozenset[str]:
        if not _UUID.match(user_id):
            return frozenset()
        async with self._database.connection() as conn:
            cursor = await conn.execute(
                "SELECT movie_id::text AS id FROM watch_state WHERE user_id = %s AND completed",
                (user_id,))
            return frozenset(row["id"] for row in await cursor.fetchall())

"""The catalog as the Radarr sync reads and writes it, in PostgreSQL: our movies and files
found by ids and paths, new movies and files, ids filled in, files moved or missing.
Movies, missing marks and the movies' missing flags reuse the scanner's repositories."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from revenge.adapters.postgres.database import Connection
from revenge.adapters.postgres.library_files import (
    PostgresLibraryFileRepository,
    PostgresScannedMovieRepository,
)
from revenge.application.radarr.records import FileRelocation, RecordedFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import Conflict
from revenge.domain.radarr.plan import IdLink
from revenge.domain.radarr.state import OurFile, OurMovie

_MOVIES = """
SELECT id::text, tmdb_id, imdb_id FROM movies
WHERE id = ANY(%s::uuid[]) OR tmdb_id = ANY(%s) OR imdb_id = ANY(%s)"""
_FILES = """
SELECT id::text, movie_id::text, path, missing_since IS NOT NULL, kind FROM movie_files
WHERE movie_id = ANY(%s::uuid[]) OR path = ANY(%s)"""
_FILES_UNDER = """
SELECT id::text, movie_id::text, path, missing_since IS NOT NULL, kind FROM movie_files f
WHERE EXISTS (SELECT 1 FROM unnest(%s::text[]) u
              WHERE f.path = u OR starts_with(f.path, rtrim(u, '/') || '/'))"""
_SET_IDS = """
UPDATE movies SET tmdb_id = %s, imdb_id = COALESCE(imdb_id, %s), updated_at = %s
WHERE id = %s AND tmdb_id IS NULL"""
_COPY_FILES = """
COPY movie_files (id, movie_id, library_id, path, size_bytes, mtime, kind, part, edition,
                  container, group_key, added_at, updated_at) FROM STDIN"""
# Same record at a new path; a new size means new content (an upgrade): probe it again.
_RELOCATE = """
UPDATE movie_files SET library_id = %(library_id)s, path = %(path)s, mtime = %(mtime)s,
    missing_since = NULL, updated_at = %(now)s,
    content_hash = CASE WHEN size_bytes = %(size)s THEN content_hash END,
    probed_at = CASE WHEN size_bytes = %(size)s THEN probed_at END,
    probe_error = CASE WHEN size_bytes = %(size)s THEN probe_error END,
    size_bytes = %(size)s
WHERE id = %(file_id)s"""


class PostgresRadarrCatalog:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._files = PostgresLibraryFileRepository(conn)
        self._movies = PostgresScannedMovieRepository(conn)

    async def movies(self, *, ids: Collection[str], tmdb_ids: Collection[int],
                     imdb_ids: Collection[str]) -> list[OurMovie]:
        rows = await self._rows(_MOVIES, (list(ids), list(tmdb_ids), list(imdb_ids)))
        return [OurMovie(id=movie_id, tmdb_id=tmdb_id, imdb_id=imdb_id)
                for movie_id, tmdb_id, imdb_id in rows]

    async def files(self, *, movie_ids: Collection[str], paths: Collection[str],
                    under: Collection[str] = ()) -> list[OurFile]:
        rows = await self._rows(_FILES, (list(movie_ids), list(paths)))
        if under:
            rows += await self._rows(_FILES_UNDER, (list(under),))
        found = {file_id: OurFile(id=file_id, movie_id=movie_id, path=path, missing=missing,
                                  kind=kind)
                 for file_id, movie_id, path, missing, kind in rows}
        return list(found.values())

    async def add_movies(self, movies: Sequence[Movie]) -> None:
        await self._movies.add(movies)

    async def set_ids(self, links: Sequence[IdLink], now: datetime) -> None:
        try:
            async with self._conn.cursor() as cur:
                await cur.executemany(_SET_IDS, [(link.tmdb_id, link.imdb_id, now,
                                                  link.movie_id) for link in links])
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict("another movie has this TMDb id", field="tmdb_id") from exc

    async def add_files(self, files: Sequence[RecordedFile]) -> None:
        try:
            async with self._conn.cursor() as cur, cur.copy(_COPY_FILES) as copy:
                for f in files:
                    await copy.write_row((f.id, f.movie_id, f.library_id, f.path, f.size,
                                          f.mtime, "main", f.part, f.edition, f.container,
                                          f.group_key, f.mtime, f.mtime))
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict("a file with this path is recorded already", field="path") from exc

    async def relocate_files(self, moves: Sequence[FileRelocation], now: datetime) -> None:
        async with self._conn.cursor() as cur:
            await cur.executemany(_RELOCATE, [
                {"library_id": m.library_id, "path": m.path, "mtime": m.mtime, "now": now,
                 "size": m.size, "file_id": m.file_id} for m in moves])

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        await self._files.mark_missing(file_ids, since)

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        await self._movies.refresh_missing(movie_ids, now)

    async def _rows(self, statement: str, params: Any) -> list[tuple[Any, ...]]:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute(statement, params)
            return await cur.fetchall()

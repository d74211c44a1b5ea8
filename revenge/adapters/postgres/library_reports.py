"""The administrators' library reports in PostgreSQL: counts, unmatched movies, skipped
files."""

from __future__ import annotations

from revenge.adapters.postgres.catalog_sql import is_uuid, reading
from revenge.adapters.postgres.database import Database
from revenge.application.library.queries import LibraryCounts, UnmatchedMovie
from revenge.application.library.records import SkippedFile

_COUNTS = """
SELECT (SELECT count(*) FROM movies) AS movies,
       (SELECT count(*) FROM movies WHERE missing) AS missing_movies,
       (SELECT count(*) FROM movies WHERE match_status = 'unmatched') AS unmatched_movies,
       (SELECT count(*) FROM movie_files) AS files,
       (SELECT count(*) FROM movie_files WHERE missing_since IS NOT NULL) AS missing_files"""
_UNMATCHED = """
SELECT id::text AS id, title, year FROM movies WHERE match_status = 'unmatched'
ORDER BY title COLLATE "C", id LIMIT %s"""
_SKIPPED = """
SELECT path, size_bytes AS size, mtime, reason FROM library_skipped_files
WHERE library_id = %s ORDER BY path COLLATE "C\""""


class PostgresLibraryReports:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def counts(self) -> LibraryCounts:
        async with reading(self._database) as conn:
            row = await (await conn.execute(_COUNTS)).fetchone()
        assert row is not None  # an aggregate always answers one row
        return LibraryCounts(**row)

    async def unmatched_movies(self, limit: int) -> list[UnmatchedMovie]:
        async with reading(self._database) as conn:
            rows = await (await conn.execute(_UNMATCHED, (limit,))).fetchall()
        return [UnmatchedMovie(**row) for row in rows]

    async def skipped_files(self, library_id: str) -> list[SkippedFile]:
        if not is_uuid(library_id):
            return []
        async with reading(self._database) as conn:
            rows = await (await conn.execute(_SKIPPED, (library_id,))).fetchall()
        return [SkippedFile(**row) for row in rows]

"""The scanner's records in PostgreSQL: files (catalog `movie_files` plus the library's
columns), skipped files, the movies it creates, and probe results.

Bulk writes use COPY or pipelined `executemany`, so a first scan of 20k files costs a
few round trips, and every write is skipped when there is nothing to write."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import msgspec
import psycopg
from psycopg.rows import tuple_row

from revenge.adapters.postgres.database import Connection
from revenge.application.library.records import (
    FileMove,
    NewFile,
    ProbeReport,
    ProbeTarget,
    SkippedFile,
    StatUpdate,
)
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import Conflict
from revenge.domain.library.diff import KnownFile
from revenge.domain.library.grouping import FolderMovie
from revenge.domain.library.moves import MoveCandidate

# `within` empty: the whole library; else only paths equal to or below one of them.
_SNAPSHOT = """
SELECT path, size_bytes, (EXTRACT(EPOCH FROM mtime) * 1000000)::bigint, id::text,
       movie_id::text, missing_since IS NOT NULL
FROM movie_files f WHERE library_id = %(library)s
  AND (cardinality(%(within)s::text[]) = 0 OR EXISTS (
      SELECT 1 FROM unnest(%(within)s::text[]) w
      WHERE f.path = w OR starts_with(f.path, w || '/')))
UNION ALL
SELECT path, size_bytes, (EXTRACT(EPOCH FROM mtime) * 1000000)::bigint, NULL, NULL, false
FROM library_skipped_files s WHERE library_id = %(library)s
  AND (cardinality(%(within)s::text[]) = 0 OR EXISTS (
      SELECT 1 FROM unnest(%(within)s::text[]) w
      WHERE s.path = w OR starts_with(s.path, w || '/')))"""
_CANDIDATES = """
SELECT id::text, movie_id::text, path, size_bytes, content_hash FROM movie_files
WHERE size_bytes = ANY(%s) AND (missing_since IS NOT NULL OR id = ANY(%s::uuid[]))"""
_BY_KEY = """
SELECT DISTINCT ON (group_key) group_key, movie_id::text FROM movie_files
WHERE library_id = %s AND group_key = ANY(%s) ORDER BY group_key, added_at, id"""
_FOLDER_MOVIES = """
SELECT folder, path, movie_id::text FROM (
    SELECT regexp_replace(path, '/[^/]*$', '') AS folder, path, movie_id FROM movie_files
    WHERE library_id = %s AND kind = 'main') f
WHERE folder = ANY(%s)"""
_COPY_FILES = """
COPY movie_files (id, movie_id, library_id, path, size_bytes, mtime, kind, extra_type, part,
                  edition, container, group_key, added_at, updated_at) FROM STDIN"""
_UPDATE_STATS = """
UPDATE movie_files SET size_bytes = %s, mtime = %s, missing_since = NULL, updated_at = %s,
    content_hash = CASE WHEN %s THEN NULL ELSE content_hash END,
    probed_at = CASE WHEN %s THEN NULL ELSE probed_at END,
    probe_error = CASE WHEN %s THEN NULL ELSE probe_error END
WHERE id = %s"""
_MOVE = """
UPDATE movie_files SET library_id = %s, path = %s, size_bytes = %s, mtime = %s,
    missing_since = NULL, updated_at = %s
WHERE id = %s"""
_SKIP = """
INSERT INTO library_skipped_files (library_id, path, size_bytes, mtime, reason)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (library_id, path) DO UPDATE SET size_bytes = EXCLUDED.size_bytes,
    mtime = EXCLUDED.mtime, reason = EXCLUDED.reason"""
_DETACH = """
UPDATE movie_files SET library_id = NULL, missing_since = COALESCE(missing_since, %s)
WHERE library_id = %s RETURNING movie_id::text"""


class PostgresLibraryFileRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def snapshot(self, library_id: str, within: Sequence[str] = ()) -> list[KnownFile]:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute(_SNAPSHOT, {"library": library_id, "within": list(within)})
            return [KnownFile(path=path, size=size, mtime_us=mtime, file_id=file_id,
                              movie_id=movie_id, missing=missing)
                    for path, size, mtime, file_id, movie_id, missing in await cur.fetchall()]

    async def move_candidates(self, sizes: Collection[int],
                              vanishing: Collection[str] = ()) -> list[MoveCandidate]:
        rows = await self._rows(_CANDIDATES, (list(sizes), list(vanishing)))
        return [MoveCandidate(file_id=file_id, movie_id=movie_id, path=path, size=size,
                              content_hash=content_hash)
                for file_id, movie_id, path, size, content_hash in rows]

    async def movies_by_key(self, library_id: str, keys: Collection[str]) -> dict[str, str]:
        return dict(await self._rows(_BY_KEY, (library_id, list(keys))))

    async def folder_movies(self, library_id: str,
                            folders: Collection[str]) -> dict[str, list[FolderMovie]]:
        found: dict[str, list[FolderMovie]] = {}
        for folder, path, movie_id in await self._rows(_FOLDER_MOVIES,
                                                       (library_id, list(folders))):
            stem = path.rsplit("/", 1)[-1].rpartition(".")[0]
            found.setdefault(folder, []).append(FolderMovie(stem, movie_id))
        return found

    async def add(self, files: Sequence[NewFile]) -> None:
        try:
            await _copy(self._conn, _COPY_FILES, "".join(map(_file_line, files)))
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict("a file with this path is recorded already", field="path") from exc

    async def update_stats(self, updates: Sequence[StatUpdate]) -> None:
        await self._many(_UPDATE_STATS, [
            (u.size, u.mtime, u.mtime, u.content_changed, u.content_changed, u.content_changed,
             u.file_id) for u in updates])

    async def move(self, moves: Sequence[FileMove]) -> None:
        await self._many(_MOVE, [(m.library_id, m.path, m.size, m.mtime, m.mtime, m.file_id)
                                 for m in moves])

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        await self._conn.execute(
            "UPDATE movie_files SET missing_since = %s "
            "WHERE id = ANY(%s::uuid[]) AND missing_since IS NULL", (since, list(file_ids)))

    async def skip(self, library_id: str, files: Sequence[SkippedFile]) -> None:
        await self._many(_SKIP, [(library_id, f.path, f.size, f.mtime, f.reason)
                                 for f in files])

    async def forget_skipped(self, library_id: str, paths: Collection[str]) -> None:
        await self._conn.execute(
            "DELETE FROM library_skipped_files WHERE library_id = %s AND path = ANY(%s)",
            (library_id, list(paths)))

    async def detach_library(self, library_id: str, now: datetime) -> list[str]:
        rows = await self._rows(_DETACH, (now, library_id))
        return sorted({movie_id for (movie_id,) in rows})

    async def _rows(self, statement: str, params: Any) -> list[tuple[Any, ...]]:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute(statement, params)
            return await cur.fetchall()

    async def _many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            async with self._conn.cursor() as cur:
                await cur.executemany(statement, rows)


# COPY's text format written here rather than row by row through psycopg: a first scan
# sends some 40k rows, and one preformatted block costs a fraction of the calls.
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"


def _text(value: str | None) -> str:
    if value is None:
        return _NULL
    return value.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(value) else value


def _number(value: int | None) -> str:
    return _NULL if value is None else str(value)


async def _copy(conn: Connection, statement: str, block: str) -> None:
    if block:
        async with conn.cursor() as cur, cur.copy(statement) as copy:
            await copy.write(block)


def _file_line(file: NewFile) -> str:
    mtime = str(file.mtime)
    return (f"{file.id}\t{file.movie_id}\t{file.library_id}\t{_text(file.path)}\t"
            f"{file.size}\t{mtime}\t{file.kind}\t{_text(file.extra_type)}\t"
            f"{_number(file.part)}\t{_text(file.edition)}\t{_text(file.container)}\t"
            f"{_text(file.group_key)}\t{mtime}\t{mtime}\n")


_COPY_MOVIES = """
COPY movies (id, title, original_title, sort_title, year, tmdb_id, imdb_id, added_at,
             updated_at) FROM STDIN"""
_REFRESH_MISSING = """
UPDATE movies m SET missing = s.missing, updated_at = %s
FROM (SELECT movie_id, NOT bool_or(kind = 'main' AND missing_since IS NULL) AS missing
      FROM movie_files WHERE movie_id = ANY(%s::uuid[]) GROUP BY movie_id) s
WHERE m.id = s.movie_id AND m.missing IS DISTINCT FROM s.missing"""


class PostgresScannedMovieRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute("SELECT tmdb_id, id::text FROM movies WHERE tmdb_id = ANY(%s)",
                              (list(tmdb_ids),))
            return dict(await cur.fetchall())

    async def add(self, movies: Sequence[Movie]) -> None:
        try:
            stamps: dict[datetime, str] = {}  # a scan's movies share one moment
            await _copy(self._conn, _COPY_MOVIES,
                        "".join([_movie_line(movie, stamps) for movie in movies]))
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict("another movie has this TMDb id", field="tmdb_id") from exc

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        await self._conn.execute(_REFRESH_MISSING, (now, list(movie_ids)))


def _movie_line(m: Movie, stamps: dict[datetime, str]) -> str:
    added = stamps.get(m.added_at) or stamps.setdefault(m.added_at, str(m.added_at))
    updated = stamps.get(m.updated_at) or stamps.setdefault(m.updated_at, str(m.updated_at))
    return (f"{m.id}\t{_text(m.title)}\t{_text(m.original_title)}\t{_text(m.sort_title)}\t"
            f"{_number(m.year)}\t{_number(m.tmdb_id)}\t{_text(m.imdb_id)}\t{added}\t"
            f"{updated}\n")


_PENDING = """
SELECT id::text, path FROM movie_files
WHERE library_id = %(library)s AND probed_at IS NULL AND probe_error IS NULL
  AND missing_since IS NULL AND get_byte(uuid_send(id), 15) %% %(slots)s = %(slot)s
  AND (%(after)s::uuid IS NULL OR id > %(after)s::uuid)
ORDER BY id LIMIT %(limit)s"""
_PENDING_COUNT = """
SELECT count(*) FROM movie_files WHERE library_id = %s AND probed_at IS NULL
  AND probe_error IS NULL AND missing_since IS NULL"""
_RECORD = """
UPDATE movie_files SET content_hash = %(content_hash)s,
    container = COALESCE(%(container)s, container), duration_seconds = %(duration_seconds)s,
    bitrate = %(bitrate)s, video_streams = %(video_streams)s,
    audio_streams = %(audio_streams)s, subtitle_streams = %(subtitle_streams)s,
    probed_at = %(probed_at)s, probe_error = %(error)s, updated_at = %(probed_at)s
WHERE id = %(file_id)s"""


class PostgresProbeTargets:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def pending(self, library_id: str, *, slot: int, slots: int, after: str | None,
                      limit: int) -> list[ProbeTarget]:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute(_PENDING, {"library": library_id, "slot": slot, "slots": slots,
                                         "after": after, "limit": limit})
            return [ProbeTarget(file_id, path) for file_id, path in await cur.fetchall()]

    async def pending_count(self, library_id: str) -> int:
        async with self._conn.cursor(row_factory=tuple_row) as cur:
            await cur.execute(_PENDING_COUNT, (library_id,))
            row = await cur.fetchone()
            return int(row[0]) if row else 0

    async def record(self, file_id: str, report: ProbeReport) -> None:
        params = msgspec.structs.asdict(report) | {"file_id": file_id}
        for name in ("video_streams", "audio_streams", "subtitle_streams"):
            params[name] = msgspec.json.encode(params[name]).decode()
        await self._conn.execute(_RECORD, params)

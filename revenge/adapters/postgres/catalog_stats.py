"""Catalog statistics and genre counts in SQL, cached so that neither grows with the
library: library-wide aggregates under the catalog generation, the caller's under the
generation and the last change to the caller's watch state. A warm request is one
small statement that reads those versions."""

from __future__ import annotations

import math
from datetime import datetime

import msgspec

from revenge.adapters.postgres.catalog_sql import reading, rows_of
from revenge.adapters.postgres.database import Connection, Database
from revenge.application.catalog.paging import keyset_page
from revenge.application.catalog.read_models import (
    CatalogStats,
    GenreCount,
    GenreStat,
    Page,
    UserStats,
    YearStat,
)
from revenge.application.shared.cache import Cache
from revenge.domain.catalog.listing import PageRequest

_TTL_SECONDS = 3600  # keys name the versions they were computed at: replaced, never stale


class _Library(msgspec.Struct, frozen=True):
    movie_count: int
    total_runtime_minutes: int
    missing_count: int
    genres: list[tuple[str, str, int]]  # (id, name, movies)
    years: list[tuple[int | None, int]]


class _Viewer(msgspec.Struct, frozen=True):
    watched: int
    plays: int
    minutes: float
    in_progress: int
    genres: dict[str, int]  # genre id -> watched
    years: list[tuple[int | None, int]]


_VERSIONS = """
SELECT (SELECT generation FROM catalog_generation) AS generation,
    (SELECT max(updated_at) FROM watch_state WHERE user_id = %(user)s) AS touched,
    (SELECT count(*) FROM watchlist WHERE user_id = %(user)s) AS watchlist,
    (SELECT count(*) FROM user_ratings WHERE user_id = %(user)s) AS rated"""
_LIBRARY_TOTALS = """
SELECT count(*) AS movies, COALESCE(sum(runtime_minutes), 0) AS runtime,
    count(*) FILTER (WHERE missing) AS missing
FROM movies"""
_GENRE_COUNTS = """
SELECT g.id::text AS id, g.name, count(mg.movie_id) AS movies
FROM genres g LEFT JOIN movie_genres mg ON mg.genre_id = g.id GROUP BY g.id"""
_YEAR_COUNTS = "SELECT year, count(*) AS movies FROM movies GROUP BY year"
_VIEWER_TOTALS = """
SELECT count(*) FILTER (WHERE ws.completed) AS watched,
    COALESCE(sum(ws.play_count), 0) AS plays,
    COALESCE(sum(ws.play_count * COALESCE(m.runtime_minutes, ws.duration_seconds / 60)), 0)
        AS minutes,
    count(*) FILTER (WHERE ws.in_progress AND NOT ws.hidden_from_continue) AS in_progress
FROM watch_state ws JOIN movies m ON m.id = ws.movie_id WHERE ws.user_id = %(user)s"""
_VIEWER_GENRES = """
SELECT mg.genre_id::text AS id, count(*) AS watched
FROM watch_state ws JOIN movie_genres mg ON mg.movie_id = ws.movie_id
WHERE ws.user_id = %(user)s AND ws.completed GROUP BY mg.genre_id"""
_VIEWER_YEARS = """
SELECT m.year, count(*) AS watched
FROM watch_state ws JOIN movies m ON m.id = ws.movie_id
WHERE ws.user_id = %(user)s AND ws.completed GROUP BY m.year"""
_NOTHING_WATCHED = _Viewer(0, 0, 0.0, 0, {}, [])


class PostgresCatalogStatsQueries:
    def __init__(self, database: Database, cache: Cache) -> None:
        self._database = database
        self._cache = cache

    async def stats(self, user_id: str) -> CatalogStats:
        params = {"user": user_id}
        async with reading(self._database) as conn:
            versions = (await rows_of(conn, _VERSIONS, params))[0]
            library = await self._library(conn, versions["generation"])
            viewer = await self._viewer(conn, params, versions["generation"],
                                        versions["touched"])
        return _stats(library, viewer, versions)

    async def genres(self, page: PageRequest) -> Page[GenreCount]:
        async with reading(self._database) as conn:
            versions = (await rows_of(conn, _VERSIONS, {"user": None}))[0]
            library = await self._library(conn, versions["generation"])
        rows = [GenreCount(gid, name, n) for gid, name, n in library.genres]
        return keyset_page(rows, lambda g: (g.name.lower(), g.id), page, "genres")

    async def _library(self, conn: Connection, generation: int | None) -> _Library:
        key = f"catalog:library:{generation}"
        cached = await self._cache.get(key, _Library) if generation else None
        if cached is None:
            cached = await _library(conn)
            if generation:
                await self._cache.set(key, cached, _TTL_SECONDS)
        return cached

    async def _viewer(self, conn: Connection, params: dict[str, str], generation: int | None,
                      touched: datetime | None) -> _Viewer:
        if touched is None:
            return _NOTHING_WATCHED
        key = f"catalog:viewer:{generation}:{params['user']}:{touched.isoformat()}"
        cached = await self._cache.get(key, _Viewer) if generation else None
        if cached is None:
            cached = await _viewer(conn, params)
            if generation:
                await self._cache.set(key, cached, _TTL_SECONDS)
        return cached


async def _library(conn: Connection) -> _Library:
    totals = (await rows_of(conn, _LIBRARY_TOTALS, {}))[0]
    genres = [(r["id"], r["name"], r["movies"]) for r in await rows_of(conn, _GENRE_COUNTS, {})]
    years = [(r["year"], r["movies"]) for r in await rows_of(conn, _YEAR_COUNTS, {})]
    return _Library(totals["movies"], int(totals["runtime"]), totals["missing"], genres, years)


async def _viewer(conn: Connection, params: dict[str, str]) -> _Viewer:
    totals = (await rows_of(conn, _VIEWER_TOTALS, params))[0]
    genres = {r["id"]: r["watched"] for r in await rows_of(conn, _VIEWER_GENRES, params)}
    years = [(r["year"], r["watched"]) for r in await rows_of(conn, _VIEWER_YEARS, params)]
    return _Viewer(totals["watched"], int(totals["plays"]), float(totals["minutes"]),
                   totals["in_progress"], genres, years)


def _stats(library: _Library, viewer: _Viewer, versions: dict[str, int]) -> CatalogStats:
    watched_years = dict(viewer.years)
    return CatalogStats(
        movie_count=library.movie_count, total_runtime_minutes=library.total_runtime_minutes,
        missing_count=library.missing_count,
        by_genre=[GenreStat(name, n, viewer.genres.get(gid, 0))
                  for gid, name, n in sorted(library.genres, key=lambda g: g[1].lower())
                  if n > 0],
        by_year=[YearStat(y, n, watched_years.get(y, 0)) for y, n in
                 sorted(library.years, key=lambda y: (y[0] is None, y[0] or 0))],
        user=UserStats(watched_count=viewer.watched, play_count=viewer.plays,
                       watched_minutes=math.floor(viewer.minutes),
                       in_progress_count=viewer.in_progress,
                       watchlist_count=versions["watchlist"], rated_count=versions["rated"]))

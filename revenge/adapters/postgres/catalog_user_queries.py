"""One user's lists (progress, continue watching, history, watchlist) and the catalog
statistics in SQL. Library-wide aggregates are cached per catalog generation; the
caller's part is computed from the caller's own rows, so neither grows with the library."""

from __future__ import annotations

import math
from typing import Any

import msgspec

from revenge.adapters.postgres.catalog_paging import Keyset, keyset_rows, total_of
from revenge.adapters.postgres.catalog_sql import (
    Row,
    composed,
    list_item,
    reading,
    require_uuid,
    rows_of,
)
from revenge.adapters.postgres.database import Connection, Database
from revenge.application.catalog.common import progress_view
from revenge.application.catalog.paging import keyset_page
from revenge.application.catalog.read_models import (
    CatalogStats,
    ContinueWatchingItem,
    GenreCount,
    GenreStat,
    HistoryEntry,
    Page,
    UserStats,
    WatchlistItem,
    WatchProgress,
    YearStat,
)
from revenge.application.shared.cache import Cache
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.progress import WatchState
from revenge.domain.errors import NotFound

_PROGRESS = """
SELECT ws.position_seconds, ws.duration_seconds, ws.completed, ws.play_count, ws.in_progress,
    ws.hidden_from_continue, ws.last_played_at
FROM movies m {state_join} WHERE m.id = %(movie)s"""

# Each list: its keyset, and a template selecting list-item columns plus its own.
_CONTINUE = """
SELECT {columns}, ws.position_seconds AS cw_position, ws.duration_seconds AS cw_duration,
    ws.percent AS cw_percent, ws.last_played_at AS cw_played, {keys}, ({count}) AS total
FROM watch_state ws JOIN movies m ON m.id = ws.movie_id {lists_joins}
WHERE ws.user_id = %(user)s AND ws.in_progress AND NOT ws.hidden_from_continue{after}
ORDER BY {order} LIMIT %(limit)s"""
_CONTINUE_KEYS = (("ws.last_played_at", "timestamptz"), ("ws.movie_id", "uuid"))
_CONTINUE_COUNT = """
SELECT count(*) FROM watch_state
WHERE user_id = %(user)s AND in_progress AND NOT hidden_from_continue"""

_HISTORY = """
SELECT {columns}, h.id::text AS h_id, h.watched_at AS h_watched_at, h.source AS h_source,
    {keys}, ({count}) AS total
FROM watch_history h JOIN movies m ON m.id = h.movie_id {joins}
WHERE h.user_id = %(user)s{after} ORDER BY {order} LIMIT %(limit)s"""
_HISTORY_KEYS = (("h.watched_at", "timestamptz"), ("h.id", "uuid"))
_HISTORY_COUNT = "SELECT count(*) FROM watch_history WHERE user_id = %(user)s"

_WATCHLIST = """
SELECT {columns}, wl.added_at AS wl_added_at, {keys}, ({count}) AS total
FROM watchlist wl JOIN movies m ON m.id = wl.movie_id {state_join}
LEFT JOIN user_ratings ur ON ur.user_id = %(user)s AND ur.movie_id = m.id
WHERE wl.user_id = %(user)s{after} ORDER BY {order} LIMIT %(limit)s"""
_WATCHLIST_KEYS = (("wl.added_at", "timestamptz"), ("wl.movie_id", "uuid"))
_WATCHLIST_COUNT = "SELECT count(*) FROM watchlist WHERE user_id = %(user)s"


class PostgresUserLibraryQueries:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def progress(self, user_id: str, movie_id: str) -> WatchProgress:
        params = {"user": user_id, "movie": require_uuid(movie_id)}
        async with reading(self._database) as conn:
            rows = await rows_of(conn, composed(_PROGRESS), params)
        if not rows:
            raise NotFound("no such movie", field="movie_id")
        row = {k: v for k, v in rows[0].items() if v is not None}
        return progress_view(movie_id, msgspec.convert(row, WatchState))

    async def continue_watching(self, user_id: str,
                                page: PageRequest) -> Page[ContinueWatchingItem]:
        rows, cursor, total = await self._list(
            user_id, _CONTINUE, _CONTINUE_COUNT, Keyset("continue", _CONTINUE_KEYS, True), page)
        return Page([ContinueWatchingItem(
            movie=list_item(r), position_seconds=r["cw_position"],
            duration_seconds=r["cw_duration"], percent=r["cw_percent"],
            last_played_at=r["cw_played"]) for r in rows], cursor, total)

    async def history(self, user_id: str, page: PageRequest) -> Page[HistoryEntry]:
        rows, cursor, total = await self._list(
            user_id, _HISTORY, _HISTORY_COUNT, Keyset("history", _HISTORY_KEYS, True), page)
        return Page([HistoryEntry(id=r["h_id"], movie=list_item(r), watched_at=r["h_watched_at"],
                                  source=r["h_source"]) for r in rows], cursor, total)

    async def watchlist(self, user_id: str, page: PageRequest) -> Page[WatchlistItem]:
        rows, cursor, total = await self._list(
            user_id, _WATCHLIST, _WATCHLIST_COUNT, Keyset("watchlist", _WATCHLIST_KEYS, True),
            page)
        return Page([WatchlistItem(movie=list_item(r), added_at=r["wl_added_at"])
                     for r in rows], cursor, total)

    async def _list(self, user_id: str, template: str, count: str, keyset: Keyset,
                    page: PageRequest) -> tuple[list[Row], str | None, int]:
        params: dict[str, Any] = {"user": user_id}
        async with reading(self._database) as conn:
            rows = await keyset_rows(conn, template, count, keyset, page, params)
            total = await total_of(conn, rows, count, page, params)
        return rows[: page.limit], keyset.next_cursor(rows, page.limit), total


class _LibraryAggregates(msgspec.Struct, frozen=True):
    movie_count: int
    total_runtime_minutes: int
    missing_count: int
    genres: list[tuple[str, str, int]]  # (id, name, movies)
    years: list[tuple[int | None, int]]


_LIBRARY_TOTALS = """
SELECT count(*) AS movies, COALESCE(sum(runtime_minutes), 0) AS runtime,
    count(*) FILTER (WHERE missing) AS missing
FROM movies"""
_GENRE_COUNTS = """
SELECT g.id::text AS id, g.name, count(mg.movie_id) AS movies
FROM genres g LEFT JOIN movie_genres mg ON mg.genre_id = g.id GROUP BY g.id"""
_YEAR_COUNTS = "SELECT year, count(*) AS movies FROM movies GROUP BY year"
_USER_TOTALS = """
SELECT count(*) FILTER (WHERE ws.completed) AS watched,
    COALESCE(sum(ws.play_count), 0) AS plays,
    COALESCE(sum(ws.play_count * COALESCE(m.runtime_minutes, ws.duration_seconds / 60)), 0)
        AS minutes,
    count(*) FILTER (WHERE ws.in_progress AND NOT ws.hidden_from_continue) AS in_progress,
    (SELECT count(*) FROM watchlist WHERE user_id = %(user)s) AS watchlist,
    (SELECT count(*) FROM user_ratings WHERE user_id = %(user)s) AS rated,
    (SELECT generation FROM catalog_generation) AS generation
FROM watch_state ws JOIN movies m ON m.id = ws.movie_id WHERE ws.user_id = %(user)s"""
_USER_GENRES = """
SELECT mg.genre_id::text AS id, count(*) AS watched
FROM watch_state ws JOIN movie_genres mg ON mg.movie_id = ws.movie_id
WHERE ws.user_id = %(user)s AND ws.completed GROUP BY mg.genre_id"""
_USER_YEARS = """
SELECT m.year, count(*) AS watched
FROM watch_state ws JOIN movies m ON m.id = ws.movie_id
WHERE ws.user_id = %(user)s AND ws.completed GROUP BY m.year"""
_AGGREGATES_TTL_SECONDS = 3600  # keyed by generation: replaced, never stale


class PostgresCatalogStatsQueries:
    def __init__(self, database: Database, cache: Cache) -> None:
        self._database = database
        self._cache = cache

    async def stats(self, user_id: str) -> CatalogStats:
        params = {"user": user_id}
        async with reading(self._database) as conn:
            mine = (await rows_of(conn, _USER_TOTALS, params))[0]
            library = await self._aggregates(conn, mine["generation"])
            by_genre = {r["id"]: r["watched"] for r in await rows_of(conn, _USER_GENRES, params)}
            by_year = {r["year"]: r["watched"] for r in await rows_of(conn, _USER_YEARS, params)}
        return CatalogStats(
            movie_count=library.movie_count, total_runtime_minutes=library.total_runtime_minutes,
            missing_count=library.missing_count,
            by_genre=[GenreStat(name, n, by_genre.get(gid, 0))
                      for gid, name, n in sorted(library.genres, key=lambda g: g[1].lower())
                      if n > 0],
            by_year=[YearStat(y, n, by_year.get(y, 0)) for y, n in
                     sorted(library.years, key=lambda y: (y[0] is None, y[0] or 0))],
            user=UserStats(watched_count=mine["watched"], play_count=int(mine["plays"]),
                           watched_minutes=math.floor(mine["minutes"]),
                           in_progress_count=mine["in_progress"],
                           watchlist_count=mine["watchlist"], rated_count=mine["rated"]))

    async def genres(self, page: PageRequest) -> Page[GenreCount]:
        async with reading(self._database) as conn:
            cur = await conn.execute("SELECT generation FROM catalog_generation")
            row = await cur.fetchone()
            library = await self._aggregates(conn, row["generation"] if row else None)
        rows = [GenreCount(gid, name, n) for gid, name, n in library.genres]
        return keyset_page(rows, lambda g: (g.name.lower(), g.id), page, "genres")

    async def _aggregates(self, conn: Connection, generation: int | None) -> _LibraryAggregates:
        key = f"catalog:aggregates:{generation}"
        cached = await self._cache.get(key, _LibraryAggregates) if generation else None
        if cached is None:
            cached = await _library_aggregates(conn)
            if generation:
                await self._cache.set(key, cached, _AGGREGATES_TTL_SECONDS)
        return cached


async def _library_aggregates(conn: Connection) -> _LibraryAggregates:
    totals = (await rows_of(conn, _LIBRARY_TOTALS, {}))[0]
    genres = [(r["id"], r["name"], r["movies"]) for r in await rows_of(conn, _GENRE_COUNTS, {})]
    years = [(r["year"], r["movies"]) for r in await rows_of(conn, _YEAR_COUNTS, {})]
    return _LibraryAggregates(totals["movies"], int(totals["runtime"]), totals["missing"],
                              genres, years)

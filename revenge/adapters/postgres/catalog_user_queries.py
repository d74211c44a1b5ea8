"""One user's lists in SQL: progress, continue watching, history, watchlist. Each page
is one statement (its total included) on the user's own index, whatever the library's
size."""

from __future__ import annotations

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
from revenge.adapters.postgres.database import Database
from revenge.application.catalog.common import progress_view
from revenge.application.catalog.read_models import (
    ContinueWatchingItem,
    HistoryEntry,
    Page,
    WatchlistItem,
    WatchProgress,
)
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
ORDER BY {order} LIMIT {limit}"""
_CONTINUE_KEYS = (("ws.last_played_at", "timestamptz"), ("ws.movie_id", "uuid"))
_CONTINUE_COUNT = """
SELECT count(*) FROM watch_state
WHERE user_id = %(user)s AND in_progress AND NOT hidden_from_continue"""

_HISTORY = """
SELECT {columns}, h.id::text AS h_id, h.watched_at AS h_watched_at, h.source AS h_source,
    {keys}, ({count}) AS total
FROM watch_history h JOIN movies m ON m.id = h.movie_id {joins}
WHERE h.user_id = %(user)s{after} ORDER BY {order} LIMIT {limit}"""
_HISTORY_KEYS = (("h.watched_at", "timestamptz"), ("h.id", "uuid"))
_HISTORY_COUNT = "SELECT count(*) FROM watch_history WHERE user_id = %(user)s"

_WATCHLIST = """
SELECT {columns}, wl.added_at AS wl_added_at, {keys}, ({count}) AS total
FROM watchlist wl JOIN movies m ON m.id = wl.movie_id {state_join}
LEFT JOIN user_ratings ur ON ur.user_id = %(user)s AND ur.movie_id = m.id
WHERE wl.user_id = %(user)s{after} ORDER BY {order} LIMIT {limit}"""
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

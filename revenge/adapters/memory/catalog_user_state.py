"""In-memory twins of the per-user repositories (watch state, lists, ratings) and the
merge of duplicates' dependents."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.adapters.memory.catalog_tables import (
    CatalogTables,
    HistoryRow,
    StateRow,
    move_user_rows,
)
from revenge.domain.catalog.progress import UNWATCHED, WatchSource, WatchState
from revenge.domain.errors import NotFound


def _require_movie(tables: CatalogTables, movie_id: str) -> None:
    if movie_id not in tables.movies:
        raise NotFound("no such movie", field="movie_id")


class InMemoryWatchStateRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def lock(self, user_id: str, movie_id: str) -> WatchState:
        _require_movie(self._tables, movie_id)
        row = self._tables.watch.get((user_id, movie_id))
        return row.state if row else UNWATCHED

    async def save(self, user_id: str, movie_id: str, state: WatchState,
                   now: datetime) -> None:
        self._tables.watch[(user_id, movie_id)] = StateRow(state, now)

    async def add_history(self, entry_id: str, user_id: str, movie_id: str,
                          watched_at: datetime, source: WatchSource) -> None:
        self._tables.history[entry_id] = HistoryRow(entry_id, user_id, movie_id, watched_at,
                                                    source)

    async def states_for_movie(self, movie_id: str) -> dict[str, WatchState]:
        return {user: row.state for (user, movie), row in self._tables.watch.items()
                if movie == movie_id}


class InMemoryWatchlistRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def add(self, user_id: str, movie_id: str, now: datetime) -> None:
        _require_movie(self._tables, movie_id)
        self._tables.watchlist.setdefault((user_id, movie_id), now)

    async def remove(self, user_id: str, movie_id: str) -> None:
        _require_movie(self._tables, movie_id)
        self._tables.watchlist.pop((user_id, movie_id), None)


class InMemoryRatingRepository:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def rate(self, user_id: str, movie_id: str, rating: int, now: datetime) -> None:
        _require_movie(self._tables, movie_id)
        self._tables.ratings[(user_id, movie_id)] = rating

    async def unrate(self, user_id: str, movie_id: str) -> None:
        _require_movie(self._tables, movie_id)
        self._tables.ratings.pop((user_id, movie_id), None)


class InMemoryMovieMerger:
    def __init__(self, tables: CatalogTables) -> None:
        self._tables = tables

    async def move_dependents(self, source_id: str, target_id: str) -> None:
        t = self._tables
        t.files.update({k: msgspec.structs.replace(f, movie_id=target_id)
                        for k, f in t.files.items() if f.movie_id == source_id})
        t.history.update({k: msgspec.structs.replace(h, movie_id=target_id)
                          for k, h in t.history.items() if h.movie_id == source_id})
        move_user_rows(t.watchlist, source_id, target_id)
        move_user_rows(t.ratings, source_id, target_id)
        self._move_memberships(source_id, target_id)
        if not t.movie_genres.get(target_id):
            t.movie_genres[target_id] = t.movie_genres.get(source_id, set())
        if not t.credits.get(target_id):
            t.credits[target_id] = t.credits.get(source_id, [])

    def _move_memberships(self, source_id: str, target_id: str) -> None:
        for collection_id, movie_ids in self._tables.members.items():
            if source_id in movie_ids and target_id not in movie_ids:
                self._tables.members[collection_id] = [
                    target_id if m == source_id else m for m in movie_ids]

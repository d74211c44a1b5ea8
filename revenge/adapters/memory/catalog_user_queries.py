"""In-memory twins of the per-user read side and the statistics."""

from __future__ import annotations

import math
from collections import Counter

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.catalog_views import (
    existing_movie,
    list_item,
    watched_ids,
)
from revenge.adapters.memory.unit_of_work import InMemoryState
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
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.progress import UNWATCHED


class InMemoryUserLibraryQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._tables = CatalogTables(state)

    async def progress(self, user_id: str, movie_id: str) -> WatchProgress:
        existing_movie(self._tables, movie_id)
        row = self._tables.watch.get((user_id, movie_id))
        return progress_view(movie_id, row.state if row else UNWATCHED)

    async def continue_watching(self, user_id: str,
                                page: PageRequest) -> Page[ContinueWatchingItem]:
        t = self._tables
        rows = [ContinueWatchingItem(
            movie=list_item(t, user_id, t.movies[movie_id]),
            position_seconds=row.state.position_seconds,
            duration_seconds=row.state.duration_seconds, percent=row.state.percent,
            last_played_at=row.state.last_played_at)
            for (user, movie_id), row in t.watch.items()
            if user == user_id and row.state.in_progress and not row.state.hidden_from_continue
            and row.state.last_played_at is not None]
        return keyset_page(rows, lambda i: (i.last_played_at, i.movie.id), page, "continue",
                           descending=True)

    async def history(self, user_id: str, page: PageRequest) -> Page[HistoryEntry]:
        t = self._tables
        rows = [HistoryEntry(id=h.id, movie=list_item(t, user_id, t.movies[h.movie_id]),
                             watched_at=h.watched_at, source=h.source)
                for h in t.history.values() if h.user_id == user_id]
        return keyset_page(rows, lambda h: (h.watched_at, h.id), page, "history",
                           descending=True)

    async def watchlist(self, user_id: str, page: PageRequest) -> Page[WatchlistItem]:
        t = self._tables
        rows = [WatchlistItem(movie=list_item(t, user_id, t.movies[movie_id]), added_at=added)
                for (user, movie_id), added in t.watchlist.items() if user == user_id]
        return keyset_page(rows, lambda w: (w.added_at, w.movie.id), page, "watchlist",
                           descending=True)


class InMemoryCatalogStatsQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._tables = CatalogTables(state)

    async def stats(self, user_id: str) -> CatalogStats:
        movies = self._tables.movies.values()
        return CatalogStats(
            movie_count=len(movies),
            total_runtime_minutes=sum(m.runtime_minutes or 0 for m in movies),
            missing_count=sum(m.missing for m in movies),
            by_genre=self._by_genre(watched_ids(self._tables, user_id)),
            by_year=self._by_year(watched_ids(self._tables, user_id)),
            user=self._user_stats(user_id))

    def _by_genre(self, watched: set[str]) -> list[GenreStat]:
        movies, seen = Counter[str](), Counter[str]()
        for movie_id, genre_ids in self._tables.movie_genres.items():
            for genre_id in genre_ids:
                movies[genre_id] += 1
                seen[genre_id] += movie_id in watched
        genres = sorted((self._tables.genres[g] for g in movies), key=lambda g: g.name.lower())
        return [GenreStat(g.name, movies[g.id], seen[g.id]) for g in genres]

    def _by_year(self, watched: set[str]) -> list[YearStat]:
        movies, seen = Counter[int | None](), Counter[int | None]()
        for m in self._tables.movies.values():
            movies[m.year] += 1
            seen[m.year] += m.id in watched
        years = sorted(movies, key=lambda y: (y is None, y or 0))
        return [YearStat(y, movies[y], seen[y]) for y in years]

    def _user_stats(self, user_id: str) -> UserStats:
        t = self._tables
        states = [(t.movies[m], row.state) for (u, m), row in t.watch.items() if u == user_id]
        minutes = sum(s.play_count * (m.runtime_minutes if m.runtime_minutes is not None
                                      else s.duration_seconds / 60) for m, s in states)
        return UserStats(
            watched_count=sum(s.completed for _, s in states),
            play_count=sum(s.play_count for _, s in states),
            watched_minutes=math.floor(minutes),
            in_progress_count=sum(s.in_progress and not s.hidden_from_continue
                                  for _, s in states),
            watchlist_count=sum(u == user_id for u, _ in t.watchlist),
            rated_count=sum(u == user_id for u, _ in t.ratings))

    async def genres(self, page: PageRequest) -> Page[GenreCount]:
        counts = Counter(g for ids in self._tables.movie_genres.values() for g in ids)
        rows = [GenreCount(g.id, g.name, counts[g.id]) for g in self._tables.genres.values()]
        return keyset_page(rows, lambda g: (g.name.lower(), g.id), page, "genres")

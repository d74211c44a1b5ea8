"""Movie list pages (and the stats) cached per user and request, valid while the user's change stamp
holds: home screens ask for the same few pages over and over, and a page costs a
database round trip plus the mapping of every row. A page is stored under the stamp
read *before* it was computed, so a change that lands meanwhile makes it stale at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from cachetools import LRUCache

from revenge.application.catalog.ports import (
    CatalogStatsQueries,
    ChangeStamps,
    MovieListQueries,
    UserLibraryQueries,
)
from revenge.application.catalog.read_models import (
    CatalogStats,
    ContinueWatchingItem,
    GenreCount,
    HistoryEntry,
    MovieListItem,
    Page,
    WatchlistItem,
    WatchProgress,
)
from revenge.domain.catalog.listing import MovieListQuery, PageRequest

T = TypeVar("T")


class PageCache:
    """At most `entries` pages, least recently used dropped first; 0 caches nothing."""

    def __init__(self, stamps: ChangeStamps, entries: int) -> None:
        self._stamps = stamps
        self._pages: LRUCache[Hashable, tuple[Hashable, Any]] | None = (
            LRUCache(maxsize=entries) if entries > 0 else None)

    async def page(self, user_id: str, request: Hashable,
                   compute: Callable[[], Awaitable[T]]) -> T:
        stamp = self._stamps.stamp(user_id)
        if self._pages is None or stamp is None:
            return await compute()
        key = (user_id, request)
        hit = self._pages.get(key)
        if hit is not None and hit[0] == stamp:
            page: T = hit[1]
            return page
        page = await compute()
        self._pages[key] = (stamp, page)
        return page


class CachedMovieLists:
    """`MovieListQueries` through a `PageCache`."""

    def __init__(self, inner: MovieListQueries, cache: PageCache) -> None:
        self._inner = inner
        self._cache = cache

    async def list_movies(self, user_id: str, query: MovieListQuery) -> Page[MovieListItem]:
        return await self._cache.page(user_id, ("movies", query),
                                      lambda: self._inner.list_movies(user_id, query))


class CachedUserLibrary:
    """`UserLibraryQueries` with continue-watching (on every home screen) cached."""

    def __init__(self, inner: UserLibraryQueries, cache: PageCache) -> None:
        self._inner = inner
        self._cache = cache

    async def continue_watching(self, user_id: str,
                                page: PageRequest) -> Page[ContinueWatchingItem]:
        return await self._cache.page(user_id, ("continue", page),
                                      lambda: self._inner.continue_watching(user_id, page))

    async def progress(self, user_id: str, movie_id: str) -> WatchProgress:
        return await self._inner.progress(user_id, movie_id)

    async def history(self, user_id: str, page: PageRequest) -> Page[HistoryEntry]:
        return await self._inner.history(user_id, page)

    async def watchlist(self, user_id: str, page: PageRequest) -> Page[WatchlistItem]:
        return await self._inner.watchlist(user_id, page)


class CachedCatalogStats:
    """`CatalogStatsQueries` with the caller's stats (counts and their own watched time)
    cached: they move only with the catalog and the caller's own state."""

    def __init__(self, inner: CatalogStatsQueries, cache: PageCache) -> None:
        self._inner = inner
        self._cache = cache

    async def stats(self, user_id: str) -> CatalogStats:
        return await self._cache.page(user_id, "stats", lambda: self._inner.stats(user_id))

    async def genres(self, page: PageRequest) -> Page[GenreCount]:
        return await self._inner.genres(page)

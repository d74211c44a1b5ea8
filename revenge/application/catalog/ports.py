"""Ports of the catalog: write-side repositories (inside a unit of work) and read-side
query ports (outside one). Both have a PostgreSQL and an in-memory implementation that
pass the same contract suite (tests/contract/catalog)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from revenge.application.catalog.read_models import (
    CastMember,
    CatalogStats,
    CollectionDetail,
    CollectionSummary,
    ContinueWatchingItem,
    CrewMember,
    GenreCount,
    GenreRef,
    HistoryEntry,
    MovieDetail,
    MovieListItem,
    Page,
    WatchlistItem,
    WatchProgress,
)
from revenge.application.shared.clock import Clock as Clock
from revenge.application.shared.jobs import JobQueue as JobQueue
from revenge.domain.catalog.collection import Collection, CollectionEntry
from revenge.domain.catalog.credits import CastCredit, CrewCredit
from revenge.domain.catalog.listing import MovieListQuery, PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.catalog.progress import WatchSource, WatchState
from revenge.domain.shared.ids import NewId as NewId

# --- write side -------------------------------------------------------------------


class MovieRepository(Protocol):
    async def get(self, movie_id: str) -> Movie | None:
        """The movie, locked until the unit of work ends; None for an unknown (or
        malformed) id."""
        ...

    async def add(self, movie: Movie) -> None:
        """Raises `Conflict` (field "tmdb_id") when another movie has its TMDb id."""
        ...

    async def update(self, movie: Movie) -> None:
        """Replaces every field of an existing movie. Raises `Conflict` like `add`."""
        ...

    async def delete(self, movie_id: str) -> None:
        """Removes the movie with its files, credits and everyone's state for it."""
        ...


class GenreRepository(Protocol):
    async def set_movie_genres(self, movie_id: str, names: Sequence[str]) -> None:
        """The movie's genres become exactly `names` (matched case-insensitively;
        unknown names create genres). Idempotent."""
        ...


class CreditRepository(Protocol):
    async def replace_credits(self, movie_id: str, cast: Sequence[CastCredit],
                              crew: Sequence[CrewCredit]) -> None:
        """The movie's credits become exactly these, in this order. People are shared
        between movies: matched by `tmdb_id` (updated), otherwise created."""
        ...


class CollectionRepository(Protocol):
    async def save(self, collection: Collection) -> None:
        """Creates or replaces the collection by id."""
        ...

    async def set_members(self, collection_id: str, movie_ids: Sequence[str]) -> None:
        """The members become exactly these movies, in this order. Raises `NotFound`
        for an unknown collection or movie."""
        ...

    async def entries(self, collection_id: str) -> list[CollectionEntry]:
        """Members with their release dates and positions, in no particular order."""
        ...


class MovieFileRepository(Protocol):
    async def add(self, file: MovieFile) -> None:
        """Raises `Conflict` (field "path") when a file with that path is recorded,
        `NotFound` when its movie does not exist."""
        ...


class WatchStateRepository(Protocol):
    async def lock(self, user_id: str, movie_id: str) -> WatchState:
        """The user's state for the movie (the unwatched default if none), locked until
        the unit of work ends so concurrent reports apply one after the other.
        Raises `NotFound` for an unknown movie."""
        ...

    async def save(self, user_id: str, movie_id: str, state: WatchState,
                   now: datetime) -> None:
        """Stores a state obtained from `lock` (or a merge) in the same unit of work."""
        ...

    async def add_history(self, entry_id: str, user_id: str, movie_id: str,
                          watched_at: datetime, source: WatchSource) -> None: ...

    async def states_for_movie(self, movie_id: str) -> dict[str, WatchState]:
        """Every user's state for the movie, by user id (for merging duplicates)."""
        ...


class WatchlistRepository(Protocol):
    async def add(self, user_id: str, movie_id: str, now: datetime) -> None:
        """Idempotent (the first time added is kept). Raises `NotFound` for an unknown
        movie."""
        ...

    async def remove(self, user_id: str, movie_id: str) -> None:
        """Idempotent. Raises `NotFound` for an unknown movie."""
        ...


class RatingRepository(Protocol):
    async def rate(self, user_id: str, movie_id: str, rating: int, now: datetime) -> None:
        """Sets or replaces the user's rating. Raises `NotFound` for an unknown movie."""
        ...

    async def unrate(self, user_id: str, movie_id: str) -> None:
        """Idempotent. Raises `NotFound` for an unknown movie."""
        ...


class MovieMerger(Protocol):
    async def move_dependents(self, source_id: str, target_id: str) -> None:
        """Moves everything of `source` except watch states to `target`: files, history,
        watchlist entries (kept once), ratings (the target's win), collection places
        (the target's win), and genres and credits when the target has none."""
        ...


class UnitOfWork(Protocol):
    """One transaction; leaving the block without `commit()` rolls everything back."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class WatchUnitOfWork(UnitOfWork, Protocol):
    watch: WatchStateRepository


class UserListsUnitOfWork(UnitOfWork, Protocol):
    watchlist: WatchlistRepository
    ratings: RatingRepository


class CatalogUnitOfWork(UnitOfWork, Protocol):
    """Everything an admin change may touch. `jobs` is None where no job queue is
    wired (the job then is simply not requested)."""

    movies: MovieRepository
    genres: GenreRepository
    credits: CreditRepository
    collections: CollectionRepository
    files: MovieFileRepository
    watch: WatchStateRepository
    merger: MovieMerger
    jobs: JobQueue | None


# --- read side ----------------------------------------------------------------------
# Every list is keyset-paginated: a page costs the same at item 40,000 as at item 0.
# Cursors are opaque; one from another list or sort raises `InvalidQuery` ("cursor").


class MovieListQueries(Protocol):
    async def list_movies(self, user_id: str, query: MovieListQuery) -> Page[MovieListItem]:
        """Movies matching the filter in the requested order, with the caller's state.
        `total` counts every match, not just this page."""
        ...


class MovieDetailQueries(Protocol):
    """Each raises `NotFound` when the movie does not exist."""

    async def movie(self, user_id: str, movie_id: str) -> MovieDetail: ...

    async def files(self, movie_id: str, page: PageRequest) -> Page[MovieFile]:
        """Main files first (by part, then path), then extras."""
        ...

    async def cast(self, movie_id: str, page: PageRequest) -> Page[CastMember]:
        """In billing order."""
        ...

    async def crew(self, movie_id: str, page: PageRequest) -> Page[CrewMember]: ...

    async def genres_of(self, movie_id: str) -> list[GenreRef]:
        """By name."""
        ...

    async def movies(self, user_id: str, movie_ids: Sequence[str]) -> list[MovieDetail]:
        """Many at once (a page of a list), in the order asked; unknown ids left out."""
        ...

    async def files_of(self, movie_ids: Sequence[str]) -> dict[str, list[MovieFile]]:
        """Every file of each movie, as `files` orders them; a movie without files (or
        unknown) is left out."""
        ...

    async def file(self, file_id: str) -> MovieFile:
        """One file by its own id (`NotFound` when there is none)."""
        ...


class UserLibraryQueries(Protocol):
    """One user's lists; nothing of another user's state ever appears."""

    async def progress(self, user_id: str, movie_id: str) -> WatchProgress:
        """The unwatched default when the user never played it. Raises `NotFound` for an
        unknown movie."""
        ...

    async def continue_watching(self, user_id: str,
                                page: PageRequest) -> Page[ContinueWatchingItem]:
        """Movies with a resume point the user did not hide, most recently played first."""
        ...

    async def history(self, user_id: str, page: PageRequest) -> Page[HistoryEntry]:
        """Completed plays, newest first."""
        ...

    async def watchlist(self, user_id: str, page: PageRequest) -> Page[WatchlistItem]:
        """Most recently added first."""
        ...


class CatalogStatsQueries(Protocol):
    async def stats(self, user_id: str) -> CatalogStats: ...

    async def genres(self, page: PageRequest) -> Page[GenreCount]:
        """Every genre (by name) with how many movies have it."""
        ...


class CollectionQueries(Protocol):
    """Each raises `NotFound` when the collection does not exist (the list never does)."""

    async def collections(self, user_id: str,
                          page: PageRequest) -> Page[CollectionSummary]:
        """Every collection by name (code-point order, then id), with the caller's
        watched count."""
        ...

    async def collection(self, user_id: str, collection_id: str) -> CollectionDetail: ...

    async def up_next(self, user_id: str, limit: int) -> list[MovieListItem]:
        """"Next in collection": for each collection the user has begun (watched a
        member) and not finished, its first unwatched member in release order; the
        collection watched most recently first (then by name, id); at most `limit`."""
        ...

    async def members(self, user_id: str, collection_id: str,
                      page: PageRequest) -> Page[MovieListItem]:
        """In release order (unknown release dates last)."""
        ...


class ChangeStamps(Protocol):
    """What this process knows of changes to the data behind a user's movie lists (the
    catalog, and the user's own watch state, watchlist and ratings), so pages can be
    cached and never served once a change is known."""

    def stamp(self, user_id: str) -> Hashable | None:
        """A value that differs after any change seen since, to the catalog or to this
        user's state; None while changes cannot be vouched for (nothing may be cached)."""
        ...

    def touch(self, user_id: str) -> None:
        """This process has just changed the user's data: their stamp moves on at once
        (read-your-writes, before any notification arrives)."""
        ...

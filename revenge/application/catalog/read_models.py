"""What catalog reads return: plain Structs shaped for the screens that show them."""

from __future__ import annotations

from datetime import date, datetime

import msgspec

from revenge.application.shared.paging import Page as Page  # the catalog's pages too
from revenge.domain.catalog.progress import WatchSource


class UserMovieState(msgspec.Struct, frozen=True, kw_only=True):
    """The caller's own relation to a movie (other users' state is never included)."""

    watched: bool = False
    play_count: int = 0
    progress_percent: float | None = None  # set only while there is a resume point
    on_watchlist: bool = False
    rating: int | None = None


class MovieListItem(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    title: str
    year: int | None
    runtime_minutes: int | None
    poster_path: str | None
    # The poster's blurhash once the image cache holds it (a placeholder while it loads).
    poster_blurhash: str | None = None
    vote_average: float | None
    popularity: float | None
    added_at: datetime
    missing: bool
    user: UserMovieState


class GenreRef(msgspec.Struct, frozen=True):
    id: str
    name: str


class GenreCount(msgspec.Struct, frozen=True):
    id: str
    name: str
    movie_count: int


class CollectionRef(msgspec.Struct, frozen=True):
    id: str
    name: str


class MovieDetail(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    title: str
    original_title: str | None
    sort_title: str
    year: int | None
    release_date: date | None
    runtime_minutes: int | None
    overview: str | None
    tagline: str | None
    content_rating: str | None
    tmdb_id: int | None
    imdb_id: str | None
    poster_path: str | None
    backdrop_path: str | None
    logo_path: str | None
    vote_average: float | None
    vote_count: int
    popularity: float | None
    missing: bool
    locked_fields: list[str]
    added_at: datetime
    updated_at: datetime
    genres: list[GenreRef]
    collections: list[CollectionRef]
    file_count: int
    user: UserMovieState


class CastMember(msgspec.Struct, frozen=True, kw_only=True):
    person_id: str
    name: str
    character: str | None
    order: int
    profile_path: str | None
    tmdb_id: int | None


class CrewMember(msgspec.Struct, frozen=True, kw_only=True):
    person_id: str
    name: str
    job: str | None
    department: str | None
    profile_path: str | None
    tmdb_id: int | None


class WatchProgress(msgspec.Struct, frozen=True, kw_only=True):
    """`resume_position_seconds` is where a player should start (0: from the beginning)."""

    movie_id: str
    position_seconds: float
    duration_seconds: float
    percent: float
    resume_position_seconds: float
    completed: bool
    play_count: int
    in_progress: bool
    hidden_from_continue: bool
    last_played_at: datetime | None


class ContinueWatchingItem(msgspec.Struct, frozen=True, kw_only=True):
    movie: MovieListItem
    position_seconds: float
    duration_seconds: float
    percent: float
    last_played_at: datetime


class HistoryEntry(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    movie: MovieListItem
    watched_at: datetime
    source: WatchSource


class WatchlistItem(msgspec.Struct, frozen=True, kw_only=True):
    movie: MovieListItem
    added_at: datetime


class GenreStat(msgspec.Struct, frozen=True):
    genre: str
    movie_count: int
    watched_count: int


class YearStat(msgspec.Struct, frozen=True):
    year: int | None
    movie_count: int
    watched_count: int


class UserStats(msgspec.Struct, frozen=True, kw_only=True):
    watched_count: int
    play_count: int
    watched_minutes: int
    in_progress_count: int
    watchlist_count: int
    rated_count: int


class CatalogStats(msgspec.Struct, frozen=True, kw_only=True):
    """Library-wide counts plus the caller's own; `watched_count`s are the caller's."""

    movie_count: int
    total_runtime_minutes: int
    missing_count: int
    by_genre: list[GenreStat]
    by_year: list[YearStat]
    user: UserStats


class CollectionSummary(msgspec.Struct, frozen=True, kw_only=True):
    """A collection as a card in the list: its poster and how far the caller got."""

    id: str
    name: str
    poster_path: str | None
    backdrop_path: str | None
    movie_count: int
    watched_count: int


class CollectionDetail(msgspec.Struct, frozen=True, kw_only=True):
    """`next` is the first member, in release order, the caller has not watched."""

    id: str
    name: str
    overview: str | None
    tmdb_id: int | None
    poster_path: str | None
    backdrop_path: str | None
    movie_count: int
    watched_count: int
    next: MovieListItem | None


"""How movie lists are asked for: sort orders, filters and page sizes (the sorts and
sizes are the shared kernel's, re-exported as part of the catalog's list vocabulary)."""

from __future__ import annotations

import uuid

import msgspec

from revenge.domain.catalog.cursor import KeyValue
from revenge.domain.catalog.errors import InvalidQuery
from revenge.domain.catalog.movie import MAX_YEAR, MIN_YEAR, Movie
from revenge.domain.shared.listing import DEFAULT_LIMIT as DEFAULT_LIMIT
from revenge.domain.shared.listing import MAX_LIMIT as MAX_LIMIT
from revenge.domain.shared.listing import MovieSort as MovieSort
from revenge.domain.shared.listing import SortField as SortField

MAX_SEARCH_LENGTH = 200
NO_VALUE = -1  # the sort key of an unknown year, rating, runtime or popularity: lowest


def sort_value(movie: Movie, field: SortField) -> KeyValue:
    """A movie's key under a sort: what the cursor stores and pages compare."""
    values: dict[SortField, KeyValue] = {
        SortField.TITLE: movie.sort_title,
        SortField.YEAR: NO_VALUE if movie.year is None else movie.year,
        SortField.ADDED: movie.added_at,
        SortField.RATING: NO_VALUE if movie.vote_average is None else movie.vote_average,
        SortField.RUNTIME: NO_VALUE if movie.runtime_minutes is None else movie.runtime_minutes,
        SortField.POPULARITY: NO_VALUE if movie.popularity is None else movie.popularity,
    }
    return values[field]


class MovieFilter(msgspec.Struct, frozen=True, kw_only=True):
    """All given conditions hold at once. `watched`, `in_progress` (the caller has a
    resume point in it, hidden from Continue watching or not) and `on_watchlist` are
    about the caller; `min_rating` is the community rating (0-10); `min_votes` keeps
    movies with too few votes out of "top rated"; `library_id` keeps the movies with a
    file in that library."""

    genre: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    watched: bool | None = None
    in_progress: bool | None = None
    on_watchlist: bool | None = None
    min_rating: float | None = None
    min_votes: int | None = None
    missing: bool | None = None
    search: str | None = None
    library_id: str | None = None

    def __post_init__(self) -> None:
        if self.library_id is not None and not _is_uuid(self.library_id):
            raise InvalidQuery("library_id must be a library's id (a UUID)",
                               field="library_id")
        for name in ("year_from", "year_to"):
            year = getattr(self, name)
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                raise InvalidQuery(f"{name} must be between {MIN_YEAR} and {MAX_YEAR}",
                                   field=name)
        if self.year_from is not None and self.year_to is not None \
                and self.year_to < self.year_from:
            raise InvalidQuery("year_to must not be before year_from", field="year_to")
        self._check_rating_and_search()

    def _check_rating_and_search(self) -> None:
        if self.min_rating is not None and not 0 <= self.min_rating <= 10:
            raise InvalidQuery("min_rating must be between 0 and 10", field="min_rating")
        if self.search is not None and not 0 < len(self.search) <= MAX_SEARCH_LENGTH:
            raise InvalidQuery(f"q must be 1 to {MAX_SEARCH_LENGTH} characters", field="q")

    @property
    def about_user(self) -> bool:
        return (self.watched is not None or self.in_progress is not None
                or self.on_watchlist is not None)


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value  # the canonical form ids are stored in
    except ValueError:
        return False


def checked_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidQuery(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    return limit


MAX_OFFSET = 10_000_000


class PageRequest(msgspec.Struct, frozen=True):
    """`cursor` is the opaque token of the previous page, as returned. `offset` skips
    that many items from the start instead (for clients that page by position, such as
    Jellyfin apps; only movie lists take it, and never together with a cursor)."""

    limit: int = DEFAULT_LIMIT
    cursor: str | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        checked_limit(self.limit)
        if not 0 <= self.offset <= MAX_OFFSET:
            raise InvalidQuery(f"offset must be between 0 and {MAX_OFFSET}", field="offset")
        if self.offset and self.cursor is not None:
            raise InvalidQuery("give a cursor or an offset, not both", field="offset")


class MovieListQuery(msgspec.Struct, frozen=True, kw_only=True):
    sort: MovieSort = MovieSort.TITLE
    filter: MovieFilter = MovieFilter()
    page: PageRequest = PageRequest()

    @property
    def scope(self) -> str:
        return f"movies:{self.sort.value}"

"""Query parameters shared by the catalog's routes, as Litestar dependencies: paging
(`limit`, `cursor`), the movie filters, and the whole movie list query. Malformed values
are answered with 400 and the parameter named (by Litestar's validation, or
`InvalidQuery` from the domain). Handlers take them with the explicit dependency types
below."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, Parameter

from revenge.domain.catalog.listing import MovieFilter, MovieListQuery, PageRequest
from revenge.domain.shared.listing import DEFAULT_LIMIT, MAX_LIMIT, MovieSort

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="Items per page (1-200)")]
CursorParam = Annotated[str | None, Parameter(
    max_length=1024, description="Opaque token of the next page, as returned in next_cursor")]
Genre = Annotated[str | None, Parameter(max_length=100, description="Genre name")]
YearFrom = Annotated[int | None, Parameter(description="Released in or after")]
YearTo = Annotated[int | None, Parameter(description="Released in or before")]
Watched = Annotated[bool | None, Parameter(description="Watched by me (or not)")]
InProgress = Annotated[bool | None, Parameter(
    description="Started and not finished by me: I have a resume point in it (or not)")]
OnWatchlist = Annotated[bool | None, Parameter(description="On my watchlist")]
MinRating = Annotated[float | None, Parameter(
    ge=0, le=10, description="Minimum community rating (0-10)")]
Missing = Annotated[bool | None, Parameter(
    description="Only movies whose files are missing (true) or present (false)")]
TitleSearch = Annotated[str | None, Parameter(
    min_length=1, max_length=200, description="Part of the title")]
LibraryId = Annotated[UUID | None, Parameter(
    description="Only movies with a file in this library (its id)")]

# Handler parameter types for the catalog router's dependencies (explicit, as Litestar 3
# wants): a page of a list, the whole movie list query.
Page = NamedDependency[PageRequest]
ListQuery = NamedDependency[MovieListQuery]


def provide_page(limit: Limit = DEFAULT_LIMIT, cursor: CursorParam = None) -> PageRequest:
    return PageRequest(limit, cursor)


def provide_movie_filter(genre: Genre = None, year_from: YearFrom = None,
                         year_to: YearTo = None, watched: Watched = None,
                         on_watchlist: OnWatchlist = None, min_rating: MinRating = None,
                         missing: Missing = None, q: TitleSearch = None,
                         library_id: LibraryId = None,
                         in_progress: InProgress = None) -> MovieFilter:
    return MovieFilter(genre=genre, year_from=year_from, year_to=year_to, watched=watched,
                       in_progress=in_progress, on_watchlist=on_watchlist,
                       min_rating=min_rating, missing=missing, search=q,
                       library_id=None if library_id is None else str(library_id))


def provide_movie_list_query(
        sort: FromQuery[MovieSort] = MovieSort.TITLE, limit: Limit = DEFAULT_LIMIT,
        cursor: CursorParam = None, genre: Genre = None, year_from: YearFrom = None,
        year_to: YearTo = None, watched: Watched = None, on_watchlist: OnWatchlist = None,
        min_rating: MinRating = None, missing: Missing = None,
        q: TitleSearch = None, library_id: LibraryId = None,
        in_progress: InProgress = None) -> MovieListQuery:
    """`GET /movies` in one dependency (one is resolved inline; two or more cost Litestar
    a task group per request)."""
    return MovieListQuery(sort=sort, page=provide_page(limit, cursor),
                          filter=provide_movie_filter(genre, year_from, year_to, watched,
                                                      on_watchlist, min_rating, missing, q,
                                                      library_id, in_progress))


def dependencies() -> dict[str, Provide]:
    return {"page": Provide(provide_page, sync_to_thread=False),
            "movie_list_query": Provide(provide_movie_list_query, sync_to_thread=False)}

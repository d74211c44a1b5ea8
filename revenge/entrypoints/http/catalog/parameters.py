"""Query parameters shared by the catalog's routes, as Litestar dependencies: paging
(`limit`, `cursor`) and the movie filters. Malformed values are answered with 400 and
the parameter named (by Litestar's validation, or `InvalidQuery` from the domain)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar.di import Provide
from litestar.params import Parameter

from revenge.domain.catalog.listing import DEFAULT_LIMIT, MAX_LIMIT, MovieFilter, PageRequest

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="Items per page (1-200)")]
CursorParam = Annotated[str | None, Parameter(
    max_length=1024, description="Opaque token of the next page, as returned in next_cursor")]


def provide_page(limit: Limit = DEFAULT_LIMIT, cursor: CursorParam = None) -> PageRequest:
    return PageRequest(limit, cursor)


def provide_movie_filter(
    genre: Annotated[str | None, Parameter(max_length=100, description="Genre name")] = None,
    year_from: Annotated[int | None, Parameter(description="Released in or after")] = None,
    year_to: Annotated[int | None, Parameter(description="Released in or before")] = None,
    watched: Annotated[bool | None, Parameter(description="Watched by me (or not)")] = None,
    on_watchlist: Annotated[bool | None, Parameter(description="On my watchlist")] = None,
    min_rating: Annotated[float | None, Parameter(
        ge=0, le=10, description="Minimum community rating (0-10)")] = None,
    missing: Annotated[bool | None, Parameter(
        description="Only movies whose files are missing (true) or present (false)")] = None,
    q: Annotated[str | None, Parameter(
        min_length=1, max_length=200, description="Part of the title")] = None,
) -> MovieFilter:
    return MovieFilter(genre=genre, year_from=year_from, year_to=year_to, watched=watched,
                       on_watchlist=on_watchlist, min_rating=min_rating, missing=missing,
                       search=q)


def dependencies() -> dict[str, Any]:
    return {"page": Provide(provide_page, sync_to_thread=False),
            "movie_filter": Provide(provide_movie_filter, sync_to_thread=False)}

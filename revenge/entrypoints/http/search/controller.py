"""GET /search, GET /search/autocomplete and POST /admin/search/reindex: thin handlers."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.params import FromQuery, QueryParameter
from litestar.status_codes import HTTP_202_ACCEPTED
from litestar.types import Guard

from revenge.application.search.request_reindex import RequestReindex
from revenge.application.search.search_movies import SearchMovies, SearchMoviesCommand
from revenge.application.search.suggest_titles import SuggestTitles, SuggestTitlesCommand
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.search.errors import InvalidSearch
from revenge.domain.search.query import (
    MAX_SUGGESTIONS,
    SEARCH_SORTS,
    SearchQuery,
    checked_sort,
    decode_cursor,
    encode_cursor,
)
from revenge.domain.shared.listing import DEFAULT_LIMIT
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, require, resolve_principal
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.search.schemas import (
    ReindexAccepted,
    SearchResponse,
    SuggestionsResponse,
)

SORTS = ", ".join(sort.value for sort in SEARCH_SORTS)


class SearchController(Controller):
    path = "/search"
    tags = ["search"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(SearchMovies, SuggestTitles)

    @get("", summary="Search movies: typo-tolerant text, filters, facets, sorts, pages")
    async def search_movies(
        self, principal: CurrentPrincipal, search_movies: Uses[SearchMovies],
        q: FromQuery[str] = "",
        kind: Annotated[str, QueryParameter(name="type", description="only `movie`")] = "movie",
        genre: Annotated[list[str] | None, QueryParameter(description="any of (repeat)")] = None,
        year_from: FromQuery[int | None] = None, year_to: FromQuery[int | None] = None,
        min_rating: Annotated[float | None, QueryParameter(ge=0, le=10)] = None,
        watched: Annotated[bool | None, QueryParameter(description="by the caller")] = None,
        sort: Annotated[str, QueryParameter(description=f"one of {SORTS}")] = "relevance",
        limit: FromQuery[int] = DEFAULT_LIMIT, cursor: FromQuery[str | None] = None,
    ) -> SearchResponse:
        _check_kind(kind)
        query = SearchQuery(text=q, genres=tuple(genre or ()), year_from=year_from,
                            year_to=year_to, min_rating=min_rating, watched=watched,
                            sort=checked_sort(sort), limit=limit, offset=decode_cursor(cursor))
        result = await search_movies.execute(
            SearchMoviesCommand(user_id=principal.user_id, query=query))
        more = query.next_offset < result.found
        return SearchResponse(hits=result.hits, facets=result.facets, found=result.found,
                              next_cursor=encode_cursor(query.next_offset) if more else None,
                              degraded=result.degraded)

    @get("/autocomplete", summary="Title suggestions while typing (at most 10)")
    async def autocomplete(self, suggest_titles: Uses[SuggestTitles], q: FromQuery[str],
                           limit: FromQuery[int] = MAX_SUGGESTIONS) -> SuggestionsResponse:
        result = await suggest_titles.execute(
            SuggestTitlesCommand(prefix=q, limit=limit))
        return SuggestionsResponse(items=result.items, degraded=result.degraded)


def require_any(*permissions: Permission) -> Guard:
    """A guard: 401 without a principal, 403 unless it holds at least one of `permissions`."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        principal = await resolve_principal(connection)
        if principal is None:
            raise AuthenticationFailed("authentication required")
        if not any(principal.can(p) for p in permissions):
            raise Forbidden(f"needs one of: {', '.join(p.value for p in permissions)}")

    return guard


class AdminSearchController(Controller):
    path = "/admin/search"
    tags = ["search", "admin"]
    guards = [require_any(Permission.SETTINGS_MANAGE, Permission.LIBRARY_MANAGE)]
    dependencies = uses(RequestReindex)

    @post("/reindex", status_code=HTTP_202_ACCEPTED,
          summary="Rebuild the search index in the background (no downtime)")
    async def reindex(self, request_reindex: Uses[RequestReindex]) -> ReindexAccepted:
        requested = await request_reindex.execute()
        return ReindexAccepted(job_id=requested.job_id)


def _check_kind(kind: str) -> None:
    if kind != "movie":
        raise InvalidSearch("type must be movie (the only kind searched so far)", field="type")

"""/api/v1/movies: browsing the catalog (lists, one movie, its files, cast, crew, genres)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get
from litestar.params import FromPath

from revenge.application.catalog.list_cache import CachedMovieLists
from revenge.application.catalog.ports import CollectionQueries, MovieDetailQueries
from revenge.application.catalog.read_models import MovieDetail
from revenge.domain.catalog.listing import MovieFilter, MovieListQuery
from revenge.domain.shared.listing import MovieSort
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, principal_of, require
from revenge.entrypoints.http.catalog.examples import documented
from revenge.entrypoints.http.catalog.file_paths import as_seen_by
from revenge.entrypoints.http.catalog.parameters import Limit, ListQuery, Page
from revenge.entrypoints.http.catalog.schemas import (
    CastPage,
    CrewPage,
    FilePage,
    GenreRefPage,
    MoviePage,
    page_body,
)
from revenge.entrypoints.http.di_bridge import Uses, provided_of, uses

TOP_RATED_MIN_VOTES = 50  # fewer votes than this is not a reliable rating


class MoviesController(Controller):
    path = "/movies"
    tags = ["movies"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(MovieDetailQueries)

    # The list routes are the hottest of the API (every home screen): they take the
    # request and read the caller and their query port off it (`provided_of`), with at
    # most one dependency.
    @get("", summary="List movies: filter, sort, page", responses=documented(
        MoviePage, errors=(400, 401, 403)))
    async def list_movies(self, request: Request[Any, Any, Any],
                          movie_list_query: ListQuery) -> MoviePage:
        return await _movie_page(request, movie_list_query)

    @get("/recently-added", summary="Newest additions first",
         responses=documented(MoviePage, errors=(400, 401, 403)))
    async def recently_added(self, request: Request[Any, Any, Any],
                             page: Page) -> MoviePage:
        return await _movie_page(request, MovieListQuery(sort=MovieSort.ADDED_DESC, page=page))

    @get("/top-rated", summary=f"Best community rating first ({TOP_RATED_MIN_VOTES}+ votes)",
         responses=documented(MoviePage, errors=(400, 401, 403)))
    async def top_rated(self, request: Request[Any, Any, Any], page: Page) -> MoviePage:
        return await _movie_page(request, MovieListQuery(
            sort=MovieSort.RATING_DESC, page=page,
            filter=MovieFilter(min_votes=TOP_RATED_MIN_VOTES)))

    @get("/next-in-collection", summary="The next movie of each collection I have begun and "
                                        "not finished, latest watched first (one page)",
         responses=documented(MoviePage, errors=(400, 401, 403)))
    async def next_in_collection(self, request: Request[Any, Any, Any],
                                 limit: Limit = 20) -> MoviePage:
        collections = provided_of(request).get(CollectionQueries)
        items = await collections.up_next(principal_of(request).user_id, limit)
        return MoviePage(items, None, len(items))

    @get("/{movie_id:str}", summary="One movie, with my state for it",
         responses=documented(MovieDetail))
    async def movie(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                    movie_detail_queries: Uses[MovieDetailQueries]) -> MovieDetail:
        return await movie_detail_queries.movie(principal.user_id, movie_id)

    @get("/{movie_id:str}/files", summary="The movie's files and their streams",
         responses=documented(FilePage))
    async def files(self, request: Request[Any, Any, Any], movie_id: FromPath[str],
                    movie_detail_queries: Uses[MovieDetailQueries], page: Page) -> FilePage:
        found = await movie_detail_queries.files(movie_id, page)
        return FilePage(as_seen_by(principal_of(request), found.items), found.next_cursor,
                        found.total)

    @get("/{movie_id:str}/cast", summary="Cast in billing order", responses=documented(CastPage))
    async def cast(self, movie_id: FromPath[str],
                   movie_detail_queries: Uses[MovieDetailQueries], page: Page) -> CastPage:
        return page_body(CastPage, await movie_detail_queries.cast(movie_id, page))

    @get("/{movie_id:str}/crew", summary="Crew", responses=documented(CrewPage))
    async def crew(self, movie_id: FromPath[str],
                   movie_detail_queries: Uses[MovieDetailQueries], page: Page) -> CrewPage:
        return page_body(CrewPage, await movie_detail_queries.crew(movie_id, page))

    @get("/{movie_id:str}/genres", summary="The movie's genres (all of them, one page)",
         responses=documented(GenreRefPage))
    async def genres(self, movie_id: FromPath[str],
                     movie_detail_queries: Uses[MovieDetailQueries]) -> GenreRefPage:
        genres = await movie_detail_queries.genres_of(movie_id)
        return GenreRefPage(genres, None, len(genres))


async def _movie_page(request: Request[Any, Any, Any], query: MovieListQuery) -> MoviePage:
    lists = provided_of(request).get(CachedMovieLists)
    return page_body(MoviePage, await lists.list_movies(principal_of(request).user_id, query))

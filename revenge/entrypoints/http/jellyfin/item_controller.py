"""One item and what hangs off it: similar movies, genres, filters, search hints, cast,
and the empty answers apps expect for what movies do not have (next up, intros, theme
media, trailers, special features)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Controller, Request, get

from revenge.application.catalog.list_cache import CachedMovieLists
from revenge.application.catalog.ports import CatalogStatsQueries, MovieDetailQueries
from revenge.domain.catalog.listing import MovieFilter, MovieListQuery, MovieSort, PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.context import caller, this_server
from revenge.entrypoints.http.jellyfin.dtos_items import (
    BaseItem,
    ItemsResult,
    NameGuidPair,
    QueryFilters,
    QueryFiltersLegacy,
    SearchHint,
    SearchHintResult,
)
from revenge.entrypoints.http.jellyfin.extras import (
    extra_item,
    extras_of,
    is_special_feature,
    is_trailer,
)
from revenge.entrypoints.http.jellyfin.ids import jf_id, our_id, tag, ticks
from revenge.entrypoints.http.jellyfin.items import any_item, own_user
from revenge.entrypoints.http.jellyfin.mapping import genre_item, list_movie
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths

AnyRequest = Request[Any, Any, Any]
MAX_GENRES = 200


async def _extras(request: AnyRequest, item_id: str,
                  wanted: Callable[[MovieFile], bool]) -> list[BaseItem]:
    """A movie's extras of one kind; anything else that exists has none (as Jellyfin)."""
    own_user(request)
    item = await any_item(request, item_id)  # 404 for an unknown item
    if item.type != "Movie":
        return []
    server = this_server(request)
    return [extra_item(f, server) for f in await extras_of(request, our_id(item_id))
            if wanted(f)]


def _result(items: list[BaseItem], start: int = 0) -> ItemsResult:
    return ItemsResult(items=items, total_record_count=len(items), start_index=start)


class ItemController(Controller):
    path = "/"
    include_in_schema = False
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(MovieDetailQueries, CachedMovieLists, CatalogStatsQueries)

    @get(paths("/Items/{item_id:str}", "/Users/{user_id:str}/Items/{item_id:str}"))
    async def item(self, request: AnyRequest, item_id: PathPart) -> BaseItem:
        own_user(request)
        return await any_item(request, item_id)

    @get(paths("/Items/{item_id:str}/Similar", "/Movies/{item_id:str}/Similar"))
    async def similar(self, request: AnyRequest, item_id: PathPart,
                      movie_detail_queries: Uses[MovieDetailQueries],
                      cached_movie_lists: Uses[CachedMovieLists]) -> ItemsResult:
        movie_id = our_id(item_id)
        movie = await movie_detail_queries.movie(caller(request).user_id, movie_id)
        if not movie.genres:
            return _result([])
        limit = Query(request).number("Limit", 12, low=1, high=50)
        page = await cached_movie_lists.list_movies(
            caller(request).user_id, MovieListQuery(
                sort=MovieSort.RATING_DESC, page=PageRequest(limit + 1),
                filter=MovieFilter(genre=movie.genres[0].name)))
        server = this_server(request)
        return _result([list_movie(m, server) for m in page.items if m.id != movie_id][:limit])

    @get(paths("/Items/{item_id:str}/Intros", "/Users/{user_id:str}/Items/{item_id:str}/Intros",
               "/Videos/{item_id:str}/AdditionalParts"))
    async def nothing_for_movies(self, request: AnyRequest, item_id: PathPart) -> Any:
        own_user(request)
        await any_item(request, item_id)  # 404 for an unknown item, as Jellyfin
        return _result([])

    @get(paths("/Items/{item_id:str}/LocalTrailers",
               "/Users/{user_id:str}/Items/{item_id:str}/LocalTrailers"))
    async def local_trailers(self, request: AnyRequest, item_id: PathPart) -> list[BaseItem]:
        return await _extras(request, item_id, is_trailer)

    @get(paths("/Items/{item_id:str}/SpecialFeatures",
               "/Users/{user_id:str}/Items/{item_id:str}/SpecialFeatures"))
    async def special_features(self, request: AnyRequest,
                               item_id: PathPart) -> list[BaseItem]:
        return await _extras(request, item_id, is_special_feature)

    @get(paths("/Items/{item_id:str}/ThemeMedia"))
    async def theme_media(self, request: AnyRequest, item_id: PathPart) -> dict[str, Any]:
        owner = jf_id(our_id(item_id))
        empty = {"Items": [], "TotalRecordCount": 0, "StartIndex": 0, "OwnerId": owner}
        return {"ThemeVideosResult": empty, "ThemeSongsResult": empty,
                "SoundtrackSongsResult": empty}

    @get(paths("/Shows/NextUp", "/Shows/Upcoming"))
    async def next_up(self) -> ItemsResult:
        return _result([])

    @get(paths("/Genres"))
    async def genres(self, request: AnyRequest,
                     catalog_stats_queries: Uses[CatalogStatsQueries]) -> ItemsResult:
        query = Query(request)
        start = query.number("StartIndex", 0)
        limit = query.number("Limit", MAX_GENRES, low=1, high=MAX_GENRES)
        page = await catalog_stats_queries.genres(PageRequest(MAX_GENRES))
        server = this_server(request)
        items = [genre_item(g.id, g.name, server, g.movie_count) for g in page.items
                 if g.movie_count]
        return ItemsResult(items=items[start:start + limit], total_record_count=len(items),
                           start_index=start)

    @get(paths("/Items/Filters"))
    async def filters(self, request: AnyRequest,
                      catalog_stats_queries: Uses[CatalogStatsQueries]) -> QueryFiltersLegacy:
        stats = await catalog_stats_queries.stats(caller(request).user_id)
        return QueryFiltersLegacy(
            genres=[g.genre for g in stats.by_genre if g.movie_count], tags=[],
            official_ratings=[], years=sorted(y.year for y in stats.by_year if y.year))

    @get(paths("/Items/Filters2"))
    async def filters2(self, request: AnyRequest,
                       catalog_stats_queries: Uses[CatalogStatsQueries]) -> QueryFilters:
        page = await catalog_stats_queries.genres(PageRequest(MAX_GENRES))
        return QueryFilters(genres=[NameGuidPair(name=g.name, id=jf_id(g.id))
                                    for g in page.items if g.movie_count], tags=[])

    @get(paths("/Search/Hints"))
    async def search_hints(self, request: AnyRequest,
                           cached_movie_lists: Uses[CachedMovieLists]) -> SearchHintResult:
        query = Query(request)
        term = query.text("SearchTerm")
        if term is None:
            return SearchHintResult(search_hints=[], total_record_count=0)
        limit = query.number("Limit", 20, low=1, high=100)
        page = await cached_movie_lists.list_movies(
            caller(request).user_id, MovieListQuery(
                sort=MovieSort.POPULARITY_DESC, page=PageRequest(limit),
                filter=MovieFilter(search=term[:200])))
        hints = [SearchHint(item_id=jf_id(m.id), id=jf_id(m.id), name=m.title,
                            production_year=m.year, type="Movie", is_folder=False,
                            media_type="Video",
                            primary_image_tag=tag(m.poster_path) if m.poster_path else None,
                            run_time_ticks=ticks(m.runtime_minutes * 60)
                            if m.runtime_minutes else None) for m in page.items]
        return SearchHintResult(search_hints=hints, total_record_count=page.total)

    @get(paths("/Persons"))
    async def persons(self, request: AnyRequest) -> ItemsResult:
        """The cast of the movie named by `ParentId` (we keep people per movie)."""
        parent = Query(request).text("ParentId")
        if parent is None:
            return _result([])
        item = await any_item(request, parent)
        people = [BaseItem(name=p.name, server_id=item.server_id, id=p.id, is_folder=False,
                           type="Person", image_tags={"Primary": p.primary_image_tag}
                           if p.primary_image_tag else {}, backdrop_image_tags=[])
                  for p in item.people or []]
        return _result(people)

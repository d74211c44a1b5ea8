"""Collections (with "next in collection") and the genre list with counts."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath

from revenge.application.catalog.ports import CatalogStatsQueries, CollectionQueries
from revenge.application.catalog.read_models import CollectionDetail
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.catalog.examples import documented
from revenge.entrypoints.http.catalog.parameters import Page
from revenge.entrypoints.http.catalog.schemas import (
    CollectionPage,
    GenrePage,
    MoviePage,
    page_body,
)
from revenge.entrypoints.http.di_bridge import Uses, uses


class CollectionsController(Controller):
    path = "/collections"
    tags = ["movies"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(CollectionQueries)

    @get("", summary="Every collection by name, with how many of its movies I have seen",
         responses=documented(CollectionPage, errors=(400, 401, 403)))
    async def collections(self, principal: CurrentPrincipal,
                          collection_queries: Uses[CollectionQueries],
                          page: Page) -> CollectionPage:
        return page_body(CollectionPage, await collection_queries.collections(
            principal.user_id, page))

    @get("/{collection_id:str}", summary="A collection, with the next movie I have not seen",
         responses=documented(CollectionDetail))
    async def collection(self, collection_id: FromPath[str], principal: CurrentPrincipal,
                         collection_queries: Uses[CollectionQueries]) -> CollectionDetail:
        return await collection_queries.collection(principal.user_id, collection_id)

    @get("/{collection_id:str}/movies", summary="Its movies in release order",
         responses=documented(MoviePage))
    async def members(self, collection_id: FromPath[str], principal: CurrentPrincipal,
                      collection_queries: Uses[CollectionQueries], page: Page) -> MoviePage:
        return page_body(MoviePage, await collection_queries.members(
            principal.user_id, collection_id, page))


class GenresController(Controller):
    path = "/genres"
    tags = ["movies"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(CatalogStatsQueries)

    @get("", summary="Every genre with its number of movies",
         responses=documented(GenrePage, errors=(400, 401, 403)))
    async def genres(self, catalog_stats_queries: Uses[CatalogStatsQueries],
                     page: Page) -> GenrePage:
        return page_body(GenrePage, await catalog_stats_queries.genres(page))

"""Collections (with "next in collection") and the genre list with counts."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath

from revenge.application.catalog.read_models import CollectionDetail
from revenge.domain.identity.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.catalog.examples import documented
from revenge.entrypoints.http.catalog.parameters import Catalog, Page
from revenge.entrypoints.http.catalog.schemas import (
    CollectionPage,
    GenrePage,
    MoviePage,
    page_body,
)


class CollectionsController(Controller):
    path = "/collections"
    tags = ["movies"]
    guards = [require(Permission.LIBRARY_READ)]

    @get("", summary="Every collection by name, with how many of its movies I have seen",
         responses=documented(CollectionPage, errors=(400, 401, 403)))
    async def collections(self, principal: CurrentPrincipal, catalog: Catalog,
                          page: Page) -> CollectionPage:
        return page_body(CollectionPage, await catalog.collections().collections(
            principal.user_id, page))

    @get("/{collection_id:str}", summary="A collection, with the next movie I have not seen",
         responses=documented(CollectionDetail))
    async def collection(self, collection_id: FromPath[str], principal: CurrentPrincipal,
                         catalog: Catalog) -> CollectionDetail:
        detail: CollectionDetail = await catalog.collections().collection(principal.user_id,
                                                                          collection_id)
        return detail

    @get("/{collection_id:str}/movies", summary="Its movies in release order",
         responses=documented(MoviePage))
    async def members(self, collection_id: FromPath[str], principal: CurrentPrincipal,
                      catalog: Catalog, page: Page) -> MoviePage:
        return page_body(MoviePage, await catalog.collections().members(
            principal.user_id, collection_id, page))


class GenresController(Controller):
    path = "/genres"
    tags = ["movies"]
    guards = [require(Permission.LIBRARY_READ)]

    @get("", summary="Every genre with its number of movies",
         responses=documented(GenrePage, errors=(400, 401, 403)))
    async def genres(self, catalog: Catalog, page: Page) -> GenrePage:
        return page_body(GenrePage, await catalog.stats().genres(page))

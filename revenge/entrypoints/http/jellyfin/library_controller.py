"""Browsing: the library views, item lists (filters, sorts, positions), continue
watching and the latest additions. Every list shows the caller's own state only."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get

from revenge.application.catalog.list_cache import CachedMovieLists
from revenge.application.catalog.ports import UserLibraryQueries
from revenge.application.catalog.read_models import MovieListItem, Page
from revenge.application.library.queries import LibraryQueries
from revenge.domain.catalog.listing import MovieFilter, MovieListQuery, MovieSort, PageRequest
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.auth import jellyfin_principal, require
from revenge.entrypoints.http.jellyfin.context import caller, this_server
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem, ItemsResult
from revenge.entrypoints.http.jellyfin.fields import asked_fields, list_page_items, with_fields
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.items import items_by_id, own_user
from revenge.entrypoints.http.jellyfin.listing import (
    movie_query,
    position,
    resumable_only,
    wants_movies,
)
from revenge.entrypoints.http.jellyfin.mapping import library_view, list_movie, resume_movie
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PREFIXES, paths
from revenge.entrypoints.http.radarr.mediabrowser_controller import radarr_items

AnyRequest = Request[Any, Any, Any]
ITEMS_PREFIXES = (*PREFIXES, "/emby", "/mediabrowser")  # Radarr's connection uses all


def _empty(start: int = 0) -> ItemsResult:
    return ItemsResult(items=[], total_record_count=0, start_index=start)


class LibraryController(Controller):
    path = "/"
    include_in_schema = False

    @get(paths("/UserViews", "/Users/{user_id:str}/Views"),
         guards=[require(Permission.LIBRARY_READ)])
    async def views(self, request: AnyRequest) -> ItemsResult:
        own_user(request)
        return await _views(request)

    @get([*paths("/Items", prefixes=ITEMS_PREFIXES), *paths("/Users/{user_id:str}/Items")])
    async def items(self, request: AnyRequest) -> Any:
        principal = await jellyfin_principal(request)
        if principal is None:
            raise AuthenticationFailed("authentication required")
        if not principal.can(Permission.LIBRARY_READ):
            if principal.can(Permission.WEBHOOKS):  # Radarr's "Emby / Jellyfin" connection
                return await radarr_items(request)
            raise Forbidden("missing permission: library.read")
        own_user(request)
        return await _items(request, Query(request))

    @get(paths("/Users/{user_id:str}/Items/Resume", "/UserItems/Resume"),
         guards=[require(Permission.LIBRARY_READ)])
    async def resume(self, request: AnyRequest) -> ItemsResult:
        own_user(request)
        query = Query(request)
        return await _resume(request, query) if wants_movies(query) else _empty()

    @get(paths("/Users/{user_id:str}/Items/Latest", "/Items/Latest"),
         guards=[require(Permission.LIBRARY_READ)])
    async def latest(self, request: AnyRequest) -> list[BaseItem]:
        own_user(request)
        query = Query(request)
        if not wants_movies(query):
            return []
        limit = query.number("Limit", 16, low=1, high=200)
        unplayed = query.flag("IsPlayed") is False
        library = await _library_of(request, query.text("ParentId"))
        if library is _NOT_A_LIBRARY:
            return []
        page = await _movies(request, MovieListQuery(
            sort=MovieSort.ADDED_DESC, page=PageRequest(limit),
            filter=MovieFilter(watched=False if unplayed else None, library_id=library)))
        server = this_server(request)
        return await with_fields(request, page.items,
                                 [list_movie(m, server) for m in page.items],
                                 asked_fields(query))


async def _views(request: AnyRequest) -> ItemsResult:
    libraries = await provided_of(request).get(LibraryQueries).list_libraries()
    server = this_server(request)
    views = [library_view(library, server) for library in libraries]
    return ItemsResult(items=views, total_record_count=len(views), start_index=0)


async def _items(request: AnyRequest, query: Query) -> ItemsResult:
    if ids := query.items("Ids"):
        found = await items_by_id(request, [our_id(i) for i in ids[:200]])
        return ItemsResult(items=found, total_record_count=len(found), start_index=0)
    if not wants_movies(query):
        return _empty(query.number("StartIndex", 0))
    parent = query.text("ParentId")
    if parent is None and not query.flag("Recursive") and not query.items("IncludeItemTypes") \
            and query.text("SearchTerm") is None:
        return await _views(request)  # the user's root folder: the views
    library = await _library_of(request, parent)
    if library is _NOT_A_LIBRARY:
        return _empty(query.number("StartIndex", 0))  # a movie has no children
    if resumable_only(query):
        return await _resume(request, query)
    movie_list = movie_query(query, library)
    page = await _movies(request, movie_list)
    items = await list_page_items(request, page, this_server(request), asked_fields(query))
    return ItemsResult(items=items, total_record_count=page.total,
                       start_index=movie_list.page.offset)


async def _movies(request: AnyRequest, query: MovieListQuery) -> Page[MovieListItem]:
    lists = provided_of(request).get(CachedMovieLists)
    return await lists.list_movies(caller(request).user_id, query)


async def _resume(request: AnyRequest, query: Query) -> ItemsResult:
    start, limit = position(query)
    library = provided_of(request).get(UserLibraryQueries)
    # Continue watching is short (movies in progress): read enough for the position.
    page = await library.continue_watching(caller(request).user_id,
                                           PageRequest(min(200, start + limit)))
    server = this_server(request)
    entries = page.items[start:start + limit]
    items = await with_fields(request, [e.movie for e in entries],
                              [resume_movie(e, server) for e in entries], asked_fields(query))
    return ItemsResult(items=items, total_record_count=page.total, start_index=start)


_NOT_A_LIBRARY = "not a library"


async def _library_of(request: AnyRequest, parent: str | None) -> str | None:
    """The library whose view `ParentId` names (None: no parent, the whole catalog);
    `_NOT_A_LIBRARY` for any other id (a movie, which has no children)."""
    if parent is None:
        return None
    wanted = our_id(parent)
    libraries = await provided_of(request).get(LibraryQueries).list_libraries()
    return wanted if any(library.id == wanted for library in libraries) else _NOT_A_LIBRARY

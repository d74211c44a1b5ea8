"""Reading one item (a movie with its files, cast and my position, or a library view)
and checking that a path's user is the caller."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection

from revenge.application.catalog.ports import MovieDetailQueries, UserLibraryQueries
from revenge.application.library.queries import LibraryQueries
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.errors import NotFound
from revenge.entrypoints.http.catalog.file_paths import as_seen_by
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.context import caller, this_server
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem
from revenge.entrypoints.http.jellyfin.extras import extra_file, extra_item
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.mapping import detail_movie, library_view

Connection = ASGIConnection[Any, Any, Any, Any]
MAX_FILES, MAX_CAST = 100, 50  # files: the main ones and the extras


def own_user(connection: Connection) -> None:
    """A `/Users/{userId}/…` path names the caller, or nobody: another person's lists
    and states are never shown (answered as an unknown user)."""
    user_id = connection.path_params.get("user_id")
    if user_id is not None and our_id(user_id, "user") != caller(connection).user_id:
        raise NotFound("no such user", field="user_id")


async def movie_item(connection: Connection, movie_id: str) -> BaseItem:
    provided = provided_of(connection)
    user_id = caller(connection).user_id
    details = provided.get(MovieDetailQueries)
    movie = await details.movie(user_id, movie_id)
    files = await details.files(movie_id, PageRequest(MAX_FILES))
    cast = await details.cast(movie_id, PageRequest(MAX_CAST))
    progress = await provided.get(UserLibraryQueries).progress(user_id, movie_id)
    return detail_movie(movie, this_server(connection),
                        position=progress.resume_position_seconds or None,
                        files=as_seen_by(caller(connection), files.items), cast=cast.items)


async def any_item(connection: Connection, item_id: str) -> BaseItem:
    """A movie, else a library view, else an extra; `NotFound` for anything else."""
    wanted = our_id(item_id)
    try:
        return await movie_item(connection, wanted)
    except NotFound:
        libraries = await provided_of(connection).get(LibraryQueries).list_libraries()
        for library in libraries:
            if library.id == wanted:
                return library_view(library, this_server(connection))
        extra = await extra_file(connection, wanted)
        if extra is not None:
            (shown,) = as_seen_by(caller(connection), [extra])
            return extra_item(shown, this_server(connection))
        raise


async def items_by_id(connection: Connection, ids: list[str]) -> list[BaseItem]:
    found = []
    for item_id in ids:
        try:
            found.append(await any_item(connection, item_id))
        except NotFound:
            continue  # Jellyfin leaves unknown ids out of the list
    return found

"""`Fields` on list answers: as Jellyfin does, a list item carries its overview, genres,
people, media sources, path… only when the app asks for them, so a page of 100 stays
light. What is asked is read for the whole page at once (one query for the movies'
details, one for their files; the cast per movie, only when `People` is asked).

Server paths (`Path`, `MediaSources[].Path`) follow `/api/v1`'s rule: shown only to
those who manage libraries, everyone else sees the file's name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
from litestar.connection import ASGIConnection

from revenge.application.catalog.ports import MovieDetailQueries
from revenge.application.catalog.read_models import MovieListItem, Page
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.catalog.file_paths import as_seen_by
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.context import caller, mapped_pages
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem
from revenge.entrypoints.http.jellyfin.mapping import detail_movie, list_movie
from revenge.entrypoints.http.jellyfin.query import Query

Connection = ASGIConnection[Any, Any, Any, Any]
MAX_CAST = 50
# Jellyfin's ItemFields (lower case) -> the BaseItem attributes they add to a list item.
# These come from the movies and genres tables, whose changes move the page cache's
# stamps: a page mapped with them may be kept beside its page object.
STAMPED: dict[str, tuple[str, ...]] = {
    "overview": ("overview",), "genres": ("genres", "genre_items"),
    "providerids": ("provider_ids",), "taglines": ("taglines",),
    "originaltitle": ("original_title",), "etag": ("etag",),
}
# From files and credits, which do not move the stamps: read afresh on every request.
UNSTAMPED: dict[str, tuple[str, ...]] = {
    "mediasources": ("media_sources", "container", "has_subtitles"),
    "mediastreams": ("media_streams",), "path": ("path",), "people": ("people",),
}
ATTRIBUTES = {**STAMPED, **UNSTAMPED}
FILE_FIELDS = frozenset({"mediasources", "mediastreams", "path"})


def asked_fields(query: Query) -> frozenset[str]:
    """The `Fields` we answer that the app asked for (others are ignored, as unknown
    ones are by Jellyfin)."""
    return frozenset(query.lowered("Fields") & ATTRIBUTES.keys())


def sees_paths(principal: Principal) -> bool:
    return principal.can(Permission.LIBRARY_MANAGE)


async def list_page_items(connection: Connection, page: Page[MovieListItem], server_id: str,
                          fields: frozenset[str]) -> list[BaseItem]:
    """The page's items with the asked `Fields`; the plain or stamped mapping kept
    beside the page object (see mapped_pages.py)."""
    memo = mapped_pages(connection)
    if not fields:
        return memo.items(page, server_id, list_movie)
    if fields <= STAMPED.keys():
        found = memo.get(page, fields)
        if found is None:
            found = await with_fields(connection, page.items,
                                      memo.items(page, server_id, list_movie), fields)
            memo.put(page, found, fields)
        return found
    return await with_fields(connection, page.items, memo.items(page, server_id, list_movie),
                             fields)


async def with_fields(connection: Connection, movies: Sequence[MovieListItem],
                      items: list[BaseItem], fields: frozenset[str]) -> list[BaseItem]:
    """`items` (the plain mapping of `movies`) with the asked fields added."""
    if not fields or not movies:
        return items
    principal = caller(connection)
    details = provided_of(connection).get(MovieDetailQueries)
    ids = [movie.id for movie in movies]
    found = {d.id: d for d in await details.movies(principal.user_id, ids)}
    files: dict[str, list[MovieFile]] = (await details.files_of(ids)
                                         if fields & FILE_FIELDS else {})
    cast = ({i: (await details.cast(i, PageRequest(MAX_CAST))).items for i in found}
            if "people" in fields else {})
    attributes = [a for field in fields for a in ATTRIBUTES[field]]
    answer = []
    for movie, item in zip(movies, items, strict=True):
        detail = found.get(movie.id)
        if detail is None:  # deleted since the page was read
            answer.append(item)
            continue
        full = detail_movie(detail, item.server_id, position=None,
                            files=as_seen_by(principal, files.get(movie.id, [])),
                            cast=cast.get(movie.id, []))
        answer.append(msgspec.structs.replace(
            item, **{name: getattr(full, name) for name in attributes}))
    return answer

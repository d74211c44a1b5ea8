"""A movie's extras (trailers, featurettes… the scanner found beside it) as Jellyfin
items of their own: `/Items/{id}/LocalTrailers` lists the trailers,
`/Items/{id}/SpecialFeatures` the rest (as Jellyfin splits them). An extra's item id is
its file's id; it plays through the same PlaybackInfo and stream routes as a movie (a
session of its movie, on that file), and playing it never moves the movie's progress."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import PurePath
from typing import Any, TypeVar

from litestar.connection import ASGIConnection

from revenge.application.catalog.ports import MovieDetailQueries
from revenge.domain.catalog.listing import PageRequest
from revenge.domain.catalog.media import MovieFile
from revenge.domain.errors import NotFound
from revenge.entrypoints.http.catalog.file_paths import as_seen_by
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.context import caller
from revenge.entrypoints.http.jellyfin.dtos_items import BaseItem
from revenge.entrypoints.http.jellyfin.ids import jf_id, our_id, ticks
from revenge.entrypoints.http.jellyfin.media import container_name, media_source, media_streams

Connection = ASGIConnection[Any, Any, Any, Any]
T = TypeVar("T")
MAX_FILES = 200
# Our extra kinds (domain/library/classification.py) as Jellyfin's ExtraType.
EXTRA_TYPES = {"trailer": "Trailer", "featurette": "Featurette",
               "behind_the_scenes": "BehindTheScenes", "deleted_scene": "DeletedScene",
               "interview": "Interview", "scene": "Scene", "short": "Short", "clip": "Clip",
               "other": "Unknown"}


def is_trailer(file: MovieFile) -> bool:
    return file.kind == "extra" and file.extra_type == "trailer"


def is_special_feature(file: MovieFile) -> bool:
    return file.kind == "extra" and file.extra_type != "trailer"


def extra_item(file: MovieFile, server_id: str) -> BaseItem:
    """`file` as the caller may see it (see file_paths.as_seen_by)."""
    return BaseItem(
        name=PurePath(file.path).stem, id=jf_id(file.id), server_id=server_id,
        parent_id=jf_id(file.movie_id), is_folder=False,
        type="Trailer" if is_trailer(file) else "Video", media_type="Video",
        extra_type=EXTRA_TYPES.get(file.extra_type or "other", "Unknown"),
        run_time_ticks=ticks(file.duration_seconds), container=container_name(file.container),
        path=file.path, media_sources=[media_source(file)], media_streams=media_streams(file),
        location_type="FileSystem", video_type="VideoFile", date_created=file.added_at,
        can_delete=False, can_download=True, image_tags={}, backdrop_image_tags=[])


async def extra_file(connection: Connection, item_id: str) -> MovieFile | None:
    """The extra an item id names, else None (a movie, a view, or nothing)."""
    try:
        file = await provided_of(connection).get(MovieDetailQueries).file(our_id(item_id))
    except NotFound:
        return None
    return file if file.kind == "extra" and file.missing_since is None else None


async def as_movie_or_extra(connection: Connection, item_id: str, source_id: str | None,
                            start: Callable[[str, str | None], Awaitable[T]]) -> T:
    """`start(movie_id, file_id)` for the item as a movie first (the common case costs
    no lookup); an id no movie has is then tried as an extra (that file of its movie).
    `source_id`: the app's MediaSourceId, if any."""
    file_id = our_id(source_id, "media_source") if source_id else None
    try:
        return await start(our_id(item_id), file_id)
    except NotFound:
        extra = await extra_file(connection, item_id)
        if extra is None or file_id not in (None, extra.id):
            raise
        return await start(extra.movie_id, extra.id)


async def extras_of(connection: Connection, movie_id: str) -> list[MovieFile]:
    """The movie's extras on disk, as the caller may see them; `NotFound` for an
    unknown movie."""
    page = await provided_of(connection).get(MovieDetailQueries).files(
        movie_id, PageRequest(MAX_FILES))
    files = [f for f in page.items if f.kind == "extra" and f.missing_since is None]
    return as_seen_by(caller(connection), files)

"""`/Items/{id}/Images/{type}[/{index}]`: a movie's poster (Primary), backdrop
(Backdrop, Thumb) or logo, through the same image cache as /api/v1/images, in the
smallest of our widths that covers `maxWidth` / `fillWidth` / `width`.

Answered without a token, as Jellyfin does: apps load artwork in image views that send
no credentials (Jellyfin's OpenAPI declares no security on these routes, so its SDK
sends none). It shows only the artwork of an item whose id the caller already has."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.response import File

from revenge.application.catalog.ports import MovieDetailQueries
from revenge.domain.errors import NotFound
from revenge.domain.metadata.images import VARIANT_WIDTHS, ImageKind, checked_path
from revenge.entrypoints.di.metadata import MetadataSources
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths
from revenge.entrypoints.http.metadata.images import CACHE_CONTROL

AnyRequest = Request[Any, Any, Any]
KINDS: dict[str, ImageKind] = {"primary": "poster", "backdrop": "backdrop",
                               "thumb": "backdrop", "logo": "logo"}
NOBODY = "00000000-0000-0000-0000-000000000000"  # no one's state is read for artwork
ROUTES = paths("/Items/{item_id:str}/Images/{image_type:str}",
               "/Items/{item_id:str}/Images/{image_type:str}/{index:str}")


def _size(query: Query) -> str:
    wanted = max(query.number(name, 0, high=100_000)
                 for name in ("maxWidth", "fillWidth", "width"))
    if not wanted:
        return "original"
    return next((size for size, width in sorted(VARIANT_WIDTHS.items(), key=lambda v: v[1])
                 if width >= wanted), "original")


async def _image(request: AnyRequest, item_id: str, image_type: str,
                 movies: MovieDetailQueries, sources: MetadataSources) -> Response[Any]:
    kind = KINDS.get(image_type.lower())
    if kind is None:
        raise NotFound(f"movies have no {image_type[:20]!r} image", field="image_type")
    movie = await movies.movie(NOBODY, our_id(item_id))
    path = {"poster": movie.poster_path, "backdrop": movie.backdrop_path,
            "logo": movie.logo_path}[kind]
    if path is None or sources.images() is None:
        raise NotFound("this item has no such image", field="image_type")
    path = checked_path(path.lstrip("/"))
    webp = "image/webp" in request.headers.get("accept", "")
    size = _size(Query(request))
    found = await sources.fetcher().variant(kind, path, size, webp=webp)
    if found is None:
        raise NotFound("this item has no such image", field="image_type")
    headers = {"ETag": found.etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
    if found.content is not None:
        return Response(found.content, media_type=found.content_type, headers=headers)
    assert found.path is not None
    return File(path=found.path, media_type=found.content_type, headers=headers,
                content_disposition_type="inline", etag=None)


@get(ROUTES, include_in_schema=False, dependencies=uses(MovieDetailQueries, MetadataSources))
async def item_image(request: AnyRequest, item_id: PathPart, image_type: PathPart,
                     movie_detail_queries: Uses[MovieDetailQueries],
                     metadata_sources: Uses[MetadataSources]) -> Response[Any]:
    return await _image(request, item_id, image_type, movie_detail_queries,
                        metadata_sources)

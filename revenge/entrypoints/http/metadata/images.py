"""`GET /api/v1/images/{type}/{path}`: cached provider images and their variants.

The size comes as `?size=w342` or as a path part (`/images/poster/w342/abc.jpg`).
Every path is checked by the domain (one safe file name) before the cache is touched:
`..`, encoded separators, absolute paths and NUL get a 422 and nothing is read.
Responses carry a strong ETag and are cached for a year (the bytes behind a path
never change); a matching If-None-Match gets a 304.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get
from litestar.params import FromPath, Parameter
from litestar.response import File

from revenge.application.metadata.read_models import ImageFile
from revenge.domain.errors import NotFound
from revenge.domain.metadata.images import (
    IMAGE_SIZES,
    ImageKind,
    checked_kind,
    checked_path,
    checked_size,
)
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.di.metadata import MetadataSources
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.di_bridge import Uses, uses

CACHE_CONTROL = "private, max-age=31536000, immutable"
Size = Annotated[str | None, Parameter(description="w185, w342, w780 or original")]


def split(rest: str, size: str | None) -> tuple[str, str]:
    """(file path, size) from what follows the type; the size may lead the path."""
    parts = rest.lstrip("/").split("/", 1)
    if len(parts) == 2 and parts[0] in IMAGE_SIZES and size is None:
        return checked_path(parts[1]), parts[0]
    return checked_path(rest.lstrip("/")), checked_size(size or "original")


class ImagesController(Controller):
    path = "/images"
    tags = ["images"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(MetadataSources)

    @get("/{kind:str}/{rest:path}", summary="An image (poster, backdrop, logo, profile)",
         media_type="image/*")
    async def image(self, kind: FromPath[str], rest: FromPath[str], request: Request[Any, Any, Any],
                    metadata_sources: Uses[MetadataSources],
                    size: Size = None) -> Response[Any]:
        image_kind = checked_kind(kind)
        path, wanted = split(rest, size)
        webp = "image/webp" in request.headers.get("accept", "")
        found = await _variant(metadata_sources, image_kind, path, wanted, webp)
        headers = {"ETag": found.etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept"}
        if found.etag in _etags(request.headers.get("if-none-match", "")):
            return Response(content=b"", status_code=304, headers=headers)
        if found.content is not None:
            return Response(content=found.content, media_type=found.content_type,
                            headers=headers)
        assert found.path is not None
        return File(path=found.path, media_type=found.content_type, headers=headers,
                    content_disposition_type="inline", etag=None)


async def _variant(sources: MetadataSources, kind: ImageKind, path: str, size: str,
                   webp: bool) -> ImageFile:
    if sources.images() is None:
        raise NotFound("no image cache (no TMDb API key is configured)", field="path")
    found = await sources.fetcher().variant(kind, path, size, webp=webp)
    if found is None:
        raise NotFound("no such image", field="path")
    return found


def _etags(header: str) -> set[str]:
    return {tag.strip() for tag in header.split(",") if tag.strip()}

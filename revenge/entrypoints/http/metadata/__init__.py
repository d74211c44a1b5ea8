"""The metadata HTTP API (thin controllers over the metadata use cases and ports)."""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.metadata.controllers import (
    MovieMetadataController,
    ProviderController,
)
from revenge.entrypoints.http.metadata.images import ImagesController


def metadata_router() -> Router:
    return Router("/", route_handlers=[ProviderController, MovieMetadataController,
                                       ImagesController])

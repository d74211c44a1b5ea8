"""The metadata HTTP API (thin controllers over the metadata container)."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.di import NamedDependency, Provide

from revenge.entrypoints.http.metadata.controllers import (
    MovieMetadataController,
    ProviderController,
)
from revenge.entrypoints.http.metadata.images import ImagesController
from revenge.entrypoints.lifecycle import Lifecycle


def _metadata(lifecycle: NamedDependency[Lifecycle]) -> Any:
    return lifecycle.container.metadata


def metadata_router() -> Router:
    return Router("/", route_handlers=[ProviderController, MovieMetadataController,
                                       ImagesController],
                  dependencies={"metadata": Provide(_metadata, sync_to_thread=False)})

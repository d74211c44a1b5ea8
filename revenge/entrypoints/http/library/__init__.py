"""The library admin API: `/api/v1/admin/libraries` (needs `library.manage`)."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.di import NamedDependency, Provide

from revenge.entrypoints.http.library.controller import (
    LibrariesController,
    LibraryOverviewController,
)
from revenge.entrypoints.lifecycle import Lifecycle


def _library(lifecycle: NamedDependency[Lifecycle]) -> Any:
    return lifecycle.container.library


def library_router() -> Router:
    return Router("/", route_handlers=[LibrariesController, LibraryOverviewController],
                  dependencies={"library": Provide(_library, sync_to_thread=False)})

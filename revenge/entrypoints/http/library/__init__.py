"""The library admin API: `/api/v1/admin/libraries` (needs `library.manage`)."""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.library.controller import (
    LibrariesController,
    LibraryOverviewController,
)


def library_router() -> Router:
    return Router("/", route_handlers=[LibrariesController, LibraryOverviewController])

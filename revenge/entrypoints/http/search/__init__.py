"""The search HTTP API: movie search with facets, autocomplete, and the admin reindex."""

from __future__ import annotations

from litestar.types import ControllerRouterHandler

from revenge.entrypoints.http.search.controller import AdminSearchController, SearchController


def search_routers() -> list[ControllerRouterHandler]:
    return [SearchController, AdminSearchController]

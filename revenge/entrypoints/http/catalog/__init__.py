"""The catalog HTTP API (controllers are thin: decisions are in use cases, reads in
query ports). Everything needs `library.read`; changes to movies need `library.manage`.

Merging duplicates is `POST /api/v1/movies/{id}/merge` with `{"source_ids": [...]}`:
the movie in the path survives and the sources are folded into it.
"""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.catalog import parameters
from revenge.entrypoints.http.catalog.admin_controller import MovieAdminController
from revenge.entrypoints.http.catalog.collections_controller import (
    CollectionsController,
    GenresController,
)
from revenge.entrypoints.http.catalog.movies_controller import MoviesController
from revenge.entrypoints.http.catalog.watch_controller import WatchController


def catalog_router() -> Router:
    # Static paths (/movies/watchlist, /movies/stats, ...) sit beside /movies/{movie_id};
    # Litestar's router prefers a static segment to a parameter, in any order.
    return Router("/", route_handlers=[
        WatchController, MoviesController, MovieAdminController, CollectionsController,
        GenresController,
    ], dependencies=parameters.dependencies())

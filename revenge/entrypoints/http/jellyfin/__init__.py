"""The Jellyfin-compatible API (10.10 shapes) for existing apps: Findroid, Swiftfin,
Jellyfin Media Player, jellyfin-mpv-shim, the Kodi add-ons, Infuse, Streamyfin…

Mounted at the root and under `/jellyfin`, left out of the /api/v1 OpenAPI document,
and calling the same use cases and queries as /api/v1: no second catalog, no second
playback engine. Modules: `auth` (the MediaBrowser header and tokens), `ids` (GUIDs,
ticks), `dtos_*` (Jellyfin's bodies as Structs), `mapping` / `media` (ours → theirs),
`query` / `listing` (their query strings → ours), one controller per area.
"""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.jellyfin.hls_controller import HlsController
from revenge.entrypoints.http.jellyfin.images_controller import item_image
from revenge.entrypoints.http.jellyfin.item_controller import ItemController
from revenge.entrypoints.http.jellyfin.library_controller import LibraryController
from revenge.entrypoints.http.jellyfin.not_found import unknown_endpoint
from revenge.entrypoints.http.jellyfin.playback_controller import (
    PlaybackController,
    StreamController,
)
from revenge.entrypoints.http.jellyfin.playstate_controller import PlaystateController
from revenge.entrypoints.http.jellyfin.preferences_controller import PreferencesController
from revenge.entrypoints.http.jellyfin.system_controller import SystemController
from revenge.entrypoints.http.jellyfin.users_controller import UsersController

__all__ = ["jellyfin_router", "unknown_endpoint"]


def jellyfin_router() -> Router:
    return Router("/", include_in_schema=False, route_handlers=[
        SystemController, UsersController, LibraryController, ItemController,
        item_image, PlaybackController, StreamController, HlsController,
        PlaystateController, PreferencesController])

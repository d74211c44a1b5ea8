"""The playback HTTP API: sessions, direct play with ranges, HLS, subtitles."""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.playback.media_controller import PlaybackMediaController
from revenge.entrypoints.http.playback.sessions_controller import (
    AdminPlaybackController,
    PlaybackSessionsController,
)


def playback_router() -> Router:
    return Router("/", route_handlers=[PlaybackSessionsController, PlaybackMediaController,
                                       AdminPlaybackController])

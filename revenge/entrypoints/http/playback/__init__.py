"""The playback HTTP API: sessions, direct play with ranges, HLS, subtitles."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.di import NamedDependency, Provide

from revenge.entrypoints.http.playback.media_controller import PlaybackMediaController
from revenge.entrypoints.http.playback.sessions_controller import (
    AdminPlaybackController,
    PlaybackSessionsController,
)
from revenge.entrypoints.lifecycle import Lifecycle


def _playback(lifecycle: NamedDependency[Lifecycle]) -> Any:
    return lifecycle.container.playback


def playback_router() -> Router:
    return Router("/", route_handlers=[PlaybackSessionsController, PlaybackMediaController,
                                       AdminPlaybackController],
                  dependencies={"playback": Provide(_playback, sync_to_thread=False)})

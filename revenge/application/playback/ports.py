"""Ports the playback use cases need."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import msgspec

from revenge.application.identity.principal import Principal
from revenge.domain.media.info import SubtitleStream
from revenge.domain.playback.sessions import HlsJob, PlaybackSession

Clock = Callable[[], float]  # Unix seconds
NewId = Callable[[], str]


class PlayableFile(msgspec.Struct, frozen=True, kw_only=True):
    """A file of a movie as playback needs it. `sidecars` are the subtitle files next to
    it (their `path` absolute), numbered from SIDECAR_INDEX_BASE."""

    movie_id: str
    file_id: str
    path: str
    size: int
    mtime: float
    sidecars: tuple[SubtitleStream, ...] = ()


class PlaybackSettings(msgspec.Struct, frozen=True, kw_only=True):
    segment_seconds: float = 6.0
    transcode_limit: int = 2
    idle_seconds: float = 60.0  # an ffmpeg nobody asked anything of is stopped
    session_ttl_seconds: float = 4 * 3600.0  # a session unused this long is ended
    token_grace_seconds: int = 4 * 3600  # media tokens live for the duration plus this


class PlayableFiles(Protocol):
    async def playable(self, movie_id: str, file_id: str | None) -> PlayableFile:
        """The file `file_id` of the movie, or its first main file (by part, then
        path) when `file_id` is None. Raises `NotFound` for an unknown movie or file, a
        file of another movie, or a file recorded as missing."""
        ...


class PlaybackSessions(Protocol):
    """The live sessions of this process (their ffmpeg processes run here too).
    Synchronous, so a check-and-add happens without interleaving."""

    def add(self, session: PlaybackSession) -> None: ...

    def get(self, session_id: str) -> PlaybackSession | None: ...

    def save(self, session: PlaybackSession) -> None:
        """Replaces a session still present (a removed one stays removed)."""
        ...

    def remove(self, session_id: str) -> PlaybackSession | None: ...

    def all(self) -> list[PlaybackSession]:
        """Oldest first."""
        ...


class Segmenter(Protocol):
    """Produces HLS segments on demand (see adapters/ffmpeg/segmenter.py)."""

    async def segment(self, job: HlsJob, index: int) -> str:
        """The path of finished segment `index`, producing it first if needed. Raises
        `NotFound` for an index outside the plan, `Unavailable("ffmpeg", …)` when the
        encoder fails or is too slow."""
        ...

    async def stop(self, session_id: str) -> None:
        """Stops the session's encoders at once and deletes its segments. Idempotent."""
        ...

    async def reap(self, idle_seconds: float) -> None:
        """Stops encoders nobody asked for within `idle_seconds`."""
        ...

    def running(self) -> int: ...


class SubtitleConverter(Protocol):
    async def webvtt(self, source: str, stream_index: int) -> bytes:
        """Stream `stream_index` of `source` (a video, or a sidecar file whose only stream
        is 0) as WebVTT. Raises `UnreadableMedia` when it cannot be converted."""
        ...


class ProgressRecorder(Protocol):
    async def record(self, actor: Principal, movie_id: str, position_seconds: float,
                     duration_seconds: float) -> None:
        """Stores the actor's position in the movie (the catalog's progress rules apply).
        Idempotent for a repeated report."""
        ...

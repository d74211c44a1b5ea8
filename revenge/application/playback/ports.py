"""Ports the playback use cases need."""

from __future__ import annotations

from typing import Protocol

import msgspec

from revenge.application.shared.principal import Principal
from revenge.domain.media.info import SubtitleStream
from revenge.domain.playback.sessions import HlsJob, PlaybackSession
from revenge.domain.shared.ids import NewId as NewId


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
    segment_seconds: float = 6.0  # renditions that copy the video: cut on keyframes
    transcode_segment_seconds: float = 2.0  # encoded before served: the wait on a seek
    transcode_limit: int = 2  # per replica: its ffmpeg runs on its CPUs
    idle_seconds: float = 60.0  # an ffmpeg nobody asked anything of is stopped
    session_ttl_seconds: float = 4 * 3600.0  # a session unused this long is ended
    token_seconds: int = 600  # media tokens are short-lived; players renew them
    touch_seconds: float = 10.0  # a session's last use is written at most this often


class PlayableFiles(Protocol):
    async def playable(self, movie_id: str, file_id: str | None) -> PlayableFile:
        """The file `file_id` of the movie, or its first main file (by part, then
        path) when `file_id` is None. Raises `NotFound` for an unknown movie or file, a
        file of another movie, or a file recorded as missing."""
        ...


class PlaybackSessions(Protocol):
    """The live sessions of every server process (replica), shared: a session started
    on one is found by all. Sessions whose `owner` is gone stay until claimed or reaped."""

    async def add(self, session: PlaybackSession) -> None: ...

    async def get(self, session_id: str) -> PlaybackSession | None:
        """None for an unknown or ended session (or an id that is no id)."""
        ...

    async def touch(self, session_id: str, now: float, position: float | None = None
                    ) -> None:
        """Records a use (and the position, when given) of a session still present."""
        ...

    async def remove(self, session_id: str) -> PlaybackSession | None:
        """Ends the session; returns it, or None when it had already ended."""
        ...

    async def all(self) -> list[PlaybackSession]:
        """Oldest first."""
        ...

    async def owned_by(self, owner: str) -> list[PlaybackSession]:
        """The sessions whose encoders run on `owner`, oldest first."""
        ...

    async def claim(self, session_id: str, previous_owner: str, owner: str) -> bool:
        """Moves a session to `owner` if `previous_owner` still has it; False when it
        ended or another replica claimed it first."""
        ...


class SessionOwners(Protocol):
    """Reaches the replica that owns a session, for what only it can do (its ffmpeg).
    Segments land in the transcode folder every replica shares."""

    async def segment(self, owner: str, session_id: str, variant: str, index: int) -> str:
        """The local path of the finished segment the owner produced. Raises
        `ReplicaGone` when the owner does not answer, `NotFound` / `Unavailable` as the
        owner's segmenter does."""
        ...

    async def stop(self, owner: str, session_id: str) -> None:
        """Asks the owner to stop the session's encoders now (best effort: an owner that
        misses it stops them at its next sweep, as the session is gone)."""
        ...

    async def seen(self, owner: str, session_id: str, variant: str, index: int) -> None:
        """Tells the owner, without waiting for it, that segment `index` was served from
        the shared folder: its encoder's pacing and idle sweep follow the player as if
        it had been asked. Best effort: an owner that is gone is not an error here."""
        ...


class PlaybackGrants(Protocol):
    async def granted(self, session: PlaybackSession) -> bool:
        """Whether the session's user may still play it: the account enabled, holding
        `playback`, and the sign-in or API key it was started through not revoked."""
        ...


class Segmenter(Protocol):
    """Produces HLS segments on demand (see adapters/ffmpeg/segmenter.py)."""

    async def segment(self, job: HlsJob, index: int) -> str:
        """The path of finished segment `index`, producing it first if needed. Raises
        `NotFound` for an index outside the plan, `Unavailable("ffmpeg", …)` when the
        encoder fails or is too slow."""
        ...

    def finished_by(self, replica: str, job: HlsJob, index: int) -> str | None:
        """The path of segment `index` if `replica`'s encoder already finished it whole
        in the shared transcode folder; None when the owner must be asked for it."""
        ...

    async def stop(self, session_id: str) -> None:
        """Stops the session's encoders at once and deletes its segments. Idempotent."""
        ...

    async def reap(self, idle_seconds: float) -> None:
        """Stops encoders nobody asked for within `idle_seconds`."""
        ...

    def running(self) -> int: ...

    def sessions(self) -> set[str]:
        """Ids of the sessions with encoders (running or paused) here."""
        ...


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

"""In-memory playback adapters: twins of the shared session registry, of the replicas
reaching each other, of PlayableFiles, Segmenter and the progress recorder (tests and
the memory profile, where one process is the only replica)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import msgspec

from revenge.adapters.filesystem.sidecar_files import sidecar_files
from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.playback.ports import PlayableFile
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.media import MovieFile
from revenge.domain.errors import NotFound
from revenge.domain.playback.errors import ReplicaGone
from revenge.domain.playback.sessions import HlsJob, PlaybackSession


class InMemoryPlaybackSessions:
    """Shared by the replicas of one test (pass the same instance to each)."""

    def __init__(self) -> None:
        self._sessions: dict[str, PlaybackSession] = {}

    async def add(self, session: PlaybackSession) -> None:
        self._sessions[session.id] = session

    async def get(self, session_id: str) -> PlaybackSession | None:
        return self._sessions.get(session_id)

    async def touch(self, session_id: str, now: float, position: float | None = None
                    ) -> None:
        session = self._sessions.get(session_id)
        if session is not None:
            self._sessions[session_id] = session.touched(now, position)

    async def remove(self, session_id: str) -> PlaybackSession | None:
        return self._sessions.pop(session_id, None)

    async def all(self) -> list[PlaybackSession]:
        return sorted(self._sessions.values(), key=lambda s: (s.started_at, s.id))

    async def owned_by(self, owner: str) -> list[PlaybackSession]:
        return [s for s in await self.all() if s.owner == owner]

    async def claim(self, session_id: str, previous_owner: str, owner: str) -> bool:
        session = self._sessions.get(session_id)
        if session is None or session.owner != previous_owner:
            return False
        self._sessions[session_id] = msgspec.structs.replace(session, owner=owner)
        return True


SegmentHandler = Callable[[str, str, int], Awaitable[str]]
StopHandler = Callable[[str], Awaitable[None]]


class InMemorySessionOwners:
    """Replicas of one process (tests): each registers its handlers; one that is
    `gone` raises `ReplicaGone`, as a replica whose heartbeat expired does."""

    def __init__(self) -> None:
        self._replicas: dict[str, tuple[SegmentHandler, StopHandler]] = {}
        self.asked: list[tuple[str, str, str, int]] = []
        self.told: list[tuple[str, str, str, int]] = []  # served from the shared folder

    def register(self, replica: str, segment: SegmentHandler, stop: StopHandler) -> None:
        self._replicas[replica] = (segment, stop)

    def gone(self, replica: str) -> None:
        self._replicas.pop(replica, None)

    async def segment(self, owner: str, session_id: str, variant: str, index: int) -> str:
        if owner not in self._replicas:
            raise ReplicaGone(owner)
        self.asked.append((owner, session_id, variant, index))
        return await self._replicas[owner][0](session_id, variant, index)

    async def stop(self, owner: str, session_id: str) -> None:
        if owner in self._replicas:
            await self._replicas[owner][1](session_id)

    async def seen(self, owner: str, session_id: str, variant: str, index: int) -> None:
        if owner in self._replicas:
            self.told.append((owner, session_id, variant, index))
            await self._replicas[owner][0](session_id, variant, index)


class InMemoryPlaybackGrants:
    """Grants every session but those of users in `revoked` (tests)."""

    def __init__(self) -> None:
        self.revoked: set[str] = set()

    async def granted(self, session: PlaybackSession) -> bool:
        return session.user_id not in self.revoked


class InMemoryPlayableFiles:
    """Reads the in-memory catalog's files (what the scanner or a test recorded), as the
    Postgres adapter reads movie_files."""

    def __init__(self, state: InMemoryState) -> None:
        self._tables = CatalogTables(state)

    async def playable(self, movie_id: str, file_id: str | None) -> PlayableFile:
        files = [f for f in self._tables.files.values()
                 if f.movie_id == movie_id and f.missing_since is None
                 and file_id in (None, f.id)]
        if not files:
            raise NotFound("no such movie file", field="file_id" if file_id else "movie_id")
        chosen = min(files, key=_file_order)
        sidecars = await asyncio.to_thread(sidecar_files, chosen.path)
        return PlayableFile(movie_id=chosen.movie_id, file_id=chosen.id, path=chosen.path,
                            size=chosen.size_bytes, mtime=chosen.mtime.timestamp(),
                            sidecars=sidecars)


def _file_order(file: MovieFile) -> tuple[bool, bool, int, str]:
    """Main files first, then by part (none first), then path."""
    return file.kind != "main", file.part is not None, file.part or 0, file.path


class InMemorySegmenter:
    """Writes a placeholder file per requested segment; records what was asked. Named
    replicas write into their own folder of a shared one, as ffmpeg's segmenter does."""

    def __init__(self, directory: Path, replica: str = "") -> None:
        self._shared = directory
        self._directory = directory / f"replica-{replica}" if replica else directory
        self.requests: list[tuple[str, str, int]] = []
        self.stopped: list[str] = []
        self.reaped: list[float] = []
        self._active: set[str] = set()

    async def segment(self, job: HlsJob, index: int) -> str:
        if not 0 <= index < len(job.segments):
            raise NotFound(f"segment {index} does not exist")
        self.requests.append((job.session_id, job.variant.name, index))
        self._active.add(job.session_id)
        path = self._directory / job.session_id / job.variant.name / f"{index}.ts"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"G" * 188)
        return str(path)

    def finished_by(self, replica: str, job: HlsJob, index: int) -> str | None:
        path = (self._shared / f"replica-{replica}" / job.session_id / job.variant.name
                / f"{index}.ts")
        return str(path) if path.is_file() else None

    async def stop(self, session_id: str) -> None:
        self.stopped.append(session_id)
        self._active.discard(session_id)

    async def reap(self, idle_seconds: float) -> None:
        self.reaped.append(idle_seconds)

    def running(self) -> int:
        return len(self.sessions())

    def sessions(self) -> set[str]:
        return set(self._active)


class InMemoryProgressRecorder:
    def __init__(self) -> None:
        self.reports: list[tuple[str, str, float, float]] = []

    async def record(self, actor: Principal, movie_id: str, position_seconds: float,
                     duration_seconds: float) -> None:
        self.reports.append((actor.user_id, movie_id, position_seconds, duration_seconds))

"""In-memory playback adapters: the session registry (also the real one: sessions live in
the process that runs their ffmpeg), and twins of PlayableFiles, Segmenter and the
progress recorder for tests and the memory profile."""

from __future__ import annotations

import asyncio
from pathlib import Path

from revenge.adapters.filesystem.sidecar_files import sidecar_files
from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.identity.principal import Principal
from revenge.application.playback.ports import PlayableFile
from revenge.domain.catalog.media import MovieFile
from revenge.domain.errors import NotFound
from revenge.domain.playback.sessions import HlsJob, PlaybackSession


class InMemoryPlaybackSessions:
    def __init__(self) -> None:
        self._sessions: dict[str, PlaybackSession] = {}

    def add(self, session: PlaybackSession) -> None:
        self._sessions[session.id] = session

    def get(self, session_id: str) -> PlaybackSession | None:
        return self._sessions.get(session_id)

    def save(self, session: PlaybackSession) -> None:
        if session.id in self._sessions:
            self._sessions[session.id] = session

    def remove(self, session_id: str) -> PlaybackSession | None:
        return self._sessions.pop(session_id, None)

    def all(self) -> list[PlaybackSession]:
        return sorted(self._sessions.values(), key=lambda s: (s.started_at, s.id))


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
    """Writes a placeholder file per requested segment; records what was asked."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self.requests: list[tuple[str, str, int]] = []
        self.stopped: list[str] = []
        self.reaped: list[float] = []

    async def segment(self, job: HlsJob, index: int) -> str:
        if not 0 <= index < len(job.segments):
            raise NotFound(f"segment {index} does not exist")
        self.requests.append((job.session_id, job.variant.name, index))
        path = self._directory / job.session_id / job.variant.name / f"{index}.ts"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"G" * 188)
        return str(path)

    async def stop(self, session_id: str) -> None:
        self.stopped.append(session_id)

    async def reap(self, idle_seconds: float) -> None:
        self.reaped.append(idle_seconds)

    def running(self) -> int:
        return len({r[0] for r in self.requests} - set(self.stopped))


class InMemoryProgressRecorder:
    def __init__(self) -> None:
        self.reports: list[tuple[str, str, float, float]] = []

    async def record(self, actor: Principal, movie_id: str, position_seconds: float,
                     duration_seconds: float) -> None:
        self.reports.append((actor.user_id, movie_id, position_seconds, duration_seconds))

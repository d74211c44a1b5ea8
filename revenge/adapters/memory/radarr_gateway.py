"""In-memory twins of Radarr (the gateway and its connector) and of the local disk."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime

import msgspec

from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.radarr.errors import RadarrRefused
from revenge.domain.radarr.model import (
    CommandState,
    HistoryRecord,
    QualityProfile,
    RadarrFile,
    RadarrMovie,
    RadarrSystem,
    RootFolder,
    Tag,
)


class InMemoryRadarr:
    """A Radarr holding movies in a dict; tests change them directly. It answers only
    its `url` with its `api_key` (else `Unavailable` / `RadarrRefused`, as the HTTP
    gateway would); commands complete at once."""

    def __init__(self, *, url: str = "http://radarr.test:7878", api_key: str = "radarr-key",
                 version: str = "5.14.0.9383") -> None:
        self.url = url
        self.api_key = api_key
        self.version = version
        self.movies_by_id: dict[int, RadarrMovie] = {}
        self.history: list[HistoryRecord] = []
        self.profiles = [QualityProfile(1, "Any"), QualityProfile(4, "HD-1080p")]
        self.folders = [RootFolder(id=1, path="/movies", free_space=1 << 40)]
        self.tag_list = [Tag(1, "revenge")]
        self.commands: dict[int, CommandState] = {}
        self.calls: list[str] = []

    def put(self, *movies: RadarrMovie) -> None:
        for movie in movies:
            self.movies_by_id[movie.radarr_id] = movie

    def connect(self, url: str, api_key: str) -> AbstractAsyncContextManager[InMemoryRadarr]:
        return self._connected(url, api_key)

    @asynccontextmanager
    async def _connected(self, url: str, api_key: str) -> AsyncIterator[InMemoryRadarr]:
        if url.rstrip("/") != self.url.rstrip("/"):
            raise Unavailable("radarr", f"{url}: cannot connect")
        if api_key != self.api_key:
            raise RadarrRefused("Radarr refused the API key (HTTP 401)")
        yield self

    async def system_status(self) -> RadarrSystem:
        self.calls.append("system_status")
        return RadarrSystem(app_name="Radarr", version=self.version)

    async def movies(self) -> list[RadarrMovie]:
        self.calls.append("movies")
        return [self.movies_by_id[key] for key in sorted(self.movies_by_id)]

    async def movie(self, radarr_id: int) -> RadarrMovie:
        if radarr_id not in self.movies_by_id:
            raise NotFound(f"Radarr has no /movie/{radarr_id} (HTTP 404)")
        return self.movies_by_id[radarr_id]

    async def movie_files(self, radarr_movie_id: int) -> list[RadarrFile]:
        movie = self.movies_by_id.get(radarr_movie_id)
        return [movie.file] if movie and movie.file else []

    async def quality_profiles(self) -> list[QualityProfile]:
        return list(self.profiles)

    async def root_folders(self) -> list[RootFolder]:
        return list(self.folders)

    async def tags(self) -> list[Tag]:
        return list(self.tag_list)

    async def history_since(self, since: datetime) -> list[HistoryRecord]:
        self.calls.append("history_since")
        return sorted((r for r in self.history if r.date >= since), key=lambda r: r.date)

    async def run_command(self, name: str, movie_ids: Sequence[int]) -> CommandState:
        command = CommandState(id=len(self.commands) + 1, name=name, status="completed")
        self.commands[command.id] = command
        return command

    async def command(self, command_id: int) -> CommandState:
        if command_id not in self.commands:
            raise NotFound(f"Radarr has no /command/{command_id} (HTTP 404)")
        return self.commands[command_id]

    def without_file(self, radarr_id: int) -> None:
        movie = self.movies_by_id[radarr_id]
        self.movies_by_id[radarr_id] = msgspec.structs.replace(movie, file=None)


class InMemoryLocalDisk:
    """A set of paths that "exist"."""

    def __init__(self, paths: Collection[str] = ()) -> None:
        self.paths = set(paths)

    async def existing(self, paths: Collection[str]) -> set[str]:
        return {path for path in paths if path in self.paths}

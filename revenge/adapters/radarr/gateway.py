"""`RadarrGateway` over Radarr's HTTP API v3, and the connector that opens one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime

import httpx

from revenge.adapters.radarr import mapping
from revenge.adapters.radarr.client import (
    DEFAULT_SETTINGS,
    RadarrClient,
    RadarrClientSettings,
)
from revenge.adapters.radarr.wire import (
    WireCommand,
    WireHistoryRecord,
    WireMovie,
    WireMovieFile,
    WireQualityProfile,
    WireRootFolder,
    WireSystemStatus,
    WireTag,
)
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

COMMANDS = frozenset({"RefreshMovie", "RescanMovie"})


class HttpRadarrGateway:
    def __init__(self, client: RadarrClient) -> None:
        self._client = client

    async def system_status(self) -> RadarrSystem:
        return mapping.system_of(await self._client.get("/system/status", WireSystemStatus))

    async def movies(self) -> list[RadarrMovie]:
        return [mapping.movie_of(m) for m in await self._client.get("/movie", list[WireMovie])]

    async def movie(self, radarr_id: int) -> RadarrMovie:
        return mapping.movie_of(await self._client.get(f"/movie/{radarr_id}", WireMovie))

    async def movie_files(self, radarr_movie_id: int) -> list[RadarrFile]:
        files = await self._client.get("/moviefile", list[WireMovieFile],
                                       params={"movieId": radarr_movie_id})
        return [file for wire in files if (file := mapping.file_of(wire, None))]

    async def quality_profiles(self) -> list[QualityProfile]:
        profiles = await self._client.get("/qualityprofile", list[WireQualityProfile])
        return [mapping.profile_of(profile) for profile in profiles]

    async def root_folders(self) -> list[RootFolder]:
        folders = await self._client.get("/rootfolder", list[WireRootFolder])
        return [mapping.root_folder_of(folder) for folder in folders]

    async def tags(self) -> list[Tag]:
        return [mapping.tag_of(tag) for tag in await self._client.get("/tag", list[WireTag])]

    async def history_since(self, since: datetime) -> list[HistoryRecord]:
        records = await self._client.get("/history/since", list[WireHistoryRecord],
                                         params={"date": since.isoformat()})
        return sorted((mapping.history_of(r) for r in records), key=lambda r: r.date)

    async def run_command(self, name: str, movie_ids: Sequence[int]) -> CommandState:
        if name not in COMMANDS:
            raise ValueError(f"unsupported Radarr command {name!r}")
        body: dict[str, object] = {"name": name, "movieIds": list(movie_ids)}
        if name == "RescanMovie" and movie_ids:
            body["movieId"] = movie_ids[0]  # RescanMovie takes one movie
        return mapping.command_of(await self._client.post("/command", body, WireCommand))

    async def command(self, command_id: int) -> CommandState:
        return mapping.command_of(await self._client.get(f"/command/{command_id}", WireCommand))


class HttpRadarrConnector:
    """Opens a client per use (settings may change between uses)."""

    def __init__(self, settings: RadarrClientSettings = DEFAULT_SETTINGS,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._settings = settings
        self._transport = transport

    def connect(self, url: str, api_key: str
                ) -> AbstractAsyncContextManager[HttpRadarrGateway]:
        return self._connected(url, api_key)

    @asynccontextmanager
    async def _connected(self, url: str, api_key: str) -> AsyncIterator[HttpRadarrGateway]:
        client = RadarrClient(url, api_key, self._settings, self._transport)
        try:
            yield HttpRadarrGateway(client)
        finally:
            await client.aclose()

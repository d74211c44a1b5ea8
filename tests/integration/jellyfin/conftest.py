"""A memory-profile Revenge on a free port with generated clips in its catalog, and a
Jellyfin app's sign-in for its admin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.fixtures.media import H264_AAC_MP4, HEVC_AC3_MKV, generate
from tests.integration.playback.live import PASSWORD, Live, live_server, movie_id

APP = ('MediaBrowser Client="Test App", Device="Test Box", DeviceId="device-1", '
       'Version="1.2.3"')


@dataclass
class Jellyfin:
    live: Live
    token: str
    user_id: str

    @property
    def client(self) -> httpx.AsyncClient:
        return self.live.client

    def headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f'{APP}, Token="{token or self.token}"'}

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.client.get(path, headers=self.headers(), params=params)

    async def post(self, path: str, json: Any = None, **params: Any) -> httpx.Response:
        return await self.client.post(path, headers=self.headers(), json=json, params=params)


def item_id(name: str) -> str:
    return movie_id(name).replace("-", "")


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/Users/AuthenticateByName", headers={"Authorization": APP},
                             json={"Username": username, "Pw": password})


@pytest.fixture(scope="module")
async def jellyfin(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Jellyfin]:
    media = tmp_path_factory.mktemp("jellyfin-media")
    files = {"Direct": generate(H264_AAC_MP4, media), "Transcoded": generate(HEVC_AC3_MKV, media)}
    async with live_server(tmp_path_factory.mktemp("jellyfin"), files) as live:
        answer = await sign_in(live.client, "root", PASSWORD)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        yield Jellyfin(live, body["AccessToken"], body["User"]["Id"])

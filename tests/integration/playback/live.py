"""A memory-profile Revenge served by embedded granian on a free port, with movie files
registered in its PlayableFiles, so real clients (ffmpeg, httpx) talk HTTP to it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from granian.constants import Interfaces
from granian.server.embed import Server

from revenge.application.playback.ports import PlayableFile
from revenge.domain.media.sidecars import sidecar_subtitles
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.embedded.net import free_port
from revenge.entrypoints.http.app import create_app

PASSWORD = "correct horse battery staple"


@dataclass
class Live:
    base: str
    client: httpx.AsyncClient
    container: Any
    admin: dict[str, str]

    async def start(self, movie_id: str, **body: Any) -> httpx.Response:
        return await self.client.post("/api/v1/playback/sessions", headers=self.admin,
                                      json={"movie_id": movie_id, **body})

    async def session(self, movie_id: str, **body: Any) -> dict[str, Any]:
        response = await self.start(movie_id, **body)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    async def end(self, session_id: str, **params: Any) -> httpx.Response:
        return await self.client.delete(f"/api/v1/playback/sessions/{session_id}",
                                        headers=self.admin, params=params)


def playable(movie_id: str, path: Path) -> PlayableFile:
    sidecars = tuple(s.__class__(**{**_fields(s), "path": str(path.parent / (s.path or ""))})
                     for s in sidecar_subtitles(path.name, os.listdir(path.parent)))
    stat = path.stat()
    return PlayableFile(movie_id=movie_id, file_id=f"file-{movie_id}", path=str(path),
                        size=stat.st_size, mtime=stat.st_mtime, sidecars=sidecars)


def _fields(struct: Any) -> dict[str, Any]:
    return {f: getattr(struct, f) for f in struct.__struct_fields__}


@contextlib.asynccontextmanager
async def live_server(data_dir: Path, files: dict[str, Path], **settings: Any
                      ) -> AsyncIterator[Live]:
    config = Config(data_dir=str(data_dir), hls_segment_seconds=2.0, **settings)
    container = build_container(config, "memory")
    for movie_id, path in files.items():
        container.playback.playable_files().add(playable(movie_id, path))
    port = free_port()
    logging.getLogger("_granian").setLevel(logging.WARNING)
    server = Server(create_app(container), address="127.0.0.1", port=port,
                    interface=Interfaces.ASGI, log_enabled=False)
    task = asyncio.create_task(server.serve())
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await _wait_ready(client)
        admin = await _admin(client)
        try:
            yield Live(base, client, container, admin)
        finally:
            server.stop()
            await task


async def _wait_ready(client: httpx.AsyncClient) -> None:
    for _ in range(200):
        with contextlib.suppress(httpx.HTTPError):
            if (await client.get("/healthz")).status_code == 200:
                return
        await asyncio.sleep(0.05)
    raise TimeoutError("embedded server did not start")


async def _admin(client: httpx.AsyncClient) -> dict[str, str]:
    await client.post("/api/v1/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    response = await client.post("/api/v1/auth/login",
                                 json={"username": "root", "password": PASSWORD})
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def run(*argv: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode(), err.decode()

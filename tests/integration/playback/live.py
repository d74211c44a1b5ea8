"""A memory-profile Revenge served by embedded granian on a free port, with movies and
their files in its catalog, so real clients (ffmpeg, httpx) talk HTTP to it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from granian.constants import Interfaces
from granian.server.embed import Server

from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.entrypoints.config import Config
from revenge.entrypoints.embedded.net import free_port
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container

PASSWORD = "correct horse battery staple"
_NAMESPACE = uuid.UUID("6f1c1f52-3c59-4a51-9d0a-59f7c1b7e2a1")


@dataclass
class Live:
    """`client` authenticates by `admin` (a bearer header) and holds no cookies."""

    base: str
    client: httpx.AsyncClient
    container: Any
    admin: dict[str, str]

    async def start(self, movie: str, **body: Any) -> httpx.Response:
        """Starts playing the movie registered under the name `movie`."""
        return await self.client.post("/api/v1/playback/sessions", headers=self.admin,
                                      json={"movie_id": movie_id(movie), **body})

    async def session(self, movie: str, **body: Any) -> dict[str, Any]:
        response = await self.start(movie, **body)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    async def end(self, session_id: str, **params: Any) -> httpx.Response:
        return await self.client.delete(f"/api/v1/playback/sessions/{session_id}",
                                        headers=self.admin, params=params)


def movie_id(name: str) -> str:
    """The catalog id of the movie a live server holds under `name`."""
    return str(uuid.uuid5(_NAMESPACE, name))


async def add_movie(container: Any, name: str, path: Path) -> str:
    """A catalog movie (id `movie_id(name)`) with `path` as its main file, as a scan
    would record it."""
    now = datetime.now(UTC)
    movie = new_movie(movie_id(name), MovieFields(title=name), now)
    stat = await asyncio.to_thread(path.stat)
    file = MovieFile(id=str(uuid.uuid5(_NAMESPACE, str(path))), movie_id=movie.id,
                     path=str(path), size_bytes=stat.st_size,
                     mtime=datetime.fromtimestamp(stat.st_mtime, UTC), added_at=now,
                     updated_at=now)
    async with container.catalog.unit_of_work() as uow:
        await uow.movies.add(movie)
        await uow.files.add(file)
        await uow.commit()
    return movie.id


@contextlib.asynccontextmanager
async def live_server(data_dir: Path, files: dict[str, Path], **settings: Any
                      ) -> AsyncIterator[Live]:
    config = Config(data_dir=str(data_dir), hls_segment_seconds=2.0, **settings)
    container = build_memory_container(config)
    for name, path in files.items():
        await add_movie(container, name, path)
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
    client.cookies.clear()  # an API client: the bearer token only, no web UI cookie
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def run(*argv: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, out.decode(), err.decode()

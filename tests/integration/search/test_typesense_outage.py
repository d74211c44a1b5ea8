"""Typesense dies during a search load: no 5xx, answers come from PostgreSQL flagged
degraded, /readyz says degraded (200); once it is back, reconciliation repairs the drift."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from revenge.application.search.reconcile_index import ReconcileIndexCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.embedded.process import Child
from revenge.entrypoints.embedded.typesense import EmbeddedTypesense
from revenge.entrypoints.http.app import create_app
from tests.contract.search.documents import document, small_catalog
from tests.integration.search.catalog_rows import delete_movie, insert_movies, update_title

PASSWORD = "correct horse battery staple"


@pytest.fixture
def own_typesense(tmp_path: Path) -> Iterator[tuple[EmbeddedTypesense, Child]]:
    """A Typesense of this test's own, to kill and restart."""
    service = EmbeddedTypesense(tmp_path / "search")
    child = Child(service.spec())
    child.start(threading.Event())
    try:
        yield service, child
    finally:
        child.stop()


@pytest.fixture
def settings(fresh_database_url: str, redis_url: str, tmp_path: Path,
             own_typesense: tuple[EmbeddedTypesense, Child]) -> Config:
    service, _ = own_typesense
    return Config(database_url=fresh_database_url, redis_url=redis_url, data_dir=str(tmp_path),
                  typesense_url=service.url, typesense_api_key=service.api_key)


@pytest.fixture
async def worker(settings: Config) -> AsyncIterator[AppContainer]:
    """What the worker process would do, on the test's loop (the app runs on its own)."""
    container = build_container(settings)
    await container.core.database().open()
    yield container
    await container.search.typesense().close()
    await container.core.database().close()


async def test_searches_survive_a_typesense_crash_and_the_index_heals_after(
        settings: Config, worker: AppContainer,
        own_typesense: tuple[EmbeddedTypesense, Child]) -> None:
    _, child = own_typesense
    database = worker.core.database()
    movies = small_catalog()
    await insert_movies(database, list(movies.values()))
    await worker.search.reconcile_index().execute(ReconcileIndexCommand())
    async with AsyncTestClient(create_app(build_container(settings))) as client:
        auth = await _admin(client)
        load = Load(client, auth)
        searching = asyncio.create_task(load.run())
        await load.answered(10)
        load.killed = True
        _kill(child)
        await load.answered(load.count + 20)
        ready = (await client.get("/readyz")).json()
        await update_title(database, movies["Heat"].id, "Heat Wave")
        await delete_movie(database, movies["Alien"].id)
        await insert_movies(database, [document("Solaris", year=1972)])
        load.stop.set()
        await searching
        assert load.statuses == {200}
        assert load.degraded and not load.degraded_before_kill
        assert load.all_found_the_matrix
        assert ready["status"] == "degraded" and _search_check(ready)["ok"] is False

        child.start(threading.Event())
        await _until_search_ready(client)
        report = await worker.search.reconcile_index().execute(ReconcileIndexCommand())
        assert (report.indexed, report.removed, report.rebuilt) == (2, 1, False)
        assert await worker.search.index().versions() == \
            await worker.search.documents().versions()
        after = (await client.get("/api/v1/search", params={"q": "solaris"}, headers=auth)).json()
        assert after["degraded"] is False and [h["title"] for h in after["hits"]] == ["Solaris"]


class Load:
    """Back-to-back searches; records every status and whether it came degraded."""

    def __init__(self, client: AsyncTestClient[Litestar], auth: dict[str, str]) -> None:
        self.client, self.auth = client, auth
        self.stop = asyncio.Event()
        self.statuses: set[int] = set()
        self.count = 0
        self.killed = False
        self.degraded = False
        self.degraded_before_kill = False
        self.all_found_the_matrix = True

    async def run(self) -> None:
        while not self.stop.is_set():
            response = await self.client.get("/api/v1/search", params={"q": "matirx"},
                                             headers=self.auth)
            self.statuses.add(response.status_code)
            self._note(response.json() if response.status_code == 200 else {})
            self.count += 1
            await asyncio.sleep(0)  # the test client blocks the loop; let the test run too

    def _note(self, body: dict[str, Any]) -> None:
        degraded = bool(body.get("degraded"))
        self.degraded |= degraded
        self.degraded_before_kill |= degraded and not self.killed
        titles = [hit["title"] for hit in body.get("hits", [])]
        self.all_found_the_matrix &= "The Matrix" in titles

    async def answered(self, count: int) -> None:
        for _ in range(100_000):
            if self.count >= count:
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"only {self.count} of {count} searches answered")


def _kill(child: Child) -> None:
    assert child.proc is not None
    os.kill(child.proc.pid, signal.SIGKILL)
    child.proc.wait()


async def _admin(client: AsyncTestClient[Litestar]) -> dict[str, str]:
    await client.post("/api/v1/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    response = await client.post("/api/v1/auth/login",
                                 json={"username": "root", "password": PASSWORD})
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _search_check(report: dict[str, Any]) -> dict[str, Any]:
    return next(check for check in report["checks"] if check["name"] == "search")


async def _until_search_ready(client: AsyncTestClient[Litestar]) -> None:
    for _ in range(100):
        report = (await client.get("/readyz")).json()
        if _search_check(report)["ok"]:
            assert report["status"] == "ready"
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"search never came back: {report}")

"""A live `revenge http` + `revenge worker` pair on a database of its own and a private
Redis database, a fake Radarr, an admin, a webhooks-scoped API key, and a library folder
that Radarr's `/movies` maps to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import LiveServer, fresh_database, live_server_environment, start_server
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, log_in
from tests.fakes.radarr import API_KEY, FakeRadarr, generated
from tests.support.redis_db import private_redis

pytestmark = pytest.mark.e2e

ADMIN = "/admin/integrations/radarr"
BULK_LOCAL = "/srv/revenge-e2e-radarr"  # the 200 synced movies' files need not exist


@dataclass
class Stack:
    server: LiveServer
    worker: subprocess.Popen[bytes]
    admin: Account
    webhook_key: str
    media: Path
    radarr: FakeRadarr

    def client(self) -> httpx.Client:
        return client_for(self.server)

    def root(self) -> httpx.Client:
        """At the server's root path (the Emby-style endpoints)."""
        return httpx.Client(base_url=self.server.base_url, timeout=30)


def eventually(check: Callable[[], Any], timeout: float = 60.0, every: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"still {result!r} after {timeout} s")
        time.sleep(every)


def finished(api: httpx.Client, stack: Stack, job_id: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        job: dict[str, Any] = api.get(f"/admin/jobs/{job_id}",
                                      headers=stack.admin.auth).json()
        return job if job["status"] in ("succeeded", "failed") else None

    return eventually(done)


def settled(api: httpx.Client, stack: Stack) -> None:
    """Waits until no library scan is queued or running (the follow-up scans events
    request; search updates may keep retrying without a search server, so not all jobs)."""
    def idle() -> bool:
        return all(api.get("/admin/jobs", headers=stack.admin.auth, params={
            "status": status, "name": "library.scan", "limit": 1}).json()["total"] == 0
                   for status in ("queued", "running"))

    eventually(idle)


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "revenge", "worker"], env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _set_up(api: httpx.Client, radarr: FakeRadarr, media: Path) -> tuple[Account, str]:
    api.post("/auth/register", json={"username": "root", "email": "root@example.org",
                                     "password": PASSWORD})
    admin = log_in(api, "root")
    key = api.post("/users/me/api-keys", headers=admin.auth,
                   json={"name": "radarr", "scopes": ["webhooks"]})
    assert key.status_code == 201, key.text
    library = api.post("/admin/libraries", headers=admin.auth,
                       json={"name": "Radarr movies", "paths": [str(media)]})
    assert library.status_code == 201, library.text
    saved = api.put(f"{ADMIN}/settings", headers=admin.auth, json={
        "url": radarr.url, "api_key": API_KEY,  # no periodic sync: the tests drive them
        "path_mappings": [{"remote": "/bulk", "local": BULK_LOCAL},
                          {"remote": "/movies", "local": str(media)}]})
    assert saved.status_code == 200, saved.text
    return admin, key.json()["key"]


@pytest.fixture(scope="package")
def stack(postgres_server_url: str, redis_url: str,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data_dir = tmp_path_factory.mktemp("radarr-stack")
    media = tmp_path_factory.mktemp("radarr-media")
    queue = private_redis(redis_url)
    with fresh_database(postgres_server_url, "revenge_e2e_radarr") as url, \
            FakeRadarr(generated(200, root="/bulk")) as radarr, \
            start_server(url, queue, data_dir) as server:
        worker = _worker(live_server_environment(url, queue, data_dir), data_dir / "worker.log")
        try:
            with client_for(server) as api:
                admin, key = _set_up(api, radarr, media)
                yield Stack(server, worker, admin, key, media, radarr)
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)

"""A live `revenge http` and `revenge worker` pair on a fresh database and a private Redis
database (so no other test's worker takes our jobs), with an admin account."""

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

from tests.e2e.conftest import LiveServer, live_server_environment, start_server
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, log_in
from tests.support.redis_db import private_redis

pytestmark = pytest.mark.e2e


@dataclass
class Stack:
    server: LiveServer
    worker: subprocess.Popen[bytes]
    worker_log: Path
    admin: Account
    media: Path

    def client(self) -> httpx.Client:
        return client_for(self.server)


@pytest.fixture(scope="module")
def stack(live_server_database: str, redis_url: str,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data_dir = tmp_path_factory.mktemp("library-stack")
    media = tmp_path_factory.mktemp("library-media")
    queue = private_redis(redis_url)
    settings = {"REVENGE_LIBRARY_WATCH_DELAY_SECONDS": "0.5"}
    with start_server(live_server_database, queue, data_dir, **settings) as server:
        log = data_dir / "worker.log"
        env = live_server_environment(live_server_database, queue, data_dir, **settings)
        with log.open("wb") as out:
            worker = subprocess.Popen([sys.executable, "-m", "revenge", "worker"], env=env,
                                      stdout=out, stderr=subprocess.STDOUT,
                                      start_new_session=True)
        try:
            with client_for(server) as api:
                yield Stack(server, worker, log, _admin(api), media)
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


def _admin(api: httpx.Client) -> Account:
    response = api.post("/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    assert response.status_code in (201, 403, 409), response.text
    return log_in(api, "root")


def eventually(check: Callable[[], Any], timeout: float = 30.0, every: float = 0.05) -> Any:
    """The first truthy result of `check`, polled until `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"still {result!r} after {timeout} s")
        time.sleep(every)


@pytest.fixture
def fresh_database_url(postgres_server_url: str) -> Iterator[str]:
    """An empty database of its own (dropped afterwards)."""
    import uuid

    import psycopg
    from psycopg import sql

    name = f"revenge_cli_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    info["dbname"] = name
    yield psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))

"""`live_server`: a real `revenge http` process on a free port, against real PostgreSQL and
Redis (the session's `postgres_server_url` / `redis_url`), with a fresh database that the
server migrates itself. Reusable by every context's e2e tests.

The server trusts 127.0.0.1 as a proxy, so tests may set `X-Forwarded-For` to act as
different clients (throttling is per client IP). A suite that needs a server of its own
(e.g. an empty one, to register its first user) overrides `live_server` in its conftest
with `fresh_database` + `start_server`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql

from revenge.entrypoints.embedded.net import free_port

START_TIMEOUT = 90.0


@dataclass
class LiveServer:
    base_url: str
    database_url: str
    redis_url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def url(self, path: str) -> str:
        return self.base_url + path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def fresh_database(postgres_server_url: str, prefix: str = "revenge_e2e") -> Iterator[str]:
    """A new, empty database on that server, dropped on exit."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    info["dbname"] = name
    try:
        yield psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v is not None})
    finally:
        with psycopg.connect(postgres_server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


@pytest.fixture(scope="session")
def live_server_database(postgres_server_url: str) -> Iterator[str]:
    """A fresh, empty database for the live server (dropped afterwards)."""
    with fresh_database(postgres_server_url) as url:
        yield url


def live_server_environment(database_url: str, redis_url: str, data_dir: Path,
                            **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    env.update(REVENGE_DATABASE_URL=database_url, REVENGE_REDIS_URL=redis_url,
               REVENGE_DATA_DIR=str(data_dir), REVENGE_TRUSTED_PROXIES="127.0.0.1",
               REVENGE_LOG_FORMAT="json", REVENGE_LOG_LEVEL="info", **extra)
    return env


@pytest.fixture(scope="session")
def live_server(live_server_database: str, redis_url: str,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("live-server")
    with start_server(live_server_database, redis_url, data_dir) as server:
        yield server


class start_server:
    """Context manager: start `python -m revenge http`, wait for /readyz, stop it."""

    def __init__(self, database_url: str, redis_url: str, data_dir: Path, **env: str) -> None:
        self._env = live_server_environment(database_url, redis_url, data_dir, **env)
        self._database_url, self._redis_url, self._data_dir = database_url, redis_url, data_dir

    def __enter__(self) -> LiveServer:
        port = free_port()
        log = self._data_dir / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "revenge", "http", "--host", "127.0.0.1",
                 "--port", str(port)], env=self._env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        self.server = LiveServer(f"http://127.0.0.1:{port}", self._database_url,
                                 self._redis_url, self._data_dir, log, process)
        try:
            _wait_ready(self.server)
        except BaseException:
            _stop(process)
            raise
        return self.server

    def __exit__(self, *exc: object) -> None:
        _stop(self.server.process)


def _wait_ready(server: LiveServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"server exited early:\n{server.output()}")
        try:
            if httpx.get(server.url("/readyz"), timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server never became ready:\n{server.output()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)

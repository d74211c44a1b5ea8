"""Stopping PostgreSQL under a running server: alive, not ready, then ready again."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from revenge.entrypoints.embedded.postgres import embedded_postgres


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_status(url: str, status: int, timeout: float = 30) -> httpx.Response:
    deadline = time.monotonic() + timeout
    last: httpx.Response | None = None
    while time.monotonic() < deadline:
        try:
            last = httpx.get(url, timeout=3)
            if last.status_code == status:
                return last
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never answered {status}; last: {last and last.text}")


@pytest.fixture
def http_server(redis_url: str, tmp_path: Path) -> Iterator[tuple[str, Path, int]]:
    pg_dir, pg_port, http_port = tmp_path / "pg", _free_port(), _free_port()
    with embedded_postgres(pg_dir, port=pg_port) as database_url:
        env = {**os.environ, "REVENGE_DATABASE_URL": database_url, "REVENGE_REDIS_URL": redis_url,
               "REVENGE_READINESS_TIMEOUT_SECONDS": "1"}
        proc = subprocess.Popen([sys.executable, "-m", "revenge", "http", "--port", str(http_port)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_status(f"http://127.0.0.1:{http_port}/readyz", 200, timeout=60)
            yield f"http://127.0.0.1:{http_port}", pg_dir, pg_port
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)


def test_stopping_postgres_turns_readyz_503_and_back_without_restart(
    http_server: tuple[str, Path, int],
) -> None:
    base, pg_dir, pg_port = http_server
    _stop_postgres(pg_dir)
    down = _wait_status(f"{base}/readyz", 503)
    body = down.json()
    # Only critical dependencies make the server unavailable; optional ones (search
    # without a configured Typesense here) may be reported too, as degraded.
    failing = [c["name"] for c in body["checks"] if not c["ok"] and c["critical"]]
    assert body["status"] == "unavailable" and failing == ["database"]
    assert httpx.get(f"{base}/healthz").status_code == 200
    with embedded_postgres(pg_dir, port=pg_port):  # same data and port: a plain restart
        _wait_status(f"{base}/readyz", 200)


def _stop_postgres(data_dir: Path) -> None:
    """Fast shutdown of the postmaster that owns `data_dir` (pid from postmaster.pid)."""
    pid_file = next(data_dir.rglob("postmaster.pid"))
    pid = int(pid_file.read_text().splitlines()[0])
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + 30
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)

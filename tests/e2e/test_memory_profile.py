"""The memory profile boots the real HTTP server with no infrastructure at all."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_http_server_boots_on_the_memory_profile_without_services() -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    proc = subprocess.Popen([sys.executable, "-m", "revenge", "http", "--profile", "memory",
                             "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        ready = _wait_ready(f"http://127.0.0.1:{port}/readyz")
        assert ready.json()["status"] == "ready"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=90)
    assert proc.returncode == 0
    assert b"Traceback" not in stderr


def test_http_without_database_url_outside_memory_profile_is_a_clear_error() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    result = subprocess.run([sys.executable, "-m", "revenge", "http"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "REVENGE_DATABASE_URL" in result.stderr and "Traceback" not in result.stderr


def _wait_ready(url: str, timeout: float = 120) -> httpx.Response:
    # generous: the bound is for a hang, and a loaded 2-core CI box starts Python slowly
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            response = httpx.get(url, timeout=1)
            if response.status_code == 200:
                return response
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} never became ready")


def test_http_refuses_a_port_another_server_listens_on() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "revenge", "http", "--profile", "memory",
                                 "--port", str(port)], capture_output=True, text=True,
                                timeout=60, check=False)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr

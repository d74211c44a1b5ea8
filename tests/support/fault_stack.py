"""A real `revenge serve` under a steady request loop, and SIGKILL of one child at a time.

Shared by the fault suite (`tests/e2e/test_faults.py`, which asserts bounds) and
`bench/bench_faults.py` (which prints the figures, also for an older checkout). The loop
writes watch progress (each acknowledged position is remembered, then read back) and
searches the whole catalog (an answer from the index must be the whole catalog).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PASSWORD = "correct horse battery staple"
API = "/api/v1"


@dataclass
class Serve:
    proc: subprocess.Popen[bytes]
    port: int
    data_dir: Path
    log: Path
    token: str = ""

    def client(self, timeout: float = 5.0) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return httpx.Client(base_url=f"http://127.0.0.1:{self.port}{API}", timeout=timeout,
                            headers=headers)

    def child(self, name: str) -> int | None:
        """The pid of the serve's direct child whose command line mentions `name`."""
        found = [pid for pid in children_of(self.proc.pid) if name in command_line(pid)]
        return found[0] if found else None

    def replaced(self, name: str, old: int, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid = self.child(name)
            if pid and pid != old:
                return pid
            time.sleep(0.05)
        return None

    def typesense_healthy(self) -> bool:
        port = json.loads((self.data_dir / "typesense.ports").read_text())[0]
        with contextlib.suppress(httpx.HTTPError):
            return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
        return False


@contextlib.contextmanager
def serving(data_dir: Path, port: int, *, checkout: Path | None = None,
            start_timeout: float = 180.0,
            while_starting: Callable[[int], None] | None = None) -> Iterator[Serve]:
    """`revenge serve` (from `checkout`, default this one) until ready, with an admin.
    `while_starting(pid)` runs beside the start (e.g. to kill a child as it appears)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    env.update(REVENGE_DATA_DIR=str(data_dir), REVENGE_LOG_LEVEL="warning")
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / f"{data_dir.name}-serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "revenge", "serve", "--port", str(port)],
                                env=env, cwd=checkout, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    serve = Serve(proc, port, data_dir, log)
    if while_starting is not None:
        threading.Thread(target=while_starting, args=(proc.pid,), daemon=True).start()
    try:
        _wait_ready(serve, start_timeout)
        serve.token = _admin_token(serve)
        yield serve
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _wait_ready(serve: Serve, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if serve.proc.poll() is not None:
            raise RuntimeError(f"serve exited: {serve.log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{serve.port}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"serve not ready in {timeout}s")


def _admin_token(serve: Serve) -> str:
    with serve.client(timeout=30) as api:
        api.post("/auth/register", json={"username": "root", "email": "root@example.org",
                                         "password": PASSWORD})
        login = api.post("/auth/login", json={"username": "root", "password": PASSWORD})
        login.raise_for_status()
        return str(login.json()["access_token"])


def add_movies(serve: Serve, count: int) -> list[str]:
    with serve.client(timeout=30) as api:
        return [api.post("/movies", json={"title": f"Fault Movie {n:03d}"}).json()["id"]
                for n in range(count)]


@dataclass
class Outcome:
    at: float
    kind: str  # "progress" or "search"
    ok: bool
    detail: str = ""


@dataclass
class Load:
    """Progress writes round-robin over `movies` (positions only grow), a search of the
    whole catalog every other request, until `stop()`; every outcome is kept."""

    serve: Serve
    movies: list[str]
    outcomes: list[Outcome] = field(default_factory=list)
    acked: dict[str, int] = field(default_factory=dict)
    searches: list[tuple[float, int, bool]] = field(default_factory=list)  # at, found, degraded
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Load:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(30)

    def errors_since(self, since: float) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok and o.at >= since]

    def _run(self) -> None:
        position = 3600  # past the 5 % a resume point needs; 90 % is 32,400
        with self.serve.client() as api:
            while not self._stop.is_set():
                for movie in self.movies:
                    position += 1
                    self._write(api, movie, position)
                    self._search(api)
                    if self._stop.wait(0.02):
                        return

    def _write(self, api: httpx.Client, movie: str, position: int) -> None:
        at = time.monotonic()
        try:
            response = api.post(f"/movies/{movie}/progress", json={
                "position_seconds": position, "duration_seconds": 36_000})
        except httpx.HTTPError as exc:
            self.outcomes.append(Outcome(at, "progress", False, type(exc).__name__))
            return
        ok = response.status_code == 200
        self.outcomes.append(Outcome(at, "progress", ok, str(response.status_code)))
        if ok:
            self.acked[movie] = position

    def _search(self, api: httpx.Client) -> None:
        at = time.monotonic()
        try:
            response = api.get("/search", params={"limit": 1})
        except httpx.HTTPError as exc:
            self.outcomes.append(Outcome(at, "search", False, type(exc).__name__))
            return
        ok = response.status_code == 200
        self.outcomes.append(Outcome(at, "search", ok, str(response.status_code)))
        if ok:
            body = response.json()
            self.searches.append((at, int(body["found"]), bool(body.get("degraded"))))


def lost_writes(serve: Serve, acked: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Movies whose stored position is behind the last acknowledged one: (acked, stored)."""
    lost = {}
    with serve.client(timeout=30) as api:
        for movie, position in acked.items():
            stored = api.get(f"/movies/{movie}/progress").json()["resume_position_seconds"]
            if stored is None or stored < position:
                lost[movie] = (position, stored)
    return lost


def catalog_size(serve: Serve) -> int:
    with serve.client(timeout=30) as api:
        return int(api.get("/movies", params={"limit": 1}).json()["total"])


def kill(serve: Serve, name: str) -> tuple[int, float]:
    pid = serve.child(name)
    if pid is None:
        raise RuntimeError(f"no {name} child: {serve.log.read_text(errors='replace')[-2000:]}")
    os.kill(pid, signal.SIGKILL)
    return pid, time.monotonic()


def wipe(folder: Path) -> None:
    """What a Typesense killed before it snapshotted may come back with: nothing."""
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def first_after(times: list[float], since: float) -> float | None:
    return next((t for t in times if t >= since), None)


def job(serve: Serve, job_id: str) -> dict[str, Any]:
    with serve.client(timeout=10) as api:
        return dict(api.get(f"/admin/jobs/{job_id}").json())


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def children_of(parent: int) -> list[int]:
    return [pid for pid in _pids() if _parent(pid) == parent]


def _parent(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return -1
    return int(text.rsplit(")", 1)[1].split()[1])


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            errors="replace")
    except OSError:
        return ""

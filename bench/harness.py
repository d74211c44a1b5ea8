"""Shared bench plumbing: start a Revenge process, wait for it, drive load with wrk.

Figures are printed, never asserted: benches compare against a baseline measured in
the same run because this machine is noisy.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import httpx
import psycopg
from psycopg import sql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 120.0, status: int = 200) -> float:
    """Seconds until `url` answers `status`; raises TimeoutError after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=1).status_code == status:
                return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer {status} within {timeout}s")


@contextlib.contextmanager
def revenge_process(args: Sequence[str], env: dict[str, str] | None = None,
                    log_path: str = os.devnull) -> Iterator[subprocess.Popen[bytes]]:
    """Run `python -m revenge ARGS`; SIGTERM and wait on exit."""
    with open(log_path, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "revenge", *args], cwd=ROOT,
                                env={**os.environ, **(env or {})}, stdout=log, stderr=log)
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False,
                       capture_output=True)
    found = shutil.which("wrk")
    if not found:
        sys.exit("bench: wrk is needed (Debian package `wrk`)")
    return found


def wrk(url: str, seconds: int = 10, connections: int = 32, threads: int = 1,
        headers: Sequence[str] = ()) -> Load:
    """Drive `url` with wrk from a separate process; returns throughput and latency."""
    cmd = [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        cmd += ["-H", header]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    return Load(
        requests_per_second=float(_grab(r"Requests/sec:\s+([\d.]+)", out)),
        p50_ms=_ms(_grab(r"50%\s+([\d.]+\w+)", out)),
        p99_ms=_ms(_grab(r"99%\s+([\d.]+\w+)", out)),
        errors=int(_grab(r"Non-2xx or 3xx responses:\s+(\d+)", out, "0")),
    )


@dataclass(frozen=True)
class P95Load:
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int


_P95_SCRIPT = """
{setup}
done = function(summary, latency, requests)
  io.write(string.format("P50_US %d\\nP95_US %d\\n", latency:percentile(50),
                         latency:percentile(95)))
end
"""


class WrkP95:
    """wrk reporting p50 and p95 (through a Lua `done` hook); a request may carry
    headers and a JSON body (then it is a POST)."""

    def __init__(self, seconds: int, connections: int) -> None:
        self.seconds, self.connections = seconds, connections

    def run(self, url: str, headers: Mapping[str, str] | None = None,
            body: str | None = None) -> P95Load:
        setup = "" if body is None else (
            f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
            'wrk.headers["Content-Type"] = "application/json"')
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(_P95_SCRIPT.format(setup=setup))
        cmd = [ensure_wrk(), "-t1", f"-c{self.connections}", f"-d{self.seconds}s",
               "-s", script.name]
        for name, value in (headers or {}).items():
            cmd += ["-H", f"{name}: {value}"]
        try:
            out = subprocess.run([*cmd, url], capture_output=True, text=True,
                                 check=True).stdout
        finally:
            os.unlink(script.name)
        return P95Load(float(_grab(r"Requests/sec:\s+([\d.]+)", out)),
                       int(_grab(r"P50_US (\d+)", out)) / 1000,
                       int(_grab(r"P95_US (\d+)", out)) / 1000,
                       int(_grab(r"Non-2xx or 3xx responses:\s+(\d+)", out, "0")))


def median_load(runs: Sequence[P95Load]) -> P95Load:
    """The median of each figure over repeated runs (errors are summed)."""
    return P95Load(statistics.median(r.rps for r in runs),
                   statistics.median(r.p50_ms for r in runs),
                   statistics.median(r.p95_ms for r in runs), sum(r.errors for r in runs))


def _grab(pattern: str, text: str, default: str | None = None) -> str:
    match = re.search(pattern, text)
    if match:
        return match.group(1)
    if default is not None:
        return default
    raise ValueError(f"wrk output lacks {pattern!r}:\n{text}")


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def percentile(samples: Sequence[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def summary_ms(samples: Sequence[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (f"p50 {statistics.median(ms):.2f} ms  p95 {percentile(ms, 95):.2f} ms  "
            f"p99 {percentile(ms, 99):.2f} ms  (n={len(ms)})")


@contextlib.contextmanager
def fresh_database(server_url: str, prefix: str = "revenge_bench") -> Iterator[str]:
    """A new empty database on `server_url` for one bench run, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(server_url)
    info["dbname"] = name
    try:
        yield psycopg.conninfo.make_conninfo(**{k: v for k, v in info.items() if v})
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


@contextlib.contextmanager
def bench_services(scratch: str) -> Iterator[tuple[str, str]]:
    """(database URL, Redis URL) for one run: a fresh database on
    REVENGE_BENCH_DATABASE_URL's server and REVENGE_BENCH_REDIS_URL when set, else
    embedded PostgreSQL and Redis in `scratch`."""
    db_url = os.environ.get("REVENGE_BENCH_DATABASE_URL")
    redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL")
    with contextlib.ExitStack() as stack:
        if not db_url:
            from revenge.entrypoints.embedded.postgres import embedded_postgres

            db_url = stack.enter_context(embedded_postgres(os.path.join(scratch, "pg")))
        if not redis_url:
            from revenge.entrypoints.embedded.redis import embedded_redis

            redis_url = stack.enter_context(embedded_redis(os.path.join(scratch, "redis")))
        yield stack.enter_context(fresh_database(db_url)), redis_url


@contextlib.contextmanager
def http_server(env: Mapping[str, str] | None = None) -> Iterator[str]:
    """A ready `revenge http` on the `bench_services` of a scratch folder; yields its base
    URL. Exits with the server's log when it does not become ready."""
    with tempfile.TemporaryDirectory(prefix="revenge-bench-") as scratch, \
            bench_services(scratch) as (db_url, redis_url):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        full_env = {"REVENGE_DATABASE_URL": db_url, "REVENGE_REDIS_URL": redis_url,
                    "REVENGE_DATA_DIR": os.path.join(scratch, "data"),
                    "REVENGE_LOG_LEVEL": "warning", **(env or {})}
        log = os.path.join(scratch, "server.log")
        with revenge_process(["http", "--port", str(port)], full_env, log_path=log):
            try:
                wait_for(f"{base}/readyz", timeout=120)
            except TimeoutError:
                with open(log, encoding="utf-8", errors="replace") as server_log:
                    sys.exit(f"server not ready; its log:\n{server_log.read()}")
            yield base

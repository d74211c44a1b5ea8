"""For the scale-out benches: HTTP replicas of `revenge http` on shared settings, and
Debian's nginx in front of some of them (round-robin, own config, unprivileged port)."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from harness import ROOT, free_port, wait_for

NGINX = """
worker_processes 1;
{user}
pid {dir}/nginx.pid;
error_log {dir}/error.log error;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    upstream revenge {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://revenge;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_buffering off;
        }}
    }}
}}
"""


def shared_env(db_url: str, redis_url: str, data_dir: Path) -> dict[str, str]:
    """What every replica gets alike, as a deployment gives it."""
    return {"REVENGE_DATABASE_URL": db_url, "REVENGE_REDIS_URL": redis_url,
            "REVENGE_DATA_DIR": str(data_dir), "REVENGE_LOG_LEVEL": "warning",
            "REVENGE_ACCESS_TOKEN_MINUTES": "600", "REVENGE_JWT_SECRET": secrets.token_hex(32),
            "REVENGE_MEDIA_TOKEN_SECRET": secrets.token_hex(32),
            "REVENGE_HLS_SEGMENT_SECONDS": "2"}


@contextlib.contextmanager
def replicas(count: int, env: dict[str, str], log_dir: Path) -> Iterator[list[tuple[int, int]]]:
    """(port, pid) of `count` ready `revenge http` processes."""
    started: list[tuple[int, subprocess.Popen[bytes]]] = []
    try:
        for n in range(count):
            port = free_port()
            with open(log_dir / f"http{n}.log", "ab") as log:
                started.append((port, subprocess.Popen(
                    [sys.executable, "-m", "revenge", "http", "--host", "127.0.0.1",
                     "--port", str(port)], cwd=ROOT, env={**os.environ, **env},
                    stdout=log, stderr=log, start_new_session=True)))
        for port, _ in started:
            wait_for(f"http://127.0.0.1:{port}/readyz", timeout=180)
        yield [(port, process.pid) for port, process in started]
    finally:
        for _, process in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for _, process in started:
            process.wait(timeout=60)


@contextlib.contextmanager
def nginx(ports: Sequence[int], run_dir: Path) -> Iterator[tuple[int, int]]:
    """(port, pid) of nginx proxying round-robin to `ports`."""
    directory = run_dir / f"nginx-{'-'.join(map(str, ports))}"
    directory.mkdir()
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    conf = directory / "nginx.conf"
    conf.write_text(NGINX.format(user="user root;" if os.geteuid() == 0 else "",
                                 dir=directory, servers=servers, port=port))
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([binary, "-p", str(directory), "-c", str(conf), "-g",
                                "daemon off;"], start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", timeout=30)
        yield port, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its descendants (granian workers, ffmpeg)."""
    return sum(_own_cpu(p) for p in [pid, *_descendants(pid)])


def postgres_cpu_seconds() -> float:
    """All postgres processes of this machine (the bench's server does the work)."""
    return sum(_own_cpu(int(p.name)) for p in Path("/proc").iterdir()
               if p.name.isdigit() and _comm(int(p.name)) == "postgres")


def _own_cpu(pid: int) -> float:
    with contextlib.suppress(OSError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def _comm(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/comm").read_text().strip()
    return ""


def _descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{parent}/task").iterdir():
                children = (task / "children").read_text().split()
                found += [int(c) for c in children]
                frontier += [int(c) for c in children]
    return found


def stopwatch() -> float:
    return time.perf_counter()

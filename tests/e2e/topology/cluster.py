"""A scaled-out Revenge made of real processes: two `revenge http` replicas and two
`revenge worker`s on one PostgreSQL, one Redis and a separate Typesense, behind Debian's
nginx (round-robin, no stickiness), sharing the data folder (and so the transcode
folder) and the secrets a deployment would pass in its environment."""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from revenge.entrypoints.embedded.net import accepts_connections, free_port
from tests.e2e.conftest import live_server_environment

NGINX_CONF = """
worker_processes 1;
{user}
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream revenge {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location {location} {{
            proxy_pass http://revenge{upstream_path};
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_buffering off;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@dataclass
class Process:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    port: int | None = None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


@dataclass
class Cluster:
    proxy: str
    replicas: list[Process]
    workers: list[Process]
    nginx: Process
    data_dir: Path
    transcode_dir: Path
    env: dict[str, str]
    started: list[Process] = field(default_factory=list)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.proxy, timeout=60)

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.output()[-4000:]}" for p in self.started)


def deployment_environment(database_url: str, redis_url: str, typesense: tuple[str, str],
                           data_dir: Path) -> dict[str, str]:
    """What a Compose file or Helm chart gives every replica and worker alike."""
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    return live_server_environment(
        database_url, redis_url, data_dir,
        REVENGE_TYPESENSE_URL=typesense[0], REVENGE_TYPESENSE_API_KEY=typesense[1],
        REVENGE_JWT_SECRET=secrets.token_hex(32),
        REVENGE_MEDIA_TOKEN_SECRET=secrets.token_hex(32),
        REVENGE_ENCRYPTION_KEYS=f"k1:{key}",
        REVENGE_TRANSCODE_CACHE_DIR=str(data_dir / "transcode"),
        REVENGE_HLS_SEGMENT_SECONDS="2", REVENGE_LIBRARY_PROBE_JOBS="1",
        REVENGE_LIBRARY_PARSE_PROCESSES="0", REVENGE_WORKER_THREADS="2")


@contextlib.contextmanager
def running_cluster(env: dict[str, str], data_dir: Path, run_dir: Path) -> Iterator[Cluster]:
    cluster = Cluster("", [], [], None, data_dir, data_dir / "transcode", env)  # type: ignore[arg-type]
    try:
        for n in (1, 2):
            port = free_port()
            cluster.replicas.append(_start(cluster, f"http{n}", run_dir,
                                           ["http", "--host", "127.0.0.1", "--port", str(port)],
                                           port))
        for n in (1, 2):
            cluster.workers.append(_start(cluster, f"worker{n}", run_dir, ["worker"]))
        for replica in cluster.replicas:
            _wait_ready(cluster, replica)
        cluster.nginx = _nginx(cluster, run_dir)
        cluster.proxy = f"http://127.0.0.1:{cluster.nginx.port}"
        yield cluster
    finally:
        stop_all(cluster.started)


def _start(cluster: Cluster, name: str, run_dir: Path, argv: list[str],
           port: int | None = None) -> Process:
    log = run_dir / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen([sys.executable, "-m", "revenge", *argv], env=cluster.env,
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    process = Process(name, popen, log, port)
    cluster.started.append(process)
    return process


def _wait_ready(cluster: Cluster, replica: Process, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not replica.alive:
            raise AssertionError(f"{replica.name} exited early:\n{cluster.logs()}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{replica.port}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError(f"{replica.name} never became ready:\n{cluster.logs()}")


def _nginx(cluster: Cluster, run_dir: Path) -> Process:
    process = start_nginx([r.port for r in cluster.replicas if r.port], run_dir)
    cluster.started.append(process)
    return process


def start_nginx(ports: list[int], run_dir: Path, location: str = "/",
                upstream_path: str = "", port: int | None = None) -> Process:
    """Debian's nginx in front of `ports` (round-robin), unprivileged port, own config;
    `location` is passed to `upstream_path` (e.g. "/revenge/" to "/": a stripped prefix)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    directory = run_dir / "nginx"
    directory.mkdir()
    port = port or free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    # As root, nginx's workers would switch to `nobody`; keep them ours instead.
    user = "user root;" if os.geteuid() == 0 else ""
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, dir=directory, servers=servers, port=port,
                                      location=location, upstream_path=upstream_path))
    log = run_dir / "nginx.log"
    with log.open("wb") as out:
        popen = subprocess.Popen([nginx, "-p", str(directory), "-c", str(conf),
                                  "-g", "daemon off;"], stdout=out, stderr=subprocess.STDOUT,
                                 start_new_session=True)
    process = Process("nginx", popen, log, port)
    deadline = time.monotonic() + 10
    while True:
        try:
            accepts_connections("127.0.0.1", port)
            return process
        except OSError:
            if not process.alive or time.monotonic() > deadline:
                raise AssertionError(f"nginx did not start:\n{process.output()}") from None
            time.sleep(0.05)


def stop_all(processes: list[Process]) -> None:
    """SIGTERM to all at once, then wait for each (stopping them in turn costs the sum)."""
    for process in processes:
        if process.alive:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.process.pid, signal.SIGTERM)
    for process in processes:
        stop(process)


def stop(process: Process, sig: signal.Signals = signal.SIGTERM) -> None:
    if not process.alive:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.process.pid, sig)
    try:
        process.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.process.pid, signal.SIGKILL)
        process.process.wait(timeout=5)


def ffmpeg_processes(transcode_dir: Path) -> list[int]:
    """Pids of the ffmpeg processes writing into the shared transcode folder."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if argv and b"ffmpeg" in argv[0] and str(transcode_dir).encode() in b" ".join(argv):
                found.append(int(entry.name))
    return found

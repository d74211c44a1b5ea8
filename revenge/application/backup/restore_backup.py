"""Restore a backup into an empty database and a data folder without keys."""

from __future__ import annotations

from pathlib import Path

import msgspec

from revenge.application.backup.ports import BackupArchives, BackupManifest, DatabaseDumps, KeyFiles
from revenge.domain.errors import Conflict


class RestoreBackupCommand(msgspec.Struct, frozen=True, kw_only=True):
    source: Path


class RestoreBackup:
    """Refuses (`Conflict`, before changing anything) a database that already holds
    tables or a data folder that already holds one of the backup's keys: a restore
    never merges into, or overwrites, a live server. Raises `RuleViolation` for a file
    that is no backup, `Unavailable` when the database cannot load it."""

    def __init__(self, dumps: DatabaseDumps, keys: KeyFiles, archives: BackupArchives) -> None:
        self._dumps = dumps
        self._keys = keys
        self._archives = archives

    async def execute(self, command: RestoreBackupCommand) -> BackupManifest:
        tables = await self._dumps.table_count()
        if tables:
            raise Conflict(f"the database is not empty ({tables} tables): restore into a new, "
                           "empty database")
        scratch = self._archives.scratch()
        try:
            manifest, dump, keys = self._archives.unpack(command.source, scratch)
            present = sorted(set(keys) & set(self._keys.read()))
            if present:
                raise Conflict(f"the data folder already has {', '.join(present)}: restore "
                               "into a new, empty data folder")
            await self._dumps.restore(dump)
            self._keys.write(keys)
        finally:
            self._archives.discard(scratch)
        return manifest

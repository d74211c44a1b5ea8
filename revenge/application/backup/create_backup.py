"""Back up a server: its database (one consistent snapshot) and its generated keys."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from revenge.application.backup.ports import (
    BackupArchives,
    BackupManifest,
    DatabaseDumps,
    KeyFiles,
)
from revenge.application.shared.jobs import JobMessage


class CreateBackupCommand(msgspec.Struct, frozen=True, kw_only=True):
    target: Path  # the backup file to write
    keep: int | None = None  # then delete all but the newest `keep` in its folder


class ScheduledBackupJob(JobMessage, job="maintenance.backup", frozen=True):
    """The worker's periodic backup (`REVENGE_BACKUP_INTERVAL_HOURS`): no payload, its
    target folder and retention are the settings'."""


class CreatedBackup(msgspec.Struct, frozen=True, kw_only=True):
    path: Path
    size_bytes: int
    seconds: float
    removed: list[Path]


class CreateBackup:
    """Media, images and caches are not in it (they are files of their own or rebuilt).
    Raises `Unavailable` when the database cannot be dumped; nothing is left behind."""

    def __init__(self, dumps: DatabaseDumps, keys: KeyFiles, archives: BackupArchives,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._dumps = dumps
        self._keys = keys
        self._archives = archives
        self._clock = clock

    async def execute(self, command: CreateBackupCommand) -> CreatedBackup:
        started = time.monotonic()
        scratch = self._archives.scratch()
        try:
            dump = scratch / "database.dump"
            server = await self._dumps.dump(dump)
            keys = self._keys.read()
            manifest = BackupManifest(created_at=self._clock().isoformat(),
                                      database_server=server,
                                      migrations=await self._dumps.migrations(),
                                      keys=sorted(keys))
            size = self._archives.pack(command.target, manifest, dump, keys)
        finally:
            self._archives.discard(scratch)
        removed = self._prune(command)
        return CreatedBackup(path=command.target, size_bytes=size,
                             seconds=time.monotonic() - started, removed=removed)

    def _prune(self, command: CreateBackupCommand) -> list[Path]:
        if command.keep is None:
            return []
        old = self._archives.older_than_newest(command.target.parent, command.keep)
        for path in old:
            self._archives.remove(path)
        return old

"""Backups: the use cases on a database URL and the data folder (the CLI and the
scheduled job build them; a backup needs no running server)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from revenge.adapters.filesystem.backup_archives import SUFFIX, TarBackupArchives
from revenge.adapters.filesystem.key_files import DataDirKeyFiles
from revenge.adapters.postgres.database_dumps import PostgresDatabaseDumps
from revenge.application.backup.create_backup import CreateBackup
from revenge.application.backup.restore_backup import RestoreBackup
from revenge.entrypoints.config import Config


def backup_dir(settings: Config) -> Path:
    return Path(settings.backup_dir) if settings.backup_dir else settings.data_path / "backups"


def default_target(settings: Config, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return backup_dir(settings) / f"revenge-{stamp}{SUFFIX}"


def create_backup(settings: Config, database_url: str) -> CreateBackup:
    return CreateBackup(PostgresDatabaseDumps(database_url), DataDirKeyFiles(settings.data_path),
                        TarBackupArchives())


def restore_backup(settings: Config, database_url: str) -> RestoreBackup:
    return RestoreBackup(PostgresDatabaseDumps(database_url),
                         DataDirKeyFiles(settings.data_path), TarBackupArchives())

"""The scheduled backup (`REVENGE_BACKUP_INTERVAL_HOURS`), with retention."""

from __future__ import annotations

from typing import Any

from revenge.application.backup.create_backup import CreateBackupCommand, ScheduledBackupJob
from revenge.domain.errors import NotConfigured
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.backup import create_backup, default_target
from revenge.entrypoints.worker.registry import Run, actors


async def backup(job: ScheduledBackupJob, run: Run, settings: Config) -> dict[str, Any]:
    """The backup use case is built from the settings here (the CLI builds it the same
    way): it needs the database's URL, not the running server's container."""
    if not settings.database_url:
        raise NotConfigured("database", "a backup needs REVENGE_DATABASE_URL")
    created = await create_backup(settings, settings.database_url).execute(
        CreateBackupCommand(target=default_target(settings), keep=settings.backup_keep))
    return {"path": str(created.path), "size_bytes": created.size_bytes,
            "seconds": round(created.seconds, 2), "removed": [str(p) for p in created.removed]}


BACKUP_ACTORS = actors(backup)

"""The scheduled backup (`REVENGE_BACKUP_INTERVAL_HOURS`), with retention."""

from __future__ import annotations

from typing import Any

from revenge.application.backup.create_backup import CreateBackupCommand
from revenge.domain.errors import NotConfigured
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.backup import create_backup, default_target

BACKUP = "maintenance.backup"


async def backup(container: AppContainer, job_id: str, payload: dict[str, Any]
                 ) -> dict[str, Any]:
    settings = container.settings()
    if not settings.database_url:
        raise NotConfigured("database", "a backup needs REVENGE_DATABASE_URL")
    created = await create_backup(settings, settings.database_url).execute(
        CreateBackupCommand(target=default_target(settings), keep=settings.backup_keep))
    return {"path": str(created.path), "size_bytes": created.size_bytes,
            "seconds": round(created.seconds, 2), "removed": [str(p) for p in created.removed]}


BACKUP_ACTORS = {BACKUP: backup}

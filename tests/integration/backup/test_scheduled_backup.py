"""The scheduled backup: on when `backup_interval_hours` is set, and each run writes a
backup of the real database and keeps only the newest `backup_keep`."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path

from revenge.application.backup.create_backup import ScheduledBackupJob
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.worker.backup_actors import backup
from revenge.entrypoints.worker.registry import Run
from revenge.entrypoints.worker.scheduler import PERIODIC_JOBS, periodic_jobs


def test_the_backup_is_scheduled_only_when_an_interval_is_set() -> None:
    assert periodic_jobs(Config()) == PERIODIC_JOBS
    scheduled = periodic_jobs(Config(backup_interval_hours=12))
    assert [(j.message.job, j.every) for j in scheduled
            if isinstance(j.message, ScheduledBackupJob)] == [
        ("maintenance.backup", timedelta(hours=12))]


async def test_each_run_writes_a_backup_and_keeps_the_newest(
        migrated_database_url: str, tmp_path: Path) -> None:
    settings = Config(database_url=migrated_database_url, redis_url="redis://unused",
                      data_dir=str(tmp_path / "data"), backup_keep=2,
                      backup_dir=str(tmp_path / "backups"))
    container = build_container(settings)
    written = []
    for _ in range(3):
        result = await backup(ScheduledBackupJob(), Run("job", container.jobs.job_reporter()),
                              settings)
        written.append(Path(result["path"]))
        await asyncio.sleep(1.1)  # file names carry the time to the second
    assert sorted(os.listdir(tmp_path / "backups")) == sorted(p.name for p in written[1:])
    assert result["removed"] == [str(written[0])]

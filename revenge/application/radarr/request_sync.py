"""Ask for a Radarr sync now (admin); the sync itself runs as the `radarr_sync` job."""

from __future__ import annotations

import msgspec

from revenge.application.radarr.common import UnitOfWorkFactory, usable
from revenge.application.radarr.records import SyncMode
from revenge.application.radarr.sync_radarr import SYNC_DEDUPE_KEY, SyncRadarrCommand


class RequestRadarrSyncCommand(msgspec.Struct, frozen=True, kw_only=True):
    mode: SyncMode = "incremental"


class RequestRadarrSync:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: RequestRadarrSyncCommand) -> str:
        """The sync job's id: a new one, or the sync already queued or running (two
        syncs never run at once). Raises `RadarrNotConfigured`."""
        async with self._unit_of_work() as uow:
            usable(await uow.settings.get())
            job_id = await uow.jobs.enqueue(SyncRadarrCommand(mode=command.mode),
                                            dedupe_key=SYNC_DEDUPE_KEY)
            await uow.commit()
        return job_id

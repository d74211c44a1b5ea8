"""The periodic schedule: request an incremental Radarr sync once its interval passed."""

from __future__ import annotations

from revenge.application.radarr.common import UnitOfWorkFactory
from revenge.application.radarr.ports import Clock
from revenge.application.radarr.sync_radarr import SYNC_DEDUPE_KEY, SyncRadarrCommand
from revenge.domain.radarr.settings import sync_due


class ScheduleRadarrSync:
    """Run by every worker every minute or so; the last request time is claimed by
    compare-and-set, so workers ticking together request one sync."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self) -> str | None:
        """The sync job's id when one was requested."""
        async with self._unit_of_work() as uow:
            settings = await uow.settings.get()
            state = await uow.sync.lock()
            now = self._clock()
            if not sync_due(settings, state.sync_requested_at, now):
                return None
            if not await uow.sync.claim_request(state.sync_requested_at, now):
                return None
            job_id = await uow.jobs.enqueue(SyncRadarrCommand(mode="incremental"),
                                            dedupe_key=SYNC_DEDUPE_KEY)
            await uow.commit()
        return job_id

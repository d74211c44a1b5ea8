"""Start a periodic job when its period has passed since its last run was requested."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import msgspec

from revenge.application.jobs.ports import JobRuns, JobsUnitOfWork, PeriodicSlots
from revenge.application.shared.clock import Clock, utc_now
from revenge.application.shared.jobs import JobMessage, periodic_dedupe_key


class EnqueuePeriodicJobCommand(msgspec.Struct, frozen=True, kw_only=True):
    message: JobMessage
    every: timedelta


class EnqueuePeriodicJob:
    """Enqueues `message` unless one of its runs was created within the last `every`.

    The schedule lives in the database (the newest run), not in a process, so several
    workers ticking together start the job once per period: of those that find it due,
    only the one that claims the period's slot enqueues it (`slots`), and the dedupe key
    covers a run outlasting its period (its id is returned). Returns the run id, or None
    when the job is not due or another worker started it.
    """

    def __init__(self, unit_of_work: Callable[[], JobsUnitOfWork], job_runs: JobRuns,
                 clock: Clock = utc_now, slots: PeriodicSlots | None = None) -> None:
        self._unit_of_work = unit_of_work
        self._job_runs = job_runs
        self._clock = clock
        self._slots = slots

    async def execute(self, command: EnqueuePeriodicJobCommand) -> str | None:
        if not await self._due(command) or not await self._claim(command):
            return None
        async with self._unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(
                command.message, dedupe_key=periodic_dedupe_key(command.message.job))
            await uow.commit()
        return job_id

    async def _claim(self, command: EnqueuePeriodicJobCommand) -> bool:
        if self._slots is None:
            return True
        slot = int(self._clock().timestamp() // command.every.total_seconds())
        return await self._slots.claim(command.message.job, slot)

    async def _due(self, command: EnqueuePeriodicJobCommand) -> bool:
        latest = await self._job_runs.list(limit=1, name=command.message.job)
        return not latest.items or latest.items[0].created_at <= self._clock() - command.every

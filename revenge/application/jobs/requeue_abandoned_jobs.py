"""Send again the runs a crashed worker left `running` (review finding 11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import msgspec

from revenge.application.jobs.ports import JobsUnitOfWork
from revenge.application.jobs.rules import ABANDONED_AFTER


class RequeueAbandonedJobsCommand(msgspec.Struct, frozen=True, kw_only=True):
    silent_for: timedelta = ABANDONED_AFTER


class RequeueAbandonedJobs:
    """A run whose worker stopped reporting (killed, out of memory, its host gone) goes
    back to the queue with a new message, so it resumes on a live worker; the broker's
    own hand-over of the dead worker's messages may be faster, or lost with Redis.
    Idempotent and safe from several workers at once (a run is requeued once)."""

    def __init__(self, unit_of_work: Callable[[], JobsUnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: RequeueAbandonedJobsCommand) -> list[str]:
        async with self._unit_of_work() as uow:
            requeued = await uow.jobs.requeue_abandoned(command.silent_for)
            await uow.commit()
        return requeued

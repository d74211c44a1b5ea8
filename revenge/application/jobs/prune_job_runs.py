"""Forget finished job runs (and relayed outbox rows) older than the retention period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from revenge.application.jobs.ports import JobsUnitOfWork
from revenge.application.jobs.read_models import PrunedJobs
from revenge.application.shared.clock import Clock, utc_now
from revenge.application.shared.jobs import JobMessage
from revenge.domain.errors import RuleViolation


class PruneJobRunsCommand(JobMessage, job="maintenance.prune_job_runs", frozen=True,
                          kw_only=True, forbid_unknown_fields=True):
    older_than_days: int = 30


class PruneJobRuns:
    """Deletes what finished more than `older_than_days` ago; active runs are kept.

    Refuses a retention under one day (`RuleViolation`), so a slip cannot wipe the
    history an admin is looking at. Idempotent: a second run deletes nothing more.
    """

    def __init__(self, unit_of_work: Callable[[], JobsUnitOfWork], clock: Clock = utc_now) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: PruneJobRunsCommand) -> PrunedJobs:
        if command.older_than_days < 1:
            raise RuleViolation("retention must be at least one day", field="older_than_days")
        cutoff = self._clock() - timedelta(days=command.older_than_days)
        async with self._unit_of_work() as uow:
            pruned = await uow.job_history.prune(cutoff)
            await uow.commit()
        return pruned

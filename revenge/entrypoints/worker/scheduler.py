"""Periodic jobs: a small loop in each worker that enqueues what is due.

No scheduler library (APScheduler, periodiq, dramatiq-crontab): the schedule is a
handful of fixed intervals, and whether a job is due is decided from its newest run in
the database (`EnqueuePeriodicJob`), so several workers ticking together start it once
per period (the dedupe key covers two of them deciding at the same instant).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import timedelta

import msgspec

from revenge.application.backup.create_backup import ScheduledBackupJob
from revenge.application.jobs.enqueue_periodic_job import (
    EnqueuePeriodicJob,
    EnqueuePeriodicJobCommand,
)
from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from revenge.application.metadata.refresh_changed import RefreshChangedCommand
from revenge.application.search.reconcile_index import ReconcileIndexCommand
from revenge.application.shared.jobs import JobMessage
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.metadata_actors import REFRESH_CHANGED_EVERY
from revenge.entrypoints.worker.search_actors import RECONCILE_EVERY
from revenge.entrypoints.worker.ticks import tick


class PeriodicJob(msgspec.Struct, frozen=True):
    message: JobMessage
    every: timedelta


PERIODIC_JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob(PruneJobRunsCommand(older_than_days=30), timedelta(hours=6)),
    PeriodicJob(ReconcileIndexCommand(), RECONCILE_EVERY),
    PeriodicJob(RefreshChangedCommand(), REFRESH_CHANGED_EVERY),
)


def periodic_jobs(settings: Config) -> tuple[PeriodicJob, ...]:
    """The built-in schedule, and the backup when `backup_interval_hours` is set."""
    if not settings.backup_interval_hours:
        return PERIODIC_JOBS
    return (*PERIODIC_JOBS, PeriodicJob(ScheduledBackupJob(),
                                         timedelta(hours=settings.backup_interval_hours)))


async def run_scheduler(container: AppContainer, schedule: Sequence[PeriodicJob] = PERIODIC_JOBS,
                        *, tick_seconds: float = 60.0) -> None:
    """Enqueues every due job now, then once per tick, until cancelled."""
    while True:
        for job in schedule:
            await _enqueue_if_due(container, job)
        await asyncio.sleep(tick_seconds)


async def _enqueue_if_due(container: AppContainer, job: PeriodicJob) -> None:
    command = EnqueuePeriodicJobCommand(message=job.message, every=job.every)
    enqueue = Provided(container).get(EnqueuePeriodicJob)

    async def step() -> str | None:
        job_id = await enqueue.execute(command)
        return f"enqueued as run {job_id}" if job_id else None

    await tick(f"periodic {job.message.job}", step)

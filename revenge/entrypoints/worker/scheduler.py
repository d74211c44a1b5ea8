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
from typing import Any

import msgspec

from revenge.application.jobs.enqueue_periodic_job import EnqueuePeriodicJobCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.backup_actors import BACKUP
from revenge.entrypoints.worker.metadata_actors import REFRESH_CHANGED_EVERY
from revenge.entrypoints.worker.search_actors import RECONCILE, RECONCILE_EVERY
from revenge.entrypoints.worker.ticks import tick


class PeriodicJob(msgspec.Struct, frozen=True):
    actor: str
    every: timedelta
    payload: dict[str, Any] = msgspec.field(default_factory=dict)


PERIODIC_JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob("maintenance.prune_job_runs", timedelta(hours=6), {"older_than_days": 30}),
    PeriodicJob(RECONCILE, RECONCILE_EVERY),
    PeriodicJob("metadata.refresh_changed", REFRESH_CHANGED_EVERY),
)


def periodic_jobs(settings: Config) -> tuple[PeriodicJob, ...]:
    """The built-in schedule, and the backup when `backup_interval_hours` is set."""
    if not settings.backup_interval_hours:
        return PERIODIC_JOBS
    return (*PERIODIC_JOBS, PeriodicJob(BACKUP, timedelta(hours=settings.backup_interval_hours)))


async def run_scheduler(container: AppContainer, schedule: Sequence[PeriodicJob] = PERIODIC_JOBS,
                        *, tick_seconds: float = 60.0) -> None:
    """Enqueues every due job now, then once per tick, until cancelled."""
    while True:
        for job in schedule:
            await _enqueue_if_due(container, job)
        await asyncio.sleep(tick_seconds)


async def _enqueue_if_due(container: AppContainer, job: PeriodicJob) -> None:
    command = EnqueuePeriodicJobCommand(actor=job.actor, every=job.every, payload=job.payload)

    async def step() -> str | None:
        job_id = await container.jobs.enqueue_periodic_job().execute(command)
        return f"enqueued as run {job_id}" if job_id else None

    await tick(f"periodic {job.actor}", step)

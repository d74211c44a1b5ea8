"""Two workers (each its own container and pool, as two `revenge worker` processes) tick
together ten times on the real PostgreSQL: each periodic job is enqueued exactly once per
tick, whichever worker wins the slot."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from revenge.application.jobs.enqueue_periodic_job import EnqueuePeriodicJobCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.jobs import JobsOptions
from tests.integration.jobs.support import http_side
from tests.support.jobs import raw_job

EVERY = timedelta(minutes=1)
JOBS = [EnqueuePeriodicJobCommand(message=raw_job(name), every=EVERY)
        for name in ("test.periodic_a", "test.periodic_b")]


class TickClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_ten_ticks_of_two_workers_enqueue_each_periodic_job_once_per_tick(
        jobs_settings: Config, jobs_options: JobsOptions) -> None:
    clock = TickClock()
    async with (http_side(jobs_settings, jobs_options, relay=False) as first,
                http_side(jobs_settings, jobs_options, relay=False) as second):
        workers = [c.jobs.enqueue_periodic_job(clock=clock) for c in (first, second)]
        per_tick = []
        for _ in range(10):
            clock.now += EVERY
            started = await asyncio.gather(*(w.execute(job) for w in workers for job in JOBS))
            per_tick.append(sum(1 for run in started if run is not None))
            await _finish_all(first)
        runs = await first.jobs.job_runs().list(limit=100)
    assert per_tick == [2] * 10
    assert sorted(r.name for r in runs.items) == sorted([j.message.job for j in JOBS] * 10)


async def _finish_all(container: object) -> None:
    """The runs end before the next tick (so the dedupe key does not hide a double)."""
    async with container.core.database().transaction() as conn:  # type: ignore[attr-defined]
        await conn.execute("UPDATE job_runs SET status = 'succeeded', finished_at = now() "
                           "WHERE status IN ('queued', 'running')")

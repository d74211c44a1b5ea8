"""EnqueuePeriodicJob: a periodic job starts once per period, however many workers tick."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revenge.application.jobs.enqueue_periodic_job import (
    EnqueuePeriodicJob,
    EnqueuePeriodicJobCommand,
)
from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from tests.unit.jobs.memory_jobs import MemoryJobs

EVERY_HOUR = EnqueuePeriodicJobCommand(message=PruneJobRunsCommand(older_than_days=30),
                                       every=timedelta(hours=1))


@pytest.fixture
def jobs() -> MemoryJobs:
    return MemoryJobs()


def schedule(jobs: MemoryJobs) -> EnqueuePeriodicJob:
    return EnqueuePeriodicJob(jobs.unit_of_work, jobs.runs, clock=jobs.clock)


async def test_a_job_that_never_ran_is_due(jobs: MemoryJobs) -> None:
    job_id = await schedule(jobs).execute(EVERY_HOUR)
    assert job_id is not None
    run = await jobs.runs.get(job_id)
    assert (run.name, run.status) == ("maintenance.prune_job_runs", "queued")
    assert [m.payload for m in jobs.broker.sent] == [{"older_than_days": 30}]


async def test_two_workers_ticking_within_the_period_start_it_once(jobs: MemoryJobs) -> None:
    first = await schedule(jobs).execute(EVERY_HOUR)
    await jobs.finish(first or "")
    jobs.clock.advance(minutes=59)
    assert await schedule(jobs).execute(EVERY_HOUR) is None
    assert (await jobs.runs.list()).total == 1


async def test_it_is_due_again_once_the_period_has_passed(jobs: MemoryJobs) -> None:
    first = await schedule(jobs).execute(EVERY_HOUR)
    await jobs.finish(first or "")
    jobs.clock.advance(hours=1)
    second = await schedule(jobs).execute(EVERY_HOUR)
    assert second not in (None, first)


async def test_a_run_still_active_after_its_period_is_not_doubled(jobs: MemoryJobs) -> None:
    first = await schedule(jobs).execute(EVERY_HOUR)
    jobs.clock.advance(hours=3)
    assert await schedule(jobs).execute(EVERY_HOUR) == first
    assert (await jobs.runs.list()).total == 1

"""PruneJobRuns: finished runs older than the retention go; active and recent ones stay."""

from __future__ import annotations

import pytest

from revenge.application.jobs.prune_job_runs import PruneJobRuns, PruneJobRunsCommand
from revenge.application.jobs.read_models import PrunedJobs
from revenge.domain.errors import RuleViolation
from tests.unit.jobs.memory_jobs import MemoryJobs


@pytest.fixture
def jobs() -> MemoryJobs:
    return MemoryJobs()


def prune(jobs: MemoryJobs) -> PruneJobRuns:
    return PruneJobRuns(jobs.unit_of_work, clock=jobs.clock)


async def test_runs_finished_before_the_retention_period_are_deleted(jobs: MemoryJobs) -> None:
    old = await jobs.enqueue("library.scan")
    await jobs.finish(old)
    jobs.clock.advance(days=20)
    recent = await jobs.enqueue("library.scan")
    await jobs.finish(recent)
    still_queued = await jobs.enqueue("library.scan")
    jobs.clock.advance(days=15)

    pruned = await prune(jobs).execute(PruneJobRunsCommand(older_than_days=30))

    assert pruned == PrunedJobs(runs=1, outbox_rows=1)
    remaining = {run.id for run in (await jobs.runs.list()).items}
    assert remaining == {recent, still_queued}


async def test_an_old_run_that_never_finished_is_kept(jobs: MemoryJobs) -> None:
    stuck = await jobs.enqueue("library.scan")
    await jobs.reporter.mark_running(stuck)
    jobs.clock.advance(days=400)
    await prune(jobs).execute(PruneJobRunsCommand(older_than_days=30))
    assert (await jobs.runs.get(stuck)).status == "running"


async def test_pruning_twice_deletes_nothing_more(jobs: MemoryJobs) -> None:
    await jobs.finish(await jobs.enqueue("library.scan"))
    jobs.clock.advance(days=31)
    await prune(jobs).execute(PruneJobRunsCommand())
    assert await prune(jobs).execute(PruneJobRunsCommand()) == PrunedJobs(runs=0, outbox_rows=0)


@pytest.mark.parametrize("days", [0, -7])
async def test_a_retention_under_one_day_is_refused(jobs: MemoryJobs, days: int) -> None:
    await jobs.finish(await jobs.enqueue("library.scan"))
    with pytest.raises(RuleViolation) as refused:
        await prune(jobs).execute(PruneJobRunsCommand(older_than_days=days))
    assert refused.value.field == "older_than_days"
    assert (await jobs.runs.list()).total == 1

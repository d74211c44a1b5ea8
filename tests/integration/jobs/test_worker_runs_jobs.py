"""A job enqueued in a committed unit of work is relayed to Redis and run by a real
dramatiq worker; its run record follows every attempt."""

from __future__ import annotations

import asyncio

import pytest

from revenge.adapters.postgres.jobs import job_counts
from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from revenge.entrypoints.di.app import AppContainer
from tests.integration.jobs.support import (
    GATE,
    Down,
    Echo,
    Flaky,
    Refuse,
    enqueue,
    finished,
    wait_for,
)

pytestmark = pytest.mark.usefixtures("worker")


async def test_a_committed_job_runs_once_and_succeeds_with_its_result(app: AppContainer) -> None:
    job_id = await enqueue(app, Echo(word="hello", wait=True))
    running = await wait_for(app, job_id, lambda run: run.progress == 50)
    assert (running.status, running.attempts, running.result) == ("running", 1, {"half": True})
    assert running.started_at is not None and running.finished_at is None
    GATE.set()
    done = await wait_for(app, job_id, finished)
    assert (done.status, done.attempts, done.progress, done.result, done.error) == \
        ("succeeded", 1, 100, {"echo": "hello"}, None)
    assert done.finished_at is not None and done.finished_at >= done.started_at


async def test_a_job_hitting_an_unavailable_dependency_is_retried_then_succeeds(
        app: AppContainer) -> None:
    job_id = await enqueue(app, Flaky())
    done = await wait_for(app, job_id, finished)
    assert (done.status, done.attempts, done.result, done.error) == \
        ("succeeded", 2, {"attempt": 2}, None)


async def test_a_job_refused_by_a_domain_rule_fails_once_with_the_reason(
        app: AppContainer) -> None:
    job_id = await enqueue(app, Refuse())
    failed = await wait_for(app, job_id, finished)
    assert (failed.status, failed.attempts, failed.error) == \
        ("failed", 1, "not_found: no such library")
    await asyncio.sleep(0.3)  # several backoff periods: no retry comes
    assert (await app.jobs.job_runs().get(job_id)).attempts == 1


async def test_a_job_that_keeps_failing_stops_at_the_retry_cap(app: AppContainer) -> None:
    job_id = await enqueue(app, Down())
    failed = await wait_for(app, job_id, finished)
    assert (failed.status, failed.attempts, failed.max_attempts) == ("failed", 3, 3)
    assert failed.error == "Unavailable: radarr unavailable: connection refused"


async def test_the_built_in_prune_job_runs_on_the_worker(app: AppContainer) -> None:
    job_id = await enqueue(app, PruneJobRunsCommand(older_than_days=30))
    done = await wait_for(app, job_id, finished)
    assert (done.status, done.result) == ("succeeded", {"runs": 0, "outbox_rows": 0})


async def test_job_counts_by_status_for_metrics(app: AppContainer) -> None:
    done = await enqueue(app, Echo(word="x"))
    refused = await enqueue(app, Refuse())
    for job_id in (done, refused):
        await wait_for(app, job_id, finished)
    counts = await job_counts(app.core.database())
    assert counts == {"queued": 0, "running": 0, "succeeded": 1, "failed": 1}

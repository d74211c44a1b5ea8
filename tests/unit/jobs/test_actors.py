"""Built-in actors through the composition root (memory profile: jobs run inline)."""

from __future__ import annotations

import pytest

from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from revenge.application.shared.jobs import JobMessage
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.worker.actors import BUILT_IN_ACTORS, register_actors
from revenge.entrypoints.worker.scheduler import PERIODIC_JOBS
from tests.support.jobs import raw_job


@pytest.fixture
def container() -> AppContainer:
    container = build_container(Config(), "memory")
    register_actors(container.jobs.broker(), container)
    return container


async def enqueue(container: AppContainer, message: JobMessage) -> str:
    async with container.jobs.unit_of_work() as uow:
        job_id: str = await uow.jobs.enqueue(message)
        await uow.commit()
    return job_id


async def test_prune_job_runs_reports_what_it_deleted(container: AppContainer) -> None:
    job_id = await enqueue(container, PruneJobRunsCommand(older_than_days=7))
    run = await container.jobs.job_runs().get(job_id)
    assert (run.status, run.attempts, run.result) == ("succeeded", 1, {"runs": 0, "outbox_rows": 0})


async def test_a_malformed_payload_fails_at_once_and_is_not_retried(
        container: AppContainer) -> None:
    job_id = await enqueue(container, raw_job(PruneJobRunsCommand.job,
                                                {"older_than_days": "soon"}))
    run = await container.jobs.job_runs().get(job_id)
    assert (run.status, run.attempts) == ("failed", 1)
    assert run.error is not None and run.error.startswith("rule_violation: invalid job payload")


def test_every_periodic_job_names_a_registered_actor() -> None:
    assert {type(job.message) for job in PERIODIC_JOBS} <= set(BUILT_IN_ACTORS)


def test_the_built_in_jobs_keep_their_wire_names() -> None:
    """Runs already queued or recorded carry these names: renaming one strands them."""
    assert sorted(message.job for message in BUILT_IN_ACTORS) == [
        "library.probe_files", "library.scan", "maintenance.backup",
        "maintenance.prune_job_runs", "match_movie", "metadata.refresh_changed",
        "radarr_sync", "radarr_webhook", "refresh_movie_metadata", "search.index_movie",
        "search.reconcile", "search.reindex", "search.remove_movie"]

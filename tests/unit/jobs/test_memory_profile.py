"""The memory profile runs jobs inline because its composition registers the actors; the
HTTP package alone never loads a worker module (issue 23)."""

from __future__ import annotations

import subprocess
import sys

from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.memory_profile import build_memory_container


async def prune_now(container: AppContainer) -> str:
    async with container.jobs.unit_of_work() as uow:
        job_id: str = await uow.jobs.enqueue(PruneJobRunsCommand(older_than_days=7))
        await uow.commit()
    return job_id


async def test_a_memory_profile_job_has_run_when_its_commit_returns() -> None:
    container = build_memory_container(Config())
    run = await container.jobs.job_runs().get(await prune_now(container))
    assert (run.status, run.attempts) == ("succeeded", 1)


async def test_a_bare_memory_container_only_records_the_job() -> None:
    container = build_container(Config(), "memory")
    run = await container.jobs.job_runs().get(await prune_now(container))
    assert (run.status, run.attempts) == ("queued", 0)


def test_importing_the_http_app_loads_no_worker_module() -> None:
    probe = ("import sys, revenge.entrypoints.http.app; "
             "print(sorted(m for m in sys.modules if m.startswith('revenge.entrypoints.worker')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120).stdout.strip()
    assert loaded == "[]"

"""The job API: `/api/v1/admin/jobs` (needs `library.manage`): what background work is
queued, running or done, with its progress, result and error."""

from __future__ import annotations

from typing import Any

from litestar import Router
from litestar.di import NamedDependency, Provide

from revenge.entrypoints.http.jobs.controller import JobsController
from revenge.entrypoints.lifecycle import Lifecycle


def _job_runs(lifecycle: NamedDependency[Lifecycle]) -> Any:
    return lifecycle.container.jobs.job_runs()


def jobs_router() -> Router:
    return Router("/", route_handlers=[JobsController],
                  dependencies={"job_runs": Provide(_job_runs, sync_to_thread=False)})

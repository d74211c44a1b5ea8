"""Job runs for admins: a page of runs (newest first), one run."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, get
from litestar.params import FromPath, FromQuery, Parameter

from revenge.application.jobs.ports import JobRuns
from revenge.application.jobs.read_models import JobRun, JobStatus
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.di_bridge import Uses, uses


class JobView(msgspec.Struct, frozen=True, kw_only=True):
    """`progress` is 0-100; `result` holds the job's counters (a scan's files seen, new,
    changed, moved, missing, errors ...) while it runs and when it is done."""

    id: str
    name: str
    status: JobStatus
    progress: int
    result: dict[str, Any] | None
    error: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def of(cls, run: JobRun) -> JobView:
        return cls(id=run.id, name=run.name, status=run.status, progress=run.progress,
                   result=run.result, error=run.error, attempts=run.attempts,
                   created_at=run.created_at, started_at=run.started_at,
                   finished_at=run.finished_at)


class JobList(msgspec.Struct, frozen=True):
    items: list[JobView]
    next_cursor: str | None
    total: int


Limit = Annotated[int, Parameter(ge=1, le=200, description="page size (1-200)")]


class JobsController(Controller):
    path = "/admin/jobs"
    tags = ["jobs"]
    guards = [require(Permission.LIBRARY_MANAGE)]
    dependencies = uses(JobRuns)

    @get("", summary="Job runs, newest first (filter by status or job name)")
    async def list_jobs(self, job_runs: Uses[JobRuns], limit: Limit = 50,
                        cursor: FromQuery[str | None] = None,
                        status: FromQuery[JobStatus | None] = None,
                        name: FromQuery[str | None] = None) -> JobList:
        page = await job_runs.list(limit=limit, cursor=cursor, status=status, name=name)
        return JobList([JobView.of(run) for run in page.items], page.next_cursor, page.total)

    @get("/{job_id:str}", summary="One job run: status, progress, result, error")
    async def read(self, job_id: FromPath[str], job_runs: Uses[JobRuns]) -> JobView:
        return JobView.of(await job_runs.get(job_id))

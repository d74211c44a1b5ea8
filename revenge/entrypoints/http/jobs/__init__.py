"""The job API: `/api/v1/admin/jobs` (needs `library.manage`): what background work is
queued, running or done, with its progress, result and error."""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.jobs.controller import JobsController


def jobs_router() -> Router:
    return Router("/", route_handlers=[JobsController])

"""What callers see of jobs: run records, pages of them, prune counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import msgspec

JobStatus = Literal["queued", "running", "succeeded", "failed"]
JOB_STATUSES: tuple[JobStatus, ...] = ("queued", "running", "succeeded", "failed")
# A run in one of these holds its dedupe key: a second request gets this run's id.
ACTIVE_STATUSES: tuple[JobStatus, ...] = ("queued", "running")
FINISHED_STATUSES: tuple[JobStatus, ...] = ("succeeded", "failed")


class JobRun(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    status: JobStatus
    progress: int
    attempts: int
    max_attempts: int
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobRunPage(msgspec.Struct, frozen=True, kw_only=True):
    """Newest first; `next_cursor` is None on the last page; `total` ignores the cursor."""

    items: list[JobRun]
    next_cursor: str | None
    total: int


class PrunedJobs(msgspec.Struct, frozen=True, kw_only=True):
    runs: int
    outbox_rows: int

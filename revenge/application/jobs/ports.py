"""Ports of the jobs capability: enqueue work, follow runs, report from a running job."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Protocol, Self

from revenge.application.jobs.read_models import JobRun, JobRunPage, JobStatus, PrunedJobs
from revenge.application.shared.jobs import JobQueue


class RecoveringJobQueue(JobQueue, Protocol):
    """The jobs context's own queue: requests (the shared `JobQueue`) and the recovery of
    runs whose worker died."""

    async def requeue_abandoned(self, silent_for: timedelta) -> list[str]:
        """Runs still `running` whose worker has not reported for `silent_for` (it
        crashed, or lost its message) go back to `queued` and are sent again once the
        unit of work commits. Returns their ids."""
        ...


class JobRuns(Protocol):
    """Reads run records (for the admin list and for callers following a job)."""

    async def get(self, job_id: str) -> JobRun:
        """Raises `NotFound` for an unknown (or malformed) id."""
        ...

    async def list(
        self,
        *,
        limit: int = 50,
        cursor: str | None = None,
        status: JobStatus | None = None,
        name: str | None = None,
    ) -> JobRunPage:
        """Newest first. Raises `RuleViolation` for a limit outside 1-200 or a cursor
        this server did not return."""
        ...


class JobReporter(Protocol):
    """Records what happens to a run while the worker executes it. Each call commits
    on its own, so progress is visible while the job is still running."""

    async def mark_running(self, job_id: str) -> bool:
        """Counts an attempt. False when the run is unknown or already finished, or
        running under a worker that reported within `TAKE_OVER_AFTER`: the message is a
        duplicate (the relay is at-least-once) and must not run."""
        ...

    async def beat(self, job_ids: Collection[str]) -> None:
        """The worker executing these running runs is alive (their heartbeat is now)."""
        ...

    async def progress(
        self, job_id: str, percent: int, result_so_far: Mapping[str, Any] | None = None
    ) -> None:
        """Raises `RuleViolation` unless 0 <= percent <= 100."""
        ...

    async def succeeded(self, job_id: str, result: Mapping[str, Any] | None) -> None: ...

    async def failed(self, job_id: str, error: str, *, final: bool) -> None:
        """Not final: the run goes back to queued, keeping the error, until its retry."""
        ...


class JobHistory(Protocol):
    """Removes old records, inside a unit of work."""

    async def prune(self, finished_before: datetime) -> PrunedJobs:
        """Deletes runs that finished before the cutoff and outbox rows relayed before it
        (or belonging to those runs). Queued and running runs are never deleted."""
        ...


class JobBroker(Protocol):
    """Delivers one job message to the workers (used by the outbox relay)."""

    async def send(self, actor: str, job_id: str, payload: Mapping[str, Any]) -> None:
        """Raises `Unavailable` when the broker cannot take the message."""
        ...


class JobsUnitOfWork(Protocol):
    """One transaction of the jobs use cases; leaving without `commit()` rolls back."""

    jobs: RecoveringJobQueue
    job_history: JobHistory

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class PeriodicSlots(Protocol):
    """Which period of a periodic job has been started, shared by every worker."""

    async def claim(self, actor: str, slot: int) -> bool:
        """True for exactly one caller per (actor, slot), and only for a slot after the
        last one claimed: of several workers ticking together, one starts the job."""
        ...

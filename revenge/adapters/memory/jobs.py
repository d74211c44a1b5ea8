"""In-memory twins of the jobs adapters: runs and outbox rows in `InMemoryState` tables,
a relay, and a broker that records messages and (inline) runs their handlers at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

import uuid_utils

from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.jobs.ports import RecoveringJobQueue
from revenge.application.jobs.read_models import (
    ACTIVE_STATUSES,
    FINISHED_STATUSES,
    JobRun,
    JobRunPage,
    JobStatus,
    PrunedJobs,
)
from revenge.application.jobs.rules import (
    ABANDONED_AFTER,
    ABANDONED_ERROR,
    TAKE_OVER_AFTER,
    checked_limit,
    checked_percent,
    decode_cursor,
    encode_cursor,
    json_object,
)
from revenge.application.shared.clock import Clock, utc_now
from revenge.application.shared.jobs import JobMessage, payload_of
from revenge.domain.errors import NotFound

RUNS = "job_runs"
OUTBOX = "job_outbox"

Handler = Callable[[str, dict[str, Any]], Awaitable[Mapping[str, Any] | None]]


class InMemoryJobQueue:
    """`JobQueue` writing into the unit of work's state (rolled back with it)."""

    def __init__(self, uow: InMemoryUnitOfWork, *, wake_relay: Callable[[], Awaitable[None]],
                 max_attempts: int, clock: Clock = utc_now,
                 abandoned_after: timedelta = ABANDONED_AFTER) -> None:
        self._uow = uow
        self._wake_relay = wake_relay
        self._max_attempts = max_attempts
        self._clock = clock
        self._abandoned_after = abandoned_after

    async def enqueue(self, message: JobMessage, *, dedupe_key: str | None = None) -> str:
        actor, payload = message.job, payload_of(message)
        runs = self._uow.state.table(RUNS)
        holder = _active_holder(runs, dedupe_key)
        if holder and self._silent(runs[holder], self._abandoned_after):
            runs[holder].update(status="failed", error=ABANDONED_ERROR,
                                finished_at=self._clock(), updated_at=self._clock())
        elif holder:
            return holder
        job_id = str(uuid_utils.uuid7())
        runs[job_id] = self._new_run(job_id, actor, payload, dedupe_key)
        self._send_later(job_id, actor)
        return job_id

    async def requeue_abandoned(self, silent_for: timedelta) -> list[str]:
        runs = self._uow.state.table(RUNS)
        requeued = [job_id for job_id, run in runs.items() if self._silent(run, silent_for)]
        for job_id in requeued:
            runs[job_id].update(status="queued", error=ABANDONED_ERROR + "; requeued",
                                updated_at=self._clock())
            self._send_later(job_id, runs[job_id]["name"])
        return requeued

    def _silent(self, run: dict[str, Any], silent_for: timedelta) -> bool:
        return bool(run["status"] == "running" and run["updated_at"] < self._clock() - silent_for)

    def _send_later(self, job_id: str, actor: str) -> None:
        outbox = self._uow.state.table(OUTBOX)
        outbox[max(outbox, default=0) + 1] = {"job_id": job_id, "actor": actor,
                                              "created_at": self._clock(), "relayed_at": None}
        self._uow.after_commit(self._wake_relay)

    def _new_run(self, job_id: str, actor: str, payload: Mapping[str, Any],
                 dedupe_key: str | None) -> dict[str, Any]:
        now = self._clock()
        return {"id": job_id, "name": actor, "payload": json_object(payload), "status": "queued",
                "attempts": 0, "max_attempts": self._max_attempts, "progress": 0,
                "result": None, "error": None, "dedupe_key": dedupe_key, "created_at": now,
                "started_at": None, "finished_at": None, "updated_at": now}


def _active_holder(runs: dict[str, dict[str, Any]], dedupe_key: str | None) -> str | None:
    if dedupe_key is None:
        return None
    return next((job_id for job_id, run in runs.items()
                 if run["dedupe_key"] == dedupe_key and run["status"] in ACTIVE_STATUSES), None)


class InMemoryJobRuns:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state

    async def get(self, job_id: str) -> JobRun:
        run = self._state.table(RUNS).get(job_id)
        if run is None:
            raise NotFound(f"job run {job_id} not found")
        return _job_run(run)

    async def list(self, *, limit: int = 50, cursor: str | None = None,
                   status: JobStatus | None = None, name: str | None = None) -> JobRunPage:
        checked_limit(limit)
        matching = sorted((run for run in self._state.table(RUNS).values()
                           if _matches(run, status, name)), key=_newest_first, reverse=True)
        after = decode_cursor(cursor) if cursor else None
        page = [run for run in matching if after is None or _newest_first(run) < after]
        items = [_job_run(run) for run in page[:limit]]
        more = len(page) > limit
        next_cursor = encode_cursor(items[-1].created_at, items[-1].id) if more else None
        return JobRunPage(items=items, next_cursor=next_cursor, total=len(matching))


def _matches(run: dict[str, Any], status: JobStatus | None, name: str | None) -> bool:
    return (status is None or run["status"] == status) and (name is None or run["name"] == name)


def _newest_first(run: dict[str, Any]) -> tuple[datetime, str]:
    return run["created_at"], run["id"]


def _job_run(run: dict[str, Any]) -> JobRun:
    fields = {name: run[name] for name in JobRun.__struct_fields__}
    return JobRun(**{**fields, "result": json_object(fields["result"])})


class InMemoryJobReporter:
    """`JobReporter` writing straight into the state (each call "commits" at once)."""

    def __init__(self, state: InMemoryState, clock: Clock = utc_now, *,
                 take_over_after: timedelta = TAKE_OVER_AFTER) -> None:
        self._state = state
        self._clock = clock
        self._take_over_after = take_over_after

    async def mark_running(self, job_id: str) -> bool:
        run = self._active(job_id)
        if run is None or (run["status"] == "running"
                           and run["updated_at"] >= self._clock() - self._take_over_after):
            return False
        run.update(status="running", attempts=run["attempts"] + 1, started_at=self._clock())
        self._touch(run)
        return True

    async def beat(self, job_ids: Collection[str]) -> None:
        for job_id in job_ids:
            if (run := self._active(job_id)) and run["status"] == "running":
                self._touch(run)

    async def progress(self, job_id: str, percent: int,
                       result_so_far: Mapping[str, Any] | None = None) -> None:
        checked_percent(percent)
        run = self._active(job_id)
        if run is None or run["status"] != "running":
            return
        run["progress"] = percent
        if result_so_far is not None:
            run["result"] = json_object(result_so_far)
        self._touch(run)

    async def succeeded(self, job_id: str, result: Mapping[str, Any] | None) -> None:
        if run := self._active(job_id):
            run.update(status="succeeded", progress=100, result=json_object(result), error=None,
                       finished_at=self._clock())
            self._touch(run)

    async def failed(self, job_id: str, error: str, *, final: bool) -> None:
        if run := self._active(job_id):
            run.update(status="failed" if final else "queued", error=error)
            if final:
                run["finished_at"] = self._clock()
            self._touch(run)

    def _active(self, job_id: str) -> dict[str, Any] | None:
        run: dict[str, Any] | None = self._state.table(RUNS).get(job_id)
        return run if run is not None and run["status"] in ACTIVE_STATUSES else None

    def _touch(self, run: dict[str, Any]) -> None:
        run["updated_at"] = self._clock()


class InMemoryJobHistory:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state

    async def prune(self, finished_before: datetime) -> PrunedJobs:
        runs, outbox = self._state.table(RUNS), self._state.table(OUTBOX)
        old = {job_id for job_id, run in runs.items() if run["status"] in FINISHED_STATUSES
               and run["finished_at"] < finished_before}
        rows = [row_id for row_id, row in outbox.items() if row["job_id"] in old
                or (row["relayed_at"] is not None and row["relayed_at"] < finished_before)]
        for row_id in rows:
            del outbox[row_id]
        for job_id in old:
            del runs[job_id]
        return PrunedJobs(runs=len(old), outbox_rows=len(rows))


class InMemoryJobsUnitOfWork(InMemoryUnitOfWork):
    def __init__(self, state: InMemoryState, *,
                 job_queue: Callable[[InMemoryUnitOfWork], RecoveringJobQueue]) -> None:
        super().__init__(state)
        self._job_queue = job_queue

    def _bind(self) -> None:
        self.jobs = self._job_queue(self)
        self.job_history = InMemoryJobHistory(self.state)


class InMemoryPeriodicSlots:
    """The slots of one process's workers (the memory profile has one)."""

    def __init__(self) -> None:
        self._slots: dict[str, int] = {}

    async def claim(self, actor: str, slot: int) -> bool:
        if self._slots.get(actor, slot - 1) >= slot:
            return False
        self._slots[actor] = slot
        return True

"""Job runs and the job outbox in PostgreSQL: enqueue, read, report, prune, count."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

import uuid_utils
from psycopg import sql
from psycopg.types.json import Jsonb

from revenge.adapters.postgres.database import Connection, Database
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.jobs.ports import RecoveringJobQueue
from revenge.application.jobs.read_models import (
    JOB_STATUSES,
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
from revenge.application.shared.jobs import JobMessage, payload_of
from revenge.domain.errors import NotFound

_RUN_COLUMNS = sql.SQL(
    "id, name, status, progress, attempts, max_attempts, result, error, "
    "created_at, started_at, finished_at"
)

_INSERT_RUN = """
INSERT INTO job_runs (id, name, payload, max_attempts, dedupe_key)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING
RETURNING id"""

_ACTIVE_RUN = """
SELECT id FROM job_runs WHERE dedupe_key = %s AND status IN ('queued', 'running')"""

# `updated_at` is a running run's heartbeat (the worker touches it every few seconds).
_ABANDON_HOLDER = """
UPDATE job_runs SET status = 'failed', error = %(error)s, finished_at = now(),
    updated_at = now()
WHERE dedupe_key = %(key)s AND status = 'running' AND updated_at < now() - %(silent)s"""

_REQUEUE_ABANDONED = """
WITH silent AS (
    SELECT id, name FROM job_runs
    WHERE status = 'running' AND updated_at < now() - %(silent)s
    FOR UPDATE SKIP LOCKED),
requeued AS (
    UPDATE job_runs r SET status = 'queued', error = %(error)s, updated_at = now()
    FROM silent WHERE r.id = silent.id RETURNING r.id, r.name)
INSERT INTO job_outbox (job_id, actor) SELECT id, name FROM requeued RETURNING job_id"""


class PostgresJobQueue:
    """`JobQueue` on the connection of one unit of work; wakes the relay after commit."""

    def __init__(self, uow: PostgresUnitOfWork, *, wake_relay: Callable[[], Awaitable[None]],
                 max_attempts: int, abandoned_after: timedelta = ABANDONED_AFTER) -> None:
        self._uow = uow
        self._wake_relay = wake_relay
        self._max_attempts = max_attempts
        self._abandoned_after = abandoned_after

    async def enqueue(self, message: JobMessage, *, dedupe_key: str | None = None) -> str:
        actor, payload = message.job, payload_of(message)
        if dedupe_key is not None:
            await self._uow.connection.execute(_ABANDON_HOLDER, {
                "error": ABANDONED_ERROR, "key": dedupe_key, "silent": self._abandoned_after})
        for _ in range(3):  # the holder of the key may finish between our two statements
            job_id = await self._insert(actor, payload, dedupe_key)
            if job_id := job_id or await self._holder(dedupe_key):
                return job_id
        raise RuntimeError(f"could not enqueue {actor}: dedupe key {dedupe_key!r} kept changing")

    async def _insert(self, actor: str, payload: Mapping[str, Any],
                      dedupe_key: str | None) -> str | None:
        conn = self._uow.connection
        job_id = str(uuid_utils.uuid7())
        cur = await conn.execute(_INSERT_RUN, (job_id, actor, Jsonb(json_object(payload)),
                                               self._max_attempts, dedupe_key))
        if await cur.fetchone() is None:
            return None
        await conn.execute("INSERT INTO job_outbox (job_id, actor) VALUES (%s, %s)",
                           (job_id, actor))
        self._uow.after_commit(self._wake_relay)
        return job_id

    async def requeue_abandoned(self, silent_for: timedelta) -> list[str]:
        cur = await self._uow.connection.execute(_REQUEUE_ABANDONED, {
            "silent": silent_for, "error": ABANDONED_ERROR + "; requeued"})
        requeued = [str(row["job_id"]) for row in await cur.fetchall()]
        if requeued:
            self._uow.after_commit(self._wake_relay)
        return requeued

    async def _holder(self, dedupe_key: str | None) -> str | None:
        cur = await self._uow.connection.execute(_ACTIVE_RUN, (dedupe_key,))
        row = await cur.fetchone()
        return str(row["id"]) if row else None


class PostgresJobRuns:
    """`JobRuns` on the shared pool (reads need no unit of work)."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def get(self, job_id: str) -> JobRun:
        if not _is_uuid(job_id):
            raise NotFound(f"job run {job_id} not found")
        query = sql.SQL("SELECT {} FROM job_runs WHERE id = %s").format(_RUN_COLUMNS)
        async with self._database.connection() as conn:
            row = await (await conn.execute(query, (job_id,))).fetchone()
        if row is None:
            raise NotFound(f"job run {job_id} not found")
        return _job_run(row)

    async def list(self, *, limit: int = 50, cursor: str | None = None,
                   status: JobStatus | None = None, name: str | None = None) -> JobRunPage:
        checked_limit(limit)
        where, params = _filters(status, name)
        page_where, page_params = list(where), dict(params)
        if cursor:
            page_params["after_created"], page_params["after_id"] = decode_cursor(cursor)
            page_where.append(sql.SQL("(created_at, id) < (%(after_created)s, %(after_id)s)"))
        async with self._database.connection() as conn:
            rows = await _select_page(conn, page_where, {**page_params, "limit": limit + 1})
            total = await _count(conn, where, params)
        return _page(rows, limit, total)


Conditions = list[sql.Composable]


def _filters(status: JobStatus | None, name: str | None) -> tuple[Conditions, dict[str, Any]]:
    where: Conditions = []
    params: dict[str, Any] = {}
    if status is not None:
        where.append(sql.SQL("status = %(status)s"))
        params["status"] = status
    if name is not None:
        where.append(sql.SQL("name = %(name)s"))
        params["name"] = name
    return where, params


def _where(conditions: Conditions) -> sql.Composable:
    if not conditions:
        return sql.SQL("")
    return sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conditions)


async def _select_page(conn: Connection, where: Conditions,
                       params: dict[str, Any]) -> list[dict[str, Any]]:
    query = sql.SQL("SELECT {} FROM job_runs{} ORDER BY created_at DESC, id DESC "
                    "LIMIT %(limit)s").format(_RUN_COLUMNS, _where(where))
    return await (await conn.execute(query, params)).fetchall()


async def _count(conn: Connection, where: Conditions, params: dict[str, Any]) -> int:
    query = sql.SQL("SELECT count(*) AS n FROM job_runs{}").format(_where(where))
    row = await (await conn.execute(query, params)).fetchone()
    return int(row["n"]) if row else 0


def _page(rows: list[dict[str, Any]], limit: int, total: int) -> JobRunPage:
    items = [_job_run(row) for row in rows[:limit]]
    more = len(rows) > limit
    next_cursor = encode_cursor(items[-1].created_at, items[-1].id) if more else None
    return JobRunPage(items=items, next_cursor=next_cursor, total=total)


def _job_run(row: dict[str, Any]) -> JobRun:
    return JobRun(**{**row, "id": str(row["id"])})


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


_ACTIVE = sql.SQL("status IN ('queued', 'running')")
# Queued, or running under a worker gone silent (its message was handed on).
_STARTABLE = sql.SQL(
    "(status = 'queued' OR (status = 'running' AND updated_at < now() - %(silent)s))")
_FAIL_FINALLY = sql.SQL("status = 'failed', finished_at = now(), error = %(error)s")
# Back to queued: the run still holds its dedupe key while it waits for the retry.
_FAIL_FOR_RETRY = sql.SQL("status = 'queued', error = %(error)s")


class PostgresJobReporter:
    """`JobReporter`: each call is its own short transaction on the shared pool."""

    def __init__(self, database: Database, *, take_over_after: timedelta = TAKE_OVER_AFTER
                 ) -> None:
        self._database = database
        self._take_over_after = take_over_after

    async def mark_running(self, job_id: str) -> bool:
        return await self._update(job_id, sql.SQL(
            "status = 'running', attempts = attempts + 1, started_at = now()"),
            {"silent": self._take_over_after}, only=_STARTABLE)

    async def beat(self, job_ids: Collection[str]) -> None:
        ids = [job_id for job_id in job_ids if _is_uuid(job_id)]
        if not ids:
            return
        async with self._database.transaction() as conn:
            await conn.execute("UPDATE job_runs SET updated_at = now() "
                               "WHERE id = ANY(%s) AND status = 'running'", (ids,))

    async def progress(self, job_id: str, percent: int,
                       result_so_far: Mapping[str, Any] | None = None) -> None:
        await self._update(job_id, sql.SQL(
            "progress = %(percent)s, result = COALESCE(%(result)s, result)"),
            {"percent": checked_percent(percent), "result": _jsonb(result_so_far)},
            only=sql.SQL("status = 'running'"))

    async def succeeded(self, job_id: str, result: Mapping[str, Any] | None) -> None:
        await self._update(job_id, sql.SQL(
            "status = 'succeeded', progress = 100, result = %(result)s, error = NULL, "
            "finished_at = now()"), {"result": _jsonb(result)})

    async def failed(self, job_id: str, error: str, *, final: bool) -> None:
        change = _FAIL_FINALLY if final else _FAIL_FOR_RETRY
        await self._update(job_id, change, {"error": error})

    async def _update(self, job_id: str, change: sql.Composable, params: dict[str, Any],
                      only: sql.Composable = _ACTIVE) -> bool:
        if not _is_uuid(job_id):
            return False
        query = sql.SQL("UPDATE job_runs SET {}, updated_at = now() "
                        "WHERE id = %(id)s AND {} RETURNING id").format(change, only)
        async with self._database.transaction() as conn:
            row = await (await conn.execute(query, {**params, "id": job_id})).fetchone()
        return row is not None


def _jsonb(value: Mapping[str, Any] | None) -> Jsonb | None:
    plain = json_object(value)
    return None if plain is None else Jsonb(plain)


_PRUNE_OUTBOX = """
DELETE FROM job_outbox
WHERE relayed_at < %(cutoff)s
   OR job_id IN (SELECT id FROM job_runs
                 WHERE status IN ('succeeded', 'failed') AND finished_at < %(cutoff)s)"""

_PRUNE_RUNS = """
DELETE FROM job_runs WHERE status IN ('succeeded', 'failed') AND finished_at < %(cutoff)s"""


class PostgresJobHistory:
    """`JobHistory` on the connection of one unit of work."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def prune(self, finished_before: datetime) -> PrunedJobs:
        params = {"cutoff": finished_before}
        outbox = await self._conn.execute(_PRUNE_OUTBOX, params)
        runs = await self._conn.execute(_PRUNE_RUNS, params)
        return PrunedJobs(runs=runs.rowcount, outbox_rows=outbox.rowcount)


JobQueueFactory = Callable[[PostgresUnitOfWork], RecoveringJobQueue]


class PostgresJobsUnitOfWork(PostgresUnitOfWork):
    """The jobs use cases' unit of work: `jobs` (enqueue) and `job_history` (prune)."""

    def __init__(self, database: Database, *, job_queue: JobQueueFactory) -> None:
        super().__init__(database)
        self._job_queue = job_queue

    def _bind(self) -> None:
        self.jobs = self._job_queue(self)
        self.job_history = PostgresJobHistory(self.connection)


async def job_counts(database: Database) -> dict[str, int]:
    """Runs by status (every status present, zero included), for /metrics."""
    async with database.connection() as conn:
        cur = await conn.execute("SELECT status, count(*) AS n FROM job_runs GROUP BY status")
        counted = {row["status"]: int(row["n"]) for row in await cur.fetchall()}
    return {status: counted.get(status, 0) for status in JOB_STATUSES}


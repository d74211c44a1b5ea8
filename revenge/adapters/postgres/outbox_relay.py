"""The outbox relay: hands committed job requests from `job_outbox` to the broker.

A use case enqueues by writing a run and an outbox row in its own transaction; this
relay later sends the row to the broker and marks it relayed. Delivery is
at-least-once: the row is marked in the transaction that locked it, after the broker
took the message, so a crash in between sends it again (the worker then skips a run
that already finished). Relays in several processes (HTTP, workers) share the table
safely: each pass locks its batch `FOR UPDATE SKIP LOCKED`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from revenge.adapters.postgres.database import Database
from revenge.application.jobs.ports import JobBroker
from revenge.domain.errors import Unavailable

log = logging.getLogger(__name__)

_LOCK_BATCH = """
SELECT o.id, o.actor, o.job_id, r.payload
FROM job_outbox o JOIN job_runs r ON r.id = o.job_id
WHERE o.relayed_at IS NULL
ORDER BY o.id
LIMIT %s
FOR UPDATE OF o SKIP LOCKED"""

_MARK_RELAYED = "UPDATE job_outbox SET relayed_at = now() WHERE id = ANY(%s)"


class OutboxRelay:
    """`relay_once` sends one batch; `run` loops, woken early by `kick` (after commits)."""

    def __init__(self, database: Database, broker: JobBroker, *, batch_size: int = 100,
                 period_seconds: float = 1.0, max_backoff_seconds: float = 30.0) -> None:
        self._database = database
        self._broker = broker
        self._batch_size = batch_size
        self._period = period_seconds
        self._max_backoff = max_backoff_seconds
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def relay_once(self) -> int:
        """Sends up to one batch; returns how many rows were relayed. When the broker
        fails, the rows sent so far are marked, the rest stay for the next pass, and
        `Unavailable` is raised."""
        async with self._database.transaction() as conn:
            rows = await (await conn.execute(_LOCK_BATCH, (self._batch_size,))).fetchall()
            sent, failure = await self._send(rows)
            if sent:
                await conn.execute(_MARK_RELAYED, (sent,))
        if failure is not None:
            raise failure
        return len(sent)

    async def _send(self, rows: list[dict[str, Any]]) -> tuple[list[int], Unavailable | None]:
        sent: list[int] = []
        for row in rows:
            try:
                await self._broker.send(row["actor"], str(row["job_id"]), row["payload"])
            except Unavailable as exc:
                return sent, exc
            sent.append(row["id"])
        return sent, None

    async def kick(self) -> None:
        """Wakes the loop now (called after a commit that enqueued); never fails, and
        does nothing when no loop runs (the rows wait for a relay in another process)."""
        loop, wake = self._loop, self._wake
        if loop is None or wake is None:
            return
        if asyncio.get_running_loop() is loop:
            wake.set()
        else:
            with contextlib.suppress(RuntimeError):  # that loop has just closed
                loop.call_soon_threadsafe(wake.set)

    async def run(self) -> None:
        """Relays until cancelled; backs off (up to `max_backoff_seconds`) while the
        broker or the database is down, and drains full batches without waiting."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        delay = self._period
        try:
            while True:
                delay = await self._pass(delay)
                if delay:
                    await self._sleep(delay)
        finally:
            self._loop = self._wake = None

    async def _pass(self, delay: float) -> float:
        try:
            relayed = await self.relay_once()
        except Unavailable as exc:
            log.warning("job outbox relay paused: %s", exc)
            return min(max(delay, self._period) * 2, self._max_backoff)
        except Exception:  # the loop must outlive a bug in one pass
            log.exception("job outbox relay pass failed")
            return self._max_backoff
        return 0.0 if relayed == self._batch_size else self._period

    async def _sleep(self, seconds: float) -> None:
        assert self._wake is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()


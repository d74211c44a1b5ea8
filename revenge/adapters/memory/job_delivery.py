"""In-memory twins of job delivery: the outbox relay, and a broker that records messages
and (inline) runs their handlers at once, recorded like the worker records them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import msgspec

from revenge.adapters.memory.jobs import OUTBOX, RUNS
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.jobs.ports import JobBroker, JobReporter
from revenge.application.jobs.rules import describe_failure, should_retry
from revenge.application.shared.clock import Clock, utc_now
from revenge.domain.errors import Unavailable

Handler = Callable[[str, dict[str, Any]], Awaitable[Mapping[str, Any] | None]]


class InMemoryOutboxRelay:
    """Relays outbox rows to the broker; `kick` relays at once (so, with an inline
    broker, a committed job has run by the time `commit()` returns)."""

    def __init__(self, state: InMemoryState, broker: JobBroker, *,
                 period_seconds: float = 1.0, clock: Clock = utc_now) -> None:
        self._state = state
        self._broker = broker
        self._period = period_seconds
        self._clock = clock

    async def relay_once(self) -> int:
        sent = 0
        for row_id in sorted(self._state.table(OUTBOX)):
            if await self._relay(row_id):
                sent += 1
        return sent

    async def _relay(self, row_id: int) -> bool:
        row = self._state.table(OUTBOX).get(row_id)
        if row is None or row["relayed_at"] is not None:
            return False
        # Marked before sending: an inline job that enqueues relays again, nested.
        row["relayed_at"] = self._clock()
        payload = self._state.table(RUNS)[row["job_id"]]["payload"]
        try:
            await self._broker.send(row["actor"], row["job_id"], payload)
        except Unavailable:
            self._state.table(OUTBOX)[row_id]["relayed_at"] = None
            raise
        return True

    async def kick(self) -> None:
        with contextlib.suppress(Unavailable):
            await self.relay_once()

    async def run(self) -> None:
        while True:
            with contextlib.suppress(Unavailable):
                await self.relay_once()
            await asyncio.sleep(self._period)


class SentMessage(msgspec.Struct, frozen=True):
    actor: str
    job_id: str
    payload: dict[str, Any]


class InMemoryBroker:
    """`JobBroker` twin: every message lands in `sent`. With `inline=True` a registered
    handler runs at once, recorded through the reporter like the worker records it,
    retrying (immediately) what the worker would retry. `available = False` makes
    `send` raise `Unavailable`, as a broker that is down."""

    def __init__(self, reporter: JobReporter, *, max_retries: int = 0, inline: bool = True) -> None:
        self._reporter = reporter
        self._max_retries = max_retries
        self._inline = inline
        self._handlers: dict[str, Handler] = {}
        self.sent: list[SentMessage] = []
        self.available = True
        self._running: set[str] = set()

    def running_jobs(self) -> frozenset[str]:
        return frozenset(self._running)

    def maintain(self) -> None:
        """Nothing to hand on: an inline broker's messages die with their process."""

    def register(self, actor: str, handler: Handler) -> None:
        self._handlers[actor] = handler

    async def send(self, actor: str, job_id: str, payload: Mapping[str, Any]) -> None:
        if not self.available:
            raise Unavailable("broker", "the in-memory broker is marked down")
        self.sent.append(SentMessage(actor, job_id, dict(payload)))
        handler = self._handlers.get(actor)
        if self._inline and handler is not None:
            await self._run(handler, job_id, dict(payload))

    async def _run(self, handler: Handler, job_id: str, payload: dict[str, Any]) -> None:
        retries = 0
        while await self._reporter.mark_running(job_id):
            self._running.add(job_id)
            try:
                result = await handler(job_id, payload)
            except Exception as exc:
                self._running.discard(job_id)
                final = not should_retry(retries, exc, max_retries=self._max_retries)
                await self._reporter.failed(job_id, describe_failure(exc), final=final)
                retries += 1
                continue
            self._running.discard(job_id)
            await self._reporter.succeeded(job_id, result)
            return

"""In-memory jobs wiring for unit tests, with a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from revenge.adapters.memory.job_delivery import InMemoryBroker, InMemoryOutboxRelay
from revenge.adapters.memory.jobs import (
    InMemoryJobQueue,
    InMemoryJobReporter,
    InMemoryJobRuns,
    InMemoryJobsUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from tests.support.jobs import raw_job


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class MemoryJobs:
    def __init__(self) -> None:
        self.clock = Clock()
        self.state = InMemoryState()
        self.reporter = InMemoryJobReporter(self.state, clock=self.clock)
        self.broker = InMemoryBroker(self.reporter, inline=False)
        self.relay = InMemoryOutboxRelay(self.state, self.broker, clock=self.clock)
        self.runs = InMemoryJobRuns(self.state)

    def unit_of_work(self) -> InMemoryJobsUnitOfWork:
        return InMemoryJobsUnitOfWork(self.state, job_queue=self._queue)

    def _queue(self, uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        return InMemoryJobQueue(uow, wake_relay=self.relay.kick, max_attempts=3, clock=self.clock)

    async def enqueue(self, actor: str) -> str:
        async with self.unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(raw_job(actor))
            await uow.commit()
        return job_id

    async def finish(self, job_id: str) -> None:
        await self.reporter.mark_running(job_id)
        await self.reporter.succeeded(job_id, None)

"""The relay loop: a commit wakes it at once; while the broker is down it keeps the rows
and backs off; once the broker is back, the next wake-up delivers them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.jobs import PostgresJobQueue, PostgresJobsUnitOfWork
from revenge.adapters.postgres.outbox_relay import OutboxRelay
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.domain.errors import Unavailable
from tests.support.jobs import raw_job


class Broker:
    def __init__(self) -> None:
        self.sent: list[str] = []
        self.attempts = 0
        self.down = False

    async def send(self, actor: str, job_id: str, payload: Mapping[str, Any]) -> None:
        self.attempts += 1
        if self.down:
            raise Unavailable("broker", "connection refused")
        self.sent.append(job_id)


@pytest.fixture
def broker() -> Broker:
    return Broker()


@pytest.fixture
async def relay(database: Database, broker: Broker) -> AsyncIterator[OutboxRelay]:
    """A relay whose own period is far longer than any test: only kicks make it move."""
    relay = OutboxRelay(database, broker, period_seconds=30, max_backoff_seconds=60)
    task = asyncio.create_task(relay.run())
    await asyncio.sleep(0.05)  # its first (empty) pass
    yield relay
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def enqueue(database: Database, relay: OutboxRelay) -> str:
    def queue(uow: PostgresUnitOfWork) -> PostgresJobQueue:
        return PostgresJobQueue(uow, wake_relay=relay.kick, max_attempts=1)

    async with PostgresJobsUnitOfWork(database, job_queue=queue) as uow:
        job_id = await uow.jobs.enqueue(raw_job("library.scan", {}))
        await uow.commit()
    return job_id


async def eventually(condition: Any, within: float = 2.0) -> bool:
    for _ in range(int(within / 0.01)):
        if condition():
            return True
        await asyncio.sleep(0.01)
    return bool(condition())


async def test_a_commit_wakes_the_relay_at_once(database: Database, relay: OutboxRelay,
                                                broker: Broker) -> None:
    job_id = await enqueue(database, relay)
    assert await eventually(lambda: broker.sent == [job_id], within=1.0)


async def test_rows_wait_out_a_broker_outage_and_go_on_the_next_wake_up(
        database: Database, relay: OutboxRelay, broker: Broker) -> None:
    broker.down = True
    first = await enqueue(database, relay)
    assert await eventually(lambda: broker.attempts == 1)
    broker.down = False
    second = await enqueue(database, relay)
    assert await eventually(lambda: broker.sent == [first, second])

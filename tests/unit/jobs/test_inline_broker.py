"""The in-memory broker runs a registered job at once, recorded like the worker does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from revenge.adapters.memory.job_delivery import InMemoryBroker, InMemoryOutboxRelay
from revenge.adapters.memory.jobs import (
    InMemoryJobQueue,
    InMemoryJobReporter,
    InMemoryJobRuns,
    InMemoryJobsUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.jobs.read_models import JobRun
from revenge.domain.errors import NotFound, Unavailable
from tests.support.jobs import raw_job


class Stack:
    def __init__(self, *, max_retries: int = 2, inline: bool = True) -> None:
        self.state = InMemoryState()
        self.broker = InMemoryBroker(InMemoryJobReporter(self.state), max_retries=max_retries,
                                     inline=inline)
        self.relay = InMemoryOutboxRelay(self.state, self.broker)
        self.runs = InMemoryJobRuns(self.state)

    def _queue(self, uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        return InMemoryJobQueue(uow, wake_relay=self.relay.kick, max_attempts=3)

    async def enqueue(self, actor: str, payload: Mapping[str, Any] | None = None) -> JobRun:
        async with InMemoryJobsUnitOfWork(self.state, job_queue=self._queue) as uow:
            job_id = await uow.jobs.enqueue(raw_job(actor, payload))
            await uow.commit()
        return await self.runs.get(job_id)


async def test_a_job_has_run_by_the_time_its_enqueuing_commit_returns() -> None:
    stack = Stack()
    seen: list[tuple[str, dict[str, Any]]] = []

    async def echo(job_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        seen.append((job_id, payload))
        return {"echo": payload["word"]}

    stack.broker.register("test.echo", echo)
    run = await stack.enqueue("test.echo", {"word": "hi"})
    assert seen == [(run.id, {"word": "hi"})]
    assert (run.status, run.attempts, run.progress, run.result) == \
        ("succeeded", 1, 100, {"echo": "hi"})


async def test_an_unavailable_dependency_is_retried_and_the_job_then_succeeds() -> None:
    stack = Stack(max_retries=2)
    calls = 0

    async def flaky(job_id: str, payload: dict[str, Any]) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise Unavailable("tmdb", "timed out")

    stack.broker.register("test.flaky", flaky)
    run = await stack.enqueue("test.flaky")
    assert (run.status, run.attempts, run.error) == ("succeeded", 2, None)


async def test_a_domain_error_fails_the_run_at_once_with_the_error_recorded() -> None:
    stack = Stack(max_retries=2)

    async def refuse(job_id: str, payload: dict[str, Any]) -> None:
        raise NotFound("no such library")

    stack.broker.register("test.refuse", refuse)
    run = await stack.enqueue("test.refuse")
    assert (run.status, run.attempts, run.error) == ("failed", 1, "not_found: no such library")
    assert run.finished_at is not None


async def test_retries_stop_at_the_cap() -> None:
    stack = Stack(max_retries=2)

    async def down(job_id: str, payload: dict[str, Any]) -> None:
        raise Unavailable("radarr", "connection refused")

    stack.broker.register("test.down", down)
    run = await stack.enqueue("test.down")
    assert (run.status, run.attempts) == ("failed", 3)
    assert run.error == "Unavailable: radarr unavailable: connection refused"


async def test_a_collecting_broker_records_messages_without_running_them() -> None:
    stack = Stack(inline=False)

    async def never(job_id: str, payload: dict[str, Any]) -> None:
        raise AssertionError("a collecting broker must not run jobs")

    stack.broker.register("test.echo", never)
    run = await stack.enqueue("test.echo", {"n": 1})
    assert run.status == "queued"
    assert [(m.actor, m.job_id, m.payload) for m in stack.broker.sent] == \
        [("test.echo", run.id, {"n": 1})]


async def test_a_job_enqueued_by_a_running_job_is_sent_once() -> None:
    stack = Stack()

    async def parent(job_id: str, payload: dict[str, Any]) -> None:
        await stack.enqueue("test.child")

    async def child(job_id: str, payload: dict[str, Any]) -> None:
        return None

    stack.broker.register("test.parent", parent)
    stack.broker.register("test.child", child)
    await stack.enqueue("test.parent")
    assert sorted(m.actor for m in stack.broker.sent) == ["test.child", "test.parent"]
    page = await stack.runs.list()
    assert {r.status for r in page.items} == {"succeeded"}

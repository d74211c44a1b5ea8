"""The worker's process ends even when its broker died first (the supervisor was
SIGKILLed and took Redis with it): dramatiq lets redis-py's error out of its shutdown,
which used to leave the event loop thread, and so the process, running."""

from __future__ import annotations

from collections.abc import Iterator

import dramatiq
import pytest
import redis
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AsyncIO
from dramatiq.worker import ConsumerThread

from revenge.entrypoints.worker.runtime import stop_worker


@pytest.fixture
def broker() -> Iterator[StubBroker]:
    stub = StubBroker(middleware=[AsyncIO()])
    stub.declare_queue("default")
    yield stub
    stub.close()


def test_a_broker_gone_during_shutdown_still_ends_the_event_loop_thread(
        broker: StubBroker, monkeypatch: pytest.MonkeyPatch) -> None:
    def broker_gone(self: ConsumerThread) -> None:
        raise redis.exceptions.ConnectionError("Connection closed by server.")

    worker = dramatiq.Worker(broker, worker_threads=1, worker_timeout=100)
    worker.start()
    loop_thread = dramatiq.asyncio.get_event_loop_thread()
    assert loop_thread is not None and loop_thread.is_alive()
    monkeypatch.setattr(ConsumerThread, "close", broker_gone)

    stop_worker(worker, 1_000)

    assert not loop_thread.is_alive()
    assert dramatiq.asyncio.get_event_loop_thread() is None

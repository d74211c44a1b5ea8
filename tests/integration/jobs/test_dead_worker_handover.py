"""A crashed worker's messages on real Redis: handed on by scheduled maintenance, within
the heartbeat bound rather than at dramatiq's random one-in-a-thousand maintenance."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import dramatiq
import pytest
import redis

from revenge.adapters.dramatiq.broker import QUEUE, MaintainedRedisBroker

pytestmark = pytest.mark.integration

HEARTBEAT_TIMEOUT_MS = 300


@pytest.fixture
def namespace(redis_url: str) -> Iterator[str]:
    name = f"revenge-handover-{uuid.uuid4().hex[:8]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    if keys := list(client.scan_iter(f"{name}*")):
        client.delete(*keys)
    client.close()


def _broker(redis_url: str, namespace: str) -> MaintainedRedisBroker:
    broker = MaintainedRedisBroker(url=redis_url, namespace=namespace, middleware=[],
                                   heartbeat_timeout=HEARTBEAT_TIMEOUT_MS)
    broker.maintenance_chance = 0  # only scheduled maintenance: the behaviour under test
    broker.declare_queue(QUEUE)
    return broker


def _message() -> dramatiq.Message[Any]:
    return dramatiq.Message(queue_name=QUEUE, actor_name="test.echo", args=("run-1", {}),
                            kwargs={}, options={})


def _fetch(broker: MaintainedRedisBroker) -> dramatiq.MessageProxy | None:
    consumer = broker.consume(QUEUE, prefetch=1, timeout=50)
    for _ in range(20):
        if (message := next(consumer)) is not None:
            return message
    return None


def test_a_dead_workers_message_is_handed_on_by_the_next_maintenance(
        redis_url: str, namespace: str) -> None:
    """Review finding 11: a worker killed mid-job kept its message in its unacked set
    until dramatiq's random maintenance (up to 15 minutes): the job stayed wedged."""
    dead, alive = _broker(redis_url, namespace), _broker(redis_url, namespace)
    dead.enqueue(_message())
    assert _fetch(dead) is not None  # fetched, never acked: then the worker dies
    alive.maintain()
    assert _fetch(alive) is None  # not yet: the dead worker's heartbeat is still fresh

    time.sleep(HEARTBEAT_TIMEOUT_MS / 1000 + 0.1)
    alive.maintain()

    handed_on = _fetch(alive)
    assert handed_on is not None and handed_on.args[0] == "run-1"


def test_a_busy_worker_that_maintains_keeps_its_messages(redis_url: str, namespace: str) -> None:
    """A worker whose threads are all busy fetches nothing, so without its maintenance
    heartbeat another worker would take its running jobs and run them twice."""
    busy, other = _broker(redis_url, namespace), _broker(redis_url, namespace)
    busy.enqueue(_message())
    assert _fetch(busy) is not None
    for _ in range(3):
        time.sleep(HEARTBEAT_TIMEOUT_MS / 2000)
        busy.maintain()
        other.maintain()

    assert _fetch(other) is None

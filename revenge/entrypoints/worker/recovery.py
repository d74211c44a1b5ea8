"""What lets a crashed worker's jobs resume within a minute (review finding 11): this
worker's heartbeat for the runs it executes, a sweep that requeues runs whose worker
went silent, and a thread that runs the broker's maintenance on a schedule."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Protocol

from revenge.application.jobs.ports import JobReporter
from revenge.application.jobs.requeue_abandoned_jobs import (
    RequeueAbandonedJobs,
    RequeueAbandonedJobsCommand,
)
from revenge.application.jobs.rules import HEARTBEAT_EVERY
from revenge.domain.errors import Unavailable
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.ticks import tick

log = logging.getLogger(__name__)

SWEEP_EVERY_SECONDS = 10.0


class MaintainedBroker(Protocol):
    def running_jobs(self) -> frozenset[str]: ...

    def maintain(self) -> None: ...


async def beat_running_jobs(container: AppContainer,
                            every: float = HEARTBEAT_EVERY.total_seconds()) -> None:
    """Until cancelled: the runs this process executes are marked alive."""
    broker: MaintainedBroker = container.jobs.broker()
    reporter = Provided(container).get(JobReporter)

    async def step() -> None:
        await reporter.beat(broker.running_jobs())

    while True:
        await tick("job heartbeat", step)
        await asyncio.sleep(every)


async def requeue_abandoned_jobs(container: AppContainer,
                                 every: float = SWEEP_EVERY_SECONDS) -> None:
    """Until cancelled: runs whose worker went silent are sent again."""
    requeue = Provided(container).get(RequeueAbandonedJobs)

    async def step() -> str | None:
        requeued = await requeue.execute(
            RequeueAbandonedJobsCommand())
        return f"requeued {', '.join(requeued)}" if requeued else None

    while True:
        await tick("abandoned jobs", step)
        await asyncio.sleep(every)


class BrokerMaintenance:
    """A thread (Redis calls block) running the broker's maintenance now and every
    `every` seconds: at start it hands on the jobs of a worker that died before."""

    def __init__(self, broker: MaintainedBroker, every: float) -> None:
        self._broker = broker
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="broker-maintenance",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            try:
                self._broker.maintain()
            except Unavailable as exc:
                log.warning("broker maintenance: not done (retried in %.0f s): %s",
                            self._every, exc)
            except Exception:
                log.exception("broker maintenance failed")
            if self._stop.wait(self._every):
                return

"""The worker process's moving parts: dramatiq's Worker (threads) and, on its event
loop, the database pool, the outbox relay and the periodic scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine, Sequence
from typing import Any

import dramatiq
from dramatiq.middleware import AsyncIO

from revenge.adapters.dramatiq.broker import MAINTAIN_EVERY_SECONDS
from revenge.adapters.dramatiq.middleware import LoopHooks
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.metadata import close_http_clients
from revenge.entrypoints.worker.actors import BUILT_IN_ACTORS, Actors, register_actors
from revenge.entrypoints.worker.library_actors import library_loops
from revenge.entrypoints.worker.radarr_actors import radarr_loops
from revenge.entrypoints.worker.recovery import (
    BrokerMaintenance,
    beat_running_jobs,
    requeue_abandoned_jobs,
)
from revenge.entrypoints.worker.scheduler import PeriodicJob, periodic_jobs, run_scheduler
from revenge.entrypoints.worker.search_actors import watch_index_coverage

log = logging.getLogger(__name__)


class BackgroundLoops:
    """The relay and the scheduler as tasks on the current loop, with the pool they use
    (real profile). `start` and `stop` run on the same loop as the jobs."""

    def __init__(self, container: AppContainer, schedule: Sequence[PeriodicJob] | None = None,
                 *, tick_seconds: float = 60.0) -> None:
        self._container = container
        self._schedule = periodic_jobs(container.settings()) if schedule is None else schedule
        self._tick_seconds = tick_seconds
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def _real(self) -> bool:
        return bool(self._container.profile() == "real")

    async def start(self) -> None:
        if self._real:
            await self._container.core.database().open()
        self._spawn(self._container.jobs.outbox_relay().run())
        self._spawn(beat_running_jobs(self._container))
        self._spawn(requeue_abandoned_jobs(self._container))
        self._spawn(watch_index_coverage(self._container))
        if self._schedule:
            self._spawn(run_scheduler(self._container, self._schedule,
                                      tick_seconds=self._tick_seconds))
        for loop in (*library_loops(self._container), *radarr_loops(self._container)):
            self._spawn(loop)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        await close_http_clients(self._container.metadata)  # on the loop the jobs used
        if self._real:
            await self._container.core.database().close()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        self._tasks.append(asyncio.get_running_loop().create_task(coro))


class WorkerRuntime:
    """dramatiq's Worker in this process (real profile). `start` returns at once;
    `stop` waits up to `stop_timeout_ms` for running jobs to finish."""

    def __init__(self, container: AppContainer, *, actors: Actors = BUILT_IN_ACTORS,
                 schedule: Sequence[PeriodicJob] | None = None, worker_timeout_ms: int = 1000,
                 stop_timeout_ms: int = 30_000) -> None:
        self._container = container
        self._actors = actors
        self._loops = BackgroundLoops(container, schedule)
        self._worker_timeout_ms = worker_timeout_ms
        self._stop_timeout_ms = stop_timeout_ms
        self._worker: dramatiq.Worker | None = None
        self._maintenance = BrokerMaintenance(container.jobs.broker(), MAINTAIN_EVERY_SECONDS)

    def start(self) -> None:
        broker = self._container.jobs.broker()
        register_actors(broker, self._container, self._actors)
        broker.dramatiq.add_middleware(LoopHooks(self._loops.start, self._loops.stop),
                                       after=AsyncIO)
        self._worker = dramatiq.Worker(
            broker.dramatiq,
            worker_threads=self._container.settings().worker_threads,
            worker_timeout=self._worker_timeout_ms,
        )
        self._worker.start()
        self._maintenance.start()

    def stop(self) -> None:
        self._maintenance.stop()
        if self._worker is not None:
            stop_worker(self._worker, self._stop_timeout_ms)
            self._worker = None


def stop_worker(worker: dramatiq.Worker, timeout_ms: int) -> None:
    """dramatiq's shutdown, finished even when the broker is gone.

    Handing prefetched messages back to a Redis that has just died (the supervisor was
    killed, and its Redis with it) raises redis-py's error, which dramatiq does not
    catch: its shutdown stopped halfway, the middleware never heard of it, and the event
    loop thread (with our background loops) kept the process alive. The messages it could
    not hand back are the broker's unacknowledged ones; they come back when it does."""
    try:
        worker.stop(timeout=timeout_ms)
    except Exception as exc:  # whatever it was, the process must end
        log.warning("worker shutdown: the broker did not take back its messages: %s", exc)
        worker.broker.emit_after("worker_shutdown", worker)

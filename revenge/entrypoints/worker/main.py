"""Worker bootstrap: the same container as HTTP, migrations, then the job loops until
SIGTERM/SIGINT (exit 0). The memory profile needs no infrastructure: it only idles."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading

import psycopg
from tenacity import (
    Retrying,
    retry_if_exception_type,
    stop_after_delay,
    stop_when_event_set,
    wait_exponential,
)

from revenge.adapters.postgres.migrations import MigrationError
from revenge.domain.errors import Unavailable
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, Profile, build_container
from revenge.entrypoints.logging import configure_logging
from revenge.entrypoints.worker.actors import register_actors
from revenge.entrypoints.worker.runtime import BackgroundLoops, WorkerRuntime

log = logging.getLogger("revenge.worker")

MIGRATION_WAIT_SECONDS = 300


def run_worker(settings: Config, profile: Profile = "real") -> int:
    configure_logging(settings.log_level, settings.log_format, process="worker")
    stop = _stop_on_signals()
    container = build_container(settings, profile)
    if profile == "memory":
        asyncio.run(_idle(container, stop))
        return 0
    try:
        _migrate(container, stop)
    except (MigrationError, psycopg.OperationalError, Unavailable) as exc:
        if stop.is_set():
            return 0
        log.error("worker not started: migrations failed: %s", exc)
        return 1
    return _work(container, stop)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    return stop


def _migrate(container: AppContainer, stop: threading.Event) -> None:
    """Waits for the database (it may still be starting), then applies migrations
    under the runner's advisory lock, so HTTP and workers may start together."""
    retrying = Retrying(
        wait=wait_exponential(multiplier=0.2, max=5),
        retry=retry_if_exception_type((psycopg.OperationalError, Unavailable)),
        stop=stop_after_delay(MIGRATION_WAIT_SECONDS) | stop_when_event_set(stop),
        reraise=True,
    )
    for attempt in retrying:
        with attempt:
            applied = asyncio.run(container.health.migrations().up())
    if applied:
        log.info("migrations applied: %s", ", ".join(applied))


def _work(container: AppContainer, stop: threading.Event) -> int:
    runtime = WorkerRuntime(container)
    runtime.start()
    log.info("worker started with %d threads", container.settings().worker_threads)
    while not stop.wait(0.5):
        pass
    log.info("worker stopping")
    runtime.stop()
    return 0


async def _idle(container: AppContainer, stop: threading.Event) -> None:
    register_actors(container.jobs.broker(), container)
    loops = BackgroundLoops(container)
    await loops.start()
    log.info("worker started (memory profile: jobs run inline, nothing to consume)")
    await asyncio.to_thread(stop.wait)
    await loops.stop()

"""dramatiq middleware: record each attempt in job_runs; run start/stop hooks on the
worker's event loop (where async actors, and so the database pool, live)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import Middleware, SkipMessage

from revenge.application.jobs.ports import JobReporter
from revenge.application.jobs.rules import describe_failure

log = logging.getLogger(__name__)
T = TypeVar("T")


def on_worker_loop(coro: Coroutine[Any, Any, T]) -> T:
    """Runs `coro` on the AsyncIO middleware's event loop and waits for it."""
    loop_thread = get_event_loop_thread()
    if loop_thread is None:
        coro.close()
        raise RuntimeError("the AsyncIO middleware has not started its event loop")
    return loop_thread.run_coroutine(coro)


class JobRecorder(Middleware):
    """Marks the run running before each attempt and succeeded/failed after it.

    Must sit before `Retries` in the middleware list: `after_*` hooks run in reverse,
    so by the time this one runs, `Retries` has decided whether the failure is final
    (`message.failed`). A message whose run is unknown or finished is skipped.
    """

    def __init__(self, reporter: JobReporter) -> None:
        self._reporter = reporter
        self._running: set[str] = set()
        self._lock = threading.Lock()  # worker threads start and finish runs

    def running(self) -> frozenset[str]:
        """The runs this process is executing now (their heartbeat is ours to give)."""
        with self._lock:
            return frozenset(self._running)

    def before_process_message(self, broker: dramatiq.Broker, message: Any) -> None:
        if not on_worker_loop(self._reporter.mark_running(_job_id(message))):
            log.info("skipping %s for run %s: unknown, finished or running elsewhere",
                     message.actor_name, _job_id(message))
            raise SkipMessage()
        with self._lock:
            self._running.add(_job_id(message))

    def after_process_message(self, broker: dramatiq.Broker, message: Any, *,
                              result: Any = None, exception: BaseException | None = None) -> None:
        job_id = _job_id(message)
        with self._lock:
            self._running.discard(job_id)
        if exception is None:
            on_worker_loop(self._reporter.succeeded(job_id, result))
        else:
            error = describe_failure(exception)
            on_worker_loop(self._reporter.failed(job_id, error, final=bool(message.failed)))


def _job_id(message: Any) -> str:
    return str(message.args[0])


class LoopHooks(Middleware):
    """Runs `on_boot` on the worker loop before any message is processed, and
    `on_shutdown` after the last one (before the loop stops). Add it after `AsyncIO`."""

    def __init__(self, on_boot: Callable[[], Awaitable[None]],
                 on_shutdown: Callable[[], Awaitable[None]]) -> None:
        self._on_boot = on_boot
        self._on_shutdown = on_shutdown

    def before_worker_boot(self, broker: dramatiq.Broker, worker: Any) -> None:
        on_worker_loop(_awaited(self._on_boot))

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: Any) -> None:
        on_worker_loop(_awaited(self._on_shutdown))


async def _awaited(hook: Callable[[], Awaitable[None]]) -> None:
    await hook()

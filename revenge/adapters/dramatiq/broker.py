"""The dramatiq Redis broker: AsyncIO actors, run recording, capped retries with backoff,
and sending by actor name (the sender never imports the actor functions)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import dramatiq
import msgspec
import redis
from dramatiq.brokers.redis import RedisBroker
from dramatiq.errors import BrokerError
from dramatiq.middleware import AsyncIO, Retries
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from revenge.adapters.dramatiq.middleware import JobRecorder
from revenge.application.jobs.ports import JobReporter
from revenge.application.jobs.rules import describe_failure, should_retry
from revenge.domain.errors import Unavailable

# Every actor listens on one queue for now; routing by actor name would go here.
QUEUE = "default"
# dramatiq keeps a worker's fetched messages until it acks them; a worker silent this
# long is dead, and broker maintenance hands its messages on. A live worker's
# maintenance thread says it is alive every few seconds (`MAINTAIN_EVERY_SECONDS`),
# even while every one of its threads is busy (dramatiq fetches, and so heartbeats,
# only when a thread is free).
HEARTBEAT_TIMEOUT_MS = 30_000
MAINTAIN_EVERY_SECONDS = 5.0

Handler = Callable[[str, dict[str, Any]], Awaitable[Mapping[str, Any] | None]]


class BrokerOptions(msgspec.Struct, frozen=True, kw_only=True):
    namespace: str = "revenge"
    min_backoff_ms: int = 1_000
    max_backoff_ms: int = 300_000
    timeout_seconds: float = 5.0


def create_redis_broker(url: str, reporter: JobReporter, *, max_retries: int,
                        options: BrokerOptions) -> DramatiqJobBroker:
    """No I/O here: Redis is first contacted by a send or by the worker."""
    client = redis.Redis.from_url(
        url,
        socket_connect_timeout=options.timeout_seconds,
        socket_timeout=options.timeout_seconds,
        # Fail fast when Redis is down: the relay keeps the message and retries later.
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), retries=1),
        health_check_interval=15,
    )
    quiet_worker_logs()
    recorder = JobRecorder(reporter)
    middleware = [AsyncIO(), recorder, retries(max_retries, options)]
    broker = MaintainedRedisBroker(  # type: ignore[no-untyped-call]  # dramatiq: unannotated
        client=client, namespace=options.namespace, middleware=middleware,
        heartbeat_timeout=HEARTBEAT_TIMEOUT_MS,
    )
    return DramatiqJobBroker(broker, recorder)


class MaintainedRedisBroker(RedisBroker):
    """dramatiq's Redis broker runs its maintenance (handing a dead worker's unacked
    messages back to the queue) only on a random one in a thousand commands, so a
    crashed worker's jobs could wait 15 minutes. `maintain()` runs it now."""

    def maintain(self) -> None:
        """Heartbeats this worker and hands dead workers' messages on, for the queue
        and its delay queue (where retries wait)."""
        for queue in (QUEUE, f"{QUEUE}.DQ"):
            maintenance = self._dispatch("maintain")  # type: ignore[no-untyped-call]
            maintenance(queue)  # no command of that name: only heartbeat and maintenance

    def _should_do_maintenance(self, command: str) -> int:
        return 1 if command == "maintain" else int(super()._should_do_maintenance(command))


def retries(max_retries: int, options: BrokerOptions) -> Retries:
    """Exponential backoff between attempts; domain errors are never retried."""

    def retry_when(retries_so_far: int, error: BaseException) -> bool:
        return should_retry(retries_so_far, error, max_retries=max_retries)

    return Retries(max_retries=max_retries, min_backoff=options.min_backoff_ms,
                   max_backoff=options.max_backoff_ms, retry_when=retry_when)


class _ResultsKeptElsewhere(logging.Filter):
    """Actors' results are recorded in job_runs by `JobRecorder`, so dramatiq's warning
    that no Results backend keeps them is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Results middleware" not in record.getMessage()


class _ExpectedFailureInOneLine(logging.Filter):
    """An outage (a dependency `Unavailable`, a network error) is expected: the job is
    retried and its run records why. dramatiq logs every failure with its full traceback;
    for these, one warning line saying what failed is kept instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, EXPECTED_FAILURES):
            said = record.getMessage().replace(" with unhandled exception.", ":")
            record.msg = f"{said} {describe_failure(error)} (expected; retried when allowed)"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


EXPECTED_FAILURES = (Unavailable, ConnectionError, TimeoutError)


def quiet_worker_logs() -> None:
    """dramatiq's worker log without the noise above (idempotent)."""
    logger = logging.getLogger("dramatiq.worker.WorkerThread")
    for kind in (_ResultsKeptElsewhere, _ExpectedFailureInOneLine):
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())


class DramatiqJobBroker:
    """`JobBroker` over a dramatiq broker; the worker registers its handlers here too."""

    def __init__(self, broker: dramatiq.Broker, recorder: JobRecorder | None = None) -> None:
        self.dramatiq = broker
        self._recorder = recorder

    def running_jobs(self) -> frozenset[str]:
        """The runs this process's worker threads are executing."""
        return self._recorder.running() if self._recorder else frozenset()

    def maintain(self) -> None:
        """See `MaintainedRedisBroker.maintain`; raises `Unavailable` when Redis is down."""
        if not isinstance(self.dramatiq, MaintainedRedisBroker):
            return
        try:
            self.dramatiq.maintain()
        except (redis.RedisError, OSError) as exc:
            raise Unavailable("broker", str(exc) or type(exc).__name__) from exc

    async def send(self, actor: str, job_id: str, payload: Mapping[str, Any]) -> None:
        message: dramatiq.Message[Any] = dramatiq.Message(
            queue_name=QUEUE, actor_name=actor, args=(job_id, dict(payload)), kwargs={},
            options={},
        )
        try:
            await asyncio.to_thread(self.dramatiq.enqueue, message)
        except (redis.RedisError, BrokerError, OSError) as exc:
            raise Unavailable("broker", str(exc) or type(exc).__name__) from exc

    def register(self, actor: str, handler: Handler) -> None:
        """Declares `handler(job_id, payload)` as the actor `actor` (worker side)."""
        fn: Callable[..., Awaitable[Any]] = handler
        dramatiq.Actor(fn, broker=self.dramatiq, actor_name=actor, queue_name=QUEUE,
                       priority=0, options={})

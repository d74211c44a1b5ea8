"""Jobs context: the broker, run records, the outbox relay and the job queue.

Same provider names in both profiles: `real` (PostgreSQL + dramatiq on Redis) and
`memory` (state tables + a broker that runs registered handlers inline).
`job_queue(uow)` builds the queue bound to a unit of work; other contexts' units of
work take `jobs.job_queue.provider` and call it in their `_bind`.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from revenge.adapters.dramatiq.broker import BrokerOptions, create_redis_broker
from revenge.adapters.memory.job_delivery import InMemoryBroker, InMemoryOutboxRelay
from revenge.adapters.memory.jobs import (
    InMemoryJobQueue,
    InMemoryJobReporter,
    InMemoryJobRuns,
    InMemoryJobsUnitOfWork,
    InMemoryPeriodicSlots,
)
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.jobs import (
    PostgresJobQueue,
    PostgresJobReporter,
    PostgresJobRuns,
    PostgresJobsUnitOfWork,
)
from revenge.adapters.postgres.outbox_relay import OutboxRelay
from revenge.adapters.postgres.periodic_slots import PostgresPeriodicSlots
from revenge.application.jobs.enqueue_periodic_job import EnqueuePeriodicJob
from revenge.application.jobs.prune_job_runs import PruneJobRuns
from revenge.application.jobs.requeue_abandoned_jobs import RequeueAbandonedJobs
from revenge.entrypoints.config import Config


class JobsOptions(BrokerOptions, frozen=True, kw_only=True):
    """Tuning that is not user configuration (tests override it: small backoffs)."""

    relay_period_seconds: float = 1.0


def _redis_url(settings: Config) -> str:
    if not settings.redis_url:
        raise RuntimeError("REVENGE_REDIS_URL is required outside the memory profile")
    return settings.redis_url


def _max_attempts(settings: Config) -> int:
    return settings.job_max_retries + 1


class JobsContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)
    # The state every in-memory adapter shares; pass core's when it has one, so
    # other contexts' memory units of work roll job rows back with their own.
    memory_state = providers.Dependency(instance_of=InMemoryState,
                                        default=providers.Singleton(InMemoryState))
    options = providers.Object(JobsOptions())

    max_attempts = providers.Callable(_max_attempts, settings)

    job_reporter = providers.Selector(
        profile,
        real=providers.Singleton(PostgresJobReporter, core.database),
        memory=providers.Singleton(InMemoryJobReporter, memory_state),
    )
    job_runs = providers.Selector(
        profile,
        real=providers.Singleton(PostgresJobRuns, core.database),
        memory=providers.Singleton(InMemoryJobRuns, memory_state),
    )
    broker = providers.Selector(
        profile,
        real=providers.Singleton(
            create_redis_broker,
            providers.Callable(_redis_url, settings),
            job_reporter,
            max_retries=settings.provided.job_max_retries,
            options=options,
        ),
        memory=providers.Singleton(
            InMemoryBroker, job_reporter, max_retries=settings.provided.job_max_retries
        ),
    )
    outbox_relay = providers.Selector(
        profile,
        real=providers.Singleton(
            OutboxRelay, core.database, broker, period_seconds=options.provided.relay_period_seconds
        ),
        memory=providers.Singleton(InMemoryOutboxRelay, memory_state, broker),
    )
    job_queue = providers.Selector(
        profile,
        real=providers.Factory(
            PostgresJobQueue, wake_relay=outbox_relay.provided.kick, max_attempts=max_attempts
        ),
        memory=providers.Factory(
            InMemoryJobQueue, wake_relay=outbox_relay.provided.kick, max_attempts=max_attempts
        ),
    )
    unit_of_work = providers.Selector(
        profile,
        real=providers.Factory(PostgresJobsUnitOfWork, core.database, job_queue=job_queue.provider),
        memory=providers.Factory(InMemoryJobsUnitOfWork, memory_state,
                                 job_queue=job_queue.provider),
    )

    prune_job_runs = providers.Factory(PruneJobRuns, unit_of_work.provider)
    requeue_abandoned_jobs = providers.Factory(RequeueAbandonedJobs, unit_of_work.provider)
    periodic_slots = providers.Selector(
        profile,
        real=providers.Singleton(PostgresPeriodicSlots, core.database),
        memory=providers.Singleton(InMemoryPeriodicSlots),
    )
    enqueue_periodic_job = providers.Factory(EnqueuePeriodicJob, unit_of_work.provider, job_runs,
                                             slots=periodic_slots)

"""A real dramatiq worker (threads in this process) on real PostgreSQL and Redis, plus the
"HTTP side": a second container that enqueues and relays, as the server process does."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
import redis

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.jobs import JobsOptions
from revenge.entrypoints.worker.actors import BUILT_IN_ACTORS
from revenge.entrypoints.worker.runtime import WorkerRuntime
from tests.integration.jobs.support import GATE, TEST_ACTORS, container_for, http_side


@pytest.fixture(scope="module")
def jobs_settings(migrated_database_url: str, redis_url: str) -> Config:
    return Config(database_url=migrated_database_url, redis_url=redis_url, worker_threads=2,
                  job_max_retries=2)


@pytest.fixture(scope="module")
def jobs_options(redis_url: str) -> Iterator[JobsOptions]:
    """A Redis namespace of our own and short backoffs (20 ms, then 40 ms...)."""
    options = JobsOptions(namespace=f"revenge-test-{uuid.uuid4().hex[:8]}", min_backoff_ms=20,
                          max_backoff_ms=200, timeout_seconds=1.0, relay_period_seconds=0.1)
    yield options
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{options.namespace}*"))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture(scope="module")
def worker(jobs_settings: Config, jobs_options: JobsOptions) -> Iterator[AppContainer]:
    """`revenge worker` minus signals: dramatiq's Worker with the relay on its loop."""
    container = container_for(jobs_settings, jobs_options)
    runtime = WorkerRuntime(container, actors={**BUILT_IN_ACTORS, **TEST_ACTORS}, schedule=(),
                            worker_timeout_ms=100, stop_timeout_ms=5_000)
    runtime.start()
    yield container
    GATE.set()
    runtime.stop()


@pytest.fixture
async def app(jobs_settings: Config, jobs_options: JobsOptions) -> AsyncIterator[AppContainer]:
    GATE.clear()
    async with http_side(jobs_settings, jobs_options) as container:
        yield container

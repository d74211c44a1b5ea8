"""Test actors and helpers for the jobs integration tests."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

from dependency_injector import providers

from revenge.adapters.postgres.database import Database
from revenge.application.jobs.read_models import JobRun
from revenge.application.shared.jobs import JobMessage
from revenge.domain.errors import NotFound, Unavailable
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.di.jobs import JobsOptions
from revenge.entrypoints.worker.registry import Actors, Run, actors

GATE = threading.Event()  # `test.echo` with {"wait": true} holds until the test sets it
_attempts: Counter[str] = Counter()


class Echo(JobMessage, job="test.echo", frozen=True, kw_only=True, omit_defaults=True):
    word: str | None = None
    wait: bool = False


class Flaky(JobMessage, job="test.flaky", frozen=True):
    pass


class Refuse(JobMessage, job="test.refuse", frozen=True):
    pass


class Down(JobMessage, job="test.down", frozen=True):
    pass


async def echo(job: Echo, run: Run) -> dict[str, Any]:
    await run.progress(50, {"half": True})
    if job.wait:
        await asyncio.to_thread(GATE.wait, 10)
    return {"echo": job.word}


async def flaky(job: Flaky, run: Run) -> dict[str, Any]:
    _attempts[run.job_id] += 1
    if _attempts[run.job_id] == 1:
        raise Unavailable("tmdb", "timed out")
    return {"attempt": _attempts[run.job_id]}


async def refuse(job: Refuse, run: Run) -> None:
    raise NotFound("no such library")


async def always_down(job: Down, run: Run) -> None:
    raise Unavailable("radarr", "connection refused")


TEST_ACTORS: Actors = actors(echo, flaky, refuse, always_down)


def container_for(settings: Config, options: JobsOptions) -> AppContainer:
    container = build_container(settings)
    container.jobs.options.override(providers.Object(options))
    return container


@contextlib.asynccontextmanager
async def http_side(settings: Config, options: JobsOptions, *,
                    relay: bool = True) -> AsyncIterator[AppContainer]:
    """What the HTTP process runs: its own pool and (by default) its own relay loop."""
    container = container_for(settings, options)
    database: Database = container.core.database()
    await database.open()
    task = asyncio.create_task(container.jobs.outbox_relay().run()) if relay else None
    try:
        yield container
    finally:
        if task:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        async with database.transaction() as conn:
            await conn.execute("DELETE FROM job_outbox")
            await conn.execute("DELETE FROM job_runs")
        await database.close()


async def enqueue(container: AppContainer, message: JobMessage) -> str:
    async with container.jobs.unit_of_work() as uow:
        job_id: str = await uow.jobs.enqueue(message)
        await uow.commit()
    return job_id


async def wait_for(container: AppContainer, job_id: str, done: Callable[[JobRun], bool],
                   within: float = 5.0) -> JobRun:
    """The run once `done(run)`, or as it is after `within` seconds (the test then fails
    on its own assertion, showing the state it got stuck in)."""
    runs = container.jobs.job_runs()
    deadline = asyncio.get_running_loop().time() + within
    while True:
        run: JobRun = await runs.get(job_id)
        if done(run) or asyncio.get_running_loop().time() > deadline:
            return run
        await asyncio.sleep(0.02)


def finished(run: JobRun) -> bool:
    return run.status in ("succeeded", "failed")

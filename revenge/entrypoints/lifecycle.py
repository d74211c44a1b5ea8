"""Start-up and shut-down of a process's container: pools, migrations, background loops.

Migrations run in the background with retries, so the process starts (and /healthz
answers) even while PostgreSQL is still coming up; /startupz says when they are done.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from tenacity import AsyncRetrying, retry_if_not_exception_type, wait_exponential

from revenge.adapters.postgres.jobs import job_counts
from revenge.adapters.postgres.migrations import MigrationError
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.metadata import close_http_clients
from revenge.entrypoints.di.search import close_search_client

log = logging.getLogger(__name__)


class Lifecycle:
    def __init__(self, container: AppContainer) -> None:
        self.container = container
        self.state = container.health.startup_state()
        self._tasks: list[asyncio.Task[Any]] = []
        self.job_counter: Callable[[], Awaitable[dict[str, int]]] | None = None

    @property
    def real(self) -> bool:
        return bool(self.container.profile() == "real")

    async def start(self) -> None:
        if self.real:
            await self.container.core.database().open()
            self.job_counter = lambda: job_counts(self.container.core.database())
        # The memory profile has no worker: `memory_profile.build_memory_container`
        # registered the actors on its inline broker, so jobs run right after commit.
        self._spawn(self._migrate())
        await self.container.playback.runtime().start()
        if self.real:
            await self._start_playback_inbox()

    async def _start_playback_inbox(self) -> None:
        """Other replicas ask this one for segments of the sessions it owns."""
        playback = self.container.playback

        async def segment(session_id: str, variant: str, index: int) -> str:
            path: str = await playback.serve_owned_segment().execute(session_id, variant, index)
            return path

        await playback.inbox().start(segment, playback.segmenter().stop)

    async def stop(self) -> None:
        await self.container.identity.background().drain()  # e.g. a reset mail being sent
        if self.real:
            await self.container.playback.inbox().close()
        await self.container.playback.runtime().stop()  # no ffmpeg outlives the server
        if self.real:
            await self.container.catalog.change_stamps().stop()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await close_http_clients(self.container.metadata)
        await close_search_client(self.container.search)
        if self.real:
            await self.container.core.database().close()
            await self.container.core.redis().aclose()

    def _spawn(self, coro: Any) -> None:
        self._tasks.append(asyncio.create_task(coro))

    async def _migrate(self) -> None:
        runner = self.container.health.migrations()
        retrying = AsyncRetrying(
            wait=wait_exponential(multiplier=0.2, max=5),
            retry=retry_if_not_exception_type(MigrationError),
            before_sleep=self._note_retry,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    applied = await runner.up()
        except MigrationError as exc:
            self.state.error = str(exc)
            log.error("migrations failed: %s", exc)
            return
        if applied:
            log.info("migrations applied: %s", ", ".join(applied))
        self.state.error = None
        self.state.migrated.set()
        if self.real:
            # After migrations: the relay treats a missing outbox table as a bug, and
            # list pages may be cached only once the tables send change notifications.
            self._spawn(self.container.jobs.outbox_relay().run())
            await self.container.catalog.change_stamps().start()

    def _note_retry(self, retry_state: Any) -> None:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        self.state.error = f"waiting for the database: {exc}"
        log.warning("migrations waiting for the database: %s", exc)

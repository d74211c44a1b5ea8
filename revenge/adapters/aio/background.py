"""`Background` on the running event loop: one task per piece of work, kept referenced
until done (asyncio keeps only weak references to tasks). It does no I/O of its own, so
it serves both profiles; the contract test runs it as its own in-memory twin."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class AsyncioBackground:
    def __init__(self) -> None:
        self._running: set[asyncio.Task[None]] = set()

    def start(self, work: Callable[[], Awaitable[None]], *, what: str) -> None:
        task = asyncio.get_running_loop().create_task(self._run(work, what))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def drain(self) -> None:
        while self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

    @staticmethod
    async def _run(work: Callable[[], Awaitable[None]], what: str) -> None:
        try:
            await work()
        except Exception:
            log.exception("background work failed: %s", what)

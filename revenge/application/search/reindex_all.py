"""Full reindex: build a new index beside the live one, then switch to it atomically."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from revenge.application.search.ports import MovieDocuments, SearchIndex
from revenge.application.search.read_models import ReindexReport
from revenge.application.shared.jobs import JobMessage

DEFAULT_BATCH_SIZE = 1000


class ReindexAllCommand(JobMessage, job="search.reindex", frozen=True, omit_defaults=True):
    batch_size: int = DEFAULT_BATCH_SIZE


class ReindexAll:
    """Searches keep answering from the old index until the switch. A failure discards
    the half-built index and leaves the live one as it was. Changes committed while
    the rebuild runs may be missed by it; reconciliation (run right after) repairs them."""

    def __init__(self, documents: MovieDocuments, index: SearchIndex,
                 stopwatch: Callable[[], float] = time.perf_counter) -> None:
        self._documents = documents
        self._index = index
        self._stopwatch = stopwatch

    async def execute(self, command: ReindexAllCommand) -> ReindexReport:
        started = self._stopwatch()
        rebuild = await self._index.begin_rebuild()
        try:
            indexed = await self._fill(rebuild, command.batch_size)
            await self._index.publish(rebuild)
        except BaseException:
            await self._index.discard(rebuild)
            raise
        return ReindexReport(indexed=indexed, collection=rebuild,
                             seconds=round(self._stopwatch() - started, 3))

    async def _fill(self, rebuild: str, batch_size: int) -> int:
        """Reads the next batch from the catalog while the index imports this one."""
        batches = aiter(self._documents.batches(batch_size))
        indexed = 0
        pending = asyncio.ensure_future(anext(batches, None))
        try:
            while (batch := await pending) is not None:
                pending = asyncio.ensure_future(anext(batches, None))
                await self._index.upsert(batch, into=rebuild)
                indexed += len(batch)
        finally:
            pending.cancel()
        return indexed

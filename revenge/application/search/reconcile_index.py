"""Reconciliation: compare ids and versions with the catalog and repair the drift."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from revenge.application.search.ports import MovieDocuments, SearchIndex
from revenge.application.search.read_models import ReconcileReport
from revenge.application.search.reindex_all import (
    DEFAULT_BATCH_SIZE,
    ReindexAll,
    ReindexAllCommand,
)
from revenge.application.shared.jobs import JobMessage
from revenge.domain.search.drift import Repairs, plan_repairs


class ReconcileIndexCommand(JobMessage, job="search.reconcile", frozen=True,
                            omit_defaults=True):
    batch_size: int = DEFAULT_BATCH_SIZE


class ReconcileIndex:
    """Run periodically and after a rebuild. Without a usable live index (first start,
    schema changed) it rebuilds; otherwise it re-indexes stale or missing movies and
    deletes entries of movies that are gone. Raises `Unavailable` (the job retries)."""

    def __init__(self, documents: MovieDocuments, index: SearchIndex,
                 reindex: ReindexAll) -> None:
        self._documents = documents
        self._index = index
        self._reindex = reindex

    async def execute(self, command: ReconcileIndexCommand) -> ReconcileReport:
        if not await self._index.is_current():
            report = await self._reindex.execute(ReindexAllCommand(command.batch_size))
            return ReconcileReport(indexed=report.indexed, rebuilt=True)
        repairs = plan_repairs(await self._documents.versions(), await self._index.versions())
        await self._apply(repairs, command.batch_size)
        return ReconcileReport(indexed=len(repairs.upsert), removed=len(repairs.delete))

    async def _apply(self, repairs: Repairs, batch_size: int) -> None:
        for ids in batched(repairs.upsert, batch_size):
            await self._index.upsert(await self._documents.get(ids))
        for ids in batched(repairs.delete, batch_size):
            await self._index.delete(ids)


def batched(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

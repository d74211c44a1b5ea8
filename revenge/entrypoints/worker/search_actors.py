"""Search job actors (their messages are in `application/search/requests.py`) and the
periodic check.

Other contexts request them through their unit of work's job queue; the worker
registers these with the built-in actors.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import msgspec

from revenge.application.search.index_movie import IndexMovie, IndexMovieCommand
from revenge.application.search.reconcile_index import ReconcileIndex, ReconcileIndexCommand
from revenge.application.search.reindex_all import ReindexAll, ReindexAllCommand
from revenge.application.search.remove_movie import RemoveMovie, RemoveMovieCommand
from revenge.application.search.verify_index import VerifyIndex
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.registry import Run, actors
from revenge.entrypoints.worker.ticks import tick

RECONCILE_EVERY = timedelta(minutes=15)


async def index_movie(job: IndexMovieCommand, run: Run, index: IndexMovie) -> dict[str, Any]:
    indexed = await index.execute(job)
    return {"movie_id": job.movie_id, "indexed": indexed}


async def remove_movie(job: RemoveMovieCommand, run: Run, remove: RemoveMovie
                       ) -> dict[str, Any]:
    await remove.execute(job)
    return {"movie_id": job.movie_id, "removed": True}


async def reindex(job: ReindexAllCommand, run: Run, reindex_all: ReindexAll,
                  reconcile_index: ReconcileIndex) -> dict[str, Any]:
    """A full rebuild, then a reconciliation for what changed while it ran."""
    report = await reindex_all.execute(job)
    repaired = await reconcile_index.execute(ReconcileIndexCommand())
    return {**msgspec.structs.asdict(report), "repaired": repaired.indexed + repaired.removed}


async def reconcile(job: ReconcileIndexCommand, run: Run, reconcile_index: ReconcileIndex
                    ) -> dict[str, Any]:
    return dict(msgspec.structs.asdict(await reconcile_index.execute(job)))


async def watch_index_coverage(container: AppContainer, every: float = 10.0) -> None:
    """Until cancelled: the index is checked against the catalog at the worker's start and
    every `every` seconds, so a Typesense back empty (or from an old snapshot) is rebuilt
    at once, whether or not anyone searches (review finding 12)."""
    if container.profile() != "real" or not container.settings().typesense_url:
        return
    verifier = Provided(container).get(VerifyIndex)

    async def step() -> str | None:
        try:
            coverage = await verifier.execute()
        except BaseException:
            verifier.forget()  # unreachable: check again on its return
            raise
        return None if coverage.complete else coverage.describe()

    while True:
        await tick("search index coverage", step)
        await asyncio.sleep(every)


def _without_search_server(container: AppContainer) -> str | None:
    """A worker run without a search server (`revenge worker` with no
    REVENGE_TYPESENSE_URL) has no index to keep: its search jobs end at once, marked
    skipped, instead of failing and being retried for nothing."""
    if container.profile() == "real" and not container.settings().typesense_url:
        return "no search server configured (REVENGE_TYPESENSE_URL)"
    return None


SEARCH_ACTORS = actors(index_movie, remove_movie, reindex, reconcile,
                       skip=_without_search_server)

"""Search job actors (names in `application/search/requests.py`) and the periodic check.

Other contexts request them by name through their unit of work's job queue; the worker
registers these with the built-in actors.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any

import msgspec

from revenge.application.search.index_movie import IndexMovieCommand
from revenge.application.search.reconcile_index import ReconcileIndexCommand
from revenge.application.search.reindex_all import ReindexAllCommand
from revenge.application.search.remove_movie import RemoveMovieCommand
from revenge.application.search.requests import INDEX_MOVIE, RECONCILE, REINDEX, REMOVE_MOVIE

__all__ = ["RECONCILE", "RECONCILE_EVERY", "SEARCH_ACTORS"]
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.payloads import command_from
from revenge.entrypoints.worker.ticks import tick

RECONCILE_EVERY = timedelta(minutes=15)
Actor = Callable[[AppContainer, str, dict[str, Any]], Awaitable[dict[str, Any]]]


async def index_movie(container: AppContainer, job_id: str,
                      payload: dict[str, Any]) -> dict[str, Any]:
    command = command_from(payload, IndexMovieCommand)
    indexed = await container.search.index_movie().execute(command)
    return {"movie_id": command.movie_id, "indexed": indexed}


async def remove_movie(container: AppContainer, job_id: str,
                       payload: dict[str, Any]) -> dict[str, Any]:
    command = command_from(payload, RemoveMovieCommand)
    await container.search.remove_movie().execute(command)
    return {"movie_id": command.movie_id, "removed": True}


async def reindex(container: AppContainer, job_id: str,
                  payload: dict[str, Any]) -> dict[str, Any]:
    """A full rebuild, then a reconciliation for what changed while it ran."""
    report = await container.search.reindex_all().execute(command_from(payload, ReindexAllCommand))
    repaired = await container.search.reconcile_index().execute(ReconcileIndexCommand())
    return {**msgspec.structs.asdict(report), "repaired": repaired.indexed + repaired.removed}


async def reconcile(container: AppContainer, job_id: str,
                    payload: dict[str, Any]) -> dict[str, Any]:
    command = command_from(payload, ReconcileIndexCommand)
    report = await container.search.reconcile_index().execute(command)
    return dict(msgspec.structs.asdict(report))


async def watch_index_coverage(container: AppContainer, every: float = 10.0) -> None:
    """Until cancelled: the index is checked against the catalog at the worker's start and
    every `every` seconds, so a Typesense back empty (or from an old snapshot) is rebuilt
    at once, whether or not anyone searches (review finding 12)."""
    if container.profile() != "real" or not container.settings().typesense_url:
        return
    verifier = container.search.verify_index()

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


def _when_configured(actor: Actor) -> Actor:
    """A worker run without a search server (`revenge worker` with no
    REVENGE_TYPESENSE_URL) has no index to keep: its search jobs end at once, marked
    skipped, instead of failing and being retried for nothing."""

    @functools.wraps(actor)
    async def run(container: AppContainer, job_id: str,
                  payload: dict[str, Any]) -> dict[str, Any]:
        if container.profile() == "real" and not container.settings().typesense_url:
            return {"skipped": "no search server configured (REVENGE_TYPESENSE_URL)"}
        return await actor(container, job_id, payload)

    return run


SEARCH_ACTORS: Mapping[str, Any] = {
    INDEX_MOVIE: _when_configured(index_movie),
    REMOVE_MOVIE: _when_configured(remove_movie),
    REINDEX: _when_configured(reindex),
    RECONCILE: _when_configured(reconcile),
}

"""The periodic metadata job: retry parked movies, refresh what the provider changed."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import msgspec

from revenge.application.metadata.common import Clock, UnitOfWorkFactory
from revenge.application.metadata.ports import MetadataProvider, MetadataQueries
from revenge.application.metadata.requests import (
    MatchMovieCommand,
    RefreshMovieMetadataCommand,
    movie_dedupe_key,
)
from revenge.application.shared.jobs import JobMessage
from revenge.domain.errors import Unavailable

log = logging.getLogger(__name__)

CHANGES_CURSOR = "movie_changes"
MAX_CHANGES_WINDOW = timedelta(days=14)  # the provider's limit for one changes query


class RefreshChangedCommand(JobMessage, job="metadata.refresh_changed", frozen=True,
                            kw_only=True, omit_defaults=True):
    max_pending: int = 500


class RefreshChangedResult(msgspec.Struct, frozen=True, kw_only=True):
    requeued: int = 0
    refreshed: int = 0
    changes: str = "synced"  # "synced" | "first_run" | "pending" | "no_provider"


class RefreshChanged:
    """Re-requests the match or refresh of every pending movie that is due, then reads
    the provider's changes since the last run and requests a refresh of each library
    movie among them. The first run only sets the cursor (everything was just fetched);
    a provider outage leaves the cursor where it was, so the next run covers the gap.
    Never raises for an outage: the job must not spin."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, queries: MetadataQueries,
                 provider: MetadataProvider | None, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._queries = queries
        self._provider = provider
        self._clock = clock

    async def execute(self, command: RefreshChangedCommand) -> RefreshChangedResult:
        now = self._clock()
        requeued = await self._requeue(now, command.max_pending)
        if self._provider is None:
            return RefreshChangedResult(requeued=requeued, changes="no_provider")
        try:
            refreshed, changes = await self._sync(self._provider, now)
        except Unavailable as exc:
            log.warning("metadata changes not read now (next run retries): %s", exc)
            return RefreshChangedResult(requeued=requeued, changes="pending")
        return RefreshChangedResult(requeued=requeued, refreshed=refreshed, changes=changes)

    async def _requeue(self, now: datetime, limit: int) -> int:
        due = await self._queries.pending(now, limit)
        if not due:
            return 0
        async with self._unit_of_work() as uow:
            assert uow.jobs is not None, "the periodic job runs with a job queue"
            for item in due:
                message = (MatchMovieCommand(movie_id=item.movie_id) if item.operation == "match"
                           else RefreshMovieMetadataCommand(movie_id=item.movie_id))
                await uow.jobs.enqueue(message, dedupe_key=movie_dedupe_key(message))
            await uow.commit()
        return len(due)

    async def _sync(self, provider: MetadataProvider, now: datetime) -> tuple[int, str]:
        async with self._unit_of_work() as uow:
            since = await uow.metadata.synced_until(CHANGES_CURSOR)
        if since is None:
            await self._advance(now, [])
            return 0, "first_run"
        start = max(since, now - MAX_CHANGES_WINDOW)
        changed = await provider.changed_movie_ids(start.date(), now.date())
        return await self._advance(now, changed), "synced"

    async def _advance(self, now: datetime, changed: list[int]) -> int:
        async with self._unit_of_work() as uow:
            owned = await uow.metadata.movie_ids_by_tmdb(changed) if changed else {}
            for movie_id in owned.values():
                assert uow.jobs is not None
                refresh = RefreshMovieMetadataCommand(movie_id=movie_id)
                await uow.jobs.enqueue(refresh, dedupe_key=movie_dedupe_key(refresh))
            await uow.metadata.set_synced_until(CHANGES_CURSOR, now)
            await uow.commit()
        return len(owned)

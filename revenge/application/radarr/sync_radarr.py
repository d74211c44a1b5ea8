"""Sync with Radarr (the `radarr_sync` job): full, or incremental from the last watermark."""

from __future__ import annotations

import logging
from datetime import datetime

import msgspec

from revenge.application.metadata.requests import MatchMovieCommand
from revenge.application.radarr.common import UnitOfWorkFactory, connection
from revenge.application.radarr.incoming import incoming_of
from revenge.application.radarr.ports import (
    Clock,
    LocalDisk,
    NewId,
    RadarrConnector,
    RadarrGateway,
)
from revenge.application.radarr.records import SyncMode, SyncReport, SyncState
from revenge.application.radarr.snapshot import read_snapshot
from revenge.application.radarr.writer import request_followups, write_plan
from revenge.application.shared.jobs import JobMessage
from revenge.application.shared.secrets import SecretBox
from revenge.domain.errors import DomainError, Unavailable
from revenge.domain.radarr.incremental import changed_movies, watermark
from revenge.domain.radarr.model import HistoryRecord, RadarrMovie
from revenge.domain.radarr.plan import Plan
from revenge.domain.radarr.reconcile import reconcile
from revenge.domain.radarr.settings import RadarrSettings

log = logging.getLogger(__name__)


class SyncRadarrCommand(JobMessage, job="radarr_sync", frozen=True, kw_only=True):
    """`incremental` falls back to `full` when no sync ran before."""

    mode: SyncMode = "incremental"


# Two syncs never run at once: a request while one is queued or running gets that one.
SYNC_DEDUPE_KEY = SyncRadarrCommand.job


class _Fetched(msgspec.Struct, frozen=True, kw_only=True):
    mode: SyncMode
    version: str
    movies: tuple[RadarrMovie, ...]
    history: tuple[HistoryRecord, ...] = ()
    chosen: tuple[RadarrMovie, ...]


class SyncRadarr:
    """Reads Radarr, then reconciles in one transaction under the sync lock (a webhook
    job waits for it). A second sync of an unchanged Radarr writes nothing but its own
    status. Failures are recorded on the status and raised (the job retries
    `Unavailable`)."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, box: SecretBox,
                 connector: RadarrConnector, disk: LocalDisk, clock: Clock, new_id: NewId,
                 match_job: type[MatchMovieCommand] | None) -> None:
        self._unit_of_work = unit_of_work
        self._box = box
        self._connector = connector
        self._disk = disk
        self._clock = clock
        self._new_id = new_id
        self._match_job = match_job

    async def execute(self, command: SyncRadarrCommand) -> SyncReport:
        started = self._clock()
        try:
            settings, api_key = await connection(self._unit_of_work, self._box)
            async with self._connector.connect(settings.url, api_key) as radarr:
                fetched = await self._fetch(radarr, command.mode)
            return await self._reconcile(settings, fetched, started)
        except (DomainError, Unavailable) as exc:
            await self._failed(command.mode, started, exc)
            raise

    async def _fetch(self, radarr: RadarrGateway, mode: SyncMode) -> _Fetched:
        async with self._unit_of_work() as uow:
            since = (await uow.sync.lock()).watermark
        version = (await radarr.system_status()).version
        movies = tuple(await radarr.movies())
        if mode == "full" or since is None:
            return _Fetched(mode="full", version=version, movies=movies, chosen=movies)
        history = tuple(await radarr.history_since(since))
        return _Fetched(mode="incremental", version=version, movies=movies, history=history,
                        chosen=tuple(changed_movies(movies, history, since)))

    async def _reconcile(self, settings: RadarrSettings, fetched: _Fetched,
                         started: datetime) -> SyncReport:
        full = fetched.mode == "full"
        items = [incoming_of(movie, settings.path_mappings) for movie in fetched.chosen]
        async with self._unit_of_work() as uow:
            state = await uow.sync.lock()
            snapshot = await read_snapshot(uow, items, self._disk, full=full)
            plan = reconcile(snapshot, items, self._new_id, full=full)
            libraries = await uow.libraries.list()
            await write_plan(uow, plan, libraries, self._clock())
            report = _report(fetched, plan)
            report.scans_requested = await request_followups(uow, plan, libraries,
                                                             self._match_job)
            await uow.sync.save(self._succeeded(state, fetched, report, started))
            await uow.commit()
        log.info("radarr %s sync: %s", fetched.mode, report.counts())
        return report

    def _succeeded(self, state: SyncState, fetched: _Fetched, report: SyncReport,
                   started: datetime) -> SyncState:
        return msgspec.structs.replace(
            state, watermark=watermark(fetched.movies, fetched.history, state.watermark),
            last_started_at=started, last_finished_at=self._clock(),
            last_full_at=started if fetched.mode == "full" else state.last_full_at,
            last_mode=fetched.mode, last_status="succeeded", last_error=None,
            last_counts=report.counts(), radarr_version=fetched.version)

    async def _failed(self, mode: SyncMode, started: datetime, exc: Exception) -> None:
        error = exc.detail if isinstance(exc, DomainError | Unavailable) else str(exc)
        try:
            async with self._unit_of_work() as uow:
                state = await uow.sync.lock()
                await uow.sync.save(msgspec.structs.replace(
                    state, last_started_at=started, last_finished_at=self._clock(),
                    last_mode=mode, last_status="failed", last_error=error))
                await uow.commit()
        except Unavailable:
            log.warning("radarr sync failure not recorded (database unavailable): %s", error)


def _report(fetched: _Fetched, plan: Plan) -> SyncReport:
    return SyncReport(
        mode=fetched.mode, radarr_movies=len(fetched.movies), examined=len(fetched.chosen),
        movies_created=len(plan.new_movies), ids_linked=len(plan.id_links),
        files_added=len(plan.new_files), files_moved=len(plan.moves),
        files_missing=len(plan.missing), conflicts_opened=len(plan.opened),
        conflicts_closed=len(plan.closed), writes=plan.catalog_writes)

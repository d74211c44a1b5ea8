"""Apply a received Radarr webhook delivery (the `radarr_webhook` job).

`Grab` records a download in progress; `Download` imports the file (an upgrade's
record is moved to the new file, so watch state stays); `Rename` moves paths;
`MovieFileDelete` and `MovieDelete` mark files missing (history stays); the other
events were recorded on receipt and need nothing more. Catalog effects go through the
same reconciliation as syncs.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from revenge.application.metadata.requests import MatchMovieCommand
from revenge.application.radarr import incoming
from revenge.application.radarr.common import UnitOfWorkFactory
from revenge.application.radarr.ports import Clock, LocalDisk, NewId, RadarrUnitOfWork
from revenge.application.radarr.records import DownloadState
from revenge.application.radarr.snapshot import read_snapshot
from revenge.application.radarr.writer import request_followups, write_plan
from revenge.application.shared.jobs import JobMessage
from revenge.domain.radarr.events import CATALOG_EVENTS, RadarrEvent
from revenge.domain.radarr.model import RadarrMovie
from revenge.domain.radarr.paths import PathMapping, to_local
from revenge.domain.radarr.reconcile import reconcile
from revenge.domain.radarr.state import Incoming

Outcome = dict[str, int | str]


class HandleRadarrWebhookCommand(JobMessage, job="radarr_webhook", frozen=True):
    key: str


class HandleRadarrWebhook:
    """Applies a delivery once: a job run again after it succeeded (the broker delivers
    at least once) returns the recorded outcome and changes nothing."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, disk: LocalDisk, clock: Clock,
                 new_id: NewId, match_job: type[MatchMovieCommand] | None) -> None:
        self._unit_of_work = unit_of_work
        self._disk = disk
        self._clock = clock
        self._new_id = new_id
        self._match_job = match_job

    async def execute(self, command: HandleRadarrWebhookCommand) -> Outcome:
        """Raises `NotFound` for an unknown delivery."""
        async with self._unit_of_work() as uow:
            await uow.sync.lock()
            delivery = await uow.deliveries.get(command.key)
            if delivery.applied_at is not None:
                return dict(delivery.outcome or {})
            event = msgspec.json.decode(delivery.event, type=RadarrEvent)
            outcome = await self._apply(uow, event)
            await uow.deliveries.mark_applied(command.key, self._clock(), outcome)
            await uow.commit()
        return outcome

    async def _apply(self, uow: RadarrUnitOfWork, event: RadarrEvent) -> Outcome:
        if event.movie is not None and event.kind in ("Grab", "Download"):
            await self._record_download(uow, event, event.movie)
        if event.movie is None or event.kind not in CATALOG_EVENTS:
            return {"event": event.kind, "effect": "recorded"}
        settings = await uow.settings.get()
        mappings = settings.path_mappings if settings else ()
        item = await _incoming(uow, event, event.movie, mappings)
        if item is None:
            return {"event": event.kind, "effect": "nothing to apply"}
        return {"event": event.kind, **await self._reconcile(uow, item)}

    async def _reconcile(self, uow: RadarrUnitOfWork, item: Incoming) -> Outcome:
        snapshot = await read_snapshot(uow, [item], self._disk, full=False)
        plan = reconcile(snapshot, [item], self._new_id, full=False)
        libraries = await uow.libraries.list()
        await write_plan(uow, plan, libraries, self._clock())
        scans = await request_followups(uow, plan, libraries, self._match_job)
        return {"movies_created": len(plan.new_movies), "ids_linked": len(plan.id_links),
                "files_added": len(plan.new_files), "files_moved": len(plan.moves),
                "files_missing": len(plan.missing), "conflicts_opened": len(plan.opened),
                "scans_requested": scans}

    async def _record_download(self, uow: RadarrUnitOfWork, event: RadarrEvent,
                               movie: RadarrMovie) -> None:
        release = event.release
        await uow.downloads.save(DownloadState(
            radarr_movie_id=movie.radarr_id, title=movie.title, tmdb_id=movie.tmdb_id,
            status="downloading" if event.kind == "Grab" else "imported",
            release_title=release.title if release else None,
            quality=release.quality if release else None,
            download_client=release.client if release else None,
            download_id=release.download_id if release else None, updated_at=self._clock()))


async def _incoming(uow: RadarrUnitOfWork, event: RadarrEvent, movie: RadarrMovie,
                    mappings: Sequence[PathMapping]) -> Incoming | None:
    if event.kind == "Download":
        return incoming.download(event, movie, mappings) if movie.file else None
    if event.kind == "Rename":
        return incoming.rename(event, movie, mappings) if event.renamed else None
    if event.kind == "MovieFileDelete":
        return incoming.file_deleted(event, movie, mappings)
    ours = await _files_of_removed(uow, movie, mappings) if event.files_deleted else set()
    return incoming.movie_deleted(movie, ours)


async def _files_of_removed(uow: RadarrUnitOfWork, movie: RadarrMovie,
                            mappings: Sequence[PathMapping]) -> set[str]:
    """Our paths of a removed movie's files: its linked file, and ours in its folder."""
    links = await uow.links.for_radarr([movie.radarr_id])
    paths = {link.local_path for link in links if link.local_path}
    folder = to_local(movie.folder, mappings) if movie.folder else None
    if folder:
        paths |= {f.path for f in await uow.catalog.files(movie_ids=(), paths=(),
                                                            under=[folder])}
    return paths

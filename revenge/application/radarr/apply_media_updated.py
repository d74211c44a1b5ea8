"""Radarr's stock "Emby / Jellyfin" connection, answered: `POST /Library/Media/Updated`
names paths that changed; each is rescanned by the library scanner, limited to its
folder (the scan walks the disk, so created, modified and deleted all come out right)."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from revenge.application.library.requests import ScanLibraryCommand
from revenge.application.radarr.common import UnitOfWorkFactory
from revenge.application.radarr.ports import RadarrUnitOfWork
from revenge.application.radarr.writer import library_of
from revenge.domain.library.library import Library
from revenge.domain.library.settling import scan_scopes
from revenge.domain.radarr.paths import PathMapping, to_local


class MediaUpdate(msgspec.Struct, frozen=True, kw_only=True):
    """`update_type`: Radarr sends "Created", "Modified" or "Deleted"."""

    path: str
    update_type: str = "Modified"


class ApplyMediaUpdatedCommand(msgspec.Struct, frozen=True, kw_only=True):
    updates: tuple[MediaUpdate, ...]


class ScanRequest(msgspec.Struct, frozen=True, kw_only=True):
    library_id: str
    job_id: str
    within: tuple[str, ...]


class MediaUpdatedReport(msgspec.Struct, frozen=True, kw_only=True):
    scans: tuple[ScanRequest, ...] = ()
    ignored: tuple[str, ...] = ()  # paths in no library (nothing scans them)


class ApplyMediaUpdated:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: ApplyMediaUpdatedCommand) -> MediaUpdatedReport:
        """One scan job per library concerned, limited to the changed folders. A path
        inside a library is ours already; any other is mapped from Radarr's first."""
        async with self._unit_of_work() as uow:
            settings = await uow.settings.get()
            libraries = await uow.libraries.list()
            mappings = settings.path_mappings if settings else ()
            paths = [_ours(u.path, libraries, mappings) for u in command.updates]
            scans = [await _scan(uow, library, mine)
                     for library in libraries
                     if (mine := [p for p in paths if p and library_of(p, [library])])]
            await uow.commit()
        ignored = [u.path for u, p in zip(command.updates, paths, strict=True)
                   if not p or library_of(p, libraries) is None]
        return MediaUpdatedReport(scans=tuple(scans), ignored=tuple(ignored))



async def _scan(uow: RadarrUnitOfWork, library: Library, paths: list[str]) -> ScanRequest:
    within = tuple(scan_scopes(paths, library.paths))
    job_id = await uow.jobs.enqueue(ScanLibraryCommand(library_id=library.id, within=within))
    return ScanRequest(library_id=library.id, job_id=job_id, within=within)


def _ours(path: str, libraries: Sequence[Library],
          mappings: Sequence[PathMapping]) -> str | None:
    local = to_local(path, ())
    if local is not None and library_of(local, libraries) is not None:
        return local
    return to_local(path, mappings)

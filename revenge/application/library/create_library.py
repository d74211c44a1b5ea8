"""Add a library: a name and folders (which must exist, be readable, and not overlap
another library's); its first scan is requested at once."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.library.common import check_folders, check_unique, request_scan
from revenge.application.library.ports import Clock, FileSystem, LibraryUnitOfWork, NewId
from revenge.domain.library.library import Library, LibrarySettings, new_library, validated


class CreateLibraryCommand(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    paths: tuple[str, ...]
    scan_interval_minutes: int | None = None
    watch: bool = False
    follow_symlinks_outside: bool = False
    scan: bool = True


class CreatedLibrary(msgspec.Struct, frozen=True, kw_only=True):
    library: Library
    scan_job_id: str | None


class CreateLibrary:
    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], fs: FileSystem,
                 clock: Clock, new_id: NewId) -> None:
        self._unit_of_work = unit_of_work
        self._fs = fs
        self._clock = clock
        self._new_id = new_id

    async def execute(self, command: CreateLibraryCommand) -> CreatedLibrary:
        """Raises `RuleViolation` naming the bad field, `Conflict` for a taken name."""
        settings = validated(LibrarySettings(
            name=command.name, paths=command.paths, watch=command.watch,
            scan_interval_minutes=command.scan_interval_minutes,
            follow_symlinks_outside=command.follow_symlinks_outside))
        await check_folders(self._fs, settings.paths)
        async with self._unit_of_work() as uow:
            await check_unique(uow, settings)
            now = self._clock()
            library = new_library(self._new_id(), settings, now)
            await uow.libraries.add(library)
            job_id = await request_scan(uow, library) if command.scan else None
            if job_id:
                await uow.libraries.claim_scan(library.id, None, now)
            await uow.commit()
        return CreatedLibrary(library=library, scan_job_id=job_id)

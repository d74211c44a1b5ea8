"""Change a library's name, folders, schedule or watching."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.library.common import check_folders, check_unique
from revenge.application.library.ports import Clock, FileSystem, LibraryUnitOfWork
from revenge.domain.errors import RuleViolation
from revenge.domain.library.library import (
    Library,
    LibrarySettings,
    changed,
    settings_of,
    validated,
)

UNSET = msgspec.UNSET


class UpdateLibraryCommand(msgspec.Struct, frozen=True, kw_only=True):
    """Only the fields given change; `scan_interval_minutes` None stops periodic scans."""

    library_id: str
    name: str | msgspec.UnsetType = UNSET
    paths: tuple[str, ...] | msgspec.UnsetType = UNSET
    scan_interval_minutes: int | msgspec.UnsetType | None = UNSET
    watch: bool | msgspec.UnsetType = UNSET
    follow_symlinks_outside: bool | msgspec.UnsetType = UNSET


class UpdateLibrary:
    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], fs: FileSystem,
                 clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._fs = fs
        self._clock = clock

    async def execute(self, command: UpdateLibraryCommand) -> Library:
        """Raises `NotFound`, `RuleViolation` naming the bad field, or `Conflict`. Files in
        a folder taken out of the library go missing at its next scan."""
        async with self._unit_of_work() as uow:
            library = await uow.libraries.get(command.library_id)
            settings = validated(_patched(library, command))
            await check_folders(self._fs, settings.paths, already=library.paths)
            await check_unique(uow, settings, library.id)
            updated = changed(library, settings, self._clock())
            await uow.libraries.update(updated)
            await uow.commit()
        return updated


def _patched(library: Library, command: UpdateLibraryCommand) -> LibrarySettings:
    changes = {name: getattr(command, name) for name in
               ("name", "paths", "scan_interval_minutes", "watch",
                "follow_symlinks_outside")
               if getattr(command, name) is not UNSET}
    if not changes:
        raise RuleViolation("nothing to change")
    return msgspec.structs.replace(settings_of(library), **changes)

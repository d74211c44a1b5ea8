"""Checks the library use cases share: folders usable, names and folders not taken."""

from __future__ import annotations

from collections.abc import Sequence

from revenge.application.library.ports import FileSystem, LibraryUnitOfWork
from revenge.application.library.requests import ScanLibraryCommand, scan_dedupe_key
from revenge.domain.errors import Conflict, RuleViolation
from revenge.domain.library.library import Library, LibrarySettings
from revenge.domain.library.paths import check_not_inside_others, field_of


async def check_folders(fs: FileSystem, paths: Sequence[str],
                        already: Sequence[str] = ()) -> None:
    """Each folder not already the library's must exist and be readable."""
    for index, path in enumerate(paths):
        if path in already:
            continue
        problem = await fs.folder_problem(path)
        if problem:
            raise RuleViolation(f"{path} {problem}", field=field_of(index))


async def check_unique(uow: LibraryUnitOfWork, settings: LibrarySettings,
                       library_id: str | None = None) -> None:
    """The name is free and no folder overlaps another library's."""
    same_name = await uow.libraries.find_by_name(settings.name)
    if same_name is not None and same_name.id != library_id:
        raise Conflict(f"a library named {same_name.name!r} exists", field="name")
    others = {lib.name: lib.paths for lib in await uow.libraries.list() if lib.id != library_id}
    check_not_inside_others(settings.paths, others)


async def request_scan(uow: LibraryUnitOfWork, library: Library) -> str:
    """Enqueues a scan of the library (the one already queued or running, if any)."""
    return await uow.jobs.enqueue(ScanLibraryCommand(library_id=library.id),
                                  dedupe_key=scan_dedupe_key(library.id))

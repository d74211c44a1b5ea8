"""Scan a library (or, for a watched library, just the folders that changed)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence

import msgspec

from revenge.application.library.ports import (
    Clock,
    FileSystem,
    LibraryUnitOfWork,
    NameParser,
    NewId,
    ScanProgress,
)
from revenge.application.library.requests import ScanLibraryCommand as ScanLibraryCommand
from revenge.application.library.scan import (
    phase_1_walk,
    phase_2_diff,
    phase_3_classify,
    phase_4_parse,
    phase_5_record,
    phase_6_enqueue,
)
from revenge.application.library.scan.state import (
    Scan,
    ScanReport,
    ScanSettings,
)
from revenge.domain.errors import RuleViolation
from revenge.domain.library.diff import under


async def _no_progress(percent: int, counts: Mapping[str, int]) -> None:
    return None


class ScanLibrary:
    """Walks the library, diffs against the last scan and records what changed, all in
    one transaction (no other scan of the library runs meanwhile). An unchanged tree
    costs a walk and one snapshot read: no parse, no hash, no write."""

    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], fs: FileSystem,
                 parser: NameParser, settings: ScanSettings, clock: Clock,
                 new_id: NewId) -> None:
        self._unit_of_work = unit_of_work
        self._fs = fs
        self._parser = parser
        self._settings = settings
        self._clock = clock
        self._new_id = new_id

    async def execute(self, command: ScanLibraryCommand,
                      progress: ScanProgress = _no_progress) -> ScanReport:
        with _older_objects_frozen():
            return await self._scan(command, progress)

    async def _scan(self, command: ScanLibraryCommand, progress: ScanProgress) -> ScanReport:
        scan = await self._start(command)
        await phase_1_walk.walk(scan, self._fs)
        await _report(progress, 20, scan)
        async with self._unit_of_work() as uow:
            await uow.libraries.lock(scan.library.id)
            await phase_2_diff.diff(scan, uow, self._fs)
            await _report(progress, 40, scan)
            phase_3_classify.classify(scan)
            chunks = phase_4_parse.parse(scan, self._fs, self._parser)
            async with contextlib.aclosing(chunks):  # a failed write stops the parsing too
                await phase_5_record.record(scan, uow, self._new_id, chunks)
            await _report(progress, 90, scan)
            await phase_6_enqueue.enqueue(scan, uow, self._settings)
            await uow.commit()
        return ScanReport(library_id=scan.library.id, counts=scan.counts,
                          unreadable=scan.unreadable)

    async def _start(self, command: ScanLibraryCommand) -> Scan:
        async with self._unit_of_work() as uow:
            library = await uow.libraries.get(command.library_id)
        outside = [path for path in command.within if not under(path, library.paths)]
        if outside:
            raise RuleViolation(f"{outside[0]} is not in library {library.name!r}",
                                field="within")
        roots: Sequence[str] = command.within or library.paths
        return Scan(library=library, roots=tuple(roots), full=not command.within,
                    now=self._clock())


@contextlib.contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """A big scan keeps tens of thousands of objects alive until it ends, so the cyclic
    collector runs full passes over the whole process meanwhile. Objects that existed
    before the scan are left out of those passes (`gc.freeze`) and handed back after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


async def _report(progress: ScanProgress, percent: int, scan: Scan) -> None:
    await progress(percent, msgspec.structs.asdict(scan.counts))

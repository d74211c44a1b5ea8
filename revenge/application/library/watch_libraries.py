"""Real-time watching: changed paths of watched libraries are rescanned once quiet."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

import msgspec

from revenge.application.library.ports import FileWatcher
from revenge.application.library.queries import LibraryQueries
from revenge.application.library.scan.scan_library import ScanLibrary, ScanLibraryCommand
from revenge.domain.errors import Unavailable
from revenge.domain.library.diff import under
from revenge.domain.library.library import Library
from revenge.domain.library.settling import Settling, scan_scopes

log = logging.getLogger(__name__)


class WatchSettings(msgspec.Struct, frozen=True, kw_only=True):
    """`quiet_seconds`: how long a path must see no event before it is scanned (a copy
    in progress keeps changing). `refresh_seconds`: how often the set of watched
    libraries is read again."""

    quiet_seconds: float = 2.0
    refresh_seconds: float = 30.0


class WatchLibraries:
    """Runs until cancelled, in the worker. A change is scanned as a scan limited to
    its folder (see `scan_scopes`), under the same per-library lock as full scans. A
    scan that fails for a transient reason is tried again after the next quiet spell."""

    def __init__(self, queries: LibraryQueries, watcher: FileWatcher, scan: ScanLibrary,
                 settings: WatchSettings, monotonic: Callable[[], float] = time.monotonic
                 ) -> None:
        self._queries = queries
        self._watcher = watcher
        self._scan = scan
        self._settings = settings
        self._monotonic = monotonic

    async def run(self) -> None:
        while True:
            libraries = await self._watched()
            if libraries:
                await self._watch(libraries)
            else:
                await asyncio.sleep(self._settings.refresh_seconds)

    async def _watched(self) -> list[Library]:
        try:
            return [library for library in await self._queries.list_libraries()
                    if library.watch]
        except Unavailable as exc:
            log.warning("library watching paused: %s", exc)
            return []

    async def _watch(self, libraries: list[Library]) -> None:
        """Until it is time to read the libraries again (and nothing waits to settle)."""
        settling = Settling(self._settings.quiet_seconds)
        stop = asyncio.Event()
        until = self._monotonic() + self._settings.refresh_seconds
        roots = [path for library in libraries for path in library.paths]
        async for batch in self._watcher.changes(roots, stop):
            now = self._monotonic()
            settling.touch(batch, now)
            await self._scan_settled(libraries, settling, settling.due(now))
            if now >= until and settling.next_due_in(now) is None:
                stop.set()

    async def _scan_settled(self, libraries: Sequence[Library], settling: Settling,
                            paths: list[str]) -> None:
        for library in libraries:
            mine = [path for path in paths if under(path, library.paths)]
            if mine and not await self._scan_changes(library, mine):
                settling.touch(mine, self._monotonic())

    async def _scan_changes(self, library: Library, paths: list[str]) -> bool:
        scopes = tuple(scan_scopes(paths, library.paths))
        try:
            report = await self._scan.execute(ScanLibraryCommand(library_id=library.id,
                                                                 within=scopes))
        except Unavailable as exc:
            log.warning("watched change in %s not scanned yet: %s", library.name, exc)
            return False
        except Exception:
            log.exception("watched change in %s could not be scanned", library.name)
            return True
        log.info("watched change in %s: %s", library.name,
                 msgspec.structs.asdict(report.counts))
        return True

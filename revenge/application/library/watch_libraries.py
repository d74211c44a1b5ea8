"""Real-time watching: changed paths of watched libraries are rescanned once quiet."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence

import msgspec

from revenge.application.library.ports import FileWatcher
from revenge.application.library.queries import LibraryQueries
from revenge.application.library.request_library_scan import (
    RequestLibraryScan,
    RequestLibraryScanCommand,
)
from revenge.application.library.scan.scan_library import ScanLibrary, ScanLibraryCommand
from revenge.domain.errors import DomainError, Unavailable
from revenge.domain.library.diff import under
from revenge.domain.library.library import Library
from revenge.domain.library.settling import Settling, scan_scopes

log = logging.getLogger(__name__)


class WatchSettings(msgspec.Struct, frozen=True, kw_only=True):
    """`quiet_seconds`: how long a path must see no event before it is scanned (a copy
    in progress keeps changing). `refresh_seconds`: how often the set of watched
    libraries is read again."""

    quiet_seconds: float = 2.0
    refresh_seconds: float = 5.0


def _roots(libraries: Sequence[Library]) -> list[str]:
    return sorted(path for library in libraries for path in library.paths)


class WatchLibraries:
    """Runs until cancelled, in the worker. A change is scanned as a scan limited to its
    folder (see `scan_scopes`), under the same per-library lock as full scans; a scan
    that fails for a transient reason is tried again after the next quiet spell. A
    library that starts being watched (and every one when the worker starts) gets a
    full scan requested, for what changed while nobody watched."""

    def __init__(self, queries: LibraryQueries, watcher: FileWatcher, scan: ScanLibrary,
                 request_scan: RequestLibraryScan, settings: WatchSettings,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._queries = queries
        self._watcher = watcher
        self._scan = scan
        self._request_scan = request_scan
        self._settings = settings
        self._monotonic = monotonic
        self._libraries: list[Library] = []

    async def run(self) -> None:
        while True:
            await self._refresh()
            if self._libraries:
                await self._watch(_roots(self._libraries))
            else:
                await asyncio.sleep(self._settings.refresh_seconds)

    async def _refresh(self) -> bool:
        """Reads the watched libraries again; whether their folders changed."""
        try:
            libraries = [lib for lib in await self._queries.list_libraries() if lib.watch]
        except Unavailable as exc:
            log.warning("library watching paused: %s", exc)
            return False
        known = {library.id for library in self._libraries}
        for library in libraries:
            if library.id not in known:
                await self._catch_up(library)
        changed = _roots(libraries) != _roots(self._libraries)
        self._libraries = libraries
        return changed

    async def _catch_up(self, library: Library) -> None:
        try:
            await self._request_scan.execute(RequestLibraryScanCommand(library.id))
        except (DomainError, Unavailable) as exc:
            log.warning("no catch-up scan for watched library %s: %s", library.name, exc)

    async def _watch(self, roots: list[str]) -> None:
        """Until the watched folders change (and nothing waits to settle)."""
        settling = Settling(self._settings.quiet_seconds)
        stop = asyncio.Event()
        next_look = self._monotonic() + self._settings.refresh_seconds
        async for batch in self._watcher.changes(roots, stop):
            now = self._monotonic()
            settling.touch(batch, now)
            await self._scan_settled(settling, settling.due(now))
            if now >= next_look:
                next_look = now + self._settings.refresh_seconds
                if await self._refresh() and settling.next_due_in(now) is None:
                    stop.set()

    async def _scan_settled(self, settling: Settling, paths: list[str]) -> None:
        for library in self._libraries:
            mine = [path for path in paths if under(path, library.paths)]
            if mine and not await self._scan_changes(library, mine):
                settling.touch(mine, self._monotonic())

    async def _scan_changes(self, library: Library, paths: list[str]) -> bool:
        """False when the scan should be tried again later."""
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

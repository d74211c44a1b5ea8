"""Library job actors (`ScanLibraryCommand`, `ProbeFilesCommand`) and the library's
background loops in the worker: real-time watching and the per-library scan schedule."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
from typing import Any

import msgspec

from revenge.application.library.probe_files import ProbeFiles, ProbeFilesCommand
from revenge.application.library.scan.scan_library import ScanLibrary, ScanLibraryCommand
from revenge.application.library.schedule_scans import ScheduleScans
from revenge.application.library.watch_libraries import WatchLibraries
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.registry import Run, actors
from revenge.entrypoints.worker.ticks import tick

SCHEDULE_TICK_SECONDS = 60.0


async def scan_library(job: ScanLibraryCommand, run: Run, scan: ScanLibrary
                       ) -> dict[str, Any]:
    """Progress (files seen, new, changed, moved, missing, errors ...) is recorded on the
    run as it goes, so `GET /admin/jobs/{id}` shows it while the scan runs."""
    async def progress(percent: int, counts: Mapping[str, int]) -> None:
        await run.progress(percent, counts)

    report = await scan.execute(job, progress)
    return {**msgspec.structs.asdict(report.counts), "unreadable": list(report.unreadable)}


async def probe_files(job: ProbeFilesCommand, run: Run, probe: ProbeFiles) -> dict[str, Any]:
    summary = await probe.execute(job)
    return dict(msgspec.structs.asdict(summary))


LIBRARY_ACTORS = actors(scan_library, probe_files)


def library_loops(container: AppContainer) -> list[Coroutine[Any, Any, None]]:
    """What the worker runs beside its jobs: the watcher and the scan schedule."""
    return [Provided(container).get(WatchLibraries).run(), run_library_schedule(container)]


async def run_library_schedule(container: AppContainer,
                               tick_seconds: float = SCHEDULE_TICK_SECONDS) -> None:
    """Requests every due periodic library scan, now and then once per tick."""
    schedule = Provided(container).get(ScheduleScans)

    async def step() -> str | None:
        requested = await schedule.execute()
        return f"requested for {', '.join(requested)}" if requested else None

    while True:
        await tick("periodic library scans", step)
        await asyncio.sleep(tick_seconds)

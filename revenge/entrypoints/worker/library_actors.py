"""Library job actors (`library.scan`, `library.probe_files`) and the library's
background loops in the worker: real-time watching and the per-library scan schedule."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
from typing import Any

import msgspec

from revenge.application.library.probe_files import ProbeFilesCommand
from revenge.application.library.requests import SCAN_ACTOR
from revenge.application.library.scan.phase_6_enqueue import PROBE_ACTOR
from revenge.application.library.scan.scan_library import ScanLibraryCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.payloads import command_from
from revenge.entrypoints.worker.ticks import tick

SCHEDULE_TICK_SECONDS = 60.0


async def scan_library(container: AppContainer, job_id: str,
                       payload: dict[str, Any]) -> dict[str, Any]:
    """Progress (files seen, new, changed, moved, missing, errors ...) is recorded on the
    run as it goes, so `GET /admin/jobs/{id}` shows it while the scan runs."""
    command = command_from(payload, ScanLibraryCommand)
    reporter = container.jobs.job_reporter()

    async def progress(percent: int, counts: Mapping[str, int]) -> None:
        await reporter.progress(job_id, percent, counts)

    report = await container.library.scan_library().execute(command, progress)
    return {**msgspec.structs.asdict(report.counts), "unreadable": list(report.unreadable)}


async def probe_files(container: AppContainer, job_id: str,
                      payload: dict[str, Any]) -> dict[str, Any]:
    command = command_from(payload, ProbeFilesCommand)
    summary = await container.library.probe_files().execute(command)
    return dict(msgspec.structs.asdict(summary))


LIBRARY_ACTORS: Mapping[str, Any] = {
    SCAN_ACTOR: scan_library,
    PROBE_ACTOR: probe_files,
}


def library_loops(container: AppContainer) -> list[Coroutine[Any, Any, None]]:
    """What the worker runs beside its jobs: the watcher and the scan schedule."""
    return [container.library.watch_libraries().run(), run_library_schedule(container)]


async def run_library_schedule(container: AppContainer,
                               tick_seconds: float = SCHEDULE_TICK_SECONDS) -> None:
    """Requests every due periodic library scan, now and then once per tick."""
    async def step() -> str | None:
        requested = await container.library.schedule_scans().execute()
        return f"requested for {', '.join(requested)}" if requested else None

    while True:
        await tick("periodic library scans", step)
        await asyncio.sleep(tick_seconds)

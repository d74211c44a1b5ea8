"""Radarr job actors (`SyncRadarrCommand`: a full or incremental sync;
`HandleRadarrWebhookCommand`: one recorded delivery) and the periodic sync schedule the
worker runs beside its jobs (the interval is a setting in the database, not a period)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from revenge.application.radarr.handle_webhook import (
    HandleRadarrWebhook,
    HandleRadarrWebhookCommand,
)
from revenge.application.radarr.schedule_sync import ScheduleRadarrSync
from revenge.application.radarr.sync_radarr import SyncRadarr, SyncRadarrCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.registry import Run, actors
from revenge.entrypoints.worker.ticks import tick

SCHEDULE_TICK_SECONDS = 60.0


async def radarr_sync(job: SyncRadarrCommand, run: Run, sync: SyncRadarr) -> dict[str, Any]:
    report = await sync.execute(job)
    return {"mode": report.mode, **report.counts()}


async def radarr_webhook(job: HandleRadarrWebhookCommand, run: Run,
                         handle: HandleRadarrWebhook) -> dict[str, Any]:
    return dict(await handle.execute(job))


RADARR_ACTORS = actors(radarr_sync, radarr_webhook)


def radarr_loops(container: AppContainer) -> list[Coroutine[Any, Any, None]]:
    return [run_radarr_schedule(container)]


async def run_radarr_schedule(container: AppContainer,
                              tick_seconds: float = SCHEDULE_TICK_SECONDS) -> None:
    """Requests the periodic sync whenever it is due, now and then once per tick."""
    schedule = Provided(container).get(ScheduleRadarrSync)

    async def step() -> str | None:
        job_id = await schedule.execute()
        return f"requested as run {job_id}" if job_id else None

    while True:
        await tick("periodic radarr sync", step)
        await asyncio.sleep(tick_seconds)

"""Radarr job actors (`radarr_sync`: payload `{"mode": "full"|"incremental"}`;
`radarr_webhook`: `{"key": delivery key}`) and the periodic sync schedule the worker runs
beside its jobs (the interval is a setting in the database, not a fixed period)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
from typing import Any

from revenge.application.radarr.common import SYNC_ACTOR, WEBHOOK_ACTOR
from revenge.application.radarr.handle_webhook import HandleRadarrWebhookCommand
from revenge.application.radarr.sync_radarr import SyncRadarrCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.payloads import command_from
from revenge.entrypoints.worker.ticks import tick

SCHEDULE_TICK_SECONDS = 60.0


async def radarr_sync(container: AppContainer, job_id: str,
                      payload: dict[str, Any]) -> dict[str, Any]:
    report = await container.radarr.sync().execute(command_from(payload, SyncRadarrCommand))
    return {"mode": report.mode, **report.counts()}


async def radarr_webhook(container: AppContainer, job_id: str,
                         payload: dict[str, Any]) -> dict[str, Any]:
    outcome = await container.radarr.handle_webhook().execute(
        command_from(payload, HandleRadarrWebhookCommand))
    return dict(outcome)


RADARR_ACTORS: Mapping[str, Any] = {
    SYNC_ACTOR: radarr_sync,
    WEBHOOK_ACTOR: radarr_webhook,
}


def radarr_loops(container: AppContainer) -> list[Coroutine[Any, Any, None]]:
    return [run_radarr_schedule(container)]


async def run_radarr_schedule(container: AppContainer,
                              tick_seconds: float = SCHEDULE_TICK_SECONDS) -> None:
    """Requests the periodic sync whenever it is due, now and then once per tick."""
    async def step() -> str | None:
        job_id = await container.radarr.schedule_sync().execute()
        return f"requested as run {job_id}" if job_id else None

    while True:
        await tick("periodic radarr sync", step)
        await asyncio.sleep(tick_seconds)

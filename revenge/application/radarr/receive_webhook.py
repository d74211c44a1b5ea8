"""Receive a Radarr webhook delivery: recorded once (by its key) and handed to the
`radarr_webhook` job, so Radarr gets its answer at once."""

from __future__ import annotations

import msgspec

from revenge.application.radarr.common import UnitOfWorkFactory
from revenge.application.radarr.handle_webhook import HandleRadarrWebhookCommand
from revenge.application.radarr.ports import Clock
from revenge.application.radarr.records import Delivery
from revenge.domain.radarr.events import RadarrEvent


class ReceiveRadarrWebhookCommand(msgspec.Struct, frozen=True, kw_only=True):
    """`key`: derived from the delivery's body, so a replay has the same key."""

    event: RadarrEvent
    key: str


class Receipt(msgspec.Struct, frozen=True, kw_only=True):
    event_type: str
    duplicate: bool = False
    job_id: str | None = None


class ReceiveRadarrWebhook:
    def __init__(self, unit_of_work: UnitOfWorkFactory, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: ReceiveRadarrWebhookCommand) -> Receipt:
        """A `Test` is only answered. Any other delivery is recorded and its job
        requested in one transaction. A delivery seen before changes nothing once
        applied; until then its job is requested again (the one queued or running, if
        any), so a delivery whose job failed for good is applied when Radarr retries."""
        event = command.event
        if event.kind == "Test":
            return Receipt(event_type=event.kind)
        async with self._unit_of_work() as uow:
            new = await uow.deliveries.add(self._delivery(command))
            if not new and (await uow.deliveries.get(command.key)).applied_at is not None:
                return Receipt(event_type=event.kind, duplicate=True)
            handle = HandleRadarrWebhookCommand(command.key)
            job_id = await uow.jobs.enqueue(handle, dedupe_key=f"{handle.job}:{command.key}")
            await uow.deliveries.set_job(command.key, job_id)
            await uow.commit()
        return Receipt(event_type=event.kind, duplicate=not new, job_id=job_id)

    def _delivery(self, command: ReceiveRadarrWebhookCommand) -> Delivery:
        event = command.event
        return Delivery(key=command.key, event_type=event.kind, summary=event.summary(),
                        event=msgspec.json.encode(event), received_at=self._clock(),
                        radarr_movie_id=event.movie.radarr_id if event.movie else None)

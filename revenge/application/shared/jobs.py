"""The shared kernel's job queue port: how any context requests background work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class JobQueue(Protocol):
    """Requests background work by actor name, as part of the caller's unit of work.

    The request is written inside the caller's transaction (a run record and an outbox
    row), so it exists only if the caller commits, and the message reaches the broker
    only after the commit: a rolled-back use case never starts a job, a committed one
    never loses it, even while the broker is down (the outbox relay retries).
    """

    async def enqueue(
        self, actor: str, payload: Mapping[str, Any], *, dedupe_key: str | None = None
    ) -> str:
        """Returns the new run's id. If a queued or running run holds `dedupe_key`,
        nothing is added and that run's id is returned (so two scans of one library
        never run at once), unless that run is running but its worker has been silent
        for `ABANDONED_AFTER`: it is then failed as abandoned and a new run is added.
        `payload` must be JSON-encodable."""
        ...

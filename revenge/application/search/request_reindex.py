"""Ask the worker for a full reindex (the admin endpoint): a job, not a long request."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.search.requests import REINDEX_DEDUPE_KEY, ReindexAllCommand
from revenge.application.shared.jobs import JobsTransaction


class ReindexRequested(msgspec.Struct, frozen=True):
    job_id: str


class RequestReindex:
    """Idempotent while one is pending: a second request returns the queued job's id."""

    def __init__(self, unit_of_work: Callable[[], JobsTransaction]) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self) -> ReindexRequested:
        async with self._unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(ReindexAllCommand(), dedupe_key=REINDEX_DEDUPE_KEY)
            await uow.commit()
        return ReindexRequested(job_id=job_id)

"""The periodic schedule: request a scan of every library whose interval has passed."""

from __future__ import annotations

from collections.abc import Callable

from revenge.application.library.common import request_scan
from revenge.application.library.ports import Clock, LibraryUnitOfWork
from revenge.domain.library.library import Library, scan_due


class ScheduleScans:
    """Run by every worker every minute or so. The last request time lives in the
    database and is claimed by compare-and-set, so several workers ticking together
    request each due scan once."""

    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self) -> list[str]:
        """The ids of the scan jobs requested."""
        async with self._unit_of_work() as uow:
            libraries = await uow.libraries.list()
        now = self._clock()
        return [job_id for library in libraries if scan_due(library, now)
                if (job_id := await self._request(library)) is not None]

    async def _request(self, library: Library) -> str | None:
        async with self._unit_of_work() as uow:
            claimed = await uow.libraries.claim_scan(library.id, library.scan_requested_at,
                                                     self._clock())
            if not claimed:
                return None
            job_id = await request_scan(uow, library)
            await uow.commit()
        return job_id

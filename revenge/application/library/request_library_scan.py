"""Ask for a scan of a library now (admin, CLI); the scan itself runs as a job."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.library.common import request_scan
from revenge.application.library.ports import Clock, LibraryUnitOfWork


class RequestLibraryScanCommand(msgspec.Struct, frozen=True):
    library_id: str


class RequestLibraryScan:
    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: RequestLibraryScanCommand) -> str:
        """The scan job's id: a new one, or the library's scan already queued or running
        (two scans of one library never run at once). Raises `NotFound`."""
        async with self._unit_of_work() as uow:
            library = await uow.libraries.get(command.library_id)
            job_id = await request_scan(uow, library)
            await uow.libraries.claim_scan(library.id, library.scan_requested_at, self._clock())
            await uow.commit()
        return job_id

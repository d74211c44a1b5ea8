"""Probe a library's new files (streams, duration, a content hash for move detection).

Runs as a few parallel jobs per library: each takes its own share ("slot") of the
unprobed files, so no two probe one file. A file the reader cannot read is recorded
with the reader's error and not probed again until its content changes: a corrupt
file costs one attempt, never an endless retry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import msgspec

from revenge.application.library.ports import Clock, FileSystem, LibraryUnitOfWork
from revenge.application.library.probe_mapping import report_of
from revenge.application.library.records import ProbeReport, ProbeTarget
from revenge.application.media.ports import MediaProbe
from revenge.application.shared.jobs import JobMessage
from revenge.domain.errors import DomainError, NotFound, Unavailable

log = logging.getLogger(__name__)

BATCH = 25


class ProbeFilesCommand(JobMessage, job="library.probe_files", frozen=True, kw_only=True):
    library_id: str
    slot: int = 0
    slots: int = 1


class ProbeSummary(msgspec.Struct, kw_only=True):
    probed: int = 0
    failed: int = 0
    vanished: int = 0


class ProbeFiles:
    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], probe: MediaProbe,
                 fs: FileSystem, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._probe = probe
        self._fs = fs
        self._clock = clock

    async def execute(self, command: ProbeFilesCommand) -> ProbeSummary:
        summary = ProbeSummary()
        after: str | None = None
        while batch := await self._pending(command, after):
            for target in batch:
                await self._probe_one(target, summary)
            after = batch[-1].file_id
        return summary

    async def _pending(self, command: ProbeFilesCommand, after: str | None) -> list[ProbeTarget]:
        async with self._unit_of_work() as uow:
            return await uow.probes.pending(command.library_id, slot=command.slot,
                                            slots=command.slots, after=after, limit=BATCH)

    async def _probe_one(self, target: ProbeTarget, summary: ProbeSummary) -> None:
        report = await self._report(target)
        if report is None:
            summary.vanished += 1
            return
        async with self._unit_of_work() as uow:
            await uow.probes.record(target.file_id, report)
            await uow.commit()
        summary.failed += report.error is not None
        summary.probed += report.error is None

    async def _report(self, target: ProbeTarget) -> ProbeReport | None:
        """None when the file is gone (the next scan marks it missing)."""
        try:
            info = await self._probe.probe(target.path)
        except NotFound:
            return None
        except (DomainError, Unavailable) as exc:
            log.warning("cannot probe %s: %s", target.path, exc)
            return ProbeReport(error=_message(exc), probed_at=self._clock(),
                               content_hash=await self._fs.partial_hash(target.path))
        return report_of(info, await self._fs.partial_hash(target.path), self._clock())


def _message(exc: Exception) -> str:
    return exc.detail if isinstance(exc, DomainError) else str(exc)

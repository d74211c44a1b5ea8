"""Phase 6, enqueue: probing of new and changed files (a few parallel jobs per library,
each working through its share) and matching of new movies with a metadata provider."""

from __future__ import annotations

import logging

from revenge.application.library.ports import LibraryUnitOfWork
from revenge.application.library.scan.state import Scan, ScanSettings

log = logging.getLogger(__name__)

PROBE_ACTOR = "library.probe_files"


def probe_dedupe_key(library_id: str, slot: int) -> str:
    return f"library.probe:{library_id}:{slot}"


async def request_probes(uow: LibraryUnitOfWork, library_id: str, files: int,
                         slots: int) -> int:
    """Starts up to `slots` probing jobs (never two for one slot); returns how many."""
    used = min(files, slots)
    for slot in range(used):
        await uow.jobs.enqueue(PROBE_ACTOR, {"library_id": library_id, "slot": slot,
                                             "slots": slots},
                               dedupe_key=probe_dedupe_key(library_id, slot))
    return used


async def enqueue(scan: Scan, uow: LibraryUnitOfWork, settings: ScanSettings) -> None:
    if scan.files_to_probe:
        scan.counts.probes_requested = await request_probes(
            uow, scan.library.id, scan.files_to_probe, settings.probe_slots)
    if scan.new_movie_ids:
        await _request_matches(scan, uow, settings.match_actor)


async def _request_matches(scan: Scan, uow: LibraryUnitOfWork, actor: str | None) -> None:
    if actor is None:
        log.info("metadata provider not configured: %d new movie(s) of library %s left "
                 "unmatched with their parsed titles", len(scan.new_movie_ids),
                 scan.library.name)
        return
    for movie_id in scan.new_movie_ids:
        await uow.jobs.enqueue(actor, {"movie_id": movie_id}, dedupe_key=f"{actor}:{movie_id}")
    scan.counts.matches_requested = len(scan.new_movie_ids)

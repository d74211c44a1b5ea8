"""Phase 6, enqueue: probing of new and changed files (a few parallel jobs per library,
each working through its share), matching of new movies with a metadata provider, and
the search index's update for every movie the scan touched."""

from __future__ import annotations

import logging

from revenge.application.library.ports import LibraryUnitOfWork
from revenge.application.library.scan.state import Scan, ScanSettings
from revenge.application.search.requests import INDEX_MOVIE, RECONCILE

log = logging.getLogger(__name__)

PROBE_ACTOR = "library.probe_files"
# Above this many touched movies one reconciliation of the index beats a job per movie.
MAX_INDEX_JOBS = 100


def probe_dedupe_key(library_id: str, slot: int) -> str:
    return f"library.probe:{library_id}:{slot}"


async def request_probes(uow: LibraryUnitOfWork, library_id: str, files: int,
                         slots: int) -> int:
    """Starts up to `slots` probing jobs that share the library's unprobed files between
    them (never two jobs for one slot); returns how many."""
    used = min(files, slots)
    for slot in range(used):
        await uow.jobs.enqueue(PROBE_ACTOR, {"library_id": library_id, "slot": slot,
                                             "slots": used},
                               dedupe_key=probe_dedupe_key(library_id, slot))
    return used


async def enqueue(scan: Scan, uow: LibraryUnitOfWork, settings: ScanSettings) -> None:
    if scan.files_to_probe:
        scan.counts.probes_requested = await request_probes(
            uow, scan.library.id, scan.files_to_probe, settings.probe_slots)
    if scan.new_movie_ids:
        await _request_matches(scan, uow, settings.match_actor)
    if scan.touched_movie_ids:
        scan.counts.index_requests = await _request_index(uow, sorted(scan.touched_movie_ids))


async def _request_index(uow: LibraryUnitOfWork, movie_ids: list[str]) -> int:
    if len(movie_ids) > MAX_INDEX_JOBS:
        await uow.jobs.enqueue(RECONCILE, {}, dedupe_key=RECONCILE)
        return 1
    for movie_id in movie_ids:
        await uow.jobs.enqueue(INDEX_MOVIE, {"movie_id": movie_id})
    return len(movie_ids)


async def _request_matches(scan: Scan, uow: LibraryUnitOfWork, actor: str | None) -> None:
    if actor is None:
        log.info("metadata provider not configured: %d new movie(s) of library %s left "
                 "unmatched with their parsed titles", len(scan.new_movie_ids),
                 scan.library.name)
        return
    for movie_id in scan.new_movie_ids:
        await uow.jobs.enqueue(actor, {"movie_id": movie_id}, dedupe_key=f"{actor}:{movie_id}")
    scan.counts.matches_requested = len(scan.new_movie_ids)

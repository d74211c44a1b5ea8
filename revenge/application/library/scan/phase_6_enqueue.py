"""Phase 6, enqueue: probing of new and changed files (a few parallel jobs per library,
each working through its share), matching of new movies with a metadata provider, and
the search index's update for every movie the scan touched."""

from __future__ import annotations

import logging

from revenge.application.library.ports import LibraryUnitOfWork
from revenge.application.library.probe_files import ProbeFilesCommand
from revenge.application.library.scan.state import Scan, ScanSettings
from revenge.application.metadata.requests import MatchMovieCommand, movie_dedupe_key
from revenge.application.search.requests import request_index_or_reconcile

log = logging.getLogger(__name__)

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
        await uow.jobs.enqueue(ProbeFilesCommand(library_id=library_id, slot=slot, slots=used),
                               dedupe_key=probe_dedupe_key(library_id, slot))
    return used


async def enqueue(scan: Scan, uow: LibraryUnitOfWork, settings: ScanSettings) -> None:
    if scan.files_to_probe:
        scan.counts.probes_requested = await request_probes(
            uow, scan.library.id, scan.files_to_probe, settings.probe_slots)
    if scan.new_movie_ids:
        await _request_matches(scan, uow, settings.match_job)
    if scan.touched_movie_ids:
        scan.counts.index_requests = await request_index_or_reconcile(
            uow.jobs, sorted(scan.touched_movie_ids), MAX_INDEX_JOBS)


async def _request_matches(scan: Scan, uow: LibraryUnitOfWork,
                           match_job: type[MatchMovieCommand] | None) -> None:
    if match_job is None:
        log.info("metadata provider not configured: %d new movie(s) of library %s left "
                 "unmatched with their parsed titles", len(scan.new_movie_ids),
                 scan.library.name)
        return
    for movie_id in scan.new_movie_ids:
        match = match_job(movie_id=movie_id)
        await uow.jobs.enqueue(match, dedupe_key=movie_dedupe_key(match))
    scan.counts.matches_requested = len(scan.new_movie_ids)

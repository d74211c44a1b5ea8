"""How other contexts keep the index true: enqueue these jobs in their unit of work.

Every committed catalog change (scan, match, refresh, manual edit, merge, delete) must
request `IndexMovieCommand` for each movie it touched, through the unit of work's job
queue (the outbox), so the request exists exactly when the change commits:

    await request_index(uow.jobs, movie.id)

`IndexMovieCommand` also removes a movie that no longer exists, so one call fits every
change; past a caller's limit of movies one `ReconcileIndexCommand` (deduplicated by
`RECONCILE_DEDUPE_KEY`) beats a job per movie.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from revenge.application.search.index_movie import IndexMovieCommand as IndexMovieCommand
from revenge.application.search.ports import JobQueue
from revenge.application.search.reconcile_index import (
    ReconcileIndexCommand as ReconcileIndexCommand,
)
from revenge.application.search.reindex_all import ReindexAllCommand as ReindexAllCommand
from revenge.application.search.remove_movie import RemoveMovieCommand as RemoveMovieCommand

# One reconciliation (or rebuild) at a time: the job's name is its dedupe key.
RECONCILE_DEDUPE_KEY = ReconcileIndexCommand.job
REINDEX_DEDUPE_KEY = ReindexAllCommand.job


async def request_index(jobs: JobQueue | None, *movie_ids: str | Iterable[str]) -> None:
    """Requests `IndexMovieCommand` for each id (a no-op when no job queue is wired)."""
    if jobs is None:
        return
    for movie_id in _flat(movie_ids):
        await jobs.enqueue(IndexMovieCommand(movie_id))


async def request_index_or_reconcile(jobs: JobQueue, movie_ids: Sequence[str],
                                     most: int) -> int:
    """One index job per movie, or one reconciliation past `most` movies; returns how
    many jobs were requested."""
    if len(movie_ids) > most:
        await jobs.enqueue(ReconcileIndexCommand(), dedupe_key=RECONCILE_DEDUPE_KEY)
        return 1
    await request_index(jobs, movie_ids)
    return len(movie_ids)


def _flat(items: tuple[str | Iterable[str], ...]) -> list[str]:
    flat: list[str] = []
    for item in items:
        flat.extend([item] if isinstance(item, str) else item)
    return flat

"""How other contexts keep the index true: enqueue these jobs in their unit of work.

Every committed catalog change (scan, match, refresh, manual edit, merge, delete) must
request `INDEX_MOVIE` for each movie it touched, through the unit of work's job queue
(the outbox), so the request exists exactly when the change commits:

    await request_index(uow.jobs, movie.id)

`INDEX_MOVIE` also removes a movie that no longer exists, so one call fits every change.
"""

from __future__ import annotations

from collections.abc import Iterable

from revenge.application.search.ports import JobQueue

INDEX_MOVIE = "search.index_movie"
REMOVE_MOVIE = "search.remove_movie"
REINDEX = "search.reindex"
RECONCILE = "search.reconcile"


async def request_index(jobs: JobQueue | None, *movie_ids: str | Iterable[str]) -> None:
    """Requests `INDEX_MOVIE` for each id (a no-op when no job queue is wired)."""
    if jobs is None:
        return
    for movie_id in _flat(movie_ids):
        await jobs.enqueue(INDEX_MOVIE, {"movie_id": movie_id})


def _flat(items: tuple[str | Iterable[str], ...]) -> list[str]:
    flat: list[str] = []
    for item in items:
        flat.extend([item] if isinstance(item, str) else item)
    return flat

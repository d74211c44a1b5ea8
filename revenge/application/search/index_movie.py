"""Bring one movie's index entry in line with the catalog (upsert, or delete if gone)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from revenge.application.search.ports import MovieDocuments, SearchIndex
from revenge.application.shared.jobs import JobMessage


class IndexMovieCommand(JobMessage, job="search.index_movie", frozen=True):
    movie_id: str


class IndexMovie:
    """Idempotent, and safe in any order: it indexes what the catalog holds *now*, so a
    late job never resurrects a deleted movie. Raises `Unavailable` (the job retries).

    Without a usable live index (none yet, one lost by a Typesense restarted empty, or an
    older schema) it asks for a full rebuild (`request_rebuild`, deduplicated) instead of
    upserting: an upsert would create a live index holding this one movie, and searches
    would take it for the whole catalog (review finding 12). The rebuild reads the
    catalog after this movie's commit, so it includes it."""

    def __init__(self, documents: MovieDocuments, index: SearchIndex,
                 request_rebuild: Callable[[], Awaitable[object]]) -> None:
        self._documents = documents
        self._index = index
        self._request_rebuild = request_rebuild

    async def execute(self, command: IndexMovieCommand) -> bool:
        """True when the movie is (or will be, by the rebuild) indexed, False when it was
        removed (no such movie)."""
        found = await self._documents.get([command.movie_id])
        if not found:
            await self._index.delete([command.movie_id])
            return False
        if not await self._index.is_current():
            await self._request_rebuild()
            return True
        await self._index.upsert(found)
        return True

"""Bring one movie's index entry in line with the catalog (upsert, or delete if gone)."""

from __future__ import annotations

import msgspec

from revenge.application.search.ports import MovieDocuments, SearchIndex


class IndexMovieCommand(msgspec.Struct, frozen=True):
    movie_id: str


class IndexMovie:
    """Idempotent, and safe in any order: it indexes what the catalog holds *now*, so a
    late job never resurrects a deleted movie. Raises `Unavailable` (the job retries)."""

    def __init__(self, documents: MovieDocuments, index: SearchIndex) -> None:
        self._documents = documents
        self._index = index

    async def execute(self, command: IndexMovieCommand) -> bool:
        """True when the movie is indexed, False when it was removed (no such movie)."""
        found = await self._documents.get([command.movie_id])
        if found:
            await self._index.upsert(found)
        else:
            await self._index.delete([command.movie_id])
        return bool(found)

"""Drop one movie from the index (after it left the catalog)."""

from __future__ import annotations

from revenge.application.search.ports import SearchIndex
from revenge.application.shared.jobs import JobMessage


class RemoveMovieCommand(JobMessage, job="search.remove_movie", frozen=True):
    movie_id: str


class RemoveMovie:
    """Idempotent. Raises `Unavailable` (the job retries)."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index

    async def execute(self, command: RemoveMovieCommand) -> None:
        await self._index.delete([command.movie_id])

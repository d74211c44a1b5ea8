"""Fetch a matched movie's metadata again (an admin asked, or the provider changed it)."""

from __future__ import annotations

from revenge.application.metadata.common import UnitOfWorkFactory, fetch, load_movie
from revenge.application.metadata.match_movie import MatchMovie, MatchMovieCommand
from revenge.application.metadata.ports import MetadataProvider
from revenge.application.metadata.read_models import MatchResult
from revenge.application.metadata.requests import (
    RefreshMovieMetadataCommand as RefreshMovieMetadataCommand,
)
from revenge.application.metadata.writer import MetadataWriter
from revenge.domain.errors import NotFound, Unavailable


class RefreshMovieMetadata:
    """Fresh details (no cached answers) for a movie with a provider id, merged under the
    locked-field rule; a movie without one is matched instead. The provider no longer
    knowing the id leaves the movie as it is ("unmatched", reason "gone_at_provider")."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, provider: MetadataProvider | None,
                 writer: MetadataWriter, match: MatchMovie) -> None:
        self._unit_of_work = unit_of_work
        self._provider = provider
        self._writer = writer
        self._match = match

    async def execute(self, command: RefreshMovieMetadataCommand) -> MatchResult:
        movie = await load_movie(self._unit_of_work, command.movie_id)
        if self._provider is None or movie is None or movie.tmdb_id is None:
            return await self._match.execute(MatchMovieCommand(movie_id=command.movie_id))
        try:
            fetched = await fetch(self._provider, movie.tmdb_id, fresh=True)
        except NotFound:
            return MatchResult(status="unmatched", movie_id=movie.id, tmdb_id=movie.tmdb_id,
                               reason="gone_at_provider")
        except Unavailable as exc:
            return await self._writer.park(movie.id, "refresh", exc)
        return await self._writer.apply(movie.id, fetched)

"""An admin says which provider movie a movie is ("fix match")."""

from __future__ import annotations

import msgspec

from revenge.application.metadata.common import UnitOfWorkFactory, fetch, load_movie
from revenge.application.metadata.ports import MetadataProvider
from revenge.application.metadata.read_models import MatchResult
from revenge.application.metadata.writer import MetadataWriter
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.errors import NotConfigured, NotFound, RuleViolation
from revenge.domain.shared.permissions import Permission


class FixMatchCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str
    tmdb_id: int


class FixMatch:
    """Needs `library.manage`. Fetches the chosen movie and stores it like a match, with
    the provider id locked so refreshes keep the choice; when another movie already
    has that id, this one is merged into it ("merged"). Raises `NotFound` for an unknown
    movie or provider id, `Unavailable` when the provider is down, `NotConfigured` (an
    `Unavailable`) when there is none."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, provider: MetadataProvider | None,
                 writer: MetadataWriter) -> None:
        self._unit_of_work = unit_of_work
        self._provider = provider
        self._writer = writer

    async def execute(self, command: FixMatchCommand) -> MatchResult:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        if command.tmdb_id <= 0:
            raise RuleViolation("tmdb_id must be positive", field="tmdb_id")
        if await load_movie(self._unit_of_work, command.movie_id) is None:
            raise NotFound("no such movie", field="movie_id")
        if self._provider is None:
            raise NotConfigured("metadata", "no metadata provider is set up (REVENGE_TMDB_API_KEY)")
        try:
            fetched = await fetch(self._provider, command.tmdb_id, fresh=True)
        except NotFound:
            raise NotFound("the provider has no movie with this id", field="tmdb_id") from None
        return await self._writer.apply(command.movie_id, fetched, chosen=True)

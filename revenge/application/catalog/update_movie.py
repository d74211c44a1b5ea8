"""Edit a movie's fields by hand; edited fields are locked against metadata refreshes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from revenge.application.catalog.ports import CatalogUnitOfWork, Clock
from revenge.application.search.requests import request_index
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.movie import Movie, MoviePatch, edited
from revenge.domain.errors import NotFound
from revenge.domain.shared.permissions import Permission


class UpdateMovieCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str
    changes: dict[str, Any] = msgspec.field(default_factory=dict)
    genres: list[str] | None = None  # None: leave the genres as they are


class UpdateMovie:
    """Needs `library.manage`. Raises `NotFound`, `RuleViolation` (the field named) or
    `Conflict` (another movie has the TMDb id)."""

    def __init__(self, unit_of_work: Callable[[], CatalogUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: UpdateMovieCommand) -> Movie:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        async with self._unit_of_work() as uow:
            movie = await uow.movies.get(command.movie_id)
            if movie is None:
                raise NotFound("no such movie", field="movie_id")
            changed = edited(movie, MoviePatch(changes=command.changes), self._clock())
            await uow.movies.update(changed)
            if command.genres is not None:
                await uow.genres.set_movie_genres(movie.id, command.genres)
            await request_index(uow.jobs, movie.id)
            await uow.commit()
        return changed

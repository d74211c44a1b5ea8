"""Add a movie by hand (an admin's entry, or one a scan could not recognise)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import CatalogUnitOfWork, Clock, NewId
from revenge.application.search.requests import request_index
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.movie import Movie, MovieFields, new_movie
from revenge.domain.shared.permissions import Permission


class CreateMovieCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    fields: MovieFields
    genres: list[str] = msgspec.field(default_factory=list)


class CreateMovie:
    """Needs `library.manage`. Raises `RuleViolation` for invalid fields and `Conflict`
    when another movie has the TMDb id."""

    def __init__(self, unit_of_work: Callable[[], CatalogUnitOfWork], clock: Clock,
                 new_id: NewId) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._new_id = new_id

    async def execute(self, command: CreateMovieCommand) -> Movie:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        movie = new_movie(self._new_id(), command.fields, self._clock())
        async with self._unit_of_work() as uow:
            await uow.movies.add(movie)
            if command.genres:
                await uow.genres.set_movie_genres(movie.id, command.genres)
            await request_index(uow.jobs, movie.id)
            await uow.commit()
        return movie

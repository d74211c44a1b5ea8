"""Delete a movie with its files' records and everyone's state for it."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import CatalogUnitOfWork
from revenge.application.search.requests import request_index
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.errors import NotFound
from revenge.domain.shared.permissions import Permission


class DeleteMovieCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class DeleteMovie:
    """Needs `library.manage`. Raises `NotFound` for an unknown movie. The files on disk
    are not touched (a later scan brings the movie back if they are still there)."""

    def __init__(self, unit_of_work: Callable[[], CatalogUnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: DeleteMovieCommand) -> None:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        async with self._unit_of_work() as uow:
            if await uow.movies.get(command.movie_id) is None:
                raise NotFound("no such movie", field="movie_id")
            await uow.movies.delete(command.movie_id)
            await request_index(uow.jobs, command.movie_id)  # removes it from the index
            await uow.commit()

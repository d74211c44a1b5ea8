"""Ask for a movie's metadata to be fetched again (the job comes with the TMDb work)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import CatalogUnitOfWork
from revenge.application.metadata.requests import RefreshMovieMetadataCommand, movie_dedupe_key
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.errors import NotConfigured, NotFound
from revenge.domain.shared.permissions import Permission


class RequestRefreshCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class RequestRefresh:
    """Needs `library.manage`. Returns the job's id; asking again while one is queued or
    running returns that job. Raises `NotFound` for an unknown movie and `NotConfigured`
    when this process has no job queue."""

    def __init__(self, unit_of_work: Callable[[], CatalogUnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: RequestRefreshCommand) -> str:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        async with self._unit_of_work() as uow:
            if await uow.movies.get(command.movie_id) is None:
                raise NotFound("no such movie", field="movie_id")
            if uow.jobs is None:
                raise NotConfigured("jobs", "no job queue is set up")
            refresh = RefreshMovieMetadataCommand(movie_id=command.movie_id)
            job_id = await uow.jobs.enqueue(refresh, dedupe_key=movie_dedupe_key(refresh))
            await uow.commit()
        return job_id

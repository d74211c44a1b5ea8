"""Merge duplicate movies into one: files, history, lists and watch state move over."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import CatalogUnitOfWork, Clock
from revenge.application.search.requests import request_index
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.movie import Movie
from revenge.domain.catalog.progress import merged
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.shared.permissions import Permission


class MergeMoviesCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    target_id: str
    source_ids: list[str]


class MergeMovies:
    """Needs `library.manage`. The target keeps its id and metadata; each source is
    deleted after its files, history, watchlist entries, ratings and every user's
    watch state (plays added up, see `progress.merged`) moved to the target. All or
    nothing: raises `NotFound` for any unknown id, `RuleViolation` for no sources or
    a target among them."""

    def __init__(self, unit_of_work: Callable[[], CatalogUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: MergeMoviesCommand) -> None:
        authorize(command.actor, Permission.LIBRARY_MANAGE)
        sources = _checked_sources(command)
        async with self._unit_of_work() as uow:
            target = await _existing(uow, command.target_id, "target_id")
            for source_id in sources:
                source = await _existing(uow, source_id, "source_ids")
                await self._merge_one(uow, source, target)
                target = msgspec.structs.replace(target, missing=target.missing and source.missing)
            await uow.movies.update(target)
            await request_index(uow.jobs, target.id, sources)  # sources leave the index
            await uow.commit()

    async def _merge_one(self, uow: CatalogUnitOfWork, source: Movie, target: Movie) -> None:
        now = self._clock()
        for user_id, state in (await uow.watch.states_for_movie(source.id)).items():
            combined = merged(await uow.watch.lock(user_id, target.id), state)
            await uow.watch.save(user_id, target.id, combined, now)
        await uow.merger.move_dependents(source.id, target.id)
        await uow.movies.delete(source.id)


def _checked_sources(command: MergeMoviesCommand) -> list[str]:
    sources = list(dict.fromkeys(command.source_ids))
    if not sources:
        raise RuleViolation("name at least one movie to merge", field="source_ids")
    if command.target_id in sources:
        raise RuleViolation("a movie cannot be merged into itself", field="source_ids")
    return sources


async def _existing(uow: CatalogUnitOfWork, movie_id: str, field: str) -> Movie:
    movie = await uow.movies.get(movie_id)
    if movie is None:
        raise NotFound(f"no movie {movie_id}", field=field)
    return movie

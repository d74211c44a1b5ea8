"""Mark a movie watched by hand (counted once, however often it is pressed)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.common import progress_view
from revenge.application.catalog.ports import Clock, NewId, WatchUnitOfWork
from revenge.application.catalog.read_models import WatchProgress
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.progress import mark_watched
from revenge.domain.shared.permissions import Permission


class MarkWatchedCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class MarkWatched:
    def __init__(self, unit_of_work: Callable[[], WatchUnitOfWork], clock: Clock,
                 new_id: NewId) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._new_id = new_id

    async def execute(self, command: MarkWatchedCommand) -> WatchProgress:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        now = self._clock()
        async with self._unit_of_work() as uow:
            outcome = mark_watched(await uow.watch.lock(user_id, command.movie_id), now)
            if outcome.completed_now:
                await uow.watch.save(user_id, command.movie_id, outcome.state, now)
                await uow.watch.add_history(self._new_id(), user_id, command.movie_id, now,
                                            "manual")
                await uow.commit()
        return progress_view(command.movie_id, outcome.state)

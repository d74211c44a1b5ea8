"""Forget a movie's resume point; whether it was watched, and how often, stays."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.common import change_watch_state
from revenge.application.catalog.ports import Clock, WatchUnitOfWork
from revenge.application.catalog.read_models import WatchProgress
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.progress import clear_progress
from revenge.domain.shared.permissions import Permission


class ClearProgressCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class ClearProgress:
    """Idempotent. Raises `NotFound` for an unknown movie."""

    def __init__(self, unit_of_work: Callable[[], WatchUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: ClearProgressCommand) -> WatchProgress:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        return await change_watch_state(self._unit_of_work, self._clock, user_id,
                                        command.movie_id, clear_progress)

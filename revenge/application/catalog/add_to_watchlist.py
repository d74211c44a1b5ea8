"""Put a movie on the caller's watchlist (idempotent; the first time added is kept)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import Clock, UserListsUnitOfWork
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.shared.permissions import Permission


class AddToWatchlistCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class AddToWatchlist:
    """Raises `NotFound` for an unknown movie."""

    def __init__(self, unit_of_work: Callable[[], UserListsUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: AddToWatchlistCommand) -> None:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        async with self._unit_of_work() as uow:
            await uow.watchlist.add(user_id, command.movie_id, self._clock())
            await uow.commit()

"""Take a movie off the caller's watchlist (idempotent)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import UserListsUnitOfWork
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.shared.permissions import Permission


class RemoveFromWatchlistCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str


class RemoveFromWatchlist:
    """Raises `NotFound` for an unknown movie."""

    def __init__(self, unit_of_work: Callable[[], UserListsUnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    async def execute(self, command: RemoveFromWatchlistCommand) -> None:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        async with self._unit_of_work() as uow:
            await uow.watchlist.remove(user_id, command.movie_id)
            await uow.commit()

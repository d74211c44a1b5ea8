"""Rate a movie for oneself, 1 to 10 (a new rating replaces the old one)."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.ports import Clock, UserListsUnitOfWork
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.rating import checked_rating
from revenge.domain.shared.permissions import Permission


class RateMovieCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str
    rating: int


class RateMovie:
    """Raises `RuleViolation` for a rating outside 1-10, `NotFound` for an unknown movie."""

    def __init__(self, unit_of_work: Callable[[], UserListsUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: RateMovieCommand) -> int:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        rating = checked_rating(command.rating)
        async with self._unit_of_work() as uow:
            await uow.ratings.rate(user_id, command.movie_id, rating, self._clock())
            await uow.commit()
        return rating

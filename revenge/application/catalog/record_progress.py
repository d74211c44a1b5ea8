"""Record where a user is in a movie; crossing the completion threshold counts a play."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.catalog.common import progress_view
from revenge.application.catalog.ports import Clock, NewId, WatchUnitOfWork
from revenge.application.catalog.read_models import WatchProgress
from revenge.application.shared.principal import Principal, authorize
from revenge.domain.catalog.progress import ProgressPolicy, ProgressReport, record_progress
from revenge.domain.shared.permissions import Permission


class RecordProgressCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor: Principal
    movie_id: str
    position_seconds: float
    duration_seconds: float


class RecordProgress:
    """Applies a player's report under the progress policy. Replaying a report changes
    nothing; a completion increments the play count and writes one history row."""

    def __init__(self, unit_of_work: Callable[[], WatchUnitOfWork], clock: Clock,
                 new_id: NewId, policy: ProgressPolicy) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._new_id = new_id
        self._policy = policy

    async def execute(self, command: RecordProgressCommand) -> WatchProgress:
        user_id = authorize(command.actor, Permission.LIBRARY_READ)
        report = ProgressReport(command.position_seconds, command.duration_seconds)
        now = self._clock()
        async with self._unit_of_work() as uow:
            current = await uow.watch.lock(user_id, command.movie_id)
            outcome = record_progress(current, report, now, self._policy)
            await uow.watch.save(user_id, command.movie_id, outcome.state, now)
            if outcome.completed_now:
                await uow.watch.add_history(self._new_id(), user_id, command.movie_id, now,
                                            "playback")
            await uow.commit()
        return progress_view(command.movie_id, outcome.state)

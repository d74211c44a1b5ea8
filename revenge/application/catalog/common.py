"""What several catalog use cases share: the watch-state plumbing."""

from __future__ import annotations

from collections.abc import Callable

from revenge.application.catalog.ports import Clock, WatchUnitOfWork
from revenge.application.catalog.read_models import WatchProgress
from revenge.domain.catalog.progress import WatchState


def progress_view(movie_id: str, state: WatchState) -> WatchProgress:
    return WatchProgress(
        movie_id=movie_id, position_seconds=state.position_seconds,
        duration_seconds=state.duration_seconds, percent=state.percent,
        resume_position_seconds=state.resume_position_seconds, completed=state.completed,
        play_count=state.play_count, in_progress=state.in_progress,
        hidden_from_continue=state.hidden_from_continue, last_played_at=state.last_played_at,
    )


async def change_watch_state(unit_of_work: Callable[[], WatchUnitOfWork], clock: Clock,
                             user_id: str, movie_id: str,
                             rule: Callable[[WatchState], WatchState]) -> WatchProgress:
    """Applies a pure rule to one user's state for one movie under the row lock; writes
    only when the rule changed something, so every such change is idempotent."""
    async with unit_of_work() as uow:
        current = await uow.watch.lock(user_id, movie_id)
        changed = rule(current)
        if changed != current:
            await uow.watch.save(user_id, movie_id, changed, clock())
            await uow.commit()
    return progress_view(movie_id, changed)

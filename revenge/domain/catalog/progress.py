"""Per-user watch state and the rules that move it: progress, completion, resume points.

Completion is monotone: once a movie is watched, only an explicit "unmark" makes it
unwatched again. A completion is counted when a report crosses the completion
threshold from below, so replaying the same report changes nothing, and a rewatch
(progress that went back below the threshold and up again) counts as a new play.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Literal

import msgspec

from revenge.domain.errors import RuleViolation

WatchSource = Literal["playback", "manual"]  # how a history row came about


class ProgressPolicy(msgspec.Struct, frozen=True, kw_only=True):
    """At or above `complete_percent` a play counts as watched; a position under
    `min_resume_percent` or under `min_resume_seconds` is not worth resuming."""

    complete_percent: float = 90.0
    min_resume_percent: float = 5.0
    min_resume_seconds: float = 120.0

    def __post_init__(self) -> None:
        if not 0 < self.complete_percent <= 100:
            raise RuleViolation("complete_percent must be in (0, 100]", field="complete_percent")
        if not 0 <= self.min_resume_percent < self.complete_percent:
            raise RuleViolation("min_resume_percent must be below complete_percent",
                                field="min_resume_percent")
        if self.min_resume_seconds < 0:
            raise RuleViolation("min_resume_seconds must not be negative",
                                field="min_resume_seconds")


class ProgressReport(msgspec.Struct, frozen=True):
    """Where a player is: a position past the end is taken as the end. Times are kept to
    the millisecond, so a denormal such as 5e-324 becomes 0 instead of reaching the
    database, where dividing it underflows (an error in PostgreSQL, not a zero)."""

    position_seconds: float
    duration_seconds: float

    def __post_init__(self) -> None:
        position, duration = _millis(self.position_seconds), _millis(self.duration_seconds)
        if not (math.isfinite(duration) and duration > 0):
            raise RuleViolation("duration_seconds must be a positive number (at least 0.001)",
                                field="duration_seconds")
        if not (math.isfinite(position) and position >= 0):
            raise RuleViolation("position_seconds must not be negative", field="position_seconds")
        msgspec.structs.force_setattr(self, "position_seconds", position)
        msgspec.structs.force_setattr(self, "duration_seconds", duration)

    @property
    def position(self) -> float:
        return min(self.position_seconds, self.duration_seconds)


class WatchState(msgspec.Struct, frozen=True, kw_only=True):
    position_seconds: float = 0.0
    duration_seconds: float = 0.0
    completed: bool = False
    play_count: int = 0
    in_progress: bool = False
    hidden_from_continue: bool = False
    last_played_at: datetime | None = None

    @property
    def percent(self) -> float:
        return percent_of(self.position_seconds, self.duration_seconds)

    @property
    def resume_position_seconds(self) -> float:
        return self.position_seconds if self.in_progress else 0.0


class ProgressOutcome(msgspec.Struct, frozen=True):
    state: WatchState
    completed_now: bool


UNWATCHED = WatchState()


def _millis(seconds: float) -> float:
    return round(seconds, 3) if math.isfinite(seconds) else seconds


def percent_of(position: float, duration: float) -> float:
    """0-100; the same formula as the generated `watch_state.percent` column."""
    if duration <= 0:
        return 0.0
    return min(100.0, max(0.0, position * 100 / duration))


def is_resume_point(position: float, duration: float, policy: ProgressPolicy) -> bool:
    percent = percent_of(position, duration)
    return (percent >= policy.min_resume_percent and position >= policy.min_resume_seconds
            and percent < policy.complete_percent)


def record_progress(state: WatchState, report: ProgressReport, now: datetime,
                    policy: ProgressPolicy) -> ProgressOutcome:
    position, duration = report.position, report.duration_seconds
    at_end = percent_of(position, duration) >= policy.complete_percent
    was_at_end = state.percent >= policy.complete_percent
    completed_now = at_end and not was_at_end
    moved = (position, duration) != (state.position_seconds, state.duration_seconds)
    return ProgressOutcome(WatchState(
        position_seconds=position, duration_seconds=duration,
        completed=state.completed or at_end,
        play_count=state.play_count + (1 if completed_now else 0),
        in_progress=is_resume_point(position, duration, policy),
        hidden_from_continue=state.hidden_from_continue and not moved,
        last_played_at=now,
    ), completed_now)


def mark_watched(state: WatchState, now: datetime) -> ProgressOutcome:
    """Counts a play unless the movie is already watched and not being rewatched, so
    pressing the button twice counts once. The position moves to the end: no resume
    point, and a player still reporting near the end does not count a second play."""
    if state.completed and not state.in_progress:
        return ProgressOutcome(state, completed_now=False)
    return ProgressOutcome(msgspec.structs.replace(
        state, position_seconds=state.duration_seconds, completed=True,
        play_count=state.play_count + 1, in_progress=False, hidden_from_continue=False,
        last_played_at=now), completed_now=True)


def unmark_watched(state: WatchState) -> WatchState:
    """Back to unwatched: no plays, no resume point (the history log is kept)."""
    return msgspec.structs.replace(state, position_seconds=0.0, completed=False, play_count=0,
                                   in_progress=False, hidden_from_continue=False)


def clear_progress(state: WatchState) -> WatchState:
    """Forget the resume point; whether it was watched, and how often, stays."""
    return msgspec.structs.replace(state, position_seconds=0.0, in_progress=False,
                                   hidden_from_continue=False)


def hide_from_continue_watching(state: WatchState) -> WatchState:
    """Out of "continue watching", position kept; the next real progress brings it back."""
    return msgspec.structs.replace(state, hidden_from_continue=True)


def merged(a: WatchState, b: WatchState) -> WatchState:
    """One user's state for two duplicates of one movie: plays add up, watched wins, the
    most recently played copy gives the position."""
    latest = max((a, b), key=lambda s: (s.last_played_at is not None, s.last_played_at or 0))
    return msgspec.structs.replace(
        latest, completed=a.completed or b.completed, play_count=a.play_count + b.play_count,
        hidden_from_continue=a.hidden_from_continue and b.hidden_from_continue)

"""The shared kernel's clock: every context reads the time through this one shape (a
callable returning an aware UTC datetime), injected so tests can fix the time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
# Unix seconds, where a number is what is stored or signed (media token expiries, idle
# timers of playback sessions).
EpochClock = Callable[[], float]


def utc_now() -> datetime:
    return datetime.now(UTC)

"""In-memory twin of the Throttle port (one process; injectable monotonic clock)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from revenge.domain.identity.throttling import ThrottleRule


class InMemoryThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._counts: dict[str, tuple[int, float]] = {}  # key -> (failures, window end)
        self._blocked: dict[str, float] = {}  # key -> blocked until
        self._marks: dict[str, float] = {}  # key -> remembered until

    async def blocked_for(self, key: str) -> int:
        remaining = self._blocked.get(key, 0.0) - self._clock()
        return math.ceil(remaining) if remaining > 0 else 0

    async def fail(self, key: str, rule: ThrottleRule) -> int:
        now = self._clock()
        count, ends = self._counts.get(key, (0, now + rule.window_seconds))
        if ends <= now:
            count, ends = 0, now + rule.window_seconds
        self._counts[key] = (count + 1, ends)
        if count + 1 < rule.limit:
            return 0
        self._blocked[key] = now + rule.block_seconds
        self._counts.pop(key, None)
        return rule.block_seconds

    async def reset(self, key: str) -> None:
        self._counts.pop(key, None)
        self._blocked.pop(key, None)

    async def remember(self, key: str, ttl_seconds: int) -> None:
        self._marks[key] = self._clock() + ttl_seconds

    async def remembers(self, key: str) -> bool:
        return self._marks.get(key, 0.0) > self._clock()

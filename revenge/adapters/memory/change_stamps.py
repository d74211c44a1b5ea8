"""`ChangeStamps` of the in-memory profile: any commit to the shared state is a change
to everyone's lists (coarse, but never stale)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from revenge.adapters.memory.unit_of_work import InMemoryState


class InMemoryChangeStamps:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state
        self._touched: Counter[str] = Counter()

    def stamp(self, user_id: str) -> Hashable | None:
        return (self._state.commits, self._touched[user_id])

    def touch(self, user_id: str) -> None:
        self._touched[user_id] += 1

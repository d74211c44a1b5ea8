"""`DisplayPreferencesStore` in the shared in-memory state."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from revenge.adapters.memory.unit_of_work import InMemoryState


class InMemoryDisplayPreferences:
    def __init__(self, state: InMemoryState) -> None:
        self._rows: dict[tuple[str, str, str], dict[str, Any]] = state.table(
            "display_preferences")

    async def get(self, user_id: str, client: str, preferences_id: str
                  ) -> dict[str, Any] | None:
        found = self._rows.get((user_id, client, preferences_id))
        return copy.deepcopy(found) if found is not None else None

    async def put(self, user_id: str, client: str, preferences_id: str,
                  body: dict[str, Any], now: datetime, *, max_entries: int) -> bool:
        key = (user_id, client, preferences_id)
        if key not in self._rows and sum(k[0] == user_id for k in self._rows) >= max_entries:
            return False
        self._rows[key] = copy.deepcopy(body)
        return True

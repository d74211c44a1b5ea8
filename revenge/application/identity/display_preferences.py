"""What an app remembers per view for a person (Jellyfin's `/DisplayPreferences/{id}`:
sort order, view type, its own custom keys), kept per user, app and id.

The body is the app's own JSON object: we keep it as given (bounded), and hand it back
as it was stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

import msgspec

from revenge.domain.errors import RuleViolation

MAX_BODY_BYTES = 64 * 1024
MAX_ENTRIES_PER_USER = 500  # views times apps: far more than any person has
MAX_NAME_LENGTH = 100


class DisplayPreferencesStore(Protocol):
    async def get(self, user_id: str, client: str, preferences_id: str
                  ) -> dict[str, Any] | None:
        """The stored body, or None."""
        ...

    async def put(self, user_id: str, client: str, preferences_id: str,
                  body: dict[str, Any], now: datetime, *, max_entries: int) -> bool:
        """Stores (or replaces) the body. False, storing nothing, when it would be a new
        entry and the user already has `max_entries`."""
        ...


class DisplayPreferences:
    def __init__(self, store: DisplayPreferencesStore, clock: Any) -> None:
        self._store = store
        self._clock = clock

    async def read(self, user_id: str, client: str, preferences_id: str
                   ) -> dict[str, Any] | None:
        return await self._store.get(user_id, _name(client, "client"),
                                     _name(preferences_id, "preferences_id"))

    async def save(self, user_id: str, client: str, preferences_id: str,
                   body: dict[str, Any]) -> None:
        if len(msgspec.json.encode(body)) > MAX_BODY_BYTES:
            raise RuleViolation(f"display preferences are at most {MAX_BODY_BYTES} bytes",
                                field="body")
        stored = await self._store.put(user_id, _name(client, "client"),
                                       _name(preferences_id, "preferences_id"), body,
                                       self._clock(), max_entries=MAX_ENTRIES_PER_USER)
        if not stored:
            raise RuleViolation(f"at most {MAX_ENTRIES_PER_USER} display preferences per "
                                "user", field="preferences_id")


def _name(value: str, field: str) -> str:
    if not 1 <= len(value) <= MAX_NAME_LENGTH or "\x00" in value:
        raise RuleViolation(f"{field} must be 1 to {MAX_NAME_LENGTH} characters", field=field)
    return value

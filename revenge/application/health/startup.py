"""Process start-up state: whether the schema migrations have been applied."""

from __future__ import annotations

import asyncio


class StartupState:
    def __init__(self) -> None:
        self.migrated = asyncio.Event()
        self.error: str | None = None


class MigrationsProbe:
    """Readiness includes "the schema is in place"."""

    name = "migrations"
    critical = True

    def __init__(self, state: StartupState) -> None:
        self._state = state

    async def check(self) -> None:
        if not self._state.migrated.is_set():
            raise RuntimeError(self._state.error or "migrations not applied yet")

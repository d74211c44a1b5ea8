"""Whether this process has started: the schema migrations are applied, or what is left."""

from __future__ import annotations

import msgspec

from revenge.application.health.ports import MigrationState
from revenge.application.health.startup import StartupState


class StartupReport(msgspec.Struct, frozen=True):
    started: bool
    pending: list[str]
    error: str | None


class CheckStartup:
    """Started once the migrations ran; until then, the migrations still pending (none
    when the database cannot be asked: the error says why) and the last error."""

    def __init__(self, state: StartupState, migrations: MigrationState) -> None:
        self._state = state
        self._migrations = migrations

    async def execute(self) -> StartupReport:
        if self._state.migrated.is_set():
            return StartupReport(started=True, pending=[], error=None)
        return StartupReport(started=False, pending=await self._pending(),
                             error=self._state.error)

    async def _pending(self) -> list[str]:
        try:
            return list(await self._migrations.pending())
        except Exception:  # the database itself may be down; the error says so
            return []

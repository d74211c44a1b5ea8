"""Start-up: started once the migrations ran; until then what is pending, and why."""

from __future__ import annotations

from revenge.application.health.check_startup import CheckStartup, StartupReport
from revenge.application.health.startup import StartupState


class Migrations:
    def __init__(self, pending: list[str] | None = None) -> None:
        self._pending = pending

    async def pending(self) -> list[str]:
        if self._pending is None:
            raise ConnectionError("database refused")
        return self._pending


async def test_a_migrated_process_has_started() -> None:
    state = StartupState()
    state.migrated.set()
    report = await CheckStartup(state, Migrations(["0001"])).execute()
    assert report == StartupReport(started=True, pending=[], error=None)


async def test_a_starting_process_names_the_pending_migrations_and_the_last_error() -> None:
    state = StartupState()
    state.error = "waiting for the database"
    report = await CheckStartup(state, Migrations(["0012_radarr"])).execute()
    assert report == StartupReport(started=False, pending=["0012_radarr"],
                                   error="waiting for the database")


async def test_pending_migrations_are_unknown_while_the_database_is_down() -> None:
    report = await CheckStartup(StartupState(), Migrations(None)).execute()
    assert report == StartupReport(started=False, pending=[], error=None)

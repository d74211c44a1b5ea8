"""Ports the health use cases need."""

from __future__ import annotations

from typing import Protocol


class DependencyProbe(Protocol):
    """Checks one dependency; `check` returns normally when it is usable.

    It raises `Unavailable` (or any exception) when not. Callers bound it with a timeout.
    """

    name: str
    # A degraded non-critical dependency (search) leaves the server ready.
    critical: bool

    async def check(self) -> None: ...


class MigrationState(Protocol):
    """Tells whether every known migration has been applied."""

    async def pending(self) -> list[str]: ...

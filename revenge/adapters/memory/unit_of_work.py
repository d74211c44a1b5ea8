"""In-memory unit of work: changes are staged and applied to the shared state on commit."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self


class InMemoryState:
    """Everything the in-memory adapters hold, shared by one container; `tables` is a
    dict of dicts so a unit of work can snapshot and restore it cheaply."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[Any, Any]] = {}
        self.commits = 0  # grows with every commit: what change stamps are made of

    def table(self, name: str) -> dict[Any, Any]:
        return self.tables.setdefault(name, {})


class InMemoryUnitOfWork:
    """Rolls back by restoring a snapshot taken at the start of the block."""

    def __init__(self, state: InMemoryState) -> None:
        self.state = state
        self._after_commit: list[Callable[[], Awaitable[None]]] = []

    async def __aenter__(self) -> Self:
        self._snapshot = copy.deepcopy(self.state.tables)
        self._committed = False
        self._after_commit = []
        self._bind()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        if not self._committed:
            await self.rollback()

    def _bind(self) -> None:
        """Subclasses create their repositories on `self.state` here."""

    def after_commit(self, callback: Callable[[], Awaitable[None]]) -> None:
        self._after_commit.append(callback)

    async def commit(self) -> None:
        self._committed = True
        self.state.commits += 1
        self._snapshot = copy.deepcopy(self.state.tables)
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            await callback()

    async def rollback(self) -> None:
        """Each table is restored in place: adapters built once (queries) keep references
        to the table dicts, and must see the restored rows, not an orphaned copy."""
        restored = copy.deepcopy(self._snapshot)
        for name in self.state.tables.keys() - restored.keys():
            self.state.tables[name].clear()
        for name, rows in restored.items():
            table = self.state.table(name)
            table.clear()
            table.update(rows)

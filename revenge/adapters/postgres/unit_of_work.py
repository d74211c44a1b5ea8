"""The Postgres unit of work: one connection, one transaction per use case.

Context-specific units of work subclass it and build their repositories on
`self.connection` in `_bind`. Leaving the block without `commit()` rolls back, so a
failed use case never leaves half-written records. Callbacks registered with
`after_commit` run only once the transaction is durable (e.g. kick the outbox relay).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Self

from revenge.adapters.postgres.database import Connection, Database


class PostgresUnitOfWork:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._after_commit: list[Callable[[], Awaitable[None]]] = []

    @property
    def connection(self) -> Connection:
        return self._conn

    async def __aenter__(self) -> Self:
        self._conn_cm = self._database.connection()
        self._conn = await self._conn_cm.__aenter__()
        self._after_commit = []
        self._bind()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            await self.rollback()
        finally:
            await self._conn_cm.__aexit__(exc_type, exc, tb)

    def _bind(self) -> None:
        """Subclasses create their repositories on `self.connection` here."""

    def after_commit(self, callback: Callable[[], Awaitable[None]]) -> None:
        self._after_commit.append(callback)

    async def commit(self) -> None:
        await self._conn.commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            await callback()

    async def rollback(self) -> None:
        await self._conn.rollback()

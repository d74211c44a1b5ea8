"""The async PostgreSQL connection pool, shared by every Postgres adapter."""

from __future__ import annotations

import time
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from revenge.adapters.postgres.utc_times import read_times_in_utc
from revenge.domain.errors import Unavailable

Connection = psycopg.AsyncConnection[dict[str, Any]]
_CHECK_AFTER_IDLE_SECONDS = 2.0


async def _configure(connection: Connection) -> None:
    read_times_in_utc(connection)


class Database:
    """Owns one psycopg pool. Opening never blocks on the server being up, so the
    process starts (and /healthz answers) while PostgreSQL is still down."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10,
                 acquire_timeout: float = 5.0) -> None:
        self.url = url
        self._last_used: weakref.WeakKeyDictionary[Connection, float] = (
            weakref.WeakKeyDictionary())
        self._pool = AsyncConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            open=False,
            timeout=acquire_timeout,
            kwargs={"row_factory": dict_row, "autocommit": False},
            connection_class=psycopg.AsyncConnection[dict[str, Any]],
            check=self._check_if_idle,
            reconnect_timeout=0,  # keep trying forever; readiness reports the outage
            name="revenge",
            configure=_configure,
        )

    async def open(self) -> None:
        await self._pool.open(wait=False)

    async def close(self) -> None:
        await self._pool.close()

    async def _check_if_idle(self, conn: Connection) -> None:
        """A connection idle for a while may have died with the server (restart,
        failover): check it on checkout so no request fails on it. Checking every
        checkout would cost a round trip per request; a busy connection is known good."""
        if time.monotonic() - self._last_used.get(conn, 0.0) > _CHECK_AFTER_IDLE_SECONDS:
            await AsyncConnectionPool.check_connection(conn)

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Connection]:
        try:
            async with self._pool.connection() as conn:
                yield conn
                self._last_used[conn] = time.monotonic()
        except PoolTimeout as exc:
            raise Unavailable("database", "no connection available") from exc
        except psycopg.OperationalError as exc:
            raise Unavailable("database", _first_line(exc)) from exc

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        async with self.connection() as conn, conn.transaction():
            yield conn

    async def ping(self) -> None:
        async with self.connection() as conn:
            await conn.execute("SELECT 1")

    def stats(self) -> dict[str, int]:
        return dict(self._pool.get_stats())


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class PostgresProbe:
    """Readiness probe: the database answers `SELECT 1`."""

    name = "database"
    critical = True

    def __init__(self, database: Database) -> None:
        self._database = database

    async def check(self) -> None:
        await self._database.ping()

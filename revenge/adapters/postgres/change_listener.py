"""`ChangeStamps` from PostgreSQL notifications (migration 0012): a connection of its
own LISTENs on `revenge_catalog` and `revenge_user_state`. While it is not listening
(not yet connected, or lost) every stamp is None, so nothing is cached on trust; each
new connection starts a new epoch, because changes made while deaf are unknown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Hashable

import psycopg
from tenacity import AsyncRetrying, retry_if_exception_type, wait_exponential

log = logging.getLogger(__name__)

CATALOG_CHANNEL = "revenge_catalog"
USER_STATE_CHANNEL = "revenge_user_state"
# A quiet connection is checked this often, so a server that vanished without closing
# the socket is noticed (and caching stops) within this many seconds.
HEARTBEAT_SECONDS = 10.0
APPLICATION_NAME = "revenge change listener"  # how it shows in pg_stat_activity


class PostgresChangeStamps:
    def __init__(self, url: str, *, heartbeat_seconds: float = HEARTBEAT_SECONDS,
                 max_retry_seconds: float = 10.0) -> None:
        self._url = url
        self._heartbeat = heartbeat_seconds
        self._max_retry = max_retry_seconds
        self._epoch = 0
        self._catalog = 0
        self._users: dict[str, int] = {}
        self._listening = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def stamp(self, user_id: str) -> Hashable | None:
        if not self._listening.is_set():
            return None
        return (self._epoch, self._catalog, self._users.get(user_id, 0))

    def touch(self, user_id: str) -> None:
        self._users[user_id] = self._users.get(user_id, 0) + 1

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    async def wait_listening(self) -> None:
        await self._listening.wait()

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="change-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            conn = await self._connect()
            await self._listen(conn)  # returns when the connection is lost

    async def _connect(self) -> psycopg.AsyncConnection[tuple[object, ...]]:
        """Connected and listening; retried with backoff (from the start again after
        each loss) while PostgreSQL is away."""
        retrying = AsyncRetrying(
            wait=wait_exponential(multiplier=0.5, max=self._max_retry),
            retry=retry_if_exception_type((psycopg.Error, OSError)),
            before_sleep=lambda state: log.warning(
                "change notifications unavailable (%s); list caching is off",
                state.outcome.exception() if state.outcome else "?"))
        async for attempt in retrying:
            with attempt:
                conn = await psycopg.AsyncConnection.connect(
                    self._url, autocommit=True, application_name=APPLICATION_NAME)
                try:
                    await conn.execute(f"LISTEN {CATALOG_CHANNEL}")
                    await conn.execute(f"LISTEN {USER_STATE_CHANNEL}")
                except BaseException:
                    await conn.close()
                    raise
        return conn

    async def _listen(self, conn: psycopg.AsyncConnection[tuple[object, ...]]) -> None:
        self._epoch += 1  # whatever happened while deaf is unknown: start afresh
        self._users.clear()
        self._listening.set()
        try:
            while True:
                async for note in conn.notifies(timeout=self._heartbeat):
                    self._apply(note.channel, note.payload)
                await conn.execute("SELECT 1")  # quiet for a while: still there?
        except (psycopg.Error, OSError) as exc:
            log.warning("change notifications lost (%s); list caching is off until "
                        "reconnected", exc)
        finally:
            self._listening.clear()
            with contextlib.suppress(Exception):
                await conn.close()

    def _apply(self, channel: str, payload: str) -> None:
        if channel == USER_STATE_CHANNEL and payload:
            self.touch(payload)
        else:
            self._catalog += 1

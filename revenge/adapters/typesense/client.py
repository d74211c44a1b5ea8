"""The `typesense` package's async client, set up so an outage costs no waiting.

`typesense.AsyncClient` (2.x, on httpx) is configured for one node, no retries (so no
sleeps between them) and a short timeout; a breaker on top fails at once for a moment
after an outage, so a search falls back to PostgreSQL within milliseconds. Its errors
become ours: `Unavailable` for an outage, `Missing` for a 404 (callers decide what an
absent alias or collection means), `TypesenseRejected` for any other 4xx.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from typesense import AsyncClient
from typesense import exceptions as answers
from typesense.configuration import ConfigDict, NodeConfigDict

from revenge.domain.errors import Unavailable

DEPENDENCY = "search"
T = TypeVar("T")
Operation = Callable[[AsyncClient], Awaitable[T]]

# What says Typesense is down or unreachable, rather than that our request was wrong.
_OUTAGES = (httpx.HTTPError, answers.ServerError, answers.ServiceUnavailable,
            answers.HTTPStatus0Error)


class TypesenseClient:
    """After a transport failure or a 5xx, calls fail at once for `cooldown_seconds`
    (the breaker is open), except `health`, which always asks and closes it on success.
    Without a URL or key every call raises `Unavailable`: searches fall back to PostgreSQL.
    """

    def __init__(self, url: str | None, api_key: str | None, *, timeout_seconds: float = 2.0,
                 write_timeout_seconds: float = 120.0, cooldown_seconds: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.url = (url or "").rstrip("/")  # none configured: every call is Unavailable
        self._api_key = api_key or ""
        self._timeout = timeout_seconds
        self._write_timeout = write_timeout_seconds
        self._cooldown = cooldown_seconds
        self._clock = clock
        self._open_until = 0.0
        self._clients: _Clients | None = None

    async def call(self, action: str, operation: Operation[T], *, bulk: bool = False) -> T:
        """Runs `operation` on the package's client; `action` names it in errors.
        `bulk` operations (imports, exports, deletes) may take the long write timeout."""
        if self._clock() < self._open_until:
            raise Unavailable(DEPENDENCY, "typesense failed moments ago; not asking again yet")
        try:
            return await self._send(operation, bulk=bulk)
        except answers.ObjectNotFound as exc:
            raise Missing(action, exc) from exc
        except answers.TypesenseClientError as exc:
            raise TypesenseRejected.of(action, exc) from exc

    async def health(self) -> None:
        """Raises `Unavailable` unless the node is up and caught up."""
        try:
            healthy = await self._send(lambda ts: ts.operations.is_healthy(), bulk=False)
        except answers.TypesenseClientError as exc:  # e.g. a wrong key: not usable either
            raise Unavailable(DEPENDENCY, f"typesense is not ready: {_status(exc)}") from exc
        if not healthy:
            raise Unavailable(DEPENDENCY, "typesense is not ready")

    async def close(self) -> None:
        clients, self._clients = self._clients, None
        # The pool of another (ended) loop cannot be closed from this one: it went with it.
        if clients is not None and clients.loop is asyncio.get_running_loop():
            await clients.close()

    async def _send(self, operation: Operation[T], *, bulk: bool) -> T:
        if not self.url or not self._api_key:
            raise Unavailable(DEPENDENCY, "REVENGE_TYPESENSE_URL and _API_KEY are not configured")
        clients = self._current()
        try:
            answer = await operation(clients.bulk if bulk else clients.fast)
        except _OUTAGES as exc:
            self._open_until = self._clock() + self._cooldown
            raise Unavailable(DEPENDENCY, f"{type(exc).__name__}: {str(exc)[:200]}") from exc
        self._open_until = 0.0
        return answer

    def _current(self) -> _Clients:
        # A pool belongs to one event loop; a CLI run or a test on another loop gets its own.
        loop = asyncio.get_running_loop()
        if self._clients is None or self._clients.loop is not loop:
            self._clients = _Clients(loop, self._config(self._timeout, 64),
                                     self._config(self._write_timeout, 8))
        return self._clients

    def _config(self, timeout_seconds: float, connections: int) -> ConfigDict:
        return {
            "nodes": [node_of(self.url)], "api_key": self._api_key,
            # The package's timeout is per client (connect, read, write and pool alike),
            # hence one client for searches and one for bulk writes.
            "connection_timeout_seconds": timeout_seconds,
            # No retries: a failure is raised at once (the package sleeps only between
            # retries), and our breaker, not its node manager, decides when to ask again.
            "num_retries": 0, "retry_interval_seconds": 0, "healthcheck_interval_seconds": 0,
            "max_connections": connections, "max_keepalive_connections": connections // 2,
        }


class _Clients:
    """The pair of package clients of one event loop: short timeout, and bulk writes."""

    def __init__(self, loop: asyncio.AbstractEventLoop, fast: ConfigDict,
                 bulk: ConfigDict) -> None:
        self.loop = loop
        self.fast, self.bulk = AsyncClient(fast), AsyncClient(bulk)

    async def close(self) -> None:
        await self.fast.api_call.aclose()
        await self.bulk.api_call.aclose()


def node_of(url: str) -> NodeConfigDict:
    """The package wants the port spelled out; a URL may leave the scheme's default."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return {"host": parts.hostname or "", "port": port, "protocol": parts.scheme,
            "path": parts.path}


def _status(error: answers.TypesenseClientError) -> str:
    status, *message = error.args or ("?",)
    return f"HTTP {status} {' '.join(map(str, message))[:300]}"


class TypesenseRejected(Exception):
    """Typesense refused a request as malformed (schema or query): not worth retrying."""

    @classmethod
    def of(cls, action: str, error: answers.TypesenseClientError) -> TypesenseRejected:
        return cls(f"typesense refused to {action}: {_status(error)}")


class Missing(TypesenseRejected):
    """A 404: the alias, collection or document is not there (an error unless expected)."""

    def __init__(self, action: str, error: answers.TypesenseClientError) -> None:
        super().__init__(f"typesense refused to {action}: {_status(error)}")

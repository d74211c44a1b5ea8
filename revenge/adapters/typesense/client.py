"""A thin async client for Typesense's REST API: one pooled httpx client, short timeouts,
errors translated to `Unavailable`, and a breaker so an outage costs no waiting.

Why httpx and not the `typesense` package: its current releases target servers 30+
(we must serve 0.24 too), its node manager retries with sleeps (a search must fall back
within milliseconds, not after retries), and we use a handful of endpoints that have
not changed since 0.24: collections, aliases, documents import/export/delete,
multi_search and health.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from revenge.domain.errors import Unavailable

DEPENDENCY = "search"


class TypesenseClient:
    """Requests return the response for any status below 500 (callers interpret 404s).

    After a transport failure or a 5xx, requests fail at once for `cooldown_seconds`
    (the breaker is open), except `health`, which always asks and closes it on success.
    Without a URL every request raises `Unavailable`: searches fall back to PostgreSQL.
    """

    def __init__(self, url: str | None, api_key: str | None, *, timeout_seconds: float = 2.0,
                 write_timeout_seconds: float = 120.0, cooldown_seconds: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.url = (url or "").rstrip("/")  # none configured: every request is Unavailable
        self._headers = {"X-TYPESENSE-API-KEY": api_key or ""}
        self._timeout = timeout_seconds
        self._write_timeout = write_timeout_seconds
        self._cooldown = cooldown_seconds
        self._clock = clock
        self._open_until = 0.0
        self._http: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def request(self, method: str, path: str, *, bulk: bool = False,
                      **kwargs: Any) -> httpx.Response:
        """`bulk` requests (imports, exports, drops) may take the long write timeout."""
        if self._clock() < self._open_until:
            raise Unavailable(DEPENDENCY, "typesense failed moments ago; not asking again yet")
        return await self._send(method, path, self._write_timeout if bulk else None, kwargs)

    async def health(self) -> None:
        """Raises `Unavailable` unless the node is up and caught up."""
        response = await self._send("GET", "/health", None, {})
        if response.status_code != 200 or not response.json().get("ok"):
            raise Unavailable(DEPENDENCY, "typesense is not ready")

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def _send(self, method: str, path: str, seconds: float | None,
                    kwargs: Mapping[str, Any]) -> httpx.Response:
        if not self.url:
            raise Unavailable(DEPENDENCY, "REVENGE_TYPESENSE_URL is not configured")
        try:
            response = await self._client().request(
                method, path, timeout=seconds or self._timeout, **kwargs)
        except httpx.HTTPError as exc:
            raise self._failed(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 500:
            raise self._failed(f"HTTP {response.status_code}: {response.text[:200]}")
        self._open_until = 0.0
        return response

    def _failed(self, detail: str) -> Unavailable:
        self._open_until = self._clock() + self._cooldown
        return Unavailable(DEPENDENCY, detail)

    def _client(self) -> httpx.AsyncClient:
        # The pool belongs to one event loop; a CLI run or a test on another loop gets its own.
        loop = asyncio.get_running_loop()
        if self._http is None or self._loop is not loop:
            self._http = httpx.AsyncClient(
                base_url=self.url, headers=self._headers,
                limits=httpx.Limits(max_connections=64, max_keepalive_connections=32))
            self._loop = loop
        return self._http


def raise_for_status(response: httpx.Response, action: str) -> None:
    """A 4xx the caller did not expect: our request was wrong (a bug, not an outage)."""
    if response.status_code >= 400:
        raise TypesenseRejected(f"typesense refused to {action}: "
                                f"HTTP {response.status_code} {response.text[:300]}")


class TypesenseRejected(Exception):
    """Typesense refused a request as malformed (schema or query): not worth retrying."""

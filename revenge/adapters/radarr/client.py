"""The HTTP client for one Radarr: `X-Api-Key`, timeouts, retries of transient failures
(timeouts, connection errors, 5xx) with jittered backoff, and clear errors for the rest."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
import msgspec
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

from revenge.adapters.radarr.wire import WireError
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.radarr.errors import RadarrBadAnswer, RadarrRefused
from revenge.domain.radarr.settings import without_credentials

log = logging.getLogger(__name__)
T = TypeVar("T")
Params = Mapping[str, str | int]


class RadarrClientSettings(msgspec.Struct, frozen=True, kw_only=True):
    timeout_seconds: float = 10.0
    attempts: int = 3
    base_wait_seconds: float = 0.3
    max_wait_seconds: float = 3.0


DEFAULT_SETTINGS = RadarrClientSettings()


class _Retryable(Exception):
    """A transient failure: the request may be sent again."""


class RadarrClient:
    def __init__(self, url: str, api_key: str,
                 settings: RadarrClientSettings = DEFAULT_SETTINGS,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._url = url.rstrip("/")
        self._shown_url = without_credentials(self._url)  # errors never echo a password
        self._settings = settings
        self._http = httpx.AsyncClient(
            base_url=f"{self._url}/api/v3", transport=transport,
            timeout=httpx.Timeout(settings.timeout_seconds,
                                  connect=min(5.0, settings.timeout_seconds)),
            headers={"X-Api-Key": api_key, "Accept": "application/json",
                     "User-Agent": "Revenge (+radarr integration)"})

    async def aclose(self) -> None:
        await self._http.aclose()

    async def get(self, path: str, type_: type[T], params: Params | None = None) -> T:
        """Retried on transient failures; an idempotent read."""
        response = await self._send("GET", path, params=params, idempotent=True)
        return self._decode(path, response, type_)

    async def post(self, path: str, body: Any, type_: type[T]) -> T:
        """Sent again only when the connection failed before it left."""
        response = await self._send("POST", path, json=body, idempotent=False)
        return self._decode(path, response, type_)

    async def _send(self, method: str, path: str, *, idempotent: bool,
                    **kwargs: Any) -> httpx.Response:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._settings.attempts), reraise=True,
            wait=wait_random_exponential(multiplier=self._settings.base_wait_seconds,
                                         max=self._settings.max_wait_seconds),
            retry=retry_if_exception_type(_Retryable))
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._once(method, path, idempotent, **kwargs)
        except _Retryable as exc:
            raise Unavailable("radarr", f"{self._shown_url}: {exc}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, method: str, path: str, idempotent: bool,
                    **kwargs: Any) -> httpx.Response:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.ConnectError as exc:
            raise _Retryable(f"cannot connect ({_reason(exc)})") from exc
        except httpx.TimeoutException as exc:
            if not idempotent:
                raise Unavailable("radarr", f"{self._shown_url}: timed out") from exc
            raise _Retryable("timed out") from exc
        except httpx.HTTPError as exc:
            raise Unavailable("radarr", f"{self._shown_url}: {type(exc).__name__}") from exc
        if response.status_code >= 500 and idempotent:
            raise _Retryable(f"HTTP {response.status_code} from {path}")
        self._check(path, response)
        return response

    def _check(self, path: str, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        if status in (401, 403):
            raise RadarrRefused(f"Radarr refused the API key (HTTP {status})")
        if status == 404:
            raise NotFound(f"Radarr has no {path} (HTTP 404)")
        if status >= 500:
            raise Unavailable("radarr", f"{self._shown_url}: HTTP {status} from {path}")
        raise RadarrBadAnswer(f"Radarr answered HTTP {status} to {path}: "
                              f"{_message(response)}")

    @staticmethod
    def _decode(path: str, response: httpx.Response, type_: type[T]) -> T:
        try:
            return msgspec.json.decode(response.content, type=type_)
        except msgspec.ValidationError as exc:  # a subclass of DecodeError: first
            raise RadarrBadAnswer(f"Radarr's answer to {path} is not what Radarr sends: "
                                  f"{exc}") from None
        except msgspec.DecodeError:
            raise RadarrBadAnswer(f"Radarr's answer to {path} is not JSON (is the URL "
                                  "Radarr's, with its URL base?)") from None


def _message(response: httpx.Response) -> str:
    """Radarr's own error message; whatever else answered is not echoed (the test of a
    connection must not read other services' pages back to the caller)."""
    try:
        error = msgspec.json.decode(response.content, type=WireError)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return response.reason_phrase or "not a Radarr error"
    return (error.message or error.error_message or response.reason_phrase)[:200]


def _reason(exc: httpx.HTTPError) -> str:
    """Why a connection failed, without the URL httpx may put in the message."""
    cause = exc.__cause__ or exc.__context__
    return str(cause) if isinstance(cause, OSError) and str(cause) else type(exc).__name__


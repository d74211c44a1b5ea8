"""The TMDb HTTP client: auth, rate limit, retries, breaker, response cache, errors."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import httpx
import msgspec
from aiolimiter import AsyncLimiter
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
)

from revenge.adapters.tmdb.resilience import (
    CircuitBreaker,
    Retryable,
    RetryPolicy,
    retry_after_seconds,
    retry_wait,
)
from revenge.adapters.tmdb.wire import WireError
from revenge.application.shared.cache import Cache
from revenge.domain.errors import NotFound, Unavailable

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.themoviedb.org/3"
Params = Mapping[str, str | int]


class TmdbSettings(msgspec.Struct, frozen=True, kw_only=True):
    api_key: str
    base_url: str = DEFAULT_BASE_URL
    language: str = "en-US"
    region: str = "US"
    requests_per_second: float = 40.0
    timeout_seconds: float = 10.0
    proxy: str | None = None
    retry: RetryPolicy = RetryPolicy()
    breaker_threshold: int = 5
    breaker_reset_seconds: float = 60.0


@dataclass
class ClientStats:
    """Counters for benches and logs: requests sent and cache hits/misses."""

    requests: int = 0
    cache_hits: int = 0
    cache_misses: int = 0


def is_read_access_token(key: str) -> bool:
    """A v4 read-access token is a JWT (three dot-separated parts); a v3 key is hex."""
    return key.count(".") == 2 and key.startswith("eyJ")


class TmdbClient:
    """GETs JSON bodies. Raises `NotFound` (404), `Unavailable` (everything else that
    is not a 2xx after the retry budget, or while the breaker is open)."""

    def __init__(self, settings: TmdbSettings, cache: Cache | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self.stats = ClientStats()
        self._cache = cache
        self._limiter = AsyncLimiter(settings.requests_per_second, 1)
        self._breaker = CircuitBreaker(threshold=settings.breaker_threshold,
                                       reset_seconds=settings.breaker_reset_seconds)
        self._http = httpx.AsyncClient(
            base_url=settings.base_url.rstrip("/") + "/", headers=_auth_headers(settings),
            timeout=settings.timeout_seconds, proxy=settings.proxy, transport=transport,
            follow_redirects=False)

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    async def get(self, path: str, params: Params | None = None, *,
                  cache_ttl: int | None = None, fresh: bool = False) -> bytes:
        query = {**self._key_param(), **(params or {})}
        key = _cache_key(self.settings.base_url, path, params or {})
        if cache_ttl and not fresh and (cached := await self._cached(key)) is not None:
            return cached
        body = await self._fetch(path, query)
        if cache_ttl and self._cache is not None:
            await self._cache.set(key, body.decode(), cache_ttl)
        return body

    async def _cached(self, key: str) -> bytes | None:
        found = await self._cache.get(key, str) if self._cache is not None else None
        if found is None:
            self.stats.cache_misses += 1
            return None
        self.stats.cache_hits += 1
        return found.encode()

    async def _fetch(self, path: str, query: Params) -> bytes:
        self._breaker.check()
        try:
            body = await self._with_retries(path, query)
        except Unavailable:
            self._breaker.failed()
            raise
        self._breaker.succeeded()
        return body

    async def _with_retries(self, path: str, query: Params) -> bytes:
        policy = self.settings.retry
        retrying = AsyncRetrying(
            stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.budget_seconds),
            wait=retry_wait(policy), retry=retry_if_exception_type(Retryable), reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._once(path, query)
        except Retryable as exc:
            raise Unavailable("tmdb", f"{path}: {exc}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, path: str, query: Params) -> bytes:
        async with self._limiter:
            self.stats.requests += 1
            try:
                response = await self._http.get(path.lstrip("/"), params=query)
            except httpx.TimeoutException as exc:
                raise Retryable(f"timed out ({type(exc).__name__})") from exc
            except httpx.TransportError as exc:
                raise Retryable(f"cannot connect ({exc})") from exc
        return self._checked(path, response)

    def _checked(self, path: str, response: httpx.Response) -> bytes:
        status = response.status_code
        if 200 <= status < 300:
            return response.content
        message = _error_message(response)
        if status == 404:
            raise NotFound(f"TMDb has nothing at {path}: {message}")
        if status == 429 or status >= 500:
            return self._retry_or_give_up(status, message, response)
        if status == 401:
            raise Unavailable("tmdb", f"the API key was refused (401: {message})")
        raise Unavailable("tmdb", f"{path} answered {status}: {message}")

    def _retry_or_give_up(self, status: int, message: str, response: httpx.Response) -> bytes:
        wait = retry_after_seconds(response.headers.get("retry-after"))
        if wait is not None and wait > self.settings.retry.max_wait_seconds:
            raise Unavailable("tmdb", f"rate limited for {wait:.0f} s ({status}: {message})")
        raise Retryable(f"{status}: {message}", retry_after=wait)

    def _key_param(self) -> dict[str, str]:
        key = self.settings.api_key
        return {} if is_read_access_token(key) else {"api_key": key}


def _auth_headers(settings: TmdbSettings) -> dict[str, str]:
    headers = {"Accept": "application/json", "User-Agent": "Revenge/0.1"}
    if is_read_access_token(settings.api_key):
        headers["Authorization"] = f"Bearer {settings.api_key}"
    return headers


def _cache_key(base_url: str, path: str, params: Params) -> str:
    """Per server too: the cache may be shared (Redis) by processes pointed at another
    TMDb (a proxy, a test's fake), whose answers (image base URLs) must not be mixed."""
    query = "&".join(f"{k}={params[k]}" for k in sorted(params))
    return f"tmdb:{base_url.rstrip('/')}{path}?{query}"


def _error_message(response: httpx.Response) -> str:
    try:
        error = msgspec.json.decode(response.content, type=WireError)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return response.reason_phrase or "no details"
    return error.status_message or response.reason_phrase or "no details"
